package dev.periksa.run;

import dev.periksa.check.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every check result of a run, per target and scenario, for results.json and exit codes.
 */
public final class RunRecorder {

  /**
   * One result as recorded.
   *
   * @param target target name
   * @param requirements requirement ids the scenario verifies
   * @param scenarioId Cucumber's id of the scenario run
   * @param scenario scenario name
   * @param result what the check concluded
   */
  public record Recorded(
      String target,
      List<String> requirements,
      String scenarioId,
      String scenario,
      CheckResult result) {}

  private final List<Recorded> all = new ArrayList<>();

  public synchronized void record(Recorded r) {
    all.add(r);
  }

  public synchronized List<Recorded> all() {
    return List.copyOf(all);
  }

  /** Everything recorded for one scenario run, in order. */
  public synchronized List<Recorded> forScenario(String scenarioId) {
    return all.stream().filter(r -> r.scenarioId().equals(scenarioId)).toList();
  }

  /** Everything recorded for one target, in order. */
  public synchronized List<Recorded> forTarget(String target) {
    return all.stream().filter(r -> r.target().equals(target)).toList();
  }

  /** One target's check results grouped by requirement id, in the order they were recorded. */
  public synchronized Map<String, List<CheckResult>> byRequirement(String target) {
    Map<String, List<CheckResult>> out = new LinkedHashMap<>();
    for (Recorded r : forTarget(target)) {
      for (String id : r.requirements()) {
        out.computeIfAbsent(id, k -> new ArrayList<>()).add(r.result());
      }
    }
    return out;
  }
}
