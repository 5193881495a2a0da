@AUZ-1 @owasp-api:API1:2023 @hipaa:164.312(a)(1)
Feature: AUZ-1 One identity cannot read another's records
  Most patient-portal and health-app leaks needed no stolen password: a logged-in user changed the
  record id in a request and got someone else's record. When ids are sequential, every record is
  one counter away.

  A system that holds health data is certified only if a logged-in identity is refused the records
  it does not own. Periksa logs in as the first declared identity, reads one of its own records to
  prove the path and the login work, then asks for a few records another declared identity owns and
  for the ids next to its own, never more than eight. A success reply holding someone else's
  record is a failure, rated by the personal data in it.

  Scenario Outline: One identity asks every <interface> for another identity's records
    When one declared identity asks each "<interface>" for another identity's records and their neighbours
    Then none of them is served

    Examples:
      | interface |
      | HTTP API  |
