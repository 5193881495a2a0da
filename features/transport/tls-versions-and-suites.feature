@TLS-1 @nist:800-52r2 @hipaa:164.312(e)(2)(ii)
Feature: TLS-1 Only TLS 1.2 and 1.3, with strong suites
  Health data crosses networks the owner does not control. SSLv3, TLS 1.0 and TLS 1.1 have known
  attacks and are withdrawn; NULL, anonymous, EXPORT, RC4, DES and 3DES suites, and key exchanges
  without forward secrecy, let an eavesdropper read or later decrypt what was sent.

  A system that holds health data is certified only if every TLS service it exposes accepts TLS 1.2
  and TLS 1.3 alone, with the suites NIST SP 800-52r2 and Mozilla's "intermediate" configuration
  allow. Periksa writes its own ClientHello for each version and each suite of the IANA registry,
  including those a modern Java runtime refuses to speak, reads only the server's answer and never
  completes a handshake. A port that does not answer in TLS counts as "could not verify", never as
  a pass.

  Scenario Outline: Periksa offers every version and cipher suite to each <interface> service
    When Periksa offers every SSL and TLS version and cipher suite to each "<interface>" service
    Then only TLS 1.2 and TLS 1.3 are accepted, with strong cipher suites

    Examples:
      | interface |
      | TLS       |
