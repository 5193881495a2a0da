package dev.periksa.check;

import java.util.Objects;

/**
 * What one part of a check concluded: one endpoint, one store, one sub-test (a forged token, a
 * burst of logins). A check's outcome is the worst of its parts.
 *
 * @param name the part's name (an endpoint's name, a sub-test's), or empty
 * @param outcome what this part concluded
 * @param reason why, redacted, or empty
 */
public record Part(String name, Outcome outcome, String reason) {
  public Part {
    name = name == null ? "" : name;
    Objects.requireNonNull(outcome, "outcome");
    reason = reason == null ? "" : reason;
  }
}
