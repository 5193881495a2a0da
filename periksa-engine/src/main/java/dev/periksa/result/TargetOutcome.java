package dev.periksa.result;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.discovery.Discovery;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Requirement;
import dev.periksa.target.TargetProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target's result: each requirement's outcome and the verdict. Fails closed: a target on which
 * no requirement was evaluated is INCOMPLETE, never CERTIFIED.
 */
public record TargetOutcome(
    TargetProfile profile,
    Verdict verdict,
    List<RequirementOutcome> requirements,
    List<Discovery.Found> inventory) {

  /**
   * A target's outcome from its check results grouped by requirement id (in the order the checks
   * ran), the catalogue giving the requirements' order and titles.
   */
  public static TargetOutcome of(
      TargetProfile profile,
      Map<String, List<CheckResult>> results,
      Catalogue catalogue,
      List<Discovery.Found> inventory) {
    Map<String, List<CheckResult>> byRequirement = new LinkedHashMap<>(results);
    List<RequirementOutcome> reqs = new ArrayList<>();
    for (Requirement req : catalogue.requirements()) {
      List<CheckResult> cs = byRequirement.remove(req.id());
      if (cs != null) {
        reqs.add(RequirementOutcome.of(req, cs));
      }
    }
    // A feature may carry a requirement id the catalogue lacks; it still counts.
    byRequirement.forEach(
        (id, cs) ->
            reqs.add(RequirementOutcome.of(new Requirement(id, "other", id, List.of()), cs)));
    return new TargetOutcome(profile, verdict(reqs), List.copyOf(reqs), List.copyOf(inventory));
  }

  static Verdict verdict(List<RequirementOutcome> reqs) {
    if (reqs.isEmpty()) {
      return Verdict.INCOMPLETE;
    }
    boolean incomplete = false;
    for (RequirementOutcome r : reqs) {
      // Advisory checks are shown, never decide: the verdict reads the checks that count.
      if (r.gating() == Outcome.FAIL) {
        return Verdict.NOT_CERTIFIED;
      }
      if (r.gating() == Outcome.INCONCLUSIVE) {
        incomplete = true;
      }
    }
    return incomplete ? Verdict.INCOMPLETE : Verdict.CERTIFIED;
  }
}
