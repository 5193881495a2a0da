@AUT-3 @rfc:8725 @asvs:3.5.3 @owasp-api:API2:2023
Feature: AUT-3 Tokens are verified
  A JSON Web Token is only as good as the server's check of it. Health APIs have handed records to
  tokens nobody signed ("alg": "none"), to tokens whose claims were edited under the old signature,
  to tokens signed with the server's own public key as an HMAC secret, and to tokens signed with a
  secret that sits in every wordlist; and they have honoured tokens long after they expired.

  A system that holds health data is certified only if its API refuses every such token. Periksa
  logs in as a declared test identity, keeps its token in memory, and presents forged copies of it
  on a request the API refuses to a stranger and serves to the real token. The signing secret of an
  HMAC token is guessed offline, against the captured token only, never at the live login; a found
  secret is reported masked, and then used to make expired and exp-less tokens with a valid
  signature. No token and no secret is ever written to a report.

  Scenario Outline: A stranger presents forged tokens to every declared <interface>
    When a stranger presents forged, tampered and expired tokens to each "<interface>" the target declares
    Then every one of them is rejected

    Examples:
      | interface |
      | HTTP API  |
