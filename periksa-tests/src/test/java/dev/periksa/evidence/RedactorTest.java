package dev.periksa.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor(new PersonalDataScanner());

  @Test
  void masksEachTypeSoThatItCanStillBeRecognised() {
    assertEquals("3174••••••••0001", Redactor.mask(PiiType.NIK, "3174055708900001"));
    assertEquals("+6281•••••••90", Redactor.mask(PiiType.PHONE, "+6281234567890"));
    assertEquals("0812••••••90", Redactor.mask(PiiType.PHONE, "081234567890"));
    assertEquals("B•••••••", Redactor.mask(PiiType.PASSPORT, "B1234567"));
    assertEquals("S••• R•••", Redactor.mask(PiiType.NAME, "Siti Rahayu"));
    assertEquals("•••", Redactor.mask(PiiType.TEST_RESULT, "POSITIF"));
    assertEquals("s•••@•••.id", Redactor.mask(PiiType.EMAIL, "siti@example.co.id"));
    assertEquals("4111 •••• •••• 1111", Redactor.mask(PiiType.PAYMENT_CARD, "4111 1111 1111 1111"));
    assertEquals("4111••••••••1111", Redactor.mask(PiiType.PAYMENT_CARD, "4111111111111111"));
    assertEquals(
        "DE89 •••• •••• •••• ••30 00", Redactor.mask(PiiType.IBAN, "DE89 3704 0044 0532 0130 00"));
    assertEquals("•••-••-8791", Redactor.mask(PiiType.SSN, "536-22-8791"));
    assertEquals("•••••••••7890", Redactor.mask(PiiType.BPJS, "0001234567890"));
    assertEquals("RM-••••56", Redactor.mask(PiiType.MEDICAL_RECORD_NUMBER, "RM-123456"));
    assertEquals("•••", Redactor.mask(PiiType.DIAGNOSIS, "U07.1"));
    assertEquals("•••", Redactor.mask(PiiType.BIRTH_DATE, "17 Agustus 1990"));
  }

  @Test
  void redactsEveryTypeInPlaceByItsSpan() {
    String raw =
        "NIK 3174055708900001, BPJS 0001234567890, dx U07.1, card 4111 1111 1111 1111, "
            + "IBAN DE89 3704 0044 0532 0130 00, SSN 536-22-8791";
    String out = redactor.redact(raw);
    assertEquals(
        "NIK 3174••••••••0001, BPJS •••••••••7890, dx •••, card 4111 •••• •••• 1111, "
            + "IBAN DE89 •••• •••• •••• ••30 00, SSN •••-••-8791",
        out);
  }

  @Test
  void redactsJsonInPlace() {
    String out =
        redactor.redact(
            "{\"nik\":\"3174055708900001\",\"hasil_tes\":\"NEGATIF\",\"kota\":\"Bandung\"}");
    assertEquals("{\"nik\":\"3174••••••••0001\",\"hasil_tes\":\"•••\",\"kota\":\"Bandung\"}", out);
  }

  @Test
  void evidenceKeepsOnlyAHashOfTheRawReplyAndMaskedSamples() {
    String raw = "{\"nik\":\"3174055708900001\",\"no_hp\":\"081234567890\"}";
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    Evidence e =
        redactor.capture(
            "sample",
            "GET http://127.0.0.2/x?nik=3174055708900001",
            200,
            bytes,
            Map.of("note", "owner 3174055708900001"),
            List.of(raw));
    assertEquals(Redactor.sha256Hex(bytes), e.sha256());
    assertEquals(64, e.sha256().length());
    assertEquals(bytes.length, e.bytes());
    assertEquals(Map.of("NIK", 1, "PHONE", 1), e.personalData());
    String all = e.toString();
    assertFalse(all.contains("3174055708900001"), all);
    assertFalse(all.contains("081234567890"), all);
    assertTrue(e.samples().get(0).contains("3174••••••••0001"));
    assertTrue(e.request().contains("nik=3174••••••••0001"), e.request());
  }

  @Test
  void severityFollowsTheData() {
    assertEquals(Severity.CRITICAL, Redactor.severityOf(counts(PiiType.NIK, PiiType.TEST_RESULT)));
    assertEquals(Severity.HIGH, Redactor.severityOf(counts(PiiType.PASSPORT)));
    assertEquals(Severity.HIGH, Redactor.severityOf(counts(PiiType.TEST_RESULT)));
    assertEquals(Severity.MEDIUM, Redactor.severityOf(counts(PiiType.PHONE, PiiType.EMAIL)));
    assertEquals(Severity.LOW, Redactor.severityOf(counts()));
    assertEquals(Severity.HIGH, Redactor.severityOf(counts(PiiType.BPJS)));
    assertEquals(
        Severity.CRITICAL,
        Redactor.severityOf(counts(PiiType.MEDICAL_RECORD_NUMBER, PiiType.DIAGNOSIS)));
    // UU PDP art. 4(2): financial data is specific personal data, weighed like health data.
    assertEquals(Severity.HIGH, Redactor.severityOf(counts(PiiType.PAYMENT_CARD)));
    assertEquals(Severity.CRITICAL, Redactor.severityOf(counts(PiiType.NIK, PiiType.IBAN)));
  }

  private static Map<PiiType, Integer> counts(PiiType... types) {
    Map<PiiType, Integer> m = new EnumMap<>(PiiType.class);
    for (PiiType t : types) {
      m.put(t, 1);
    }
    return m;
  }
}
