package dev.periksa.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.pii.PiiType;
import dev.periksa.testing.hostile.HostileServer;
import dev.periksa.testing.hostile.Patients;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a sample keeps of replies that are cut, nested or not JSON at all: one record, at most 2 KB,
 * with names and addresses masked wherever they stand. The replies are the hostile lab's, a
 * hospital system that is not e-HAC.
 */
class SampleRedactionTest {
  private static final Redactor R = Redactor.standard();
  private static final List<String> CANARIES = Patients.canaries(400);

  private static String cutAtCap(byte[] body) {
    return new String(Arrays.copyOf(body, 256 * 1024), StandardCharsets.UTF_8);
  }

  private static void clean(String where, String text) {
    for (String c : CANARIES) {
      int at = text.indexOf(c);
      assertFalse(
          at >= 0,
          () ->
              where
                  + " holds a raw value near: "
                  + text.substring(Math.max(0, at - 60), Math.min(text.length(), at)));
    }
  }

  @Test
  void aListCutAtTheCapGivesOneMaskedRecord() {
    String cut = cutAtCap(HostileServer.patientList());
    Redactor.Sample s = R.sample(cut);
    assertTrue(s.text().length() <= Redactor.MAX_SAMPLE_CHARS, s.text());
    assertTrue(s.text().startsWith("{\"no_rm\""), s.text());
    assertTrue(s.counts().containsKey(PiiType.NAME), s.counts().toString());
    assertTrue(s.counts().containsKey(PiiType.NIK), s.counts().toString());
    clean("sample", s.text());
  }

  @Test
  void namesAndAStreetInProseAreMaskedInASample() {
    String letter =
        "Kepada Yth. dr. Rina Kusumawati, Sp.PD\n\nMohon pemeriksaan lanjutan untuk pasien atas"
            + " nama Tn. Yohanes Paulus Wenas, lahir 12 Maret 1961, beralamat di Jl. Sam Ratulangi"
            + " No. 45 RT 003/RW 002, Manado.\n\nHormat kami,\ndr. Maria Lumowa\n";
    Redactor.Sample s = R.sample(letter);
    assertEquals(3, s.counts().get(PiiType.NAME), s.counts().toString());
    assertEquals(1, s.counts().get(PiiType.ADDRESS), s.counts().toString());
    for (String raw :
        List.of("Rina", "Kusumawati", "Yohanes", "Wenas", "Maria Lumowa", "Sam Ratulangi No. 45")) {
      assertFalse(s.text().contains(raw), raw + " left in " + s.text());
    }
    assertTrue(s.text().contains("dr. R••• K•••, Sp.PD"), s.text());
    assertTrue(s.text().contains("pasien atas nama Tn. Y••• P••• W•••, lahir •••"), s.text());
  }

  @Test
  void theScannerReadsFieldNamesInACutList() {
    String cut = cutAtCap(HostileServer.patientList());
    Map<PiiType, Integer> counts = R.scanner().count(R.scanner().scan(cut));
    assertTrue(counts.getOrDefault(PiiType.NAME, 0) > 100, counts.toString());
    assertTrue(counts.getOrDefault(PiiType.ADDRESS, 0) > 100, counts.toString());
    String masked = Redactor.redact(cut, R.scanner().scan(cut));
    clean("the whole cut list, masked", masked);
  }

  @Test
  void namesInFhirReferencesAreNamesAndMasked() {
    String cut = cutAtCap(HostileServer.fhirBundle());
    Map<PiiType, Integer> counts = R.scanner().count(R.scanner().scan(cut));
    assertTrue(counts.getOrDefault(PiiType.NAME, 0) > 100, counts.toString());
    Redactor.Sample s = R.sample(cut);
    assertTrue(s.text().length() <= Redactor.MAX_SAMPLE_CHARS);
    clean("FHIR sample", s.text());
    assertTrue(s.text().contains("\"resourceType\":\"Bundle\""), s.text());
  }

  @Test
  void inDoubtNamesAndAddressesAreMaskedInTextCsvHtmlAndLogs() {
    Patients.Patient p = Patients.patient(3);
    String csv = "no,pasien,tinggal\n1," + p.name() + "," + p.address() + "\n";
    String html = "<tr><td>" + p.name() + "</td><td>" + p.address() + "</td></tr>";
    String log = "2026-12-01T10:00:00Z INFO lookup patient=\"" + p.name() + "\" ok";
    String json = "{\"catatan\":\"" + p.name() + " tinggal di " + p.address() + "\"}";
    for (String raw : List.of(csv, html, log, json)) {
      String m = R.mask(raw);
      clean("masked " + raw, m);
      assertEquals(m, R.mask(m), "masking twice changes nothing");
    }
  }

  @Test
  void structuralValuesStay() {
    String m =
        R.mask(
            "{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"94500-6\"}]}}");
    assertTrue(m.contains("\"resourceType\":\"Observation\""), m);
    assertTrue(m.contains("http://loinc.org"), m);
  }

  @Test
  void evidenceBuiltByHandIsRedactedToo() {
    Patients.Patient p = Patients.patient(5);
    Evidence e =
        new Evidence(
            "list of " + p.nik(),
            "GET /api?nik=" + p.nik(),
            200,
            Map.of("holder", p.name() + " " + p.nik()),
            Map.of(),
            List.of("{\"nama\":\"" + p.name() + "\",\"alamat\":\"" + p.address() + "\"}"),
            "",
            0);
    String all = e.toString();
    assertFalse(all.contains(p.nik()), all);
    clean("evidence", e.samples().toString());
  }
}
