@STO-3 @hipaa:164.312(a)(1) @hipaa:164.312(d) @uu-pdp:35 @permenkes:29 @permenkes:30 @gdpr:5(1)(f) @gdpr:32 @owasp-api:API8:2023
Feature: STO-3 No database accepts unauthenticated or default-credential sessions
  Databases and caches behind a health app hold the same records as its search cluster, and
  often the sessions of the people logged in. Many answer anyone by default (MongoDB before
  access control is turned on, Redis and Memcached out of the box); others are set up with the
  password the product was installed with, which every attacker knows.

  A system that holds health data is certified only if every database it runs refuses a stranger:
  one who brings no credentials, or only the product's well-known default ones. Periksa tries a
  short list of such logins, each one connection. Exposure is proven by two independent signals
  from the product itself, such as its handshake and its catalogue of what it holds. Periksa then
  reads at most a few records from the largest stores and rates the finding by what they hold:
  identity numbers together with health data are critical. Credentials are never shown:
  `postgres/••••••`.

  Scenario Outline: A stranger tries to open a session with every declared <product> database
    When a stranger opens a session with each "<product>" database the target declares, without credentials or with the product's default ones
    Then none of them lets the stranger in

    Examples:
      | product       |
      | MongoDB       |
      | Redis         |
      | Memcached     |
      | PostgreSQL    |
      | MySQL/MariaDB |
      | CouchDB       |
