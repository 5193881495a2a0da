package dev.periksa.evidence;

/**
 * The severity rule for weaknesses, as a table: what a check found decides how bad it is, when the
 * severity does not come (or not only) from the personal data read. A check names the rule that
 * holds instead of choosing a severity itself; where data was also read, the finding takes the
 * higher of the rule's severity and {@link SeverityRule}'s ({@link Severity#max}). The only
 * severity not set here is DAST-1's, which carries ZAP's own risk over unchanged.
 */
public enum WeaknessRule {
  // Storage and interfaces.
  /** A health-data interface (HL7 v2) answers messages from anyone. */
  INTERFACE_TAKES_STRANGERS_MESSAGES(
      "a health-data interface takes messages from a stranger", Severity.MEDIUM),
  /** A data console (Kibana) lists its data views to anyone. */
  CONSOLE_LISTS_DATA_VIEWS("a data console shows its data views to anyone", Severity.MEDIUM),
  /** Anyone can write objects into a bucket. */
  BUCKET_WRITABLE_BY_ANYONE("anyone can write to an object bucket", Severity.HIGH),
  /** A file or endpoint serves credentials or secrets (.env, a .git remote with a token, env). */
  SECRETS_SERVED(
      "credentials or secrets served to anyone (.env, a token in .git/config, /actuator/env)",
      Severity.HIGH),
  /** Configuration without secrets, a source repository or a backup is served to anyone. */
  CONFIGURATION_SOURCE_OR_BACKUP_SERVED(
      "configuration, source repositories or backups served to anyone", Severity.MEDIUM),
  /** Diagnostics endpoints (beans, routes, threads, loggers, shutdown) answer anyone. */
  DIAGNOSTICS_PUBLISHED("diagnostics endpoints that answer anyone", Severity.MEDIUM),
  /** A memory dump of the application is served: everything it held, personal data included. */
  HEAP_DUMP_SERVED("a memory dump of the application served to anyone", Severity.CRITICAL),

  // Authentication and sessions.
  /** A default or well-known password opens an account. */
  DEFAULT_CREDENTIALS_ACCEPTED("a default or well-known password is accepted", Severity.HIGH),
  /** Passwords or credentials cross the network in clear. */
  CREDENTIALS_IN_CLEAR("passwords or credentials asked for over plain HTTP", Severity.HIGH),
  /** Tokens are taken from the URL, where logs, proxies and browser history keep them. */
  TOKEN_TAKEN_FROM_URL("tokens accepted in URLs", Severity.HIGH),
  /** A session cookie lacks Secure, HttpOnly or SameSite. */
  SESSION_COOKIE_UNPROTECTED(
      "a session cookie without Secure, HttpOnly or SameSite", Severity.MEDIUM),
  /** The secret that signs tokens is in a public wordlist. */
  SIGNING_SECRET_GUESSABLE("the token signing secret is in a public wordlist", Severity.HIGH),
  /** A forged or tampered token is honoured. */
  FORGED_TOKEN_ACCEPTED("a forged or tampered token is honoured", Severity.HIGH),
  /** Tokens are issued without an expiry and honoured forever. */
  TOKEN_NEVER_EXPIRES("tokens issued without an expiry", Severity.MEDIUM),
  /** Password guessing is not throttled. */
  GUESSING_NOT_THROTTLED("password guessing not throttled", Severity.MEDIUM),
  /** Password guessing is not throttled on an account that reaches personal data. */
  GUESSING_NOT_THROTTLED_BEFORE_PERSONAL_DATA(
      "password guessing not throttled on an account that reaches personal data", Severity.HIGH),

  // Transport.
  /** A protocol version that is broken and prohibited (SSLv3). */
  PROTOCOL_BROKEN("a broken, prohibited protocol version (SSLv3)", Severity.HIGH),
  /** A deprecated protocol version (TLS 1.0, 1.1). */
  PROTOCOL_DEPRECATED("a deprecated protocol version (TLS 1.0, 1.1)", Severity.MEDIUM),
  /** A suite without encryption or authentication, or with broken parts (EXPORT, RC4, DES, MD5). */
  CIPHER_BROKEN(
      "a suite with no encryption or authentication, or broken parts (EXPORT, RC4, DES, MD5)",
      Severity.HIGH),
  /** A weak suite (3DES, unapproved ciphers, DSS, PSK/SRP, no forward secrecy). */
  CIPHER_WEAK(
      "a weak suite (3DES, unapproved ciphers, DSS, PSK or SRP, no forward secrecy)",
      Severity.MEDIUM),
  /** A certificate that is untrusted, expired, not yet valid or names another host. */
  CERTIFICATE_INVALID(
      "a certificate that is untrusted, expired, not yet valid or for another name",
      Severity.MEDIUM),
  /** A certificate key anyone can factor (RSA under 1,024 bits). */
  KEY_BROKEN("a certificate key under 1,024 bits (RSA)", Severity.HIGH),
  /** A certificate key below today's minimum. */
  KEY_WEAK("a certificate key below today's minimum", Severity.MEDIUM),
  /** A certificate signed with a broken hash (MD5, MD2). */
  SIGNATURE_BROKEN("a certificate signed with MD5 or MD2", Severity.HIGH),
  /** A certificate signed with SHA-1. */
  SIGNATURE_WEAK("a certificate signed with SHA-1", Severity.MEDIUM),
  /** A web front serves plain HTTP, or redirects it only to plain HTTP. */
  PLAIN_HTTP_NOT_REDIRECTED(
      "a web front that serves plain HTTP without redirecting to HTTPS", Severity.MEDIUM),
  /** Plain HTTP is redirected to HTTPS only temporarily (302, 303, 307). */
  REDIRECT_ONLY_TEMPORARY("plain HTTP redirected to HTTPS only temporarily", Severity.LOW),
  /** HTTPS without HSTS, or with an HSTS max-age under 180 days. */
  HSTS_MISSING_OR_SHORT("HTTPS without HSTS, or with a max-age under 180 days", Severity.LOW),

  // Governance.
  /** No working security contact (security.txt) and no attestation standing in for it. */
  NO_SECURITY_CONTACT("no working security contact", Severity.MEDIUM);

  private final String when;
  private final Severity severity;

  WeaknessRule(String when, Severity severity) {
    this.when = when;
    this.severity = severity;
  }

  /** When the rule holds, in words for reports. */
  public String when() {
    return when;
  }

  public Severity severity() {
    return severity;
  }
}
