package dev.periksa.cli;

import dev.periksa.certificate.SigningKey;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
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

  /** The certificate's signing key; null signs with a throwaway key (always so in the demo). */
  SigningKey signingKey;

  ScanRunner.Options toRunnerOptions() throws IOException {
    FeatureSet set = features == null ? FeatureSet.builtin() : FeatureSet.directory(features);
    return new ScanRunner.Options(
        out,
        set,
        !noReport,
        Duration.ofSeconds(checkTimeout),
        signingKey == null ? SigningKey.throwaway() : signingKey);
  }
}
