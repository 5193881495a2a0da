@GOV-1 @uu-pdp:46 @gdpr:33
Feature: GOV-1 A working security contact and breach process exist
  A breach is reported faster when whoever finds it can reach the controller. The researchers who
  found the e-HAC cluster open in 2021 spent weeks looking for someone to tell. UU PDP Pasal 46 gives
  the controller 3x24 hours to notify data subjects and the authority once it knows of a breach, and
  GDPR Art. 33 gives it 72 hours to notify the supervisory authority.

  Its web fronts should publish a current /.well-known/security.txt (RFC 9116) over HTTPS, with a
  Contact and an Expires date not yet passed, or a named person should attest the security contact.
  This is advisory: a missing contact is shown wherever findings are, and never decides a verdict.
  Periksa asks each web origin for an invented file first, so a catch-all page is never taken for a
  security.txt. When a run certifies process requirements too, a named person must attest the
  breach-notification process, which no probe can see; without that attestation the requirement
  cannot be verified. Other runs do not ask for it.

  Scenario Outline: Periksa looks for the security contact and the breach-notification process of the <subject>
    When Periksa reads the security.txt each web front of the "<subject>" publishes, and the attestations on record
    Then a current security contact is published over HTTPS and the breach-notification process is attested

    Examples:
      | subject      |
      | Organisation |
