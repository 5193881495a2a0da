package dev.periksa.cli;

import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.waiver.Exemptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
      names = "--history-from",
      paramLabel = "DIR",
      description =
          "A previous run folder whose Allure history (trends) this run carries. Default: the"
              + " newest earlier run under reports/ when the run folder is there.")
  Path historyFrom;

  /** The options, with the waiver and attestation files read and checked now (before probes). */
  ScanRunner.Options toRunnerOptions() throws IOException {
    return toRunnerOptions(Exemptions.load(waivers, attestations));
  }

  ScanRunner.Options toRunnerOptions(Exemptions exemptions) throws IOException {
    FeatureSet set = features == null ? FeatureSet.builtin() : FeatureSet.directory(features);
    if (historyFrom != null && !java.nio.file.Files.isDirectory(historyFrom)) {
      throw new IOException("--history-from " + historyFrom + ": not a folder");
    }
    return new ScanRunner.Options(
        out, set, !noReport, Duration.ofSeconds(checkTimeout), exemptions, historyFrom);
  }
}
