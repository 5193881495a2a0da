package dev.periksa.target;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code dast} section of a profile: which ZAP runs the scan, what it may spider and attack,
 * for how long, what counts as a failure and which alerts were judged false positives.
 *
 * @param zapUrl the API address of a ZAP someone runs, or null for a ZAP Periksa manages itself
 * @param apiKey that ZAP's API key (from the environment variable the profile names), or null
 * @param apiKeyEnv the name of that variable, for messages
 * @param budget most time the spider and the active scan may take together
 * @param bases where the spider starts; the scan never leaves these bases (default: every {@code
 *     http} and {@code web} endpoint of the profile)
 * @param threshold the lowest risk and confidence that fail the requirement
 * @param falsePositives alerts accepted as false positives, shown but not failing
 */
public record DastSettings(
    URI zapUrl,
    Secret apiKey,
    String apiKeyEnv,
    Duration budget,
    List<URI> bases,
    Threshold threshold,
    List<FalsePositive> falsePositives) {

  public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(2);

  public DastSettings {
    Objects.requireNonNull(budget, "budget");
    bases = List.copyOf(bases);
    threshold = threshold == null ? Threshold.DEFAULT : threshold;
    falsePositives = List.copyOf(falsePositives);
  }

  /** A managed ZAP with every default and the given bases. */
  public static DastSettings managed(List<URI> bases) {
    return new DastSettings(null, null, null, DEFAULT_BUDGET, bases, Threshold.DEFAULT, List.of());
  }

  public boolean managedZap() {
    return zapUrl == null;
  }

  /** A copy with another budget. */
  public DastSettings withBudget(Duration b) {
    return new DastSettings(zapUrl, apiKey, apiKeyEnv, b, bases, threshold, falsePositives);
  }

  /** A copy that uses the given ZAP. */
  public DastSettings withZap(URI url, Secret key, String keyEnv) {
    return new DastSettings(url, key, keyEnv, budget, bases, threshold, falsePositives);
  }

  /** A copy with other accepted false positives. */
  public DastSettings withFalsePositives(List<FalsePositive> fps) {
    return new DastSettings(zapUrl, apiKey, apiKeyEnv, budget, bases, threshold, fps);
  }

  /** ZAP's risk levels, lowest first (their ordinal is ZAP's number). */
  public enum Risk {
    INFORMATIONAL,
    LOW,
    MEDIUM,
    HIGH;

    public static Risk parse(String s) {
      String v = s.strip().toUpperCase(Locale.ROOT);
      if (v.equals("INFO")) {
        return INFORMATIONAL;
      }
      return Risk.valueOf(v);
    }

    /** As ZAP names it ("Medium"). */
    public String label() {
      String n = name();
      return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
  }

  /** ZAP's confidence levels, lowest first (their ordinal is ZAP's number). */
  public enum Confidence {
    FALSE_POSITIVE,
    LOW,
    MEDIUM,
    HIGH,
    CONFIRMED;

    public static Confidence parse(String s) {
      return Confidence.valueOf(
          s.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
    }

    public String label() {
      String n = name().replace('_', ' ');
      return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
  }

  /** An alert fails the requirement when both its risk and its confidence reach these. */
  public record Threshold(Risk risk, Confidence confidence) {
    public static final Threshold DEFAULT = new Threshold(Risk.MEDIUM, Confidence.MEDIUM);

    public Threshold {
      Objects.requireNonNull(risk, "risk");
      Objects.requireNonNull(confidence, "confidence");
    }

    public boolean reachedBy(Risk r, Confidence c) {
      return r.compareTo(risk) >= 0 && c.compareTo(confidence) >= 0;
    }

    @Override
    public String toString() {
      return "risk " + risk.label() + " with confidence " + confidence.label() + " or higher";
    }
  }

  /**
   * An alert a person judged a false positive.
   *
   * @param rule ZAP's rule (plugin) id
   * @param url a regular expression the alert's whole URL must match
   * @param justification why it is not a weakness, shown in the report
   */
  public record FalsePositive(int rule, Pattern url, String justification) {
    public FalsePositive {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(justification, "justification");
    }

    public boolean covers(int ruleId, String alertUrl) {
      return ruleId == rule && url.matcher(alertUrl).matches();
    }
  }
}
