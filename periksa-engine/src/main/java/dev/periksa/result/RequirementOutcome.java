package dev.periksa.result;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import dev.periksa.regulation.Requirement;
import java.util.List;

/**
 * One requirement's outcome on one target: the worst of its checks, and the worst of the checks
 * that count (advisory checks are shown but never decide a verdict).
 *
 * @param requirement the requirement
 * @param outcome worst outcome of its checks
 * @param severity highest severity among its findings, null without findings
 * @param checks results of its checks
 * @param gating worst outcome of its checks that are not advisory (NOT_APPLICABLE when all are)
 */
public record RequirementOutcome(
    Requirement requirement,
    Outcome outcome,
    Severity severity,
    List<CheckResult> checks,
    Outcome gating) {

  public RequirementOutcome(
      Requirement requirement, Outcome outcome, Severity severity, List<CheckResult> checks) {
    this(requirement, outcome, severity, checks, outcome);
  }

  static RequirementOutcome of(Requirement r, List<CheckResult> checks) {
    Severity s = null;
    for (CheckResult c : checks) {
      s = Severity.max(s, c.severity());
    }
    return new RequirementOutcome(
        r,
        Outcome.worst(checks.stream().map(CheckResult::outcome).toList()),
        s,
        List.copyOf(checks),
        Outcome.worst(
            checks.stream().filter(c -> !c.check().advisory()).map(CheckResult::outcome).toList()));
  }

  /** Whether what it shows (a FAIL, a doubt) comes from advisory checks only. */
  public boolean advisoryOnly() {
    return gating != outcome;
  }
}
