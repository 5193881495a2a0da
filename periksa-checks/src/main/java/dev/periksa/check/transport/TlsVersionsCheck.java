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
import dev.periksa.probe.CipherSuite;
import dev.periksa.probe.TlsScanner;
import dev.periksa.probe.TlsScanner.Scan;
import dev.periksa.probe.TlsScanner.Support;
import dev.periksa.probe.TlsScanner.VersionResult;
import dev.periksa.probe.TlsVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TLS-1 for every {@code https://} endpoint of the target, whatever its kind: which of SSLv3, TLS
 * 1.0, 1.1, 1.2 and 1.3 the server accepts and which cipher suites under each, judged by {@link
 * TlsPolicy} (NIST SP 800-52r2 with Mozilla "intermediate").
 *
 * <p>The probe is {@link TlsScanner}: a hand-made ClientHello per version offering the whole IANA
 * registry (suites no JDK can speak included), then one hello per accepted suite with the suites
 * found so far removed. A version counts as accepted only on two signals from the server: a
 * ServerHello at exactly that version, and for TLS 1.2 and older the rest of its flight up to
 * ServerHelloDone (for TLS 1.3, a key share or a retry request for one). A server that answers with
 * a suite it was not offered, or the same suite after it was removed (a recorded reply, a broken
 * stack), is never judged: INCONCLUSIVE. A port that answers in plain text, or not at all, is
 * INCONCLUSIVE too, never a PASS.
 */
@AutoService(Check.class)
public final class TlsVersionsCheck extends TlsServiceCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "TLS-1.versions-and-suites",
          "TLS services accept only TLS 1.2 and 1.3, with strong cipher suites",
          "TLS",
          List.of("TLS-1"),
          List.of(),
          List.of(326, 327, 757),
          "Accept only TLS 1.2 and TLS 1.3 (turn SSLv3, TLS 1.0 and TLS 1.1 off), and offer only"
              + " forward-secret AEAD suites: TLS 1.3's, and for TLS 1.2 ECDHE (or DHE) with"
              + " AES-GCM or ChaCha20-Poly1305 (Mozilla's \"intermediate\" configuration); remove"
              + " NULL, anonymous, EXPORT, RC4, DES, 3DES, CAMELLIA, ARIA and static-RSA suites."
              + " For nginx: ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers"
              + " ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
              + "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305.");

  /** Weak suites named in the evidence at most. */
  static final int MAX_LISTED = 40;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, TlsTargets.Service s, CheckResult.Builder result) {
    judge(ctx, s, new TlsScanner(ctx.tcp()).scan(s.host(), s.port()), result);
  }

  private void judge(
      TargetContext ctx, TlsTargets.Service s, Scan scan, CheckResult.Builder result) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Object> versions = new LinkedHashMap<>();
    Map<String, Object> suites = new LinkedHashMap<>();
    List<String> weak = new ArrayList<>();
    List<String> notRecommended = new ArrayList<>();
    Map<String, Integer> weakKinds = new LinkedHashMap<>();
    Severity suiteSeverity = null;
    List<TlsVersion> legacy = new ArrayList<>();
    Severity versionSeverity = null;
    List<String> unclear = new ArrayList<>();
    for (VersionResult v : scan.versions().values()) {
      if (v.support() == Support.ACCEPTED) {
        versions.put(
            v.version().label(),
            "accepted, "
                + v.suites().size()
                + " suite"
                + (v.suites().size() == 1 ? "" : "s")
                + (v.complete() ? "" : " (enumeration incomplete: " + v.note() + ")"));
        suites.put(v.version().label(), v.suites().stream().map(CipherSuite::name).toList());
        TlsPolicy.Judgement vj = TlsPolicy.version(v.version());
        if (vj.grade() == TlsPolicy.Grade.WEAK) {
          legacy.add(v.version());
          versionSeverity = Severity.max(versionSeverity, vj.severity());
        }
        for (CipherSuite c : v.suites()) {
          TlsPolicy.Judgement j = TlsPolicy.suite(c);
          String line = v.version().label() + " " + c.name() + " (" + j.reason() + ")";
          if (j.grade() == TlsPolicy.Grade.WEAK) {
            weak.add(line);
            weakKinds.merge(j.category(), 1, Integer::sum);
            suiteSeverity = Severity.max(suiteSeverity, j.severity());
          } else if (j.grade() == TlsPolicy.Grade.NOT_RECOMMENDED) {
            notRecommended.add(line);
          }
        }
        if (!v.complete()) {
          unclear.add(v.version().label() + " suites (" + v.note() + ")");
        }
      } else {
        versions.put(v.version().label(), v.support() == Support.REFUSED ? "refused" : v.note());
        if (v.support() == Support.UNKNOWN) {
          unclear.add(v.version().label() + " (" + v.note() + ")");
        }
      }
    }
    facts.put("protocols", versions);
    facts.put("suites", suites);
    if (!weak.isEmpty()) {
      facts.put("weakSuites", weak.subList(0, Math.min(MAX_LISTED, weak.size())));
    }
    if (!notRecommended.isEmpty()) {
      facts.put(
          "notRecommended", notRecommended.subList(0, Math.min(MAX_LISTED, notRecommended.size())));
    }
    if (!scan.violations().isEmpty()) {
      facts.put("invalidAnswers", scan.violations());
    }
    facts.put("handshakes", scan.handshakes());
    facts.put("elapsedMs", scan.elapsed().toMillis());
    Evidence evidence =
        ctx.redactor()
            .capture(
                "TLS versions and cipher suites of " + s.name(),
                "ClientHello per version and suite to " + s.address(),
                0,
                null,
                facts);
    result.observe(evidence);

    if (!scan.speaksTls()) {
      result.part(
          Outcome.INCONCLUSIVE,
          s.name() + ": " + s.address() + " does not speak TLS (" + scan.notTls() + ")");
      return;
    }
    if (!scan.violations().isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          s.name()
              + ": answers no TLS server gives ("
              + scan.violations().get(0)
              + "); not judged");
      return;
    }
    if (scan.accepted().isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          s.name()
              + ": accepted none of the versions offered"
              + (unclear.isEmpty() ? "" : " (" + String.join("; ", unclear) + ")"));
      return;
    }
    boolean failed = false;
    if (!legacy.isEmpty()) {
      failed = true;
      List<String> labels = legacy.stream().map(TlsVersion::label).toList();
      result.fail(
          new Finding(
              s.name() + " (" + s.address() + ") accepts " + String.join(", ", labels),
              s.url().toString(),
              versionSeverity,
              List.of(evidence),
              METADATA.remediation()),
          s.name() + ": accepts " + String.join(", ", labels));
    }
    if (!weak.isEmpty()) {
      failed = true;
      result.fail(
          new Finding(
              s.name()
                  + " ("
                  + s.address()
                  + ") accepts "
                  + weak.size()
                  + " weak cipher suite"
                  + (weak.size() == 1 ? "" : "s")
                  + " ("
                  + String.join(
                      ", ",
                      weakKinds.entrySet().stream()
                          .map(k -> k.getKey() + " " + k.getValue())
                          .toList())
                  + ")",
              s.url().toString(),
              suiteSeverity,
              List.of(evidence),
              METADATA.remediation()),
          s.name() + ": " + weak.size() + " weak suites");
    }
    if (failed) {
      return;
    }
    if (!unclear.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE, s.name() + ": could not tell " + String.join("; ", unclear));
      return;
    }
    int total = scan.versions().values().stream().mapToInt(v -> v.suites().size()).sum();
    result.part(
        Outcome.PASS,
        s.name()
            + ": only "
            + String.join(", ", scan.accepted().stream().map(TlsVersion::label).toList())
            + ", "
            + total
            + " suites, none weak"
            + (notRecommended.isEmpty()
                ? ""
                : " (" + notRecommended.size() + " not recommended: CBC or CCM_8)"));
  }

  @Override
  public String proof() {
    return """
        Applies to: TLS (every `https://` endpoint, any kind, declared or discovered; one scan per
        host and port). a hand-made ClientHello per version (SSLv3, TLS 1.0, 1.1, 1.2, 1.3 with
        `supported_versions` and an X25519 key share) offering the IANA registry's suites by code
        (about 320, from Bouncy Castle's list: NULL, EXPORT, RC4, DES and anonymous suites
        included, which no modern JDK speaks), then one hello per accepted suite with those found
        removed (at most 160 per version), each a new connection within the rate limit; only the
        server's answer is read, no handshake is finished. A version counts as accepted on a
        ServerHello at that version plus the rest of its flight (ServerHelloDone; for TLS 1.3 its
        key share); SSLv3/TLS 1.0/1.1 fail (SSLv3 HIGH, else MEDIUM). Suites are judged by NIST SP
        800-52r2 with Mozilla "intermediate": NULL, anonymous, EXPORT, RC4, DES, MD5 (HIGH), 3DES,
        CAMELLIA, ARIA, SEED, IDEA, DSS, PSK/SRP and static RSA or (EC)DH key exchange without
        forward secrecy (MEDIUM) fail; ECDHE/DHE with AES-CBC or CCM_8 is allowed by NIST but
        reported "not recommended"; ECDHE/DHE with AES-GCM, ChaCha20-Poly1305 or AES-CCM and the
        TLS 1.3 suites pass. A suite answered that was not offered (a recorded reply, a broken
        stack), a plain-text answer or silence to two hellos, or a closed port is INCONCLUSIVE,
        never PASS
        """;
  }
}
