package dev.periksa.check;

import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A weakness found: where, how bad (from the evidence), the redacted evidence and how to fix it.
 * Title and location pass the redactor here, whoever builds the finding.
 *
 * @param title one line a regulator can read
 * @param location URL or host:port reached, without credentials
 * @param severity derived from what the evidence holds
 * @param evidence redacted observations that prove it
 * @param remediation what the system owner should do
 */
public record Finding(
    String title, String location, Severity severity, List<Evidence> evidence, String remediation) {

  public Finding {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(location, "location");
    // The one redaction boundary: a title or a URL may carry what a target sent.
    title = Redactor.standard().redact(title);
    location = Redactor.standard().redact(location);
    Objects.requireNonNull(severity, "severity");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(remediation, "remediation");
  }

  /** A stable id for this finding across runs: check, location and title, hashed. */
  public String fingerprint(String checkId) {
    return Redactor.sha256Hex(
            (checkId + "\n" + location + "\n" + title)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .substring(0, 16);
  }
}
