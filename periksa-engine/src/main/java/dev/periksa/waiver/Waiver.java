package dev.periksa.waiver;

import java.time.LocalDate;

/**
 * One entry of a waiver file: a FAIL accepted on the record for one target until a date.
 *
 * @param check check id it covers, or null when it names a requirement
 * @param requirement requirement id it covers, or null when it names a check
 * @param target the target's profile name
 * @param fingerprint the one finding it covers; null covers every finding of the check or
 *     requirement on that target
 * @param justification why the risk is accepted
 * @param approver who accepted it
 * @param expires the last day (UTC) it applies
 * @param source file and entry, for messages
 */
public record Waiver(
    String check,
    String requirement,
    String target,
    String fingerprint,
    String justification,
    String approver,
    LocalDate expires,
    String source) {

  /** "requirement AUT-4" or "check STO-4.web-files", plus the finding when it names one. */
  public String subject() {
    String s = check != null ? "check " + check : "requirement " + requirement;
    return fingerprint == null ? s : s + " finding " + fingerprint;
  }

  /** Current on {@code today}: the expiry day itself still counts. */
  public boolean currentOn(LocalDate today) {
    return !today.isAfter(expires);
  }
}
