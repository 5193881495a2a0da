package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.regulation.Catalogue;
import dev.periksa.testing.Outcomes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a target's scenarios are set to run at once, and the order their results keep. */
class ParallelScenariosTest {
  final Catalogue catalogue = Catalogue.standard();

  @Test
  void guessingAndTheDastScanTakeTheTargetAloneAndEveryOtherRequirementShares() {
    Map<String, String> c = ScanRunner.parallelScenarios(3, catalogue);
    assertEquals("true", c.get("cucumber.execution.parallel.enabled"));
    assertEquals("fixed", c.get("cucumber.execution.parallel.config.strategy"));
    assertEquals("3", c.get("cucumber.execution.parallel.config.fixed.parallelism"));
    assertEquals("3", c.get("cucumber.execution.parallel.config.fixed.max-pool-size"));
    for (var r : catalogue.requirements()) {
      String rw = c.get("cucumber.execution.exclusive-resources." + r.id() + ".read-write");
      String read = c.get("cucumber.execution.exclusive-resources." + r.id() + ".read");
      if (ScanRunner.ALONE.contains(r.id())) {
        assertEquals(ScanRunner.TARGET_LOCK, rw, r.id());
        assertEquals(null, read, r.id());
      } else {
        assertEquals(ScanRunner.TARGET_LOCK, read, r.id());
        assertEquals(null, rw, r.id());
      }
    }
    assertTrue(ScanRunner.ALONE.containsAll(List.of("AUT-4", "DAST-1")));
  }

  @Test
  void theDefaultRunsFourAtOnceAndOneMeansOneAfterAnother() {
    assertEquals(Fleet.DEFAULT_SCENARIOS, Fleet.DEFAULT.scenarioThreads());
    assertEquals(1, Fleet.DEFAULT.withScenarios(1).scenarioThreads());
    assertEquals(6, Fleet.DEFAULT.withScenarios(6).withParallel(2).scenarioThreads());
    assertThrows(IllegalArgumentException.class, () -> Fleet.DEFAULT.withScenarios(-1));
  }

  @Test
  void resultsComeInTheFeaturesOrderWhateverOrderTheScenariosEndedIn() throws Exception {
    CheckResult a = Outcomes.searchTarget("t", Outcome.PASS).requirements().get(0).checks().get(0);
    CheckResult b = Outcomes.searchTarget("t", Outcome.FAIL).requirements().get(0).checks().get(0);
    RunRecorder rec = new RunRecorder();
    // Ended in this order: transport (line 9), then auth (line 30, two checks), then auth line 7.
    rec.record(rec("s3", a, "classpath:features/transport/x.feature", 9));
    rec.record(rec("s2", a, "classpath:features/auth/y.feature", 30));
    rec.record(rec("s2", b, "classpath:features/auth/y.feature", 30));
    rec.record(rec("s1", b, "classpath:features/auth/y.feature", 7));
    List<String> order =
        rec.forTarget("t").stream().map(r -> r.scenarioId() + ":" + r.result().outcome()).toList();
    assertEquals(List.of("s1:FAIL", "s2:PASS", "s2:FAIL", "s3:PASS"), order);
    assertEquals(
        order, rec.all().stream().map(r -> r.scenarioId() + ":" + r.result().outcome()).toList());
  }

  private static RunRecorder.Recorded rec(String id, CheckResult r, String feature, int line) {
    return new RunRecorder.Recorded("t", List.of("STO-1"), id, "scenario " + id, r, feature, line);
  }
}
