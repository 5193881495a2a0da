package dev.periksa.check.transport;

import dev.periksa.evidence.Severity;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.probe.CipherSuite;
import dev.periksa.probe.TlsVersion;
import java.util.List;
import java.util.Set;

/**
 * TLS-1's policy: which protocol versions and cipher suites a server that carries health data may
 * accept, aligned with NIST SP 800-52 Rev. 2 (and SP 800-131A Rev. 2 for key transport) and
 * Mozilla's "intermediate" server configuration (version 5.7).
 *
 * <ul>
 *   <li><b>Weak (a FAIL):</b> SSLv3, TLS 1.0 and TLS 1.1 (800-52r2 §3.1: servers shall not support
 *       them; RFC 8996). Suites that protect nothing or are broken: NULL encryption, anonymous key
 *       exchange, EXPORT grades, RC4, DES, 3DES, RC2, IDEA, MD5 MACs. Suites that neither NIST nor
 *       Mozilla lists: SEED, CAMELLIA, ARIA, GOST, SM4, integrity-only TLS 1.3 suites, and DSA
 *       (DSS) authentication. Key exchange without forward secrecy: static RSA key transport
 *       (PKCS#1 v1.5, disallowed by SP 800-131A Rev. 2 after 2023 and absent from both lists) and
 *       static (EC)DH; PSK and SRP key exchange (no certificate authenticates the server).
 *   <li><b>Not recommended (reported, still a PASS):</b> what NIST SP 800-52r2 still allows but
 *       Mozilla intermediate dropped: TLS 1.2 AES-CBC suites with ECDHE or DHE (HMAC-SHA-1, SHA-256
 *       or SHA-384), and AES-CCM with a truncated 8-byte tag.
 *   <li><b>Recommended:</b> TLS 1.3 with AES-GCM, ChaCha20-Poly1305 or AES-CCM; TLS 1.2 with ECDHE
 *       or DHE and AES-GCM, AES-CCM or ChaCha20-Poly1305.
 * </ul>
 *
 * <p>Severity: HIGH where traffic is readable or forgeable by design (SSLv3, NULL, anonymous,
 * EXPORT, RC4, single DES, MD5); MEDIUM for the rest of "weak".
 */
public final class TlsPolicy {
  private TlsPolicy() {}

  /** How a suite or version is judged. */
  public enum Grade {
    RECOMMENDED,
    NOT_RECOMMENDED,
    WEAK
  }

  /**
   * The verdict on one suite or version.
   *
   * @param reason why, in a few words a report can show
   * @param severity for a WEAK grade, how bad; null otherwise
   * @param category what findings group suites by, e.g. "NULL encryption", "CAMELLIA"
   */
  public record Judgement(Grade grade, String reason, Severity severity, String category) {
    Judgement(Grade grade, String reason, Severity severity) {
      this(grade, reason, severity, reason);
    }
  }

  private static final Set<String> APPROVED_CIPHERS =
      Set.of(
          "AES_128_GCM",
          "AES_256_GCM",
          "AES_128_CCM",
          "AES_256_CCM",
          "AES_128_CCM_8",
          "AES_256_CCM_8",
          "AES_128_CBC",
          "AES_256_CBC",
          "CHACHA20_POLY1305");

  private static final Set<String> FORWARD_SECRET = Set.of("ECDHE_ECDSA", "ECDHE_RSA", "DHE_RSA");

  /** A protocol version. */
  public static Judgement version(TlsVersion v) {
    switch (v) {
      case TLS_1_3:
      case TLS_1_2:
        return new Judgement(Grade.RECOMMENDED, v.label(), null);
      case SSL_3_0:
        return new Judgement(
            Grade.WEAK,
            "SSLv3 is broken (POODLE) and prohibited (RFC 7568)",
            WeaknessRule.PROTOCOL_BROKEN.severity());
      default:
        return new Judgement(
            Grade.WEAK,
            v.label() + " is deprecated (RFC 8996) and not allowed by NIST SP 800-52r2",
            WeaknessRule.PROTOCOL_DEPRECATED.severity());
    }
  }

  /** A cipher suite, whatever the version it was accepted under. */
  public static Judgement suite(CipherSuite s) {
    String cipher = s.cipher();
    String mac = s.mac();
    String kx = s.keyExchange();
    if (cipher.equals("NULL") || cipher.isEmpty()) {
      return new Judgement(
          Grade.WEAK,
          "no encryption (NULL cipher)",
          WeaknessRule.CIPHER_BROKEN.severity(),
          "NULL encryption");
    }
    if (kx.contains("anon") || kx.equals("NULL")) {
      return new Judgement(
          Grade.WEAK,
          "anonymous key exchange: no server authentication",
          WeaknessRule.CIPHER_BROKEN.severity(),
          "anonymous key exchange");
    }
    if (kx.contains("EXPORT") || cipher.contains("_40") || cipher.contains("EXPORT")) {
      return weak("EXPORT-grade key lengths", WeaknessRule.CIPHER_BROKEN.severity());
    }
    if (cipher.startsWith("RC4")) {
      return weak("RC4 is broken (RFC 7465)", WeaknessRule.CIPHER_BROKEN.severity());
    }
    if (cipher.startsWith("DES") && !cipher.startsWith("DES40")) {
      return weak("single DES (56-bit key)", WeaknessRule.CIPHER_BROKEN.severity());
    }
    if (mac.equals("MD5")) {
      return weak("MD5 record MAC", WeaknessRule.CIPHER_BROKEN.severity());
    }
    if (cipher.startsWith("3DES")) {
      return weak("3DES (64-bit blocks: SWEET32)", WeaknessRule.CIPHER_WEAK.severity());
    }
    if (!APPROVED_CIPHERS.contains(cipher)) {
      String family = cipher.contains("_") ? cipher.substring(0, cipher.indexOf('_')) : cipher;
      return new Judgement(
          Grade.WEAK,
          family + " is in neither NIST SP 800-52r2 nor Mozilla intermediate",
          WeaknessRule.CIPHER_WEAK.severity(),
          family);
    }
    if (s.tls13()) {
      return cipher.endsWith("_8")
          ? new Judgement(Grade.NOT_RECOMMENDED, "truncated 8-byte CCM tag", null)
          : new Judgement(Grade.RECOMMENDED, "TLS 1.3 AEAD", null);
    }
    if (kx.endsWith("DSS")) {
      return weak(
          "DSA (DSS) certificates are no longer approved", WeaknessRule.CIPHER_WEAK.severity());
    }
    if (kx.contains("PSK") || kx.startsWith("SRP")) {
      return new Judgement(
          Grade.WEAK,
          kx + " key exchange: no certificate authenticates the server",
          WeaknessRule.CIPHER_WEAK.severity(),
          "PSK or SRP key exchange");
    }
    if (!FORWARD_SECRET.contains(kx)) {
      return new Judgement(
          Grade.WEAK,
          (kx.equals("RSA") ? "static RSA key transport" : "static " + kx + " key exchange")
              + ": no forward secrecy",
          WeaknessRule.CIPHER_WEAK.severity(),
          "no forward secrecy");
    }
    if (cipher.endsWith("_CBC")) {
      return new Judgement(
          Grade.NOT_RECOMMENDED, "CBC mode (allowed by NIST, dropped by Mozilla)", null);
    }
    if (cipher.endsWith("_8")) {
      return new Judgement(Grade.NOT_RECOMMENDED, "truncated 8-byte CCM tag", null);
    }
    return new Judgement(Grade.RECOMMENDED, "forward secrecy and AEAD", null);
  }

  private static Judgement weak(String reason, Severity severity) {
    return new Judgement(Grade.WEAK, reason, severity);
  }

  /** Versions that pass. */
  public static final List<TlsVersion> ALLOWED_VERSIONS =
      List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
}
