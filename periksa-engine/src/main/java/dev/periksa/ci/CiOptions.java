package dev.periksa.ci;

import dev.periksa.evidence.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a pipeline asks of a run: which scenarios run, the baseline to compare with, and when the
 * exit code says "failed".
 *
 * @param failOn the lowest severity of a FAIL that fails the run; null for any FAIL (the default)
 * @param failOnNew fail only on FAILs whose findings are new since the baseline
 * @param baseline the previous run's results, or null
 * @param selection which scenarios run
 */
public record CiOptions(
    Severity failOn, boolean failOnNew, Baseline baseline, Selection selection) {
  /** No threshold, no baseline, every scenario: the run behaves as before. */
  public static final CiOptions NONE = new CiOptions(null, false, null, Selection.ALL);

  public CiOptions {
    selection = selection == null ? Selection.ALL : selection;
    if (failOnNew && baseline == null) {
      throw new IllegalArgumentException("--fail-on-new needs --baseline PREVIOUS/results.json");
    }
  }

  /**
   * Reads {@code --fail-on}: LOW, MEDIUM, HIGH or CRITICAL, in any case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Severity parseSeverity(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim().toUpperCase(java.util.Locale.ROOT);
    for (Severity sev : Severity.values()) {
      if (sev != Severity.INFO && sev.name().equals(v)) {
        return sev;
      }
    }
    throw new IllegalArgumentException(
        "--fail-on " + s + ": not a severity (one of LOW, MEDIUM, HIGH, CRITICAL)");
  }

  /** Whether the exit code follows the plain rule (any FAIL fails). */
  boolean plain() {
    return failOn == null && !failOnNew;
  }

  /** What results.json records under {@code run.gate}. */
  Map<String, Object> gate() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("failOn", failOn == null ? "any FAIL" : failOn.name());
    m.put("failOnNew", failOnNew);
    return m;
  }

  /** Lines for the report's environment.properties. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("Selection", selection.describe());
    if (selection.expression() != null) {
      env.put("Selection.tags", selection.expression());
    }
    env.put("Fail.on", failOn == null ? "any FAIL" : failOn.name() + " and above");
    if (baseline != null) {
      env.put("Baseline", baseline.source() + " (run " + baseline.runId() + ")");
      env.put("Fail.on.new", String.valueOf(failOnNew));
    }
    return env;
  }
}
