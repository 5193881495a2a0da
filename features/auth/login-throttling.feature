@AUT-4 @nist:800-63B-5.2.2 @asvs:2.2.1
Feature: AUT-4 Password guessing is throttled
  A login that answers every wrong password as quickly as the first lets anyone try thousands of
  likely passwords for a patient's or an officer's account until one works.

  A system that holds health data is certified only if its logins slow down or stop a burst of
  wrong passwords: a 429 or 423 answer, a lockout message, or replies that grow clearly slower.
  Periksa guesses only against the test identity the target's owner set aside for it, sends at
  most the number of attempts the profile allows (30 by default, never more than 100), within the
  profile's rate limit, and never sends that identity's real password after the burst.

  Scenario Outline: Someone guesses passwords at every declared <interface> login
    When someone guesses the password of the declared test identity at each "<interface>" login, a bounded number of times
    Then the guessing is slowed down or stopped

    Examples:
      | interface |
      | HTTP API  |
