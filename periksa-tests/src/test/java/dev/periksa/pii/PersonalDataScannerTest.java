package dev.periksa.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataScannerTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  private Map<PiiType, Integer> counts(String text) {
    return scanner.count(scanner.scan(text));
  }

  @Test
  void jsonFieldNamesAreContext() {
    String doc =
        "{\"nama\":\"Siti Rahayu\",\"nik\":\"3174055708900001\",\"no_paspor\":\"B1234567\","
            + "\"no_hp\":\"+6281234567890\",\"tgl_lahir\":\"1990-08-17\",\"alamat\":\"Jl. Merdeka No. 5\","
            + "\"jenis_tes\":\"RT-PCR\",\"hasil_tes\":\"POSITIF\",\"rs_nama\":\"RSUD Kota\"}";
    Map<PiiType, Integer> c = counts(doc);
    for (PiiType t :
        List.of(
            PiiType.NAME,
            PiiType.NIK,
            PiiType.PASSPORT,
            PiiType.PHONE,
            PiiType.BIRTH_DATE,
            PiiType.ADDRESS,
            PiiType.TEST_RESULT)) {
      assertEquals(1, c.getOrDefault(t, 0), t + " in " + c);
    }
    assertEquals(7, c.values().stream().mapToInt(Integer::intValue).sum(), c.toString());
  }

  @Test
  void spansPointAtTheValuesInTheOriginalText() {
    String doc = "{ \"nik\" : \"3174055708900001\" }";
    List<PiiMatch> ms = scanner.scan(doc);
    assertEquals(1, ms.size());
    assertEquals("3174055708900001", doc.substring(ms.get(0).start(), ms.get(0).end()));
  }

  @Test
  void freeTextUsesStructureAndNearbyWords() {
    Map<PiiType, Integer> c =
        counts(
            "Pelaku perjalanan NIK 3174055708900001, paspor B1234567, hp 081234567890. Hasil swab PCR: positif.");
    assertEquals(1, c.get(PiiType.NIK));
    assertEquals(1, c.get(PiiType.PASSPORT));
    assertEquals(1, c.get(PiiType.PHONE));
    assertEquals(1, c.get(PiiType.TEST_RESULT));
  }

  @Test
  void lookAlikesWithoutStructureOrContextAreNotPersonalData() {
    // A 16-digit order number with no valid province/date, a passport-like code with no context,
    // a result word with no test nearby, a bare 62-prefixed number without phone context.
    Map<PiiType, Integer> c =
        counts(
            "order 9999999999999999 shipped; sku AB123456 in stock; the review was positive; id 6281234567890");
    assertTrue(c.isEmpty(), c.toString());
  }

  @Test
  void invalidJsonFallsBackToText() {
    Map<PiiType, Integer> c = counts("{\"nik\": \"3174055708900001\", broken");
    assertEquals(1, c.get(PiiType.NIK));
  }

  @Test
  void hospitalRecordsHoldNothingPersonal() {
    assertTrue(
        counts(
                "{\"rs_id\":\"RS-0001\",\"rs_nama\":\"RSUD Harapan Jakarta\",\"kota\":\"Jakarta\","
                    + "\"kapasitas_tt\":150}")
            .isEmpty());
  }

  @Test
  void fhirPatientPartsTakeTheirMeaningFromTheEnclosingField() {
    String patient =
        "{\"resourceType\":\"Patient\",\"id\":\"7\",\"identifier\":[{\"system\":"
            + "\"https://fhir.kemkes.go.id/id/nik\",\"value\":\"3174055708900001\"}],"
            + "\"name\":[{\"use\":\"official\",\"text\":\"Siti Rahayu\",\"family\":\"Rahayu\","
            + "\"given\":[\"Siti\"]}],\"telecom\":[{\"system\":\"phone\",\"value\":"
            + "\"+6281234567890\",\"use\":\"mobile\"}],\"gender\":\"female\","
            + "\"birthDate\":\"1990-08-17\",\"address\":[{\"use\":\"home\",\"line\":"
            + "[\"Jl. Merdeka No. 5\"],\"city\":\"Jakarta Selatan\"}]}";
    Map<PiiType, Integer> c = counts(patient);
    assertEquals(1, c.get(PiiType.NIK), c.toString());
    assertEquals(3, c.get(PiiType.NAME), c.toString()); // text, family, given; not "official"
    assertEquals(1, c.get(PiiType.PHONE), c.toString());
    assertEquals(1, c.get(PiiType.BIRTH_DATE), c.toString());
    assertEquals(1, c.get(PiiType.ADDRESS), c.toString());
  }

  @Test
  void fhirObservationResultIsATestResult() {
    String obs =
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{"
            + "\"system\":\"http://loinc.org\",\"code\":\"94309-2\"}],\"text\":\"RT-PCR SARS-CoV-2\"},"
            + "\"subject\":{\"reference\":\"Patient/7\"},\"effectiveDateTime\":\"2021-03-01\","
            + "\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://snomed.info/sct\","
            + "\"code\":\"260373001\",\"display\":\"Detected\"}],\"text\":\"POSITIF\"},"
            + "\"interpretation\":[{\"coding\":[{\"code\":\"POS\",\"display\":\"Positive\"}],"
            + "\"text\":\"POSITIF\"}]}";
    Map<PiiType, Integer> c = counts(obs);
    assertTrue(c.getOrDefault(PiiType.TEST_RESULT, 0) >= 2, c.toString());
    assertEquals(Map.of(PiiType.TEST_RESULT, c.get(PiiType.TEST_RESULT)), c);
  }

  @Test
  void dicomJsonPatientTagsArePersonalData() {
    String study =
        "[{\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"RAHAYU^SITI\"}]},"
            + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"3174055708900001\"]},"
            + "\"00100030\":{\"vr\":\"DA\",\"Value\":[\"19900817\"]},"
            + "\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.276.0.7230010.3.1.2.1\"]},"
            + "\"00080020\":{\"vr\":\"DA\",\"Value\":[\"20210301\"]}}]";
    Map<PiiType, Integer> c = counts(study);
    assertEquals(
        Map.of(PiiType.NAME, 1, PiiType.NIK, 1, PiiType.BIRTH_DATE, 1),
        c,
        "study date is no birth date");
  }

  @Test
  void holderLeavesUnderOtherFieldsStayUnclassified() {
    assertTrue(
        counts(
                "{\"identifier\":[{\"value\":\"EHAC-00000001\"}],\"code\":{\"text\":\"Lab\"},"
                    + "\"tags\":[\"a\",\"b\"],\"meta\":{\"versionId\":\"1\"}}")
            .isEmpty());
  }
}
