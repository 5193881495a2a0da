package dev.periksa.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import dev.periksa.regulation.Requirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An advisory check's FAIL or doubt is shown and never decides the verdict. */
class AdvisoryVerdictTest {
  private static CheckMetadata meta(String id, boolean advisory) {
    return new CheckMetadata(id, id, "x", List.of("GOV-1"), List.of(), List.of(), "fix", advisory);
  }

  private static CheckResult fail(CheckMetadata m) {
    return CheckResult.builder(m)
        .fail(new Finding("no security.txt", "https://x", Severity.MEDIUM, List.of(), "fix"), "no")
        .build();
  }

  private static RequirementOutcome req(CheckResult... rs) {
    return RequirementOutcome.of(
        new Requirement("GOV-1", "governance", "t", List.of()), List.of(rs));
  }

  @Test
  void anAdvisoryFailShowsButDoesNotDecide() {
    RequirementOutcome r =
        req(
            fail(meta("GOV-1.security-contact", true)),
            CheckResult.of(
                meta("GOV-1.breach-process", false), Outcome.NOT_APPLICABLE, "not asked"));
    assertEquals(Outcome.FAIL, r.outcome());
    assertEquals(Outcome.NOT_APPLICABLE, r.gating());
    assertTrue(r.advisoryOnly());
    RequirementOutcome other =
        RequirementOutcome.of(
            new Requirement("STO-1", "storage", "t", List.of()),
            List.of(CheckResult.of(meta("STO-1.x", false), Outcome.PASS, "")));
    assertEquals(Verdict.CERTIFIED, TargetOutcome.verdict(List.of(r, other)));
  }

  @Test
  void aFailThatCountsStillDecides() {
    RequirementOutcome r = req(fail(meta("GOV-1.security-contact", true)), fail(meta("y", false)));
    assertEquals(Verdict.NOT_CERTIFIED, TargetOutcome.verdict(List.of(r)));
    RequirementOutcome doubt =
        req(
            fail(meta("GOV-1.security-contact", true)),
            CheckResult.of(meta("GOV-1.breach-process", false), Outcome.INCONCLUSIVE, "attest"));
    assertEquals(Verdict.INCOMPLETE, TargetOutcome.verdict(List.of(doubt)));
  }
}
