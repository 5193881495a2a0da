package dev.periksa.probe;

import java.util.List;
import java.util.Locale;

/**
 * One cipher suite of the IANA registry, by its code and name, with the parts of the name a policy
 * judges: key exchange and authentication, bulk cipher and MAC.
 *
 * @param code the two-byte code sent in a ClientHello
 * @param name the IANA name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
 */
public record CipherSuite(int code, String name) {

  private static final List<String> MACS = List.of("MD5", "SHA", "SHA256", "SHA384", "SM3");

  /** A TLS 1.3 suite (no key exchange in its name; the 0x13xx block and its relatives). */
  public boolean tls13() {
    return !name.contains("_WITH_");
  }

  /**
   * Key exchange and authentication, e.g. {@code ECDHE_RSA}, {@code RSA}, {@code DH_anon}, {@code
   * RSA_EXPORT}; empty for a TLS 1.3 suite, which negotiates them separately.
   */
  public String keyExchange() {
    if (tls13()) {
      return "";
    }
    return name.substring(name.indexOf('_') + 1, name.indexOf("_WITH_"));
  }

  /**
   * The bulk cipher with its mode, e.g. {@code AES_128_GCM}, {@code 3DES_EDE_CBC}, {@code NULL}.
   */
  public String cipher() {
    String rest = tls13() ? name.substring(name.indexOf('_') + 1) : afterWith();
    int last = rest.lastIndexOf('_');
    if (last > 0 && MACS.contains(rest.substring(last + 1)) && !rest.equals("NULL_NULL")) {
      return rest.substring(0, last);
    }
    return rest.equals("NULL_NULL") ? "NULL" : rest;
  }

  /**
   * The record MAC or, for AEAD suites, the PRF hash named last ({@code SHA}, {@code SHA256},
   * {@code MD5}); empty when the name ends in the cipher ({@code AES_128_CCM}).
   */
  public String mac() {
    String rest = tls13() ? name.substring(name.indexOf('_') + 1) : afterWith();
    int last = rest.lastIndexOf('_');
    if (rest.equals("NULL_NULL")) {
      return "NULL";
    }
    return last > 0 && MACS.contains(rest.substring(last + 1)) ? rest.substring(last + 1) : "";
  }

  /** How the server proves who it is: ECDSA, RSA, DSS, or NONE (anonymous, PSK, SRP alone). */
  public Authentication authentication() {
    if (tls13()) {
      return Authentication.CERTIFICATE_ANY;
    }
    String kx = keyExchange();
    if (kx.contains("anon") || kx.equals("NULL")) {
      return Authentication.NONE;
    }
    if (kx.endsWith("ECDSA")) {
      return Authentication.ECDSA;
    }
    if (kx.endsWith("DSS")) {
      return Authentication.DSS;
    }
    if (kx.equals("RSA")
        || kx.equals("RSA_EXPORT")
        || kx.endsWith("_RSA")
        || kx.endsWith("_RSA_EXPORT")
        || kx.equals("RSA_PSK")) {
      return Authentication.RSA;
    }
    return Authentication.NONE;
  }

  /** The code as testssl.sh and sslyze print it, e.g. {@code 0xC02F}. */
  public String hex() {
    return String.format(Locale.ROOT, "0x%04X", code);
  }

  private String afterWith() {
    return name.substring(name.indexOf("_WITH_") + "_WITH_".length());
  }

  /** What the server's certificate must be for the suite to be chosen. */
  public enum Authentication {
    ECDSA,
    RSA,
    DSS,
    /** TLS 1.3: the signature scheme is negotiated apart from the suite. */
    CERTIFICATE_ANY,
    NONE
  }
}
