package dev.periksa.run;

import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.periksa.certificate.SigningKey;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.RunResources;
import dev.periksa.check.TargetContext;
import dev.periksa.ci.CiOptions;
import dev.periksa.ci.CiOutputs;
import dev.periksa.ci.Selection;
import dev.periksa.discovery.Discovery;
import dev.periksa.evidence.Redactor;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.CertificationSummary;
import dev.periksa.report.Texts;
import dev.periksa.result.TargetOutcome;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the features against each target through the JUnit Platform with the Cucumber engine and the
 * Allure plugin, then writes {@code results.json}, renders {@code report.html} and applies the
 * exit-code policy.
 */
public final class ScanRunner {
  static final String GLUE = "dev.periksa.steps";
  static final String PLUGINS =
      "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm, " + ProgressPlugin.class.getName();
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /**
   * How to run.
   *
   * @param outDir run folder; null for {@code reports/<run-id>}
   * @param features which features to run
   * @param renderReport whether to render report.html
   * @param checkDeadline most time one check may take
   * @param ci selection, baseline and exit-code thresholds ({@link CiOptions})
   * @param signingKey signs certificate.json; null for a throwaway key made for the run
   * @param exemptions waivers and attestations, already read and checked (before any probe)
   * @param historyFrom a previous run folder whose Allure history this run carries; null for the
   *     newest earlier run under {@code reports/}
   * @param lang the language a regulator reads the summary, certificates and verdicts in ({@code
   *     en} or {@code id}); ids, clauses and evidence are the same in both
   */
  public record Options(
      Path outDir,
      FeatureSet features,
      boolean renderReport,
      Duration checkDeadline,
      CiOptions ci,
      SigningKey signingKey,
      Exemptions exemptions,
      Path historyFrom,
      String lang) {
    public static final Duration DEFAULT_CHECK_DEADLINE = Duration.ofMinutes(5);

    public Options {
      ci = ci == null ? CiOptions.NONE : ci;
      exemptions = exemptions == null ? Exemptions.NONE : exemptions;
      lang = Texts.of(lang == null ? "en" : lang).lang();
    }

    /** In English. */
    public Options(
        Path outDir,
        FeatureSet features,
        boolean renderReport,
        Duration checkDeadline,
        CiOptions ci,
        SigningKey signingKey,
        Exemptions exemptions,
        Path historyFrom) {
      this(
          outDir,
          features,
          renderReport,
          checkDeadline,
          ci,
          signingKey,
          exemptions,
          historyFrom,
          "en");
    }

    /** The same, in another language. */
    public Options withLang(String language) {
      return new Options(
          outDir,
          features,
          renderReport,
          checkDeadline,
          ci,
          signingKey,
          exemptions,
          historyFrom,
          language);
    }

    /** Without CI options, waivers or attestations; signed with a throwaway key. */
    public Options(Path outDir, FeatureSet features, boolean renderReport, Duration checkDeadline) {
      this(
          outDir,
          features,
          renderReport,
          checkDeadline,
          CiOptions.NONE,
          null,
          Exemptions.NONE,
          null);
    }

    /** With CI options, signed with a throwaway key. */
    public Options(
        Path outDir,
        FeatureSet features,
        boolean renderReport,
        Duration checkDeadline,
        CiOptions ci) {
      this(outDir, features, renderReport, checkDeadline, ci, null, Exemptions.NONE, null);
    }

    /** With waivers and attestations, signed with a throwaway key. */
    public Options(
        Path outDir,
        FeatureSet features,
        boolean renderReport,
        Duration checkDeadline,
        Exemptions exemptions) {
      this(outDir, features, renderReport, checkDeadline, CiOptions.NONE, null, exemptions, null);
    }
  }

  /**
   * What a run produced.
   *
   * @param dir the run folder
   * @param targets each target's outcome
   * @param exitCode the process exit code the policy gives
   * @param report report.html, or null when not rendered
   * @param ci what the CI step concluded (baseline comparison, gate notes), or null
   */
  public record Result(
      Path dir,
      List<TargetOutcome> targets,
      int exitCode,
      Path report,
      CiOutputs.Summary ci,
      Map<String, Object> summary,
      List<Path> certificates) {
    public Result {
      summary = summary == null ? Map.of() : summary;
      certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    public Result(
        Path dir, List<TargetOutcome> targets, int exitCode, Path report, CiOutputs.Summary ci) {
      this(dir, targets, exitCode, report, ci, null, null);
    }

    /** The language the run reports in. */
    public String lang() {
      Object l = summary.get("lang");
      return l == null ? "en" : l.toString();
    }

    public Path results() {
      return dir.resolve("results.json");
    }
  }

  /** The features failed to load or run (e.g. a user's folder does not parse). */
  public static final class FeatureException extends IOException {
    private static final long serialVersionUID = 1L;

    FeatureException(String message) {
      super(message);
    }
  }

  private final PrintStream out;
  private final Catalogue catalogue = Catalogue.standard();

  public ScanRunner(PrintStream out) {
    this.out = out;
  }

  /** A fresh run folder name: UTC time plus a random suffix. */
  public static String newRunId() {
    byte[] b = new byte[2];
    new SecureRandom().nextBytes(b);
    return RUN_ID.format(Instant.now()) + "-" + HexFormat.of().formatHex(b);
  }

  public Result run(List<TargetProfile> profiles, Options options) throws IOException {
    String runId = newRunId();
    Path dir = options.outDir() != null ? options.outDir() : Path.of("reports", runId);
    requireScenarios(options.features(), options.ci().selection());
    prepare(dir);
    Path allureResults = Files.createDirectories(dir.resolve("allure-results"));
    Instant started = Instant.now();
    Exemptions exemptions = options.exemptions().fresh();
    exemptions.announce(out);

    RunRecorder recorder = new RunRecorder();
    List<TargetOutcome> outcomes = new ArrayList<>();
    AllureLifecycle previous = Allure.getLifecycle();
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allureResults)));
    // What checks start once for the whole run (a managed ZAP), closed when the run ends.
    RunResources resources = new RunResources();
    try {
      for (TargetProfile p : profiles) {
        out.println();
        out.println("Scanning " + p.name() + " (" + p.source() + ")");
        long targetStart = System.nanoTime();
        List<Discovery.Found> inventory = discover(p);
        TargetContext context =
            TargetContext.of(p, Discovery.newEndpoints(p, inventory))
                .withAttestations(exemptions.attestations())
                .withProcessCertified(exemptions.certifiesProcess())
                .withResources(resources);
        ScanSession session =
            new ScanSession(
                p, context, new CheckRunner(options.checkDeadline()), recorder, out, exemptions);
        ScanSession.begin(session);
        try {
          execute(options.features(), options.ci().selection());
        } finally {
          ScanSession.end();
        }
        if (!session.notApplicable().isEmpty()) {
          List<String> na = List.copyOf(session.notApplicable());
          out.println(
              "  not applicable here ("
                  + na.size()
                  + (na.size() == 1 ? " check" : " checks")
                  + ", nothing of their kind declared or discovered): "
                  + String.join(", ", na));
        }
        TargetOutcome t =
            TargetOutcome.of(p, recorder.byRequirement(p.name()), catalogue, inventory);
        outcomes.add(t);
        out.printf(
            "  = %s: %s (%.1f s)%n",
            p.name(),
            Texts.of(options.lang()).get("verdict", t.verdict()),
            (System.nanoTime() - targetStart) / 1e9);
      }
    } finally {
      Allure.setLifecycle(previous);
      resources.close();
    }
    Instant finished = Instant.now();
    exemptions.account(out);

    // The key is known before anything is signed: the summary names its fingerprint.
    SigningKey key = options.signingKey() != null ? options.signingKey() : SigningKey.throwaway();
    Texts texts = Texts.of(options.lang());
    Map<String, Object> summary =
        CertificationSummary.of(
            new CertificationSummary.Run(
                runId,
                started,
                finished,
                options.features().hash(),
                dir.toString(),
                key.fingerprint()),
            outcomes,
            catalogue,
            options.ci().selection().regulations(),
            exemptions,
            texts);
    RunRecord record =
        new RunRecord(
            dir,
            allureResults,
            runId,
            started,
            finished,
            profiles,
            outcomes,
            options,
            exemptions,
            catalogue,
            key,
            texts,
            summary,
            out);
    Outputs.writeAll(record);
    return new Result(
        dir,
        outcomes,
        record.exitCode(),
        record.report(),
        record.ci(),
        summary,
        record.certificates());
  }

  /** Discovery as the profile asks, printed and recorded as the target's inventory. */
  private List<Discovery.Found> discover(TargetProfile p) {
    if (p.discovery() == null) {
      return List.of();
    }
    long t0 = System.nanoTime();
    List<Discovery.Found> found = Discovery.forProfile(p).run(p, out::println);
    out.printf(
        "  inventory (%.1f s): %s%n",
        (System.nanoTime() - t0) / 1e9, found.isEmpty() ? "nothing recognised" : "");
    for (Discovery.Found f : found) {
      out.println("    " + f.host() + ":" + f.port() + "  " + f.product());
    }
    return found;
  }

  private static void prepare(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new FeatureException(dir + " already holds files; choose a new or empty folder");
        }
      }
    }
    Files.createDirectories(dir);
  }

  private static LauncherDiscoveryRequest request(FeatureSet features, Selection selection) {
    LauncherDiscoveryRequestBuilder b =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(features.selector())
            .filters(includeEngines("cucumber"))
            .configurationParameter("cucumber.glue", GLUE)
            .configurationParameter("cucumber.plugin", PLUGINS)
            .configurationParameter("cucumber.publish.quiet", "true")
            .configurationParameter("cucumber.junit-platform.naming-strategy", "long");
    if (!selection.all()) {
      b.configurationParameter("cucumber.filter.tags", selection.expression());
    }
    return b.build();
  }

  /** A selection that picks no scenario is a usage error, found before anything is probed. */
  private static void requireScenarios(FeatureSet features, Selection selection)
      throws FeatureException {
    if (selection.all()) {
      return;
    }
    List<String> texts;
    try {
      texts = features.texts();
    } catch (IOException e) {
      throw new FeatureException("the features could not be read: " + e.getMessage());
    }
    if (!selection.selectsAny(texts)) {
      throw new FeatureException(
          "the selection ("
              + selection.describe()
              + ") picks no scenario of the "
              + features.describe()
              + " features");
    }
  }

  private void execute(FeatureSet features, Selection selection) throws FeatureException {
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    LauncherDiscoveryRequest request = request(features, selection);
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    TestExecutionSummary s = summary.getSummary();
    if (s.getContainersFailedCount() > 0) {
      String why =
          s.getFailures().stream()
              .filter(f -> f.getTestIdentifier().isContainer())
              .map(f -> f.getException().getMessage())
              .collect(Collectors.joining("; "));
      throw new FeatureException("the features could not be run: " + why);
    }
    if (s.getTestsFoundCount() == 0) {
      throw new FeatureException("no scenario found in the " + features.describe() + " features");
    }
  }

  /** SHA-256 of the profile file as read, so the report names exactly which profile ran. */
  static String profileHash(TargetProfile p) {
    if (p.source() == null || !Files.isRegularFile(p.source())) {
      return "none (profile built in code)";
    }
    try {
      return Redactor.sha256Hex(Files.readAllBytes(p.source()));
    } catch (IOException e) {
      return "unreadable: " + e.getMessage();
    }
  }
}
