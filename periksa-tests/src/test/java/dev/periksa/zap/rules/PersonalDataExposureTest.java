package dev.periksa.zap.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import org.junit.jupiter.api.Test;

/** What rules 120100 and 120103 report about a body (the rules are proven against ZAP in an IT). */
class PersonalDataExposureTest {
  /** A NIK of the lab's structure that is no lab traveller's (district 26 is never generated). */
  private static final String NIK = "3273264508010007";

  @Test
  void identityAndHealthDataAreHighRiskAndMasked() {
    String body =
        "{\"nama\":\"Siti Rahayu\",\"nik\":\""
            + NIK
            + "\",\"no_hp\":\"081234567890\",\"hasil_tes\":\"POSITIF\"}";
    PersonalDataExposure e = PersonalDataExposure.in(body).orElseThrow();
    assertEquals(HealthRule.RISK_HIGH, e.risk());
    assertEquals(HealthRule.CONFIDENCE_HIGH, e.confidence());
    assertEquals("3273••••••••0007", e.evidence());
    assertEquals(1, e.counts().get(PiiType.NIK));
    assertTrue(e.counts().containsKey(PiiType.PHONE), e.counts().toString());
    assertFalse(e.otherInfo().contains(NIK), e.otherInfo());
    assertFalse(e.otherInfo().contains("081234567890"), e.otherInfo());
    assertFalse(e.otherInfo().contains("Siti"), e.otherInfo());
    assertTrue(e.excerpt().contains("3273••••••••0007"), e.excerpt());
  }

  @Test
  void otherPersonalDataAloneIsMediumRisk() {
    PersonalDataExposure e =
        PersonalDataExposure.in("{\"nama\":\"Budi Santoso\",\"email\":\"budi@mail.example\"}")
            .orElseThrow();
    assertEquals(HealthRule.RISK_MEDIUM, e.risk());
    assertEquals(Severity.MEDIUM, e.severity());
  }

  @Test
  void maskedValuesOrderNumbersTokensAndBinariesAreNotPersonalData() {
    assertTrue(
        PersonalDataExposure.in(
                "{\"nik\":\"3273••••••••0007\",\"no_hp\":\"0812••••••90\",\"status\":\"DIIZINKAN\"}")
            .isEmpty());
    assertTrue(PersonalDataExposure.in("{\"order\":\"9912011399990001\",\"total\":5}").isEmpty());
    assertTrue(
        PersonalDataExposure.in(
                "{\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmF2ZWxsZXItYSJ9.c2lnbmF0dXJl\"}")
            .isEmpty());
    assertTrue(PersonalDataExposure.in("\0PNG nik " + NIK).isEmpty());
    assertTrue(PersonalDataExposure.in("").isEmpty());
    assertTrue(PersonalDataExposure.in(null).isEmpty());
  }

  @Test
  void aCsvExportIsJudgedByItsHeader() {
    PersonalDataExposure e =
        PersonalDataExposure.in(
                "id_ehac,nama,nik,hasil_tes\nEHAC-1,Siti Rahayu," + NIK + ",NEGATIF\n")
            .orElseThrow();
    assertEquals(HealthRule.RISK_HIGH, e.risk());
    assertFalse(e.otherInfo().contains(NIK));
  }

  @Test
  void aStoreDescribingItselfIsLeftToTheStoreRule() {
    // s3proxy names its owner with an email address; the owner is the store's account.
    String listing =
        "<ListAllMyBucketsResult><Owner><ID>x</ID><DisplayName>CustomersName@amazon.com"
            + "</DisplayName></Owner><Buckets><Bucket><Name>b</Name></Bucket></Buckets>"
            + "</ListAllMyBucketsResult>";
    assertTrue(PersonalDataExposure.in(listing).isEmpty());
    assertTrue(
        PersonalDataExposure.in("<p>Contact CustomersName@amazon.com</p>").isPresent(),
        "the same email in a page counts");
  }
}
