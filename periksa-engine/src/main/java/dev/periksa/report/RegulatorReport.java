package dev.periksa.report;

import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.registry.Checks;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.TargetOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Allure extras a regulator's report needs beside the scenarios: the CI build that made it
 * ({@code executor.json}), the coverage matrix as an entry of its own, and the previous run's
 * history so trends show.
 */
public final class RegulatorReport {
  /** Name of the report entry that holds the coverage matrix. */
  public static final String COVERAGE_ENTRY = "Coverage matrix";

  private RegulatorReport() {}

  /** Every check's metadata: which clauses could be tested does not depend on one run. */
  public static List<CheckMetadata> allChecks() {
    return Checks.all().stream().map(Check::metadata).toList();
  }

  /**
   * Writes the extras into {@code allureResults}.
   *
   * @param runDir the run folder (the default history source is its newest sibling run)
   * @param historyFrom a previous run folder to take history from; null for the default
   * @param env the process environment (CI variables)
   */
  public static void prepare(
      Path allureResults,
      Path runDir,
      List<TargetOutcome> outcomes,
      Catalogue catalogue,
      Path historyFrom,
      Map<String, String> env,
      PrintStream out)
      throws IOException {
    Executor.write(allureResults, env);
    Map<String, Object> coverage = Coverage.of(outcomes, catalogue, allChecks());
    addToEnvironment(allureResults, "Coverage", summary(coverage));
    Optional<Path> previous =
        historyFrom != null ? Optional.of(historyFrom) : AllureHistory.previousRun(runDir);
    if (previous.isPresent()) {
      int n = AllureHistory.carry(previous.get(), allureResults);
      out.println(
          n > 0
              ? "History: carried from " + previous.get()
              : "History: " + previous.get() + " holds no Allure history; trends start here");
    }
  }

  /** One line for the overview: how many clauses a probe tests and what the run found. */
  @SuppressWarnings("unchecked")
  static String summary(Map<String, Object> coverage) {
    List<Map<String, Object>> clauses = (List<Map<String, Object>>) coverage.get("clauses");
    long testable =
        clauses.stream().filter(c -> Boolean.TRUE.equals(c.get("remotelyTestable"))).count();
    return testable
        + " of "
        + clauses.size()
        + " catalogue clauses tested by probes; the others say why (see the Certification tab's coverage matrix)";
  }

  /** Adds a fact to environment.properties, which the run wrote before. */
  static void addToEnvironment(Path allureResults, String key, String value) throws IOException {
    Path file = allureResults.resolve("environment.properties");
    java.util.Properties p = new java.util.Properties();
    if (java.nio.file.Files.exists(file)) {
      try (var in = java.nio.file.Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
        p.load(in);
      }
    }
    p.setProperty(key, value);
    try (var w = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
      p.store(w, null);
    }
  }
}
