@TLS-3 @hipaa:164.312(e)(1) @asvs:9.1.1
Feature: TLS-3 HTTPS is enforced
  A web front that still answers plain HTTP, or lets a browser forget that it must use HTTPS, can be
  downgraded by anyone on the network path: the first request travels in clear and a forged reply
  keeps the user on HTTP, with their login and their records.

  A system that holds health data is certified only if each of its web fronts answers plain HTTP
  with a permanent redirect (301 or 308) to HTTPS, and its HTTPS replies carry
  Strict-Transport-Security with a max-age of at least 180 days (15552000 seconds). Periksa asks the
  declared plain-HTTP and HTTPS addresses, and an invented path on each, and follows no redirect
  outside the target's scope.

  Scenario Outline: Periksa checks that every web front enforces HTTPS, for <interface>
    When Periksa asks each web front over plain HTTP and over HTTPS, as "<interface>" requires
    Then plain HTTP is permanently redirected to HTTPS, and HTTPS replies carry a long HSTS policy

    Examples:
      | interface |
      | TLS       |
