package dev.periksa.run;

import dev.periksa.check.CheckResult;
import java.util.ArrayList;
import java.util.Comparator;
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
   * @param feature the feature file the scenario comes from (its URI)
   * @param line the scenario's line there (an example row's line for a scenario outline)
   */
  public record Recorded(
      String target,
      List<String> requirements,
      String scenarioId,
      String scenario,
      CheckResult result,
      String feature,
      int line) {}

  /**
   * A target's scenarios run at once and end in any order; every output lists their results in the
   * features' order (file, then line), as one after another would. Sorting is stable: a scenario's
   * own results keep the order its checks ran in.
   */
  static final Comparator<Recorded> FEATURE_ORDER =
      Comparator.comparing(Recorded::feature).thenComparingInt(Recorded::line);

  // Indexed by scenario and by target: a fleet records tens of thousands of results, and each
  // scenario's end looks its own up. A target's records are dropped once its outcome is taken
  // (release), so memory does not grow with the number of targets finished.
  private final Map<String, List<Recorded>> byScenario = new HashMap<>();
  private final Map<String, List<Recorded>> byTarget = new LinkedHashMap<>();

  public synchronized void record(Recorded r) {
    byScenario.computeIfAbsent(r.scenarioId(), k -> new ArrayList<>()).add(r);
    byTarget.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r);
  }

  /** Everything recorded and not yet released, target by target, each in the features' order. */
  public synchronized List<Recorded> all() {
    List<Recorded> out = new ArrayList<>();
    for (List<Recorded> one : byTarget.values()) {
      List<Recorded> sorted = new ArrayList<>(one);
      sorted.sort(FEATURE_ORDER);
      out.addAll(sorted);
    }
    return out;
  }

  /** Everything recorded for one scenario run, in order. */
  public synchronized List<Recorded> forScenario(String scenarioId) {
    return List.copyOf(byScenario.getOrDefault(scenarioId, List.of()));
  }

  /** Everything recorded for one target, in the features' order. */
  public synchronized List<Recorded> forTarget(String target) {
    List<Recorded> sorted = new ArrayList<>(byTarget.getOrDefault(target, List.of()));
    sorted.sort(FEATURE_ORDER);
    return List.copyOf(sorted);
  }

  /** One target's check results grouped by requirement id, in the features' order. */
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
