@STO-3 @hipaa:164.312(a)(1) @hipaa:164.312(d) @uu-pdp:35 @permenkes:29 @permenkes:30 @gdpr:5(1)(f) @gdpr:32 @owasp-api:API8:2023
Feature: STO-3 No database accepts unauthenticated or default-credential sessions
  Databases behind health systems are found open on the internet every year: servers that let
  anyone in without a password, or with the password the product was installed with.

  A system that holds health data is certified only if every database it runs refuses a stranger:
  one who brings no credentials, or only the product's well-known default ones. Periksa tries a
  short list of such logins, each one connection. When one works it proves the session with a
  second signal from the product itself (its version and its catalogue of databases), reads at
  most a few records from the largest stores, and rates the finding by what they hold: identity
  numbers together with health data are critical. Credentials are never shown: `postgres/••••••`.

  Scenario Outline: A stranger tries to open a session with every declared <product> database
    When a stranger opens a session with each "<product>" database the target declares, without credentials or with the product's default ones
    Then none of them lets the stranger in

    Examples:
      | product       |
      | PostgreSQL    |
      | MySQL/MariaDB |
      | CouchDB       |
