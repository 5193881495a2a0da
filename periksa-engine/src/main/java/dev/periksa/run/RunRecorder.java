package dev.periksa.run;

import dev.periksa.check.CheckResult;
import java.util.ArrayList;
import java.util.HashMap;
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

  // Indexed by scenario and by target: a fleet records tens of thousands of results, and each
  // scenario's end looks its own up. A target's records are dropped once its outcome is taken
  // (release), so memory does not grow with the number of targets finished.
  private final Map<String, List<Recorded>> byScenario = new HashMap<>();
  private final Map<String, List<Recorded>> byTarget = new LinkedHashMap<>();

  public synchronized void record(Recorded r) {
    byScenario.computeIfAbsent(r.scenarioId(), k -> new ArrayList<>()).add(r);
    byTarget.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
  }

  /** Everything recorded and not yet released, target by target, in order. */
  public synchronized List<Recorded> all() {
    List<Recorded> out = new ArrayList<>();
    byTarget.values().forEach(out::addAll);
    return out;
  }

  /** Everything recorded for one scenario run, in order. */
  public synchronized List<Recorded> forScenario(String scenarioId) {
    return List.copyOf(byScenario.getOrDefault(scenarioId, List.of()));
  }

  /** Everything recorded for one target, in order. */
  public synchronized List<Recorded> forTarget(String target) {
    return List.copyOf(byTarget.getOrDefault(target, List.of()));
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

  /** Forgets a target's records (its outcome has been taken). */
  public synchronized void release(String target) {
    List<Recorded> gone = byTarget.remove(target);
    if (gone != null) {
      for (Recorded r : gone) {
        byScenario.remove(r.scenarioId());
      }
    }
  }
}
