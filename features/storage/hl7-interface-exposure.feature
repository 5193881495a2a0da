@STO-6 @hipaa:164.312(a)(1) @hipaa:164.312(d) @hipaa:164.312(e)(1) @uu-pdp:35 @permenkes:29 @gdpr:32
Feature: STO-6 No health-data interface accepts messages from a stranger
  Hospitals exchange admissions, orders and results between their systems as HL7 version 2
  messages, sent over MLLP to an integration engine (port 2575 by convention). Many such engines
  answer whoever connects: they take a message from any machine that can reach them, answer it,
  and often return the patient's demographics when asked. Anyone on the network can then read
  records and feed false ones in.

  A system that holds health data is certified only if each HL7 interface it exposes refuses a
  stranger: it answers nothing to a client it does not know, for example by requiring a client
  certificate (mutual TLS). Periksa sends one harmless query for a synthetic patient who exists
  nowhere, never a message that changes state, and judges the reply: an answer to a stranger is a
  failure, and personal data in it raises the severity. Whether the interface speaks MLLP in clear
  or over TLS is reported.

  Scenario Outline: A stranger sends a query to every declared <product> interface
    When a stranger sends each "<product>" interface the target declares a harmless query for a synthetic patient
    Then none of them answers the stranger

    Examples:
      | product          |
      | HL7 v2 over MLLP |
