package dev.periksa.evidence;

import dev.periksa.pii.PiiCategory;
import dev.periksa.pii.PiiType;
import java.util.Map;

/**
 * The severity rule for personal data, as a table: what a reply exposed decides how bad its
 * exposure is. The first rule that holds wins. Financial data (card numbers, IBANs) weighs like
 * health data: UU PDP art. 4(2) lists both as specific personal data. Credentials (bearer tokens)
 * are left out: the checks that find them rate them themselves.
 */
public enum SeverityRule {
  /** A person identified by an official number, with their health or financial data. */
  IDENTITY_WITH_SPECIAL_DATA(
      "identity numbers together with health or financial data", Severity.CRITICAL),
  /** An official identity number, or health or financial data, alone. */
  IDENTITY_OR_SPECIAL_DATA("identity numbers, or health or financial data", Severity.HIGH),
  /** Names, phones, e-mails, addresses, birth dates. */
  OTHER_PERSONAL_DATA(
      "other personal data (names, contacts, addresses, birth dates)", Severity.MEDIUM),
  /** Nothing personal was seen: a store that answers anyone is still a finding. */
  NOTHING_PERSONAL("no personal data seen", Severity.LOW);

  private final String when;
  private final Severity severity;

  SeverityRule(String when, Severity severity) {
    this.when = when;
    this.severity = severity;
  }

  /** When the rule holds, in words for reports. */
  public String when() {
    return when;
  }

  public Severity severity() {
    return severity;
  }

  /** The rule that holds for counts of personal data by type. */
  public static SeverityRule of(Map<PiiType, Integer> counts) {
    boolean identity = false;
    boolean special = false;
    boolean personal = false;
    for (Map.Entry<PiiType, Integer> e : counts.entrySet()) {
      if (e.getValue() == null || e.getValue() <= 0) {
        continue;
      }
      PiiCategory c = e.getKey().category();
      switch (c) {
        case IDENTITY -> identity = true;
        case HEALTH, FINANCIAL -> special = true;
        case PERSONAL -> personal = true;
        case CREDENTIAL -> {
          // Rated by the checks that find them.
        }
      }
    }
    if (identity && special) {
      return IDENTITY_WITH_SPECIAL_DATA;
    }
    if (identity || special) {
      return IDENTITY_OR_SPECIAL_DATA;
    }
    return personal ? OTHER_PERSONAL_DATA : NOTHING_PERSONAL;
  }
}
