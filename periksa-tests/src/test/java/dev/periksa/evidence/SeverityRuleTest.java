package dev.periksa.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.periksa.pii.PiiType;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The severity rule table, rule by rule. */
class SeverityRuleTest {
  private static Map<PiiType, Integer> seen(Object... typeAndCount) {
    Map<PiiType, Integer> m = new EnumMap<>(PiiType.class);
    for (int i = 0; i < typeAndCount.length; i += 2) {
      m.put((PiiType) typeAndCount[i], (Integer) typeAndCount[i + 1]);
    }
    return m;
  }

  @Test
  void identityWithHealthOrFinancialDataIsCritical() {
    assertEquals(
        SeverityRule.IDENTITY_WITH_SPECIAL_DATA,
        SeverityRule.of(seen(PiiType.NIK, 3, PiiType.TEST_RESULT, 3)));
    assertEquals(
        SeverityRule.IDENTITY_WITH_SPECIAL_DATA,
        SeverityRule.of(seen(PiiType.MEDICAL_RECORD_NUMBER, 1, PiiType.IBAN, 1)));
    assertEquals(Severity.CRITICAL, SeverityRule.IDENTITY_WITH_SPECIAL_DATA.severity());
  }

  @Test
  void identityOrSpecialDataAloneIsHigh() {
    assertEquals(
        SeverityRule.IDENTITY_OR_SPECIAL_DATA,
        SeverityRule.of(seen(PiiType.PASSPORT, 1, PiiType.NAME, 4)));
    assertEquals(
        SeverityRule.IDENTITY_OR_SPECIAL_DATA, SeverityRule.of(seen(PiiType.DIAGNOSIS, 2)));
    assertEquals(
        SeverityRule.IDENTITY_OR_SPECIAL_DATA, SeverityRule.of(seen(PiiType.PAYMENT_CARD, 1)));
    assertEquals(Severity.HIGH, SeverityRule.IDENTITY_OR_SPECIAL_DATA.severity());
  }

  @Test
  void otherPersonalDataIsMediumAndNothingPersonalIsLow() {
    assertEquals(
        SeverityRule.OTHER_PERSONAL_DATA, SeverityRule.of(seen(PiiType.NAME, 2, PiiType.PHONE, 2)));
    assertEquals(Severity.MEDIUM, SeverityRule.OTHER_PERSONAL_DATA.severity());
    // A token alone, and counts of zero, are not personal data for this rule.
    assertEquals(
        SeverityRule.NOTHING_PERSONAL, SeverityRule.of(seen(PiiType.JWT, 5, PiiType.NIK, 0)));
    assertEquals(SeverityRule.NOTHING_PERSONAL, SeverityRule.of(seen()));
    assertEquals(Severity.LOW, SeverityRule.NOTHING_PERSONAL.severity());
  }

  @Test
  void theRedactorRatesSamplesByTheTable() {
    Map<PiiType, Integer> counts = seen(PiiType.BPJS, 1, PiiType.TEST_RESULT, 1);
    assertEquals(SeverityRule.of(counts).severity(), Redactor.severityOf(counts));
  }
}
