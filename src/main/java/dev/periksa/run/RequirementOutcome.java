package dev.periksa.run;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.check.Severity;
import dev.periksa.regulation.Requirement;
import java.util.List;

/**
 * One requirement's outcome on one target: the worst of its checks.
 *
 * @param requirement the requirement
 * @param outcome worst outcome of its checks
 * @param severity highest severity among its findings, null without findings
 * @param checks results of its checks
 */
public record RequirementOutcome(
    Requirement requirement, Outcome outcome, Severity severity, List<CheckResult> checks) {

  static RequirementOutcome of(Requirement r, List<CheckResult> checks) {
    Severity s = null;
    for (CheckResult c : checks) {
      s = Severity.max(s, c.severity());
    }
    return new RequirementOutcome(
        r,
        Outcome.worst(checks.stream().map(CheckResult::outcome).toList()),
        s,
        List.copyOf(checks));
  }
}
