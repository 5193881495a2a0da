package dev.periksa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Outcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.run.ScanRunner;
import dev.periksa.testing.Outcomes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-of-run summary of a fleet: counts and one line per target not certified. */
class FleetConsoleTest {

  static TargetOutcome target(String name, Outcome sto1) throws Exception {
    return Outcomes.searchTarget(name, sto1);
  }

  @Test
  void aFleetIsSummedUpNotListedRequirementByRequirement() throws Exception {
    List<TargetOutcome> all = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      all.add(
          target(
              String.format("fleet-%04d", i),
              i <= 8 ? Outcome.PASS : i <= 10 ? Outcome.INCONCLUSIVE : Outcome.FAIL));
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Console.summary(
        new PrintStream(b, true, StandardCharsets.UTF_8),
        new ScanRunner.Result(Path.of("run"), all, 1, null, null));
    String out = b.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("12 targets: 8 CERTIFIED, 2 NOT_CERTIFIED, 2 INCOMPLETE"), out);
    assertTrue(out.contains("fleet-0011: NOT_CERTIFIED  FAIL STO-1"), out);
    assertTrue(out.contains("fleet-0009: INCOMPLETE  INCONCLUSIVE STO-1"), out);
    assertFalse(out.contains("fleet-0001: CERTIFIED"), "certified ones only in the table:\n" + out);
    assertEquals(1, out.split("fleet-0001", -1).length - 1, "fleet-0001 once, in the table");
  }
}
