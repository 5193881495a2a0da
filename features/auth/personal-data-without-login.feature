@AUT-1 @hipaa:164.312(d) @owasp-api:API2:2023
Feature: AUT-1 Every endpoint that returns personal data requires authentication
  A traveller's health-alert card, a patient record or a list of test results must be served only
  to someone who has proven who they are. An API path that hands such data to any caller leaks it
  to the whole internet, one request at a time, however well the rest of the API is protected.

  A system that holds health data is certified only if every API path its profile says returns
  personal data refuses a caller without credentials. Periksa calls each path once, without any
  credentials, for a record the first declared identity owns; a success reply that holds personal
  data is a failure, rated by what it holds. A refusal counts only after the owner has logged in and
  read the same path: a path nobody can read proves nothing.

  Scenario Outline: A stranger calls every <interface> path that returns personal data
    When a stranger calls each "<interface>" endpoint the target says returns personal data, without credentials
    Then none of them returns personal data

    Examples:
      | interface |
      | HTTP API  |
