package dev.periksa.ci;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The exit code with {@code --fail-on} and {@code --fail-on-new}. Precedence: a FAIL that counts
 * (at or above the threshold, and new when gating on new) gives 1; otherwise anything that could
 * not be verified gives 2; otherwise 0. WAIVED never fails. Without either option the plain rule of
 * {@link ExitCodes#of} applies unchanged.
 */
public final class Gate {
  private Gate() {}

  /** The exit code and the lines that explain a FAIL that did not fail the run. */
  public record Decision(int exitCode, List<String> notes) {}

  public static Decision decide(List<TargetOutcome> targets, CiOptions ci, Comparison cmp) {
    if (ci.plain()) {
      return new Decision(ExitCodes.of(targets), List.of());
    }
    Severity threshold = ci.failOn() == null ? Severity.INFO : ci.failOn();
    List<String> counted = new ArrayList<>();
    List<String> below = new ArrayList<>();
    List<String> known = new ArrayList<>();
    boolean doubt = targets.isEmpty();
    for (TargetOutcome t : targets) {
      String target = t.profile().name();
      if (t.verdict() == Verdict.INCOMPLETE) {
        doubt = true;
      }
      Set<String> seen = new HashSet<>();
      for (RequirementOutcome r : t.requirements()) {
        if (r.gating() == Outcome.INCONCLUSIVE) {
          doubt = true;
        }
        for (CheckResult c : r.checks()) {
          if (c.outcome() != Outcome.FAIL || !seen.add(c.check().id()) || c.check().advisory()) {
            continue;
          }
          for (Finding f : c.findings()) {
            String line =
                target + ": " + c.check().id() + " " + f.severity() + " " + f.title().strip();
            if (f.severity().compareTo(threshold) < 0) {
              below.add(line);
            } else if (ci.failOnNew()
                && cmp.state(target, c.check().id(), f) != Comparison.State.NEW) {
              known.add(line);
            } else {
              counted.add(line);
            }
          }
        }
      }
    }
    List<String> notes = new ArrayList<>();
    if (!below.isEmpty()) {
      notes.add(
          below.size()
              + (below.size() == 1 ? " FAIL is" : " FAILs are")
              + " below --fail-on "
              + threshold
              + " and did not fail the run:");
      below.forEach(l -> notes.add("  " + l));
    }
    if (!known.isEmpty()) {
      notes.add(
          known.size()
              + (known.size() == 1 ? " FAIL was" : " FAILs were")
              + " already in the baseline and did not fail the run (--fail-on-new):");
      known.forEach(l -> notes.add("  " + l));
    }
    int exit;
    if (!counted.isEmpty()) {
      exit = ExitCodes.FAILED;
    } else {
      exit = doubt ? ExitCodes.INCONCLUSIVE : ExitCodes.CERTIFIED;
      if (!below.isEmpty() || !known.isEmpty()) {
        notes.add(
            "No FAIL "
                + (ci.failOnNew() ? "new since the baseline " : "")
                + (ci.failOn() == null ? "" : "at or above " + threshold + " ")
                + "was found: exit "
                + exit
                + (doubt ? " (something could not be verified)" : "")
                + ".");
      }
    }
    return new Decision(exit, List.copyOf(notes));
  }
}
