@PII-1 @hipaa:164.312(e)(1) @uu-pdp:35 @gdpr:32
Feature: PII-1 No personal data over plain HTTP
  A reply sent over plain HTTP can be read and changed by anyone on the path: the hotel Wi-Fi, a
  compromised router, a curious operator. A national ID number or a test result that crosses the
  network that way has been disclosed, whatever the server's access control said.

  A system that holds health data is certified only if none of its endpoints serves personal data
  in clear. Periksa looks at every endpoint that speaks HTTP: one on an https address passes as it
  is; one on a plain http address is read as little as its kind allows (one record an identity
  owns, one document, one object, the root page), and any reply that carries personal data is a
  failure. A plain endpoint whose data could not be seen is not certified either.

  Scenario Outline: Nothing personal crosses the network in clear from any <product> endpoint
    When Periksa reads as little as it can of what each plain "<product>" endpoint of the target serves
    Then no reply crosses the network in clear with personal data in it

    Examples:
      | product |
      | HTTP    |
