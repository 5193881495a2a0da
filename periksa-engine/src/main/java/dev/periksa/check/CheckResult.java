package dev.periksa.check;

import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
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
 * all waived is WAIVED only if nothing else was left in doubt. {@code parts} are the named parts
 * (endpoints, sub-tests) the outcome combines. Reasons, like every title and sample, pass the
 * redactor here, whoever builds the result.
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
    Outcome others,
    List<Part> parts) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(outcome, "outcome");
    // The one redaction boundary: a reason may quote what a target sent.
    reason = reason == null ? "" : Redactor.standard().redact(reason);
    parts = parts == null ? List.of() : List.copyOf(parts);
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

  /** Without named parts. */
  public CheckResult(
      CheckMetadata check,
      Outcome outcome,
      String reason,
      List<Finding> findings,
      List<Evidence> observations,
      Instant started,
      Duration elapsed,
      List<Exemption> exemptions,
      Outcome others) {
    this(
        check,
        outcome,
        reason,
        findings,
        observations,
        started,
        elapsed,
        exemptions,
        others,
        List.of());
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

  /**
   * Collects findings, observations and the parts' outcomes while a check runs. Thread-safe: the
   * runner reads what a check that ran out of time had found so far.
   */
  public static final class Builder {
    private final CheckMetadata check;
    private final Instant started = Instant.now();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Evidence> observations = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final List<Exemption> exemptions = new ArrayList<>();
    private String current = "";
    private final List<Object> kept = new ArrayList<>();

    private Builder(CheckMetadata check) {
      this.check = check;
    }

    public CheckMetadata check() {
      return check;
    }

    public synchronized Builder observe(Evidence e) {
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
    public Builder unanswered(String title, String request, String part, String error) {
      observe(
          Redactor.standard().capture(title, request, 0, null, java.util.Map.of("error", error)));
      synchronized (this) {
        return part(current.isEmpty() ? part : current, Outcome.INCONCLUSIVE, part + ": " + error);
      }
    }

    /** As {@link #unanswered(String, String, String, String)}; the redactor is the standard one. */
    public Builder unanswered(
        Redactor redactor, String title, String request, String part, String error) {
      return unanswered(title, request, part, error);
    }

    /** Records the verdict on the part being probed (see {@link #within}). */
    public synchronized Builder part(Outcome outcome, String reason) {
      return part(current, outcome, reason);
    }

    /** Names the part being probed: parts recorded without a name until the next call take it. */
    public synchronized Builder within(String name) {
      current = name == null ? "" : name;
      return this;
    }

    /** Records the verdict on one named part (an endpoint, a store, a sub-test). */
    public synchronized Builder part(String name, Outcome outcome, String reason) {
      parts.add(new Part(name, outcome, reason));
      return this;
    }

    /** Records an attestation the check relied on (or found expired), shown with its outcome. */
    public synchronized Builder exempt(Exemption e) {
      exemptions.add(e);
      return this;
    }

    public synchronized Builder fail(Finding f, String reason) {
      findings.add(f);
      return part(Outcome.FAIL, reason);
    }

    /** A finding of one named part (a sub-test). */
    public synchronized Builder fail(String name, Finding f, String reason) {
      findings.add(f);
      return part(name, Outcome.FAIL, reason);
    }

    /**
     * Keeps a value for the check's own conclusion (for a check that judges its endpoints
     * together); kept values reach no output.
     */
    public synchronized Builder keep(Object value) {
      kept.add(value);
      return this;
    }

    /** The values of a type kept so far. */
    public synchronized <V> List<V> kept(Class<V> type) {
      return kept.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A position among the parts recorded so far, for {@link #doubtPassesSince}. */
    public synchronized int mark() {
      return parts.size();
    }

    /**
     * Turns every PASS (and NOT_APPLICABLE) part recorded since a mark into INCONCLUSIVE: what it
     * rested on was not read whole. FAILs stand: what was seen was seen.
     *
     * @return how many parts were turned
     */
    public synchronized int doubtPassesSince(int mark, String why) {
      int n = 0;
      for (int i = mark; i < parts.size(); i++) {
        Part p = parts.get(i);
        if (p.outcome() == Outcome.PASS || p.outcome() == Outcome.NOT_APPLICABLE) {
          String was = p.reason().isBlank() ? "" : " (it would have passed: " + p.reason() + ")";
          parts.set(i, new Part(p.name(), Outcome.INCONCLUSIVE, why + was));
          n++;
        }
      }
      return n;
    }

    /** The combined outcome of every part; no part at all means not applicable. */
    public CheckResult build() {
      return build(null);
    }

    /**
     * What the check concluded so far, with one more INCONCLUSIVE part saying why it stopped: for a
     * check that ran out of time, whose findings still stand.
     */
    public CheckResult stopped(String why) {
      return build(why);
    }

    private synchronized CheckResult build(String stoppedWhy) {
      List<Part> all = new ArrayList<>(parts);
      if (stoppedWhy != null) {
        all.add(new Part("", Outcome.INCONCLUSIVE, stoppedWhy));
      }
      List<Outcome> outcomes = all.stream().map(Part::outcome).toList();
      Outcome o = Outcome.worst(outcomes);
      // What the parts that did not fail concluded: a waiver of every finding leaves this.
      Outcome others =
          o == Outcome.FAIL
              ? Outcome.worst(outcomes.stream().filter(x -> x != Outcome.FAIL).toList())
              : null;
      String reason =
          String.join("; ", all.stream().map(Part::reason).filter(r -> !r.isBlank()).toList());
      if (all.isEmpty() && reason.isEmpty()) {
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
          others,
          all.stream().filter(p -> !p.name().isEmpty()).toList());
    }
  }

  /** A result with no findings, e.g. INCONCLUSIVE from the runner. */
  public static CheckResult of(CheckMetadata check, Outcome outcome, String reason) {
    return new CheckResult(
        check, outcome, reason, List.of(), List.of(), Instant.now(), Duration.ZERO);
  }
}
