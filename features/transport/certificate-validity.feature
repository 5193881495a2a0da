@TLS-2 @nist:800-52r2
Feature: TLS-2 Certificates are valid
  A certificate that is self-signed, expired, issued for another name, or made with a small key or
  a broken signature algorithm teaches users and client programs to accept any certificate, and
  then a man in the middle reads the health data they send.

  A system that holds health data is certified only if every TLS service presents a chain to a CA
  its clients trust (the Java trust store, or the organisation's own CA declared in the target
  profile), naming the address clients use, valid today, with an RSA key of at least 2048 bits or an
  EC key of at least 256 bits, and signed with neither MD5 nor SHA-1. A certificate that expires
  within 30 days is reported as a warning.

  Scenario Outline: Periksa reads the certificates of each <interface> service
    When Periksa reads the certificate chain each "<interface>" service presents
    Then every certificate chains to a trusted CA, names the address, is current and strong

    Examples:
      | interface |
      | TLS       |
