@AUT-5 @hipaa:164.312(e)(1) @asvs:3.1.1 @asvs:3.4
Feature: AUT-5 Credentials and tokens never travel in clear or in URLs
  A password sent over plain HTTP, a token in a query string or a session cookie without its
  protective flags can be read by anyone on the path, by every proxy and log the request passes,
  or by a script on the page, and then opens the records behind it.

  A system that holds health data is certified only if its logins and APIs take credentials only
  over TLS, refuse tokens carried in URLs, and mark their session cookies Secure, HttpOnly and
  SameSite. Periksa logs in as a declared test identity, asks one of its own records again with the
  token in the query string and no header, and reads the login's cookie attributes; tokens and
  cookie values never appear in the evidence.

  Scenario Outline: Periksa watches how every declared <interface> carries credentials
    When Periksa watches how each "<interface>" carries credentials, tokens and session cookies
    Then none travels in clear or in a URL, and session cookies are protected

    Examples:
      | interface |
      | HTTP API  |
