package dev.periksa.cli;

import dev.periksa.certificate.SigningKey;
import dev.periksa.ci.Baseline;
import dev.periksa.ci.CiOptions;
import dev.periksa.ci.Selection;
import dev.periksa.probe.HostLimits;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.Texts;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.Fleet;
import dev.periksa.run.ScanRunner;
import dev.periksa.waiver.Exemptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by {@code scan} and {@code demo}. */
final class ScanOptions {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Run folder (must be new or empty). Default: reports/<run-id>/")
  Path out;

  @Option(
      names = "--features",
      paramLabel = "DIR",
      description = "Run the feature files in DIR instead of the built-in certification profile.")
  Path features;

  @Option(
      names = {"-v", "--verbose"},
      description =
          "Show each finding's location and evidence in the verdicts, not only its title.")
  boolean verbose;

  @Option(
      names = "--no-report",
      description =
          "Skip rendering report.html (results.json and " + "allure-results/ are still written).")
  boolean noReport;

  @Option(
      names = "--check-timeout",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "Most time one check may take before it counts as INCONCLUSIVE (default: ${DEFAULT-VALUE}).")
  long checkTimeout;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Fail the run (exit 1) only on a FAIL at or above SEVERITY: LOW, MEDIUM, HIGH or"
              + " CRITICAL. Default: any FAIL fails the run.")
  String failOn;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "A previous run's results.json: each finding is marked new, unchanged or fixed"
              + " (results.json, console, junit.xml, results.sarif).")
  Path baseline;

  @Option(
      names = "--fail-on-new",
      description =
          "With --baseline: fail the run only on FAILs new since the baseline (and at or above"
              + " --fail-on).")
  boolean failOnNew;

  @Option(
      names = "--regulation",
      paramLabel = "NAME",
      description =
          "Run only the scenarios serving this regulation's clauses: hipaa, uu-pdp, permenkes,"
              + " gdpr or owasp-api. Repeat for several (their union).")
  List<String> regulations;

  @Option(
      names = "--tags",
      paramLabel = "EXPR",
      description =
          "Run only the scenarios matching a Cucumber tag expression, e.g. \"@STO-1 or @AUT-2\"."
              + " With --regulation, both must match.")
  String tags;

  /** The certificate's signing key; null signs with a throwaway key (always so in the demo). */
  SigningKey signingKey;

  @Option(
      names = "--waivers",
      paramLabel = "FILE",
      description =
          "Waivers (YAML): FAILs accepted on the record until an expiry date; a waived FAIL shows"
              + " as WAIVED and does not fail the run. A malformed file stops the run (exit 64).")
  Path waivers;

  @Option(
      names = "--attestations",
      paramLabel = "FILE",
      description =
          "Attestations (YAML): process requirements (GOV-1) declared met by a named person.")
  Path attestations;

  @Option(
      names = "--certify-process",
      description =
          "Certify process requirements too (a regulator's run): GOV-1's breach-notification"
              + " process is then asked and met only by a current attestation (--attestations);"
              + " without this option it is not applicable.")
  boolean certifyProcess;

  @Option(
      names = "--history-from",
      paramLabel = "DIR",
      description =
          "A previous run folder whose Allure history (trends) this run carries. Default: the"
              + " newest earlier run under reports/ when the run folder is there.")
  Path historyFrom;

  @Option(
      names = "--lang",
      paramLabel = "en|id",
      defaultValue = "en",
      description =
          "Language of the certification summary (the report's first screen), the printable"
              + " certificates and the console's verdicts: en (English, the default) or id"
              + " (Indonesian). Requirement ids, clause citations and evidence are the same in"
              + " both.")
  String lang;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Targets scanned at once (default: "
              + Fleet.DEFAULT_PARALLEL
              + ", or as many as there are targets when fewer). 1 scans one after another.")
  int parallel;

  @Option(
      names = "--target-budget",
      paramLabel = "SECONDS",
      defaultValue = "1800",
      description =
          "Most time one target may take, discovery and checks together (default:"
              + " ${DEFAULT-VALUE}); the checks left when it is spent count as INCONCLUSIVE, so a"
              + " stalled target never holds up the rest for longer.")
  long targetBudget;

  @Option(
      names = "--connections-per-host",
      paramLabel = "N",
      defaultValue = "" + HostLimits.DEFAULT_CONNECTIONS,
      description =
          "Most connections the run opens to one host at once, over every target and check"
              + " (default: ${DEFAULT-VALUE}). Each profile's rateLimit stays the ceiling of"
              + " requests per second to a host, whichever targets reach it.")
  int connectionsPerHost;

  @Option(
      names = "--parallel-scenarios",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Scenarios of one target run at once (default: "
              + Fleet.DEFAULT_SCENARIOS
              + "). 1 runs them one after another. Password guessing (AUT-4) and the DAST scan"
              + " (DAST-1) always run alone on their target.")
  int parallelScenarios;

  @Option(
      names = "--progress",
      paramLabel = "FORM",
      defaultValue = "auto",
      description =
          "Console progress: detailed (every scenario's verdict, target by target), compact (one"
              + " line per finished target with the count done, running and waiting) or auto"
              + " (detailed up to "
              + Fleet.COMPACT_ABOVE
              + " targets, compact above; the default).")
  String progress;

  /** The fleet options as the scan command settled them (with its shard); null: from the above. */
  Fleet fleetOverride;

  /** The fleet options, checked. */
  Fleet fleet() throws IOException {
    if (fleetOverride != null) {
      return fleetOverride;
    }
    Fleet.Progress form;
    try {
      form = Fleet.Progress.valueOf(progress.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IOException("--progress " + progress + ": use detailed, compact or auto");
    }
    if (parallel < 0) {
      throw new IOException("--parallel " + parallel + ": give 1 or more (0 for the default)");
    }
    if (targetBudget < 1) {
      throw new IOException("--target-budget " + targetBudget + ": give 1 second or more");
    }
    if (connectionsPerHost < 1) {
      throw new IOException("--connections-per-host " + connectionsPerHost + ": give 1 or more");
    }
    if (parallelScenarios < 0) {
      throw new IOException(
          "--parallel-scenarios " + parallelScenarios + ": give 1 or more (0 for the default)");
    }
    return new Fleet(
        parallel,
        Duration.ofSeconds(targetBudget),
        connectionsPerHost,
        form,
        null,
        parallelScenarios);
  }

  /** The options, with the waiver and attestation files read and checked now (before probes). */
  ScanRunner.Options toRunnerOptions() throws IOException {
    return toRunnerOptions(Exemptions.load(waivers, attestations));
  }

  ScanRunner.Options toRunnerOptions(Exemptions exemptions) throws IOException {
    if (certifyProcess) {
      exemptions = exemptions.certifyingProcess();
    }
    CiOptions ci = ciOptions();
    FeatureSet set = features == null ? FeatureSet.builtin() : FeatureSet.directory(features);
    if (historyFrom != null && !java.nio.file.Files.isDirectory(historyFrom)) {
      throw new IOException("--history-from " + historyFrom + ": not a folder");
    }
    if (!Texts.LANGUAGES.contains(lang)) {
      throw new IOException("--lang " + lang + ": not a language Periksa reports in (en or id)");
    }
    return new ScanRunner.Options(
            out,
            set,
            !noReport,
            Duration.ofSeconds(checkTimeout),
            ci,
            signingKey == null ? SigningKey.throwaway() : signingKey,
            exemptions,
            historyFrom)
        .withLang(lang)
        .withFleet(fleet());
  }

  /** The CI options, read and checked (the baseline file too) before anything is probed. */
  CiOptions ciOptions() throws IOException {
    try {
      return new CiOptions(
          CiOptions.parseSeverity(failOn),
          failOnNew,
          baseline == null ? null : Baseline.load(baseline),
          Selection.of(regulations, tags, Catalogue.standard()));
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
