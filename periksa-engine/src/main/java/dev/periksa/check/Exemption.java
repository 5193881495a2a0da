package dev.periksa.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A waiver or an attestation the run applied to a check result, or found for it but expired: what
 * the record shows next to the findings (never instead of them).
 *
 * @param kind waiver or attestation
 * @param current false when it matched but its expiry date has passed, so it no longer applies
 * @param subject what it names, e.g. "requirement AUT-4" or "GOV-1 breach-notification"
 * @param fingerprints fingerprints of the findings it covered here (a waiver); empty otherwise
 * @param statement the justification (waiver) or the statement (attestation)
 * @param by the approver (waiver) or who attests, with their role
 * @param dated when it was attested; null for a waiver
 * @param expires the last day it applies; null for an attestation without expiry
 * @param source the file and entry it came from, e.g. "waivers.yaml waivers[0]"
 */
public record Exemption(
    Kind kind,
    boolean current,
    String subject,
    List<String> fingerprints,
    String statement,
    String by,
    LocalDate dated,
    LocalDate expires,
    String source) {

  /** Waiver (a FAIL accepted) or attestation (a process declared met). */
  public enum Kind {
    WAIVER,
    ATTESTATION
  }

  public Exemption {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    fingerprints = List.copyOf(fingerprints);
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(by, "by");
    source = source == null ? "" : source;
  }

  /** One line for the console, the report and results.json. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (kind == Kind.WAIVER) {
      if (current) {
        b.append("WAIVED (").append(subject).append(") by ").append(by);
        b.append(", expires ").append(expires).append(": ").append(statement);
      } else {
        b.append("waiver expired on ").append(expires).append(" (").append(subject);
        b.append(", approved by ").append(by).append("): it no longer applies");
      }
    } else {
      if (current) {
        b.append("ATTESTED (").append(subject).append(") by ").append(by);
        b.append(" on ").append(dated);
        if (expires != null) {
          b.append(", expires ").append(expires);
        }
        b.append(": ").append(statement);
      } else {
        b.append("attestation expired on ").append(expires).append(" (").append(subject);
        b.append(", by ").append(by).append("): it no longer applies");
      }
    }
    return b.toString();
  }
}
