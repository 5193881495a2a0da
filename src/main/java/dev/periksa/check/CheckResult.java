package dev.periksa.check;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check on one target, with the reason, the findings of a FAIL and the
 * observations that support any outcome (a PASS is proven too).
 *
 * <p>{@code exemptions} are the waivers and attestations applied (or found expired); {@code others}
 * is, for a FAIL, what its other parts concluded (null when unknown), so a FAIL whose findings are
 * all waived is WAIVED only if nothing else was left in doubt.
 */
public record CheckResult(
    CheckMetadata check,
    Outcome outcome,
    String reason,
    List<Finding> findings,
    List<Evidence> observations,
    Instant started,
    Duration elapsed,
    List<Exemption> exemptions,
    Outcome others) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    reason = reason == null ? "" : reason;
    findings = List.copyOf(findings);
    observations = List.copyOf(observations);
    exemptions = exemptions == null ? List.of() : List.copyOf(exemptions);
    boolean carriesFindings = outcome == Outcome.FAIL || outcome == Outcome.WAIVED;
    if (carriesFindings && findings.isEmpty()) {
      throw new IllegalArgumentException("a " + outcome + " must carry at least one finding");
    }
    // Waived findings stay shown when the rest of the check could not be verified.
    boolean waivedDoubt = outcome == Outcome.INCONCLUSIVE && !exemptions.isEmpty();
    if (!carriesFindings && !waivedDoubt && !findings.isEmpty()) {
      throw new IllegalArgumentException("only a FAIL or a WAIVED result carries findings");
    }
  }

  /** With waivers or attestations, the outcome of the other parts unknown. */
  public CheckResult(
      CheckMetadata check,
      Outcome outcome,
      String reason,
      List<Finding> findings,
      List<Evidence> observations,
      Instant started,
      Duration elapsed,
      List<Exemption> exemptions) {
    this(check, outcome, reason, findings, observations, started, elapsed, exemptions, null);
  }

  /** A result without waivers or attestations, as a probe concludes it. */
  public CheckResult(
      CheckMetadata check,
      Outcome outcome,
      String reason,
      List<Finding> findings,
      List<Evidence> observations,
      Instant started,
      Duration elapsed) {
    this(check, outcome, reason, findings, observations, started, elapsed, List.of(), null);
  }

  /** The highest severity among the findings, or null when there are none. */
  public Severity severity() {
    Severity s = null;
    for (Finding f : findings) {
      s = Severity.max(s, f.severity());
    }
    return s;
  }

  public static Builder builder(CheckMetadata check) {
    return new Builder(check);
  }

  /** Collects findings and observations while a check runs. */
  public static final class Builder {
    private final CheckMetadata check;
    private final Instant started = Instant.now();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Evidence> observations = new ArrayList<>();
    private final List<Outcome> partial = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private final List<Exemption> exemptions = new ArrayList<>();

    private Builder(CheckMetadata check) {
      this.check = check;
    }

    public Builder observe(Evidence e) {
      observations.add(e);
      return this;
    }

    /**
     * One part got no usable answer (refused, reset, timed out, not the protocol): the error is
     * kept as an observation and the part is INCONCLUSIVE, never a PASS.
     *
     * @param title the observation's title, e.g. "no usable reply from api"
     * @param request what was asked (redacted like any evidence)
     * @param part the part's name, which prefixes the reason
     * @param error what went wrong
     */
    public Builder unanswered(
        dev.periksa.pii.Redactor redactor,
        String title,
        String request,
        String part,
        String error) {
      observe(redactor.capture(title, request, 0, null, java.util.Map.of("error", error)));
      return part(Outcome.INCONCLUSIVE, part + ": " + error);
    }

    /** Records the verdict on one part of the target (one endpoint, one store). */
    public Builder part(Outcome outcome, String reason) {
      partial.add(outcome);
      if (reason != null && !reason.isBlank()) {
        reasons.add(reason);
      }
      return this;
    }

    /** Records an attestation the check relied on (or found expired), shown with its outcome. */
    public Builder exempt(Exemption e) {
      exemptions.add(e);
      return this;
    }

    public Builder fail(Finding f, String reason) {
      findings.add(f);
      return part(Outcome.FAIL, reason);
    }

    /** The combined outcome of every part; no part at all means not applicable. */
    public CheckResult build() {
      Outcome o = Outcome.worst(partial);
      // What the parts that did not fail concluded: a waiver of every finding leaves this.
      Outcome others =
          o == Outcome.FAIL
              ? Outcome.worst(partial.stream().filter(x -> x != Outcome.FAIL).toList())
              : null;
      String reason = String.join("; ", reasons);
      if (partial.isEmpty() && reason.isEmpty()) {
        reason =
            "nothing to probe: no "
                + (check.kinds().isEmpty() ? "matching" : String.join(" or ", check.kinds()))
                + " endpoint declared or discovered";
      }
      return new CheckResult(
          check,
          o,
          reason,
          o == Outcome.FAIL ? findings : List.of(),
          observations,
          started,
          Duration.between(started, Instant.now()),
          exemptions,
          others);
    }
  }

  /** A result with no findings, e.g. INCONCLUSIVE from the runner. */
  public static CheckResult of(CheckMetadata check, Outcome outcome, String reason) {
    return new CheckResult(
        check, outcome, reason, List.of(), List.of(), Instant.now(), Duration.ZERO);
  }
}
