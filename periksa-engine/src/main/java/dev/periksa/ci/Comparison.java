package dev.periksa.ci;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The current run's findings against a baseline: each is {@code new} or {@code unchanged} (same
 * fingerprint on the same target and check), and a baseline finding that is gone is {@code fixed}
 * only if the same check ran on the same target now and concluded (PASS, FAIL or WAIVED). A check
 * that did not run, was not applicable or could not verify proves nothing fixed: its baseline
 * findings are counted as not re-checked.
 */
public final class Comparison {
  /** A finding's state against the baseline. */
  public enum State {
    NEW,
    UNCHANGED,
    FIXED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Counts for one target. */
  public record Counts(int added, int unchanged, int fixed, int notRechecked) {}

  private final Baseline baseline;
  private final Map<String, State> states = new HashMap<>();
  private final Map<String, List<Baseline.Finding>> fixedByCheck = new LinkedHashMap<>();
  private final Map<String, Counts> counts = new LinkedHashMap<>();

  private Comparison(Baseline baseline) {
    this.baseline = baseline;
  }

  public static Comparison of(List<TargetOutcome> targets, Baseline baseline) {
    Comparison cmp = new Comparison(baseline);
    if (baseline == null) {
      return cmp;
    }
    for (TargetOutcome t : targets) {
      String target = t.profile().name();
      Set<String> present = new HashSet<>();
      Map<String, Outcome> concluded = new HashMap<>();
      int added = 0;
      int unchanged = 0;
      for (RequirementOutcome r : t.requirements()) {
        for (CheckResult c : r.checks()) {
          concluded.put(c.check().id(), c.outcome());
          for (Finding f : c.findings()) {
            String key = Baseline.key(target, c.check().id(), f.fingerprint(c.check().id()));
            if (!present.add(key)) {
              continue; // one check verifying two requirements is one finding, not two
            }
            State s = baseline.findings().containsKey(key) ? State.UNCHANGED : State.NEW;
            cmp.states.put(key, s);
            if (s == State.NEW) {
              added++;
            } else {
              unchanged++;
            }
          }
        }
      }
      int fixed = 0;
      int notRechecked = 0;
      for (Baseline.Finding f : baseline.findings().values()) {
        String key = Baseline.key(f.target(), f.checkId(), f.fingerprint());
        if (!f.target().equals(target) || present.contains(key)) {
          continue;
        }
        Outcome now = concluded.get(f.checkId());
        if (now == Outcome.PASS || now == Outcome.FAIL || now == Outcome.WAIVED) {
          cmp.fixedByCheck
              .computeIfAbsent(Baseline.checkKey(target, f.checkId()), k -> new ArrayList<>())
              .add(f);
          fixed++;
        } else {
          notRechecked++;
        }
      }
      cmp.counts.put(target, new Counts(added, unchanged, fixed, notRechecked));
    }
    return cmp;
  }

  public boolean active() {
    return baseline != null;
  }

  public Baseline baseline() {
    return baseline;
  }

  /** The state of a current finding, or null without a baseline. */
  public State state(String target, String checkId, Finding f) {
    return states.get(Baseline.key(target, checkId, f.fingerprint(checkId)));
  }

  /** Baseline findings of this check on this target that are gone now. */
  public List<Baseline.Finding> fixed(String target, String checkId) {
    return fixedByCheck.getOrDefault(Baseline.checkKey(target, checkId), List.of());
  }

  public Counts counts(String target) {
    return counts.getOrDefault(target, new Counts(0, 0, 0, 0));
  }
}
