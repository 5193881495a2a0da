package dev.periksa.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How waivers turn concluded results into WAIVED, marked FAILs and notes (the logic alone). */
class ExemptionsTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
  static final CheckMetadata CHECK =
      new CheckMetadata(
          "STO-4.web-server", "t", "Web server", List.of("STO-4"), List.of(), List.of(), "r");

  static CheckResult fail(String... titles) {
    CheckResult.Builder b = CheckResult.builder(CHECK);
    for (String t : titles) {
      b.fail(new Finding(t, "http://h/" + t, Severity.HIGH, List.of(), "fix"), t);
    }
    return b.build();
  }

  static Waiver waiver(String requirement, String fingerprint, LocalDate expires) {
    return new Waiver(null, requirement, "T", fingerprint, "why", "CISO", expires, "w.yaml[0]");
  }

  static Exemptions of(Waiver... w) {
    return new Exemptions(Path.of("w.yaml"), List.of(w), null, List.of(), TODAY);
  }

  @Test
  void aWholeRequirementWaiverTurnsTheFailIntoWaivedWithFindingsKept() {
    Exemptions ex = of(waiver("STO-4", null, TODAY));
    CheckResult r = ex.apply("T", List.of("STO-4"), fail("a", "b"));
    assertEquals(Outcome.WAIVED, r.outcome());
    assertEquals(2, r.findings().size());
    assertEquals(1, r.exemptions().size());
    assertTrue(r.exemptions().get(0).describe().startsWith("WAIVED (requirement STO-4) by CISO"));
    assertEquals("applied", ex.waiverReport().get(0).get("status"));
  }

  @Test
  void waivingEveryFindingLeavesWhatCouldNotBeVerifiedInconclusive() {
    CheckResult f =
        CheckResult.builder(CHECK)
            .fail(new Finding("a", "http://h/a", Severity.HIGH, List.of(), "fix"), "a")
            .part(Outcome.INCONCLUSIVE, "other endpoint timed out")
            .build();
    CheckResult r = of(waiver("STO-4", null, TODAY)).apply("T", List.of("STO-4"), f);
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertEquals(1, r.findings().size(), "the waived finding is still shown");
  }

  @Test
  void aFingerprintWaiverCoversOnlyThatFinding() {
    CheckResult f = fail("a", "b");
    String fp = f.findings().get(0).fingerprint(CHECK.id());
    Exemptions ex = of(waiver("STO-4", fp, TODAY));
    CheckResult r = ex.apply("T", List.of("STO-4"), f);
    assertEquals(Outcome.FAIL, r.outcome());
    assertEquals(List.of(fp), r.exemptions().get(0).fingerprints());
    assertTrue(r.reason().contains("1 of 2 findings waived"), r.reason());
  }

  @Test
  void anExpiredWaiverNoLongerAppliesAndSaysSo() {
    Exemptions ex = of(waiver("STO-4", null, TODAY.minusDays(1)));
    CheckResult r = ex.apply("T", List.of("STO-4"), fail("a"));
    assertEquals(Outcome.FAIL, r.outcome());
    assertTrue(r.reason().contains("waiver expired on 2026-11-28"), r.reason());
    assertEquals("expired", ex.waiverReport().get(0).get("status"));
  }

  @Test
  void anotherTargetOrAPassLeavesTheWaiverUnused() {
    Exemptions ex = of(waiver("STO-4", null, TODAY));
    CheckResult f = fail("a");
    assertSame(f, ex.apply("other target", List.of("STO-4"), f));
    CheckResult pass = CheckResult.builder(CHECK).part(Outcome.PASS, "ok").build();
    assertSame(pass, ex.apply("T", List.of("STO-4"), pass));
    Map<String, Object> w = ex.waiverReport().get(0);
    assertEquals("unused", w.get("status"));
  }
}
