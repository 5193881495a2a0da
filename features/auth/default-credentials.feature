@AUT-2 @hipaa:164.312(d) @asvs:2.5.4 @owasp-api:API2:2023
Feature: AUT-2 Default and well-known credentials are rejected
  A product shipped with an admin/admin account, or a demo user nobody removed, lets anyone log in
  with a password printed in its manual. Behind a health API such an account reads patients'
  records as surely as an open database.

  A system that holds health data is certified only if each of its logins refuses the well-known
  default credentials of the lists Periksa ships. Each pair is tried once, an invented user first
  (so a login that accepts anything is recognised), never against the account the owner set aside
  for the password-guessing test, and the attempts stop when the login starts throttling (the pairs
  left untried make the verdict "could not verify", never a pass). A pair that logs in is reported
  masked, and one read with its session rates the finding: identity numbers with health data are
  critical.

  Scenario Outline: A stranger tries well-known default credentials at every declared <interface> login
    When a stranger tries the well-known default credentials at each "<interface>" login
    Then every one of them is rejected

    Examples:
      | interface |
      | HTTP API  |
