package dev.periksa.check.transport;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.probe.TlsScanner;
import dev.periksa.probe.TlsScanner.Scan;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TLS-2 for every {@code https://} endpoint of the target: is the certificate chain each server
 * presents valid for the address clients use? Chain to a trusted CA (the JDK's trust store plus the
 * profile's {@code tls.trust}), name, dates, key size and signature algorithm, as {@link
 * CertificateAssessment} describes.
 *
 * <p>Chains are read by {@link TlsScanner}: from the clear handshake of the newest version up to
 * TLS 1.2 the server accepts, once per kind of key it may hold (ECDSA, RSA, DSA), and through JSSE
 * for a server that speaks only TLS 1.3. Each problem comes from the certificate's own fields and,
 * for trust and dates, is confirmed by the JDK's PKIX path builder. A port that does not speak TLS,
 * answers no hello, or presents no certificate is INCONCLUSIVE.
 */
@AutoService(Check.class)
public final class CertificateValidityCheck extends TlsServiceCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "TLS-2.certificates",
          "TLS services present valid certificates for their address",
          "TLS",
          List.of("TLS-2"),
          List.of(),
          List.of(295, 297, 298, 326, 327),
          "Serve a certificate from a CA clients trust (a public CA, or your organisation's CA"
              + " distributed to every client and declared in the profile's tls.trust), whose"
              + " subjectAltName names every host name and IP address clients use, that is"
              + " currently valid and renewed automatically well before it expires, with an RSA key"
              + " of at least 2048 bits or an EC key of at least 256 bits, signed with SHA-256 or"
              + " better; send the intermediate certificates with it.");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, TlsTargets.Service s, CheckResult.Builder result) {
    CertificateAssessment assessment;
    try {
      assessment = new CertificateAssessment(ctx.profile().tls().trustedCas(), Instant.now());
    } catch (GeneralSecurityException e) {
      result.part(Outcome.INCONCLUSIVE, "the JDK's trust store cannot be read: " + e.getMessage());
      return;
    }
    judge(ctx, s, new TlsScanner(ctx.tcp()), assessment, result);
  }

  private void judge(
      TargetContext ctx,
      TlsTargets.Service s,
      TlsScanner scanner,
      CertificateAssessment assessment,
      CheckResult.Builder result) {
    Scan versions = scanner.versions(s.host(), s.port());
    if (!versions.speaksTls()) {
      result.part(
          Outcome.INCONCLUSIVE,
          s.name() + ": " + s.address() + " does not speak TLS (" + versions.notTls() + ")");
      return;
    }
    if (!versions.violations().isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          s.name() + ": answers no TLS server gives (" + versions.violations().get(0) + ")");
      return;
    }
    if (versions.accepted().isEmpty()) {
      result.part(Outcome.INCONCLUSIVE, s.name() + ": accepted none of the versions offered");
      return;
    }
    List<List<X509Certificate>> chains = scanner.certificates(s.host(), s.port(), versions);
    if (chains.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          s.name() + ": presented no certificate to a hello that asked for one");
      return;
    }
    boolean failed = false;
    List<String> warnings = new ArrayList<>();
    for (List<X509Certificate> chain : chains) {
      CertificateAssessment.Result r = assessment.assess(chain, s.host());
      Map<String, Object> facts = new LinkedHashMap<>(r.facts());
      if (!r.problems().isEmpty()) {
        facts.put("problems", r.problems().stream().map(p -> p.what() + ": " + p.text()).toList());
      }
      if (!r.warnings().isEmpty()) {
        facts.put("warnings", r.warnings());
      }
      Evidence evidence =
          ctx.redactor()
              .capture(
                  "certificate of "
                      + s.name()
                      + " ("
                      + CertificateAssessment.keyDescription(chain.get(0).getPublicKey())
                      + ")",
                  "TLS handshake with " + s.address(),
                  0,
                  null,
                  facts);
      result.observe(evidence);
      warnings.addAll(r.warnings());
      if (r.problems().isEmpty()) {
        continue;
      }
      failed = true;
      Severity severity = null;
      for (CertificateAssessment.Problem p : r.problems()) {
        severity = Severity.max(severity, p.severity());
      }
      String what =
          String.join(
              "; ", r.problems().stream().map(CertificateAssessment.Problem::text).toList());
      result.fail(
          new Finding(
              s.name() + " (" + s.address() + ") presents a certificate that " + what,
              s.url().toString(),
              severity,
              List.of(evidence),
              METADATA.remediation()),
          s.name()
              + ": "
              + String.join(
                  ", ",
                  r.problems().stream()
                      .map(CertificateAssessment.Problem::what)
                      .distinct()
                      .toList()));
    }
    if (!failed) {
      result.part(
          Outcome.PASS,
          s.name()
              + ": valid certificate"
              + (chains.size() > 1 ? "s" : "")
              + " for "
              + s.host()
              + (warnings.isEmpty() ? "" : " (warning: " + String.join("; ", warnings) + ")"));
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: TLS (every `https://` endpoint). the chains the server presents, read from the
        clear TLS 1.2 (or older) handshake once per key type it may hold (ECDSA, RSA, DSA), or
        through JSSE with a trust-everything manager used only for this read for a TLS 1.3-only
        server. Fails (MEDIUM; HIGH for MD5 or RSA under 1024 bits): no PKIX path (JDK
        `CertPathBuilder`) to the JDK's trust store or the profile's `tls.trust` CAs (self-signed
        said so), subjectAltName not naming the host (IP entries for addresses; the common name is
        not read), a certificate of the chain expired or not yet valid, an RSA or DSA key under
        2048 bits or an EC key under 256, an MD5 or SHA-1 signature on any certificate but a trust
        anchor. A certificate ending within 30 days is a warning on a PASS. No TLS, no answer or
        no certificate is INCONCLUSIVE
        """;
  }
}
