package dev.periksa.steps;

import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.registry.Checks;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.AllureRecorder;
import dev.periksa.run.RunRecorder;
import dev.periksa.run.ScanSession;
import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opentest4j.TestAbortedException;

/**
 * Per-scenario state shared by the step classes (PicoContainer makes one per scenario): the session
 * of the target being scanned, the checks run so far, and the one place that records a verdict and
 * turns it into a Cucumber status.
 */
public final class ScanWorld {
  private final ScanSession session = ScanSession.current();
  private final AllureRecorder allure = new AllureRecorder(Catalogue.standard());
  private final List<CheckResult> pending = new ArrayList<>();
  private Scenario scenario;
  private List<String> requirements = List.of();
  private boolean concluded;

  void begin(Scenario s) {
    this.scenario = s;
    this.requirements =
        s.getSourceTagNames().stream()
            .map(t -> t.substring(1))
            .filter(t -> Catalogue.REQUIREMENT_ID.matcher(t).matches())
            .distinct()
            .toList();
    allure.begin(s.getId(), session.profile().name(), requirements, s.getUri() + ":" + s.getLine());
  }

  /**
   * Runs the check a feature names by requirement and product. An unknown product is an error of
   * the feature: the scenario stops and counts as INCONCLUSIVE.
   */
  public CheckResult run(String requirement, String product) {
    Check check =
        Checks.find(requirement, product)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no check verifies " + requirement + " for product '" + product + "'"));
    return run(check);
  }

  /** Runs a check against the current target, through the runner that fails closed. */
  public CheckResult run(Check check) {
    CheckResult r = session.runner().run(check, session.context());
    pending.add(r);
    return r;
  }

  /**
   * Records every check run in this scenario and maps the combined outcome to a Cucumber status:
   * PASS and ATTESTED return, FAIL raises an assertion error, INCONCLUSIVE another error,
   * NOT_APPLICABLE aborts, and WAIVED aborts with a message starting "WAIVED:" (Allure: skipped).
   */
  public void conclude() {
    if (pending.isEmpty()) {
      throw new IllegalStateException("the scenario concluded before running any check");
    }
    concluded = true;
    // Waivers apply here, before anything is recorded, so every output sees the same outcome.
    pending.replaceAll(r -> session.exemptions().apply(session.profile().name(), requirements, r));
    for (CheckResult r : pending) {
      record(r);
    }
    Outcome o = Outcome.worst(pending.stream().map(CheckResult::outcome).toList());
    String why =
        String.join(
            "; ", pending.stream().map(CheckResult::reason).filter(x -> !x.isBlank()).toList());
    switch (o) {
      case PASS:
        return;
      case FAIL:
        List<String> findings = new ArrayList<>();
        for (CheckResult r : pending) {
          for (Finding f : r.findings()) {
            findings.add(f.severity() + ": " + f.title());
          }
        }
        throw new AssertionError(String.join("\n", findings));
      case ATTESTED:
        return;
      case WAIVED:
        // Skipped with a message starting "WAIVED:": the report's "waived" category matches it.
        throw new TestAbortedException("WAIVED: " + waived());
      case NOT_APPLICABLE:
        throw new TestAbortedException(why.isBlank() ? "nothing to check on this target" : why);
      default:
        throw new InconclusiveException(why.isBlank() ? "could not decide" : why);
    }
  }

  /** The findings waived and by whom, for the scenario's status message. */
  private String waived() {
    List<String> parts = new ArrayList<>();
    for (CheckResult r : pending) {
      for (Exemption e : r.exemptions()) {
        if (e.current() && e.kind() == Exemption.Kind.WAIVER) {
          parts.add(
              e.fingerprints().size()
                  + " finding(s) of "
                  + r.check().id()
                  + " accepted by "
                  + e.by()
                  + " until "
                  + e.expires()
                  + ": "
                  + e.statement());
        }
      }
    }
    return String.join("; ", parts);
  }

  /**
   * Called after the scenario: a scenario that stopped before its verdict counts as INCONCLUSIVE.
   */
  void finish(Scenario s) {
    if (concluded || requirements.isEmpty()) {
      return;
    }
    String why = "the scenario stopped before a verdict (" + s.getStatus() + ")";
    CheckResult r =
        CheckResult.of(
            new CheckMetadata(
                "scenario",
                s.getName(),
                "-",
                requirements,
                List.of(),
                List.of(),
                "Fix the feature or its step definitions so the scenario can reach a verdict."),
            Outcome.INCONCLUSIVE,
            why);
    record(r);
  }

  private void record(CheckResult r) {
    Objects.requireNonNull(scenario, "scenario");
    session
        .recorder()
        .record(
            new RunRecorder.Recorded(
                session.profile().name(),
                requirements,
                scenario.getId(),
                scenario.getName(),
                r,
                String.valueOf(scenario.getUri()),
                scenario.getLine()));
    allure.record(scenario.getId(), r);
  }
}
