@STO-3 @hipaa:164.312(a)(1) @hipaa:164.312(d) @uu-pdp:35 @permenkes:29 @permenkes:30 @gdpr:5(1)(f) @gdpr:32 @owasp-api:API8:2023
Feature: STO-3 No database accepts unauthenticated or default-credential sessions
  Databases and caches behind a health app hold the same records as its search cluster, and
  often the sessions of the people logged in. Many of them answer anyone by default (MongoDB
  before access control is turned on, Redis and Memcached out of the box), and others are
  set up with a password every attacker knows.

  A system that holds health data is certified only if every database it runs refuses a stranger,
  both without credentials and with the product's well-known default ones. Exposure is proven by
  two independent signals, such as the product's own handshake and its listing of what it holds.
  Periksa then reads at most a few records and rates the finding by what they hold: identity
  numbers together with health data are critical.

  Scenario Outline: A stranger opens a session with every declared <product> database
    When a stranger opens a session with each "<product>" database the target declares, without credentials or with the product's default ones
    Then none of them lets the stranger in

    Examples:
      | product   |
      | MongoDB   |
      | Redis     |
      | Memcached |
