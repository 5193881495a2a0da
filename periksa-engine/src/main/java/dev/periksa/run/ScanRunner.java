package dev.periksa.run;

import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.periksa.certificate.SigningKey;
import dev.periksa.check.Check;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.RunResources;
import dev.periksa.check.TargetContext;
import dev.periksa.check.registry.Checks;
import dev.periksa.ci.CiOptions;
import dev.periksa.ci.CiOutputs;
import dev.periksa.ci.Selection;
import dev.periksa.discovery.Discovery;
import dev.periksa.evidence.Redactor;
import dev.periksa.probe.HostLimits;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.CertificationSummary;
import dev.periksa.report.Texts;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import io.cucumber.junit.platform.engine.Constants;
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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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
   * @param fleet how many targets are scanned at once, each target's time budget, the connections
   *     the run opens to one host at once, and the console's form; null for the defaults
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
      String lang,
      Fleet fleet) {
    public static final Duration DEFAULT_CHECK_DEADLINE = Duration.ofMinutes(5);

    public Options {
      ci = ci == null ? CiOptions.NONE : ci;
      fleet = fleet == null ? Fleet.DEFAULT : fleet;
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
          "en",
          null);
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
          language,
          fleet);
    }

    /** The same, scanning targets as the fleet options say. */
    public Options withFleet(Fleet f) {
      return new Options(
          outDir,
          features,
          renderReport,
          checkDeadline,
          ci,
          signingKey,
          exemptions,
          historyFrom,
          lang,
          f);
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
    requireDistinctNames(profiles);
    prepare(dir);
    Path allureResults = Files.createDirectories(dir.resolve("allure-results"));
    Instant started = Instant.now();
    Exemptions exemptions = options.exemptions().fresh();
    exemptions.announce(out);

    Fleet fleet = options.fleet();
    int parallel = fleet.threads(profiles.size());
    FleetConsole console =
        new FleetConsole(out, profiles.size(), parallel, fleet.compact(profiles.size()));
    console.starting(fleet, parallel);
    RunRecorder recorder = new RunRecorder();
    // Each target's outcome goes to disk when it ends: memory does not grow with the fleet.
    OutcomeStore outcomes = new OutcomeStore(profiles, catalogue);
    AllureLifecycle previous = Allure.getLifecycle();
    Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(allureResults)));
    // What checks start once for the whole run (a managed ZAP), closed when the run ends.
    RunResources resources = new RunResources();
    warmUp(profiles, options, resources);
    HostLimits limits = new HostLimits(fleet.connectionsPerHost());
    RunJournal journal = RunJournal.open(dir, runId, started, profiles, options);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallel,
            new ThreadFactory() {
              private final AtomicInteger n = new AtomicInteger();

              @Override
              public Thread newThread(Runnable r) {
                Thread t = new Thread(r, "target-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              }
            });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < profiles.size(); i++) {
        int index = i;
        running.add(
            pool.submit(
                () -> {
                  TargetOutcome t =
                      scanTarget(
                          profiles.get(index),
                          options,
                          exemptions,
                          recorder,
                          resources,
                          limits,
                          console);
                  journal.finished(index, outcomes.put(index, t));
                  return null;
                }));
      }
      for (Future<?> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          for (Future<?> other : running) {
            other.cancel(true);
          }
          if (c instanceof FeatureException fe) {
            throw fe;
          }
          if (c instanceof IOException io) {
            throw io;
          }
          throw new IOException("the scan stopped on an error: " + c, c);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the run was interrupted", e);
    } catch (IOException | RuntimeException e) {
      // The run stops here: results.json stays INCOMPLETE, the journal keeps what finished.
      journal.abandon();
      resources.close();
      outcomes.close();
      throw e;
    } finally {
      pool.shutdownNow();
      Allure.setLifecycle(previous);
    }
    outcomes.seal();
    // What the checks started (a managed ZAP takes seconds to stop) closes while the outputs are
    // written; the run waits for it before it returns.
    Thread closing = new Thread(resources::close, "run-resources-close");
    closing.setDaemon(true);
    closing.start();
    try {
      journal.complete();
      console.finished();
      return finish(runId, dir, allureResults, started, profiles, outcomes, options, exemptions);
    } finally {
      try {
        closing.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** After the scans: the summary, every output, the result. */
  private Result finish(
      String runId,
      Path dir,
      Path allureResults,
      Instant started,
      List<TargetProfile> profiles,
      OutcomeStore outcomes,
      Options options,
      Exemptions exemptions)
      throws IOException {
    Instant finished = Instant.now();
    exemptions.account(out);
    List<TargetOutcome> done = outcomes;

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
            done,
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
            done,
            options,
            exemptions,
            catalogue,
            key,
            texts,
            summary,
            out,
            null);
    Outputs.writeAll(record);
    return new Result(
        dir, done, record.exitCode(), record.report(), record.ci(), summary, record.certificates());
  }

  /**
   * Scans one target on the calling thread: discovery, then every scenario through a Cucumber
   * launch of its own, its checks under the target's time budget. Its console lines go to the run's
   * console as one block when it ends (several targets run at once) or live (one at a time).
   */
  private TargetOutcome scanTarget(
      TargetProfile p,
      Options options,
      Exemptions exemptions,
      RunRecorder recorder,
      RunResources resources,
      HostLimits limits,
      FleetConsole console)
      throws FeatureException {
    PrintStream lines = console.begin(p);
    long targetStart = System.nanoTime();
    try {
      lines.println();
      lines.println("Scanning " + p.name() + " (" + p.source() + ")");
      List<Discovery.Found> inventory = discover(p, lines);
      TargetContext context =
          TargetContext.of(p, Discovery.newEndpoints(p, inventory), limits)
              .withAttestations(exemptions.attestations())
              .withProcessCertified(exemptions.certifiesProcess())
              .withResources(resources);
      Fleet fleet = options.fleet();
      Duration left =
          fleet.targetBudget() == null
              ? null
              : fleet.targetBudget().minusNanos(System.nanoTime() - targetStart);
      ScanSession session =
          new ScanSession(
              p,
              context,
              new CheckRunner(
                  options.checkDeadline(),
                  left == null || !left.isNegative() ? left : Duration.ZERO),
              recorder,
              lines,
              exemptions);
      ScanSession.begin(session);
      try {
        execute(options.features(), options.ci().selection(), fleet.scenarioThreads());
      } finally {
        ScanSession.end();
      }
      if (!session.notApplicable().isEmpty()) {
        List<String> na = List.copyOf(session.notApplicable());
        lines.println(
            "  not applicable here ("
                + na.size()
                + (na.size() == 1 ? " check" : " checks")
                + ", nothing of their kind declared or discovered): "
                + String.join(", ", na));
      }
      TargetOutcome t = TargetOutcome.of(p, recorder.byRequirement(p.name()), catalogue, inventory);
      recorder.release(p.name());
      double seconds = (System.nanoTime() - targetStart) / 1e9;
      lines.printf(
          "  = %s: %s (%.1f s)%n",
          p.name(), Texts.of(options.lang()).get("verdict", t.verdict()), seconds);
      console.end(p, Texts.of(options.lang()).get("verdict", t.verdict()), seconds);
      return t;
    } catch (RuntimeException e) {
      // Fails closed: a target whose scan broke is INCOMPLETE with what it had recorded.
      TargetOutcome t = TargetOutcome.of(p, recorder.byRequirement(p.name()), catalogue, List.of());
      recorder.release(p.name());
      lines.println("  the scan of this target stopped on an error: " + e.getMessage());
      double seconds = (System.nanoTime() - targetStart) / 1e9;
      console.end(p, Texts.of(options.lang()).get("verdict", Verdict.INCOMPLETE), seconds);
      return new TargetOutcome(p, Verdict.INCOMPLETE, t.requirements(), t.inventory());
    }
  }

  /** Targets are told apart by name in every output: two profiles may not share one. */
  private static void requireDistinctNames(List<TargetProfile> profiles) throws FeatureException {
    Map<String, TargetProfile> seen = new HashMap<>();
    for (TargetProfile p : profiles) {
      TargetProfile before = seen.putIfAbsent(p.name(), p);
      if (before != null) {
        throw new FeatureException(
            "two profiles name their target '"
                + p.name()
                + "' ("
                + before.source()
                + ", "
                + p.source()
                + "): each target of a run needs a name of its own");
      }
    }
  }

  /** Discovery as the profile asks, printed and recorded as the target's inventory. */
  private static List<Discovery.Found> discover(TargetProfile p, PrintStream out) {
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

  private LauncherDiscoveryRequest request(
      FeatureSet features, Selection selection, int scenarios) {
    LauncherDiscoveryRequestBuilder b =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(features.selectors())
            .filters(includeEngines("cucumber"))
            .configurationParameter("cucumber.glue", GLUE)
            .configurationParameter("cucumber.plugin", PLUGINS)
            .configurationParameter("cucumber.publish.quiet", "true")
            .configurationParameter("cucumber.junit-platform.naming-strategy", "long");
    if (!selection.all()) {
      b.configurationParameter("cucumber.filter.tags", selection.expression());
    }
    if (scenarios > 1) {
      b.configurationParameters(parallelScenarios(scenarios, catalogue));
    }
    return b.build();
  }

  /**
   * Lets every check the run will run start what its runs share (a managed ZAP) in the background,
   * before the first target is scanned.
   */
  private static void warmUp(
      List<TargetProfile> profiles, Options options, RunResources resources) {
    List<String> texts;
    try {
      texts = options.features().texts();
    } catch (IOException e) {
      return; // the features are read again to run, and any error is reported there
    }
    Set<String> picked = options.ci().selection().pickedTags(texts);
    for (Check check : Checks.all()) {
      if (check.metadata().requirementIds().stream().anyMatch(id -> picked.contains("@" + id))) {
        check.warmUp(profiles, resources);
      }
    }
  }

  /** Scenarios run alone on their target: they change how it answers everyone else. */
  static final List<String> ALONE = List.of("AUT-4", "DAST-1");

  /**
   * Cucumber's settings to run {@code n} scenarios of one target at once. Each requirement's
   * scenarios share one lock on the target, and those of {@link #ALONE} take it exclusively:
   * password guessing may make a login throttle or lock everyone out for a while, and an active
   * DAST scan sends attacks, so a check running beside them could judge a target that is not
   * answering as it normally does.
   */
  static Map<String, String> parallelScenarios(int n, Catalogue catalogue) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put(Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, "true");
    c.put(Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME, "fixed");
    c.put(Constants.PARALLEL_CONFIG_FIXED_PARALLELISM_PROPERTY_NAME, Integer.toString(n));
    c.put(Constants.PARALLEL_CONFIG_FIXED_MAX_POOL_SIZE_PROPERTY_NAME, Integer.toString(n));
    for (var r : catalogue.requirements()) {
      String template =
          ALONE.contains(r.id())
              ? Constants.EXECUTION_EXCLUSIVE_RESOURCES_READ_WRITE_TEMPLATE
              : Constants.EXECUTION_EXCLUSIVE_RESOURCES_READ_TEMPLATE;
      c.put(
          template.replace(Constants.EXECUTION_EXCLUSIVE_RESOURCES_TAG_TEMPLATE_VARIABLE, r.id()),
          TARGET_LOCK);
    }
    return c;
  }

  /** The lock every requirement's scenarios take on their target (see parallelScenarios). */
  static final String TARGET_LOCK = "periksa.target";

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

  private void execute(FeatureSet features, Selection selection, int scenarios)
      throws FeatureException {
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    LauncherDiscoveryRequest request = request(features, selection, scenarios);
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    launcher.execute(request, summary);
    TestExecutionSummary s = summary.getSummary();
    if (s.getContainersFailedCount() > 0) {
      String why =
          s.getFailures().stream()
              .filter(f -> f.getTestIdentifier().isContainer())
              .map(f -> describe(f.getException()))
              .collect(Collectors.joining("; "));
      throw new FeatureException("the features could not be run: " + why);
    }
    if (s.getTestsFoundCount() == 0) {
      throw new FeatureException("no scenario found in the " + features.describe() + " features");
    }
  }

  /** An error in words: its message, or its kind when it has none. */
  private static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
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
