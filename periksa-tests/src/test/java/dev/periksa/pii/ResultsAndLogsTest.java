package dev.periksa.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test results as the span convention reads them: a test's name with its outcome where written
 * together; the outcome alone in a result cell or field; reference values and general sentences not
 * at all. All samples are made up.
 */
class ResultsAndLogsTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  /** "TYPE value" for each match, in order: the value is the exact span. */
  private List<String> found(String text) {
    List<String> out = new ArrayList<>();
    for (PiiMatch m : scanner.scan(text)) {
      out.add(m.type() + " " + text.substring(m.start(), m.end()));
    }
    return out;
  }

  private static List<String> results(String... spans) {
    List<String> out = new ArrayList<>();
    for (String s : spans) {
      out.add("TEST_RESULT " + s);
    }
    return out;
  }

  // ------------------------------------------------------------ test name with its outcome

  @Test
  void aTestNameWrittenWithItsOutcomeIsPartOfTheResult() {
    assertEquals(
        results("rapid test antibodi non-reaktif"), found("rapid test antibodi non-reaktif"));
    assertEquals(results("Swab PCR SARS-CoV-2: POSITIF"), found("Swab PCR SARS-CoV-2: POSITIF"));
    assertEquals(results("NS1 dengue positif"), found("NS1 dengue positif"));
    assertEquals(results("HIV: non reactive"), found("HIV: non reactive"));
    assertEquals(results("Anti-HCV = Negatif"), found("Anti-HCV = Negatif"));
    assertEquals(results("HIV-1/2 Ab: Non Reactive"), found("HIV-1/2 Ab: Non Reactive"));
    assertEquals(results("VDRL/TPHA: Reaktif"), found("VDRL/TPHA: Reaktif"));
  }

  @Test
  void aLabelBeforeTheTestNameIsNotPartOfIt() {
    assertEquals(results("PCR: Negatif"), found("Hasil PCR: Negatif"));
    assertEquals(
        results("Rapid Test Antibodi IgM/IgG: Non Reaktif"),
        found("Hasil pemeriksaan Rapid Test Antibodi IgM/IgG: Non Reaktif"));
    assertEquals(results("tes narkoba: Negatif"), found("Hasil tes narkoba: Negatif"));
    assertEquals(results("Positive"), found("Result: Positive"));
    assertEquals(results("Negative"), found("Antigen test result: Negative"));
  }

  @Test
  void commonIndonesianLabTestsAreNamed() {
    assertEquals(
        results("NS1 Dengue: Positif", "IgM Anti-Dengue positif", "IgG Anti-Dengue negatif"),
        found(
            "Hasil pemeriksaan NS1 Dengue: Positif. IgM Anti-Dengue positif, IgG Anti-Dengue"
                + " negatif."));
    assertEquals(
        results("Widal negatif", "Malaria RDT: negatif", "MTB not detected", "BTA negatif"),
        found("Widal negatif. Malaria RDT: negatif. TCM TB: MTB not detected. BTA negatif."));
    assertEquals(
        results("HBsAg : Reaktif", "VDRL non reaktif", "TPHA reaktif"),
        found("HBsAg : Reaktif, VDRL non reaktif, TPHA reaktif"));
    assertEquals(
        results("Swab antigen negatif", "rapid antigen positif", "PCR SARS-CoV-2 negatif"),
        found("Swab antigen negatif, rapid antigen positif, PCR SARS-CoV-2 negatif"));
    assertEquals(
        results("Amfetamin negatif", "Morfin negatif", "THC negatif"),
        found("Tes urine narkoba: Amfetamin negatif, Morfin negatif, THC negatif"));
    assertEquals(results("Test pack kehamilan positif"), found("Test pack kehamilan positif"));
    assertEquals(results("Malaria RDT (Pf/Pan): Negatif"), found("Malaria RDT (Pf/Pan): Negatif"));
    assertEquals(
        results("Rapid Test Antibodi SARS-CoV-2 IgM Non Reaktif", "IgG Reaktif"),
        found("Rapid Test Antibodi SARS-CoV-2 IgM Non Reaktif / IgG Reaktif"));
    assertEquals(
        results("TCM/GeneXpert MTB not detected"), found("TCM/GeneXpert MTB not detected"));
  }

  @Test
  void anOutcomeApartFromTheTestNameIsTheOutcomeAlone() {
    // A disease is no test's name; a date or a wide gap parts the name from the outcome.
    assertEquals(results("positif"), found("Pasien terkonfirmasi positif COVID-19"));
    assertEquals(results("positive"), found("The patient tested positive for COVID-19."));
    assertEquals(results("POSITIF"), found("Swab antigen tanggal 12 Maret 2021: POSITIF."));
    assertEquals(results("positif"), found("Hasil tes positif"));
  }

  @Test
  void anOutcomeInAResultFieldOrCellIsTheOutcomeAlone() {
    assertEquals(
        results("Negatif"),
        found("{\"pemeriksaan\":\"HBsAg\",\"hasil\":\"Negatif\",\"nilai_rujukan\":\"Negatif\"}"));
    assertEquals(
        results("Positif", "Non Reaktif", "Negatif"),
        found("{\"ns1\":\"Positif\",\"anti_hcv\":\"Non Reaktif\",\"widal\":\"Negatif\"}"));
    // A field's name written before its value is no test's name.
    assertEquals(results("positif"), found("catatan hasil_pcr=positif"));
    String csv =
        "nama,pemeriksaan,hasil,nilai rujukan\n"
            + "Budi Santoso,HBsAg,Non Reaktif,Non Reaktif\n"
            + "Siti Aminah,Anti-HCV,Reaktif,Non Reaktif\n";
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "TEST_RESULT Non Reaktif",
            "NAME Siti Aminah",
            "TEST_RESULT Reaktif"),
        found(csv));
  }

  @Test
  void htmlTablesHaveResultAndReferenceColumns() {
    String report =
        "<table><tr><th>Pemeriksaan</th><th>Hasil</th><th>Nilai Rujukan</th><th>Satuan</th></tr>\n"
            + "<tr><td>HBsAg</td><td>Non Reaktif</td><td>Non Reaktif</td><td>-</td></tr>\n"
            + "<tr><td>Anti-HCV</td><td><b>Reaktif</b></td><td>Non Reaktif</td><td>-</td></tr>\n"
            + "<tr><td>Hemoglobin</td><td>13.2</td><td>12-16</td><td>g/dL</td></tr></table>";
    List<PiiMatch> m = scanner.scan(report);
    assertEquals(2, m.size(), m.toString());
    // The outcomes under "Hasil", not those under "Nilai Rujukan".
    assertEquals(report.indexOf("Non Reaktif"), m.get(0).start());
    assertEquals("Non Reaktif", report.substring(m.get(0).start(), m.get(0).end()));
    assertEquals(report.indexOf("<b>Reaktif") + 3, m.get(1).start());
    assertEquals("Reaktif", report.substring(m.get(1).start(), m.get(1).end()));

    assertEquals(
        List.of("NIK 5171046612950002", "PHONE 0812-3999-0101", "TEST_RESULT Positif"),
        found(
            "<table><tr><th>NIK</th><th>Nama</th><th>No HP</th><th>Hasil</th></tr><tr>"
                + "<td>5171046612950002</td><td>Ni Made Ayu</td><td>0812-3999-0101</td>"
                + "<td>Positif</td></tr></table>"));
    String english =
        "<table><tr><td>Test</td><td>Result</td><td>Reference Range</td></tr>"
            + "<tr><td>Rapid Antigen</td><td>Negative</td><td>Negative</td></tr></table>";
    List<PiiMatch> e = scanner.scan(english);
    assertEquals(1, e.size(), e.toString());
    assertEquals(english.indexOf("Negative"), e.get(0).start());
  }

  // ------------------------------------------------------------ not results

  @Test
  void referenceValuesAreNotResults() {
    assertEquals(List.of(), found("Nilai rujukan: Negatif"));
    assertEquals(List.of(), found("Nilai normal: Negatif"));
    assertEquals(List.of(), found("Rujukan: Non Reaktif"));
    assertEquals(List.of(), found("Reference range: Negative"));
    assertEquals(List.of(), found("Ref: negative"));
    assertEquals(
        results("HBsAg: Non Reaktif"), found("HBsAg: Non Reaktif (Nilai rujukan: Non Reaktif)"));
    assertEquals(results("Negatif"), found("Hasil: Negatif\nNilai Normal: Negatif"));
  }

  @Test
  void generalSentencesAreNotResults() {
    assertEquals(List.of(), found("Waspadai hasil negatif palsu pada rapid test."));
    assertEquals(
        List.of(),
        found("The false positive rate of the PCR test is low; positive predictive value 90%."));
    assertEquals(List.of(), found("kontrol positif dan kontrol negatif PCR valid"));
    assertEquals(
        List.of(), found("Positive control and negative control of the antigen kit passed."));
    assertEquals(List.of(), found("Kasus positif COVID-19 naik, kasus dengue positif bertambah"));
    assertEquals(List.of(), found("Jumlah pasien positif COVID-19 hari ini 12 orang."));
    assertEquals(List.of(), found("<p>Covid tes</p><div class=\"positif\">ok</div>"));
    assertEquals(List.of(), found("HbA1c 6.5%, kolesterol 210 mg/dL, PCR CT value 24"));
  }
}
