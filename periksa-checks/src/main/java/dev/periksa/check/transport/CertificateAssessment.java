package dev.periksa.check.transport;

import dev.periksa.evidence.Severity;
import dev.periksa.evidence.WeaknessRule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS-2's judgement of one certificate chain as a server sent it, for the host a client used:
 *
 * <ul>
 *   <li><b>chain:</b> a path from the leaf to a trust anchor, built by the JDK's PKIX {@link
 *       CertPathBuilder} from the certificates sent, with the JDK's trust store plus any CA the
 *       profile declares ({@code tls.trust}) as anchors, revocation not checked. The path is built
 *       at a moment inside the leaf's validity when "now" fails, so an expired but otherwise
 *       trusted chain is reported as expired, not as untrusted;
 *   <li><b>host:</b> the subjectAltName must name the host, an IP address as an iPAddress entry, a
 *       DNS name as a dNSName entry (a leftmost {@code *} matches one label). The subject's common
 *       name is not consulted (RFC 6125 §6.4.4; browsers and the CA/Browser Forum rely on SAN);
 *   <li><b>time:</b> every certificate sent must be valid now; one that ends within 30 days is a
 *       warning, not a failure;
 *   <li><b>key:</b> RSA and DSA keys under 2048 bits, EC keys under 256 bits fail (NIST SP 800-52r2
 *       §3.2, SP 800-57);
 *   <li><b>signature:</b> MD2, MD5 or SHA-1 signatures fail on every certificate but a trust
 *       anchor's own self-signature, which no client relies on.
 * </ul>
 */
public final class CertificateAssessment {

  /** A certificate ending sooner than this is a warning. */
  public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

  /** Smallest acceptable key sizes in bits. */
  static final int MIN_RSA_BITS = 2048;

  static final int MIN_EC_BITS = 256;

  /**
   * One problem with a chain.
   *
   * @param what a short label ("expired", "untrusted", "hostname", "key", "signature")
   */
  public record Problem(String what, String text, Severity severity) {}

  /** What was found: problems (a FAIL), warnings, and facts for the evidence. */
  public record Result(List<Problem> problems, List<String> warnings, Map<String, Object> facts) {}

  private final Set<TrustAnchor> anchors;
  private final Set<X509Certificate> anchorCertificates;
  private final Instant now;

  /**
   * @param extraCas CAs the profile trusts besides the JDK's trust store
   */
  public CertificateAssessment(Collection<X509Certificate> extraCas, Instant now)
      throws GeneralSecurityException {
    this.now = now;
    this.anchors = new HashSet<>();
    this.anchorCertificates = new HashSet<>();
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init((KeyStore) null);
    for (var tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        for (X509Certificate c : x.getAcceptedIssuers()) {
          anchors.add(new TrustAnchor(c, null));
          anchorCertificates.add(c);
        }
      }
    }
    for (X509Certificate c : extraCas) {
      anchors.add(new TrustAnchor(c, null));
      anchorCertificates.add(c);
    }
  }

  /** Judges one chain (leaf first) presented for {@code host}. */
  public Result assess(List<X509Certificate> chain, String host) {
    List<Problem> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    X509Certificate leaf = chain.get(0);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("subject", leaf.getSubjectX500Principal().getName());
    facts.put("issuer", leaf.getIssuerX500Principal().getName());
    facts.put("subjectAltNames", altNames(leaf));
    facts.put("notBefore", leaf.getNotBefore().toInstant().toString());
    facts.put("notAfter", leaf.getNotAfter().toInstant().toString());
    facts.put("key", keyDescription(leaf.getPublicKey()));
    facts.put("signature", leaf.getSigAlgName());
    facts.put("sha256", fingerprint(leaf));
    facts.put("chainLength", chain.size());

    trust(chain, facts, problems);
    if (!namesHost(leaf, host)) {
      problems.add(
          new Problem(
              "hostname",
              "does not name "
                  + host
                  + " (subjectAltName: "
                  + String.join(", ", altNames(leaf))
                  + ")",
              WeaknessRule.CERTIFICATE_INVALID.severity()));
    }
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate c = chain.get(i);
      // The leaf's problems read as "a certificate that expired on ..."; a chain member names
      // itself.
      String who = i == 0 ? "" : "chain certificate " + (i + 1) + " (" + cn(c) + ") ";
      Instant notAfter = c.getNotAfter().toInstant();
      Instant notBefore = c.getNotBefore().toInstant();
      if (now.isAfter(notAfter)) {
        problems.add(
            new Problem(
                "expired",
                who + "expired on " + notAfter,
                WeaknessRule.CERTIFICATE_INVALID.severity()));
      } else if (now.isBefore(notBefore)) {
        problems.add(
            new Problem(
                "not yet valid",
                who + "is not valid before " + notBefore,
                WeaknessRule.CERTIFICATE_INVALID.severity()));
      } else if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
        warnings.add(
            (i == 0 ? "the certificate " : who)
                + "expires on "
                + notAfter
                + ", in "
                + Duration.between(now, notAfter).toDays()
                + " days");
      }
      if (anchorCertificates.contains(c) && selfSigned(c)) {
        continue; // a trust anchor's key and self-signature are not what a client relies on
      }
      String weakKey = weakKey(c.getPublicKey());
      if (weakKey != null) {
        problems.add(
            new Problem(
                "key",
                who + "has " + weakKey,
                c.getPublicKey() instanceof RSAPublicKey && bits(c.getPublicKey()) < 1024
                    ? WeaknessRule.KEY_BROKEN.severity()
                    : WeaknessRule.KEY_WEAK.severity()));
      }
      String sig = c.getSigAlgName().toUpperCase(Locale.ROOT);
      if (sig.contains("MD5") || sig.contains("MD2")) {
        problems.add(
            new Problem(
                "signature",
                who + "is signed with " + c.getSigAlgName(),
                WeaknessRule.SIGNATURE_BROKEN.severity()));
      } else if (sig.contains("SHA1")) {
        problems.add(
            new Problem(
                "signature",
                who + "is signed with " + c.getSigAlgName(),
                WeaknessRule.SIGNATURE_WEAK.severity()));
      }
    }
    return new Result(problems, warnings, facts);
  }

  /** Builds a path to a trust anchor; a failure is a problem worded by what the chain is. */
  private void trust(List<X509Certificate> chain, Map<String, Object> facts, List<Problem> out) {
    X509Certificate leaf = chain.get(0);
    String failure = buildPath(chain, now);
    if (failure != null) {
      Instant inside =
          leaf.getNotBefore()
              .toInstant()
              .plus(
                  Duration.between(leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant())
                      .dividedBy(2));
      if (buildPath(chain, inside) == null) {
        facts.put("trusted", "yes, apart from the validity dates");
        return;
      }
    } else {
      facts.put("trusted", "yes");
      return;
    }
    facts.put("trusted", "no");
    facts.put("pathError", failure);
    if (selfSigned(leaf)) {
      out.add(
          new Problem(
              "untrusted",
              "is self-signed and no trusted CA (JDK trust store or the profile's tls.trust)"
                  + " issued it",
              WeaknessRule.CERTIFICATE_INVALID.severity()));
    } else {
      out.add(
          new Problem(
              "untrusted",
              "does not chain to a trusted CA (issuer "
                  + leaf.getIssuerX500Principal().getName()
                  + "): "
                  + failure,
              WeaknessRule.CERTIFICATE_INVALID.severity()));
    }
  }

  /** Null when a PKIX path to an anchor exists at {@code at}, else why not. */
  private String buildPath(List<X509Certificate> chain, Instant at) {
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(chain.get(0));
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      params.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
      CertPathBuilder.getInstance("PKIX").build(params);
      return null;
    } catch (CertPathBuilderException e) {
      return e.getMessage() == null ? "no path to a trusted CA" : e.getMessage();
    } catch (InvalidAlgorithmParameterException e) {
      return "no trust anchors: " + e.getMessage();
    } catch (GeneralSecurityException e) {
      return e.getMessage();
    }
  }

  static boolean selfSigned(X509Certificate c) {
    if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
      return false;
    }
    try {
      c.verify(c.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether the subjectAltName names the host (see the class comment). */
  static boolean namesHost(X509Certificate c, String host) {
    Collection<List<?>> sans;
    try {
      sans = c.getSubjectAlternativeNames();
    } catch (java.security.cert.CertificateParsingException e) {
      return false;
    }
    if (sans == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    boolean ip = h.contains(":") || h.matches("[0-9.]+");
    for (List<?> san : sans) {
      int type = (Integer) san.get(0);
      String value = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
      if (ip && type == 7 && sameAddress(value, h)) {
        return true;
      }
      if (!ip && type == 2 && dnsMatches(value, h)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameAddress(String a, String b) {
    try {
      return InetAddress.getByName(a).equals(InetAddress.getByName(b));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean dnsMatches(String pattern, String host) {
    String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (!p.startsWith("*.")) {
      return p.equals(h);
    }
    int dot = h.indexOf('.');
    return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.indexOf('.', 2) > 0;
  }

  static List<String> altNames(X509Certificate c) {
    List<String> out = new ArrayList<>();
    try {
      Collection<List<?>> sans = c.getSubjectAlternativeNames();
      if (sans != null) {
        for (List<?> san : sans) {
          int type = (Integer) san.get(0);
          if (type == 2) {
            out.add("DNS:" + san.get(1));
          } else if (type == 7) {
            out.add("IP:" + san.get(1));
          }
        }
      }
    } catch (java.security.cert.CertificateParsingException e) {
      out.add("(unreadable)");
    }
    return out;
  }

  private static String cn(X509Certificate c) {
    return c.getSubjectX500Principal().getName();
  }

  /** E.g. "an RSA 1024-bit key (...)", or null when the key is strong enough. */
  static String weakKey(PublicKey k) {
    int bits = bits(k);
    if (k instanceof RSAPublicKey && bits < MIN_RSA_BITS) {
      return "an RSA " + bits + "-bit key (at least " + MIN_RSA_BITS + " needed)";
    }
    if (k instanceof DSAPublicKey && bits < MIN_RSA_BITS) {
      return "a DSA " + bits + "-bit key (at least " + MIN_RSA_BITS + " needed)";
    }
    if (k instanceof ECPublicKey && bits < MIN_EC_BITS) {
      return "an EC " + bits + "-bit key (at least " + MIN_EC_BITS + " needed)";
    }
    return null;
  }

  static int bits(PublicKey k) {
    if (k instanceof RSAPublicKey r) {
      return r.getModulus().bitLength();
    }
    if (k instanceof DSAPublicKey d) {
      return d.getParams().getP().bitLength();
    }
    if (k instanceof ECPublicKey e) {
      return e.getParams().getCurve().getField().getFieldSize();
    }
    return Integer.MAX_VALUE;
  }

  static String keyDescription(PublicKey k) {
    int bits = bits(k);
    return k.getAlgorithm() + (bits == Integer.MAX_VALUE ? "" : " " + bits + " bits");
  }

  static String fingerprint(X509Certificate c) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    } catch (GeneralSecurityException e) {
      return "";
    }
  }
}
