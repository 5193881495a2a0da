package dev.periksa.check;

import java.time.LocalDate;
import java.util.List;

/**
 * One entry of an attestation file: a named person declares that a process requirement no probe can
 * see (GOV-1's breach-notification process, its security contact) is met on a target.
 *
 * @param requirement a process requirement id (area governance), e.g. GOV-1
 * @param target the target's profile name
 * @param covers the aspects of the requirement attested, e.g. breach-notification
 * @param statement what is declared
 * @param name who attests
 * @param role their role
 * @param date when they attested (not in the future)
 * @param expires the last day (UTC) it applies, or null for no expiry
 * @param source file and entry, for messages
 */
public record Attestation(
    String requirement,
    String target,
    List<String> covers,
    String statement,
    String name,
    String role,
    LocalDate date,
    LocalDate expires,
    String source) {

  public Attestation {
    covers = List.copyOf(covers);
  }

  /** The aspects of a process requirement an attestation may cover. */
  public static final class Aspects {
    public static final String BREACH_NOTIFICATION = "breach-notification";
    public static final String SECURITY_CONTACT = "security-contact";

    private Aspects() {}
  }

  public boolean currentOn(LocalDate today) {
    return expires == null || !today.isAfter(expires);
  }

  /** "name (role)". */
  public String by() {
    return name + " (" + role + ")";
  }
}
