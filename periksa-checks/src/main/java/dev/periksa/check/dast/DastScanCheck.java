package dev.periksa.check.dast;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.ProbingCheck;
import dev.periksa.check.RunResources;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import dev.periksa.target.DastSettings;
import dev.periksa.target.DastSettings.Confidence;
import dev.periksa.target.TargetProfile;
import dev.periksa.zap.ManagedZap;
import dev.periksa.zap.ZapAlert;
import dev.periksa.zap.ZapConnection;
import dev.periksa.zap.ZapDistribution;
import dev.periksa.zap.ZapScan;
import dev.periksa.zap.rules.HealthRulesAddOn;
import java.io.IOException;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * DAST-1 through OWASP ZAP: a ZAP daemon spiders the bases the profile's {@code dast} section names
 * and actively scans them within the time budget; each alert at or above the threshold (risk and
 * confidence) is a finding, unless the profile accepted it as a false positive.
 *
 * <p>The ZAP is the user's own (its URL and API key in the profile: every rule it has counts) or
 * one Periksa manages (assembled from Maven Central, shared by the run's targets, with Periksa's
 * health-data rules; ZAP's stock rule packs are not on Maven Central, so only those rules run). ZAP
 * is held to a context that includes the bases only, and the bases must be in the profile's scope.
 * A ZAP that cannot be reached, refuses the key or stops answering, a base ZAP could not fetch, a
 * ZAP without active rules and a budget that ran out before the active scan finished all leave the
 * requirement unproven: INCONCLUSIVE, unless an alert already fails it.
 *
 * <p>Alerts are imported redacted: the URL and parameter are masked like any evidence, and ZAP's
 * evidence string is scanned and masked at capture (only its hash is kept).
 */
@AutoService(Check.class)
public final class DastScanCheck extends ProbingCheck<DastScanCheck.Scan> {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "DAST-1.zap",
          "A ZAP scan finds nothing at or above the threshold",
          "OWASP ZAP",
          List.of("DAST-1"),
          List.of("http", "web"),
          List.of(),
          "Fix each reported weakness as ZAP's solution describes, then scan again; an alert that"
              + " a reviewer judges a false positive is listed in the profile's"
              + " dast.falsePositives with its rule, URL pattern and justification.");

  /** Alerts reported one by one as findings; the rest are counted. */
  static final int MAX_FINDINGS = 25;

  /** Characters of ZAP's solution kept in a finding. */
  static final int MAX_SOLUTION = 600;

  /** Where the ZAP comes from; tests hand in their own. */
  @FunctionalInterface
  public interface ZapSource {
    /**
     * The ZAP to scan with and a way to tell whether its process still runs.
     *
     * @param resources the run's shared resources, where a managed ZAP is kept for the run
     */
    Connected connect(DastSettings settings, Consumer<String> progress, RunResources resources)
        throws IOException;
  }

  /** A ZAP to drive and whether it still runs. */
  public record Connected(ZapConnection zap, BooleanSupplier alive) {}

  /**
   * The user's ZAP when the profile names one, else the run's managed ZAP: started (and assembled,
   * the first time) when the run starts ({@link #warmUp}), or by the first DAST check of the run
   * that needs it if that start failed, with Periksa's health-data rules in its {@code plugin/}
   * folder, shared by every target of the run, started again if it died, and stopped by the run
   * when it ends.
   */
  public static final ZapSource DEFAULT_SOURCE =
      (settings, progress, resources) -> {
        if (!settings.managedZap()) {
          return new Connected(
              ZapConnection.remote(settings.zapUrl(), settings.apiKey().reveal()), () -> true);
        }
        ManagedZap zap =
            resources.obtain(
                ManagedZap.class,
                ManagedZap::isAlive,
                () ->
                    ManagedZap.start(
                        ZapDistribution.ensure(progress),
                        List.of(HealthRulesAddOn::writeTo),
                        progress));
        return new Connected(zap, zap::isAlive);
      };

  private final ZapSource source;
  private final Consumer<String> progress;

  public DastScanCheck() {
    this(DEFAULT_SOURCE, line -> System.out.println("      ZAP: " + line));
  }

  public DastScanCheck(ZapSource source, Consumer<String> progress) {
    this.source = source;
    this.progress = progress;
  }

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  /** What one DAST run scans: the dast section's bases that are in scope. */
  record Scan(DastSettings settings, List<URI> bases) {}

  private Connected connected;
  private String unavailable;

  @Override
  protected List<Scan> targets(TargetContext ctx) {
    DastSettings s = ctx.profile().dast();
    if (s == null) {
      return List.of();
    }
    List<URI> bases =
        s.bases().stream().filter(b -> ctx.profile().scope().allows(b.getHost())).toList();
    return bases.isEmpty() ? List.of() : List.of(new Scan(s, bases));
  }

  @Override
  protected String name(Scan scan) {
    return "ZAP scan";
  }

  @Override
  protected URI address(Scan scan) {
    return scan.bases().get(0);
  }

  @Override
  protected void nothingToProbe(TargetContext ctx, CheckResult.Builder result) {
    DastSettings s = ctx.profile().dast();
    if (s == null) {
      result.part(Outcome.NOT_APPLICABLE, "the profile asks for no DAST scan (no dast section)");
    } else if (s.bases().isEmpty()) {
      result.part(
          Outcome.NOT_APPLICABLE,
          "no base to scan: the dast section names none and the profile declares no http or"
              + " web endpoint");
    }
  }

  @Override
  protected void conclude(TargetContext ctx, CheckResult.Builder result) {
    DastSettings s = ctx.profile().dast();
    if (s == null) {
      return;
    }
    for (URI b : s.bases()) {
      if (!ctx.profile().scope().allows(b.getHost())) {
        result.part(Outcome.INCONCLUSIVE, b + " is outside the scope: not scanned");
      }
    }
  }

  /**
   * Starts the run's managed ZAP on a thread of its own as soon as the run starts, when a target
   * asks for a managed ZAP and has a base in scope: ZAP takes seconds to start, and the targets'
   * discovery and other checks run meanwhile. The first DAST check then waits for that start
   * instead of beginning one (the run's resources start a managed ZAP once); if it failed, the
   * check starts it again and reports what went wrong.
   */
  @Override
  public void warmUp(List<TargetProfile> targets, RunResources resources) {
    for (TargetProfile p : targets) {
      DastSettings s = p.dast();
      if (s != null
          && s.managedZap()
          && s.bases().stream().anyMatch(b -> p.scope().allows(b.getHost()))) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    source.connect(s, progress, resources);
                  } catch (IOException | RuntimeException e) {
                    // The DAST check meets this again when it runs, and reports it.
                  }
                },
                "zap-warm-up");
        t.setDaemon(true);
        t.start();
        return;
      }
    }
  }

  /** Starts or reaches the ZAP before the scan, so the check owns it for its run. */
  @Override
  public void prepare(TargetContext ctx) {
    DastSettings s = ctx.profile().dast();
    if (s == null || targets(ctx).isEmpty()) {
      return;
    }
    connect(ctx, s);
  }

  @Override
  public void close() {
    // A managed ZAP belongs to the run (shared by its targets); a user's ZAP to the user.
    connected = null;
    unavailable = null;
  }

  private void connect(TargetContext ctx, DastSettings s) {
    if (connected != null || unavailable != null) {
      return;
    }
    try {
      connected = source.connect(s, progress, ctx.resources());
    } catch (IOException | RuntimeException e) {
      // ZAP's own words (its console's last lines) are redacted like any evidence.
      unavailable =
          ctx.redactor()
              .redact((s.managedZap() ? "the managed ZAP could not start: " : "") + e.getMessage());
    }
  }

  @Override
  protected void probe(TargetContext ctx, Scan scan, CheckResult.Builder result) {
    DastSettings s = scan.settings();
    connect(ctx, s);
    if (unavailable != null) {
      result.observe(
          ctx.redactor().capture("ZAP not available", "", 0, null, Map.of("error", unavailable)));
      result.part(Outcome.INCONCLUSIVE, unavailable);
      return;
    }
    Connected c = connected;
    ZapScan.Result r;
    try {
      r =
          ZapScan.run(
              c.zap(),
              new ZapScan.Request(scan.bases(), s.budget(), ctx.profile().rateLimit()),
              progress,
              c.alive());
    } catch (ZapScan.ZapException e) {
      result.observe(
          ctx.redactor()
              .capture(
                  "ZAP scan broke off",
                  c.zap().describe(),
                  0,
                  null,
                  Map.of("error", String.valueOf(e.getMessage()))));
      result.part(Outcome.INCONCLUSIVE, ctx.redactor().redact(String.valueOf(e.getMessage())));
      return;
    }
    judge(ctx, s, c.zap(), scan.bases(), r, result);
  }

  private void judge(
      TargetContext ctx,
      DastSettings s,
      ZapConnection zap,
      List<URI> bases,
      ZapScan.Result r,
      CheckResult.Builder result) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("zap", zap.describe() + " (ZAP " + r.zapVersion() + ")");
    facts.put("bases", bases.stream().map(URI::toString).toList());
    facts.put("urlsFound", r.urls());
    facts.put("activeRules", r.rules());
    facts.put("activeScan", r.finished() ? "finished" : "stopped at " + r.activePercent() + "%");
    facts.put("seconds", Math.round(r.elapsed().toMillis() / 100.0) / 10.0);
    facts.put("budgetSeconds", s.budget().toSeconds());
    facts.put("threshold", s.threshold().toString());
    facts.put("alerts", r.alerts().size());
    result.observe(ctx.redactor().capture("ZAP scan", zap.describe(), 0, null, facts));

    for (URI u : r.unreachable()) {
      result.part(Outcome.INCONCLUSIVE, "ZAP could not fetch " + u + ": nothing there was scanned");
    }
    if (r.unreachable().size() == bases.size()) {
      return;
    }
    if (r.rules() == 0) {
      result.part(
          Outcome.INCONCLUSIVE,
          zap.describe() + " has no active scan rule enabled: a scan would prove nothing");
      return;
    }

    int failing = 0;
    int accepted = 0;
    int below = 0;
    for (ZapAlert a : r.alerts()) {
      String url = ctx.redactor().redact(a.url());
      DastSettings.FalsePositive fp =
          s.falsePositives().stream()
              .filter(f -> f.covers(a.rule(), a.url()))
              .findFirst()
              .orElse(null);
      if (fp != null) {
        accepted++;
        result.observe(
            evidence(
                ctx,
                a,
                "accepted false positive: " + a.name(),
                "justification",
                fp.justification()));
        continue;
      }
      if (!s.threshold().reachedBy(a.risk(), a.confidence())) {
        below++;
        if (below <= MAX_FINDINGS) {
          result.observe(evidence(ctx, a, "below the threshold: " + a.name(), null, null));
        }
        continue;
      }
      failing++;
      if (failing > MAX_FINDINGS) {
        continue;
      }
      Evidence e = evidence(ctx, a, "ZAP alert: " + a.name(), null, null);
      Finding f =
          new Finding(
              a.name()
                  + " (ZAP rule "
                  + a.rule()
                  + ", risk "
                  + a.risk().label()
                  + ", confidence "
                  + a.confidence().label()
                  + ")",
              url,
              severity(a, e.personalData()),
              List.of(e),
              remediation(ctx, a));
      result.fail(f, "");
    }
    if (failing > 0) {
      result.part(
          Outcome.FAIL,
          failing
              + " ZAP alert"
              + (failing == 1 ? "" : "s")
              + " at or above "
              + s.threshold()
              + (failing > MAX_FINDINGS ? " (the first " + MAX_FINDINGS + " are listed)" : ""));
    }
    if (accepted > 0) {
      result.part(
          Outcome.PASS,
          accepted + " alert" + (accepted == 1 ? "" : "s") + " accepted as false positives");
    }
    if (!r.finished()) {
      result.part(
          Outcome.INCONCLUSIVE,
          "the time budget of "
              + s.budget().toSeconds()
              + " s ran out after "
              + r.activePercent()
              + "% of the active scan");
    } else if (failing == 0) {
      result.part(
          Outcome.PASS,
          "ZAP found nothing at or above "
              + s.threshold()
              + " in "
              + r.urls()
              + " URLs ("
              + r.rules()
              + " active rules, "
              + Math.round(r.elapsed().toSeconds())
              + " s"
              + (below > 0 ? "; " + below + " lower alerts listed" : "")
              + ")");
    }
  }

  private static Evidence evidence(
      TargetContext ctx, ZapAlert a, String title, String extraKey, String extraValue) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("rule", a.rule());
    facts.put("alert", a.name());
    facts.put("risk", a.risk().label());
    facts.put("confidence", a.confidence().label());
    if (a.cwe() > 0) {
      facts.put("cwe", a.cwe());
    }
    if (a.wasc() > 0) {
      facts.put("wasc", a.wasc());
    }
    if (!a.param().isBlank()) {
      facts.put("param", a.param());
    }
    if (extraKey != null) {
      facts.put(extraKey, extraValue);
    }
    List<String> samples = a.evidence().isBlank() ? List.of() : List.of(a.evidence());
    return ctx.redactor()
        .capture(
            title,
            (a.method().isBlank() ? "GET" : a.method()) + " " + a.url(),
            0,
            a.evidence().isBlank() ? null : Redactor.utf8(a.evidence()),
            facts,
            samples);
  }

  /**
   * ZAP's risk, one step lower when ZAP itself is not sure (low confidence); raised to what the
   * evidence holds by the shared personal-data rule when it holds personal data.
   */
  static Severity severity(ZapAlert a, Map<String, Integer> personalData) {
    Severity s =
        switch (a.risk()) {
          case HIGH -> Severity.HIGH;
          case MEDIUM -> Severity.MEDIUM;
          case LOW -> Severity.LOW;
          default -> Severity.INFO;
        };
    if (a.confidence().compareTo(Confidence.LOW) <= 0 && s != Severity.INFO) {
      s = Severity.values()[s.ordinal() - 1];
    }
    if (!personalData.isEmpty()) {
      Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
      personalData.forEach(
          (k, v) -> {
            try {
              counts.put(PiiType.valueOf(k), v);
            } catch (IllegalArgumentException e) {
              // A type this build does not know: it cannot raise the severity.
            }
          });
      s = Severity.max(s, Redactor.severityOf(counts));
    }
    return s;
  }

  private static String remediation(TargetContext ctx, ZapAlert a) {
    String sol = ctx.redactor().redact(a.solution().strip());
    if (sol.isEmpty()) {
      return METADATA.remediation();
    }
    return sol.length() > MAX_SOLUTION ? sol.substring(0, MAX_SOLUTION) + "…" : sol;
  }

  @Override
  public String proof() {
    return """
        Applies to: OWASP ZAP (a profile with a `dast` section). ZAP spiders each base (at most
        half the budget, depth 5, 50 children a node) inside a context that includes only the
        bases, then actively scans the context, both paced to the profile's rate limit (ZAP's
        per-request delay, 2 threads a host); the active scan is stopped when the budget runs out.
        Each alert the scan raised at or above the threshold (risk and confidence; default Medium
        and Medium) is a finding: ZAP's risk gives the severity (one step lower at Low confidence,
        raised by the shared rule when the evidence holds personal data), with rule id, CWE, WASC,
        the URL masked, the evidence masked at capture and ZAP's solution. Alerts the profile
        accepts as false positives are listed with their justification and pass; alerts below the
        threshold are listed. A ZAP that cannot be reached, refuses the key or stops answering, a
        base ZAP could not fetch, a ZAP without active rules and a budget that ran out are
        INCONCLUSIVE (unless an alert already fails); a base outside the scope is never handed to
        ZAP. The lab's legacy twin FAILs through Periksa's own rules (personal data in the web
        tier's CSV exports, over plain HTTP); the hardened twin PASSes
        """;
  }
}
