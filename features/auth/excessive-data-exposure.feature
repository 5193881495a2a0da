@AUZ-2 @owasp-api:API3:2023 @gdpr:5(1)(c) @gdpr:32
Feature: AUZ-2 Responses carry no more personal data than the role needs
  A traveller checking their own health-alert card needs to recognise it and to know whether they
  may travel; they do not need their full national ID number echoed back, nor anyone else's
  record. An API that returns the stored record whole hands every extra field to whoever holds the
  session, and a list that returns everyone's records turns one account into a breach.

  A system that holds health data is certified only if what each role reads is cut to what it
  needs. Periksa logs in as the first declared identity and reads two of its own records and each
  declared list. A reply that carries a national ID number, a passport number or a test result in
  clear is a failure, and so is a list that returns records the identity does not own.

  Scenario Outline: A declared identity reads its own records from every <interface>
    When a declared identity reads its own records from each "<interface>"
    Then no response carries more personal data than the role needs

    Examples:
      | interface |
      | HTTP API  |
