package dev.periksa.pii;

import static dev.periksa.pii.Found.found;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test results as the span convention reads them (a test's name with its outcome where written
 * together; the outcome alone in a result cell or field; reference values and general sentences not
 * at all), and log lines read as fields and embedded JSON. All samples are made up.
 */
class ResultsAndLogsTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

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
        List.of(
            "NIK 5171046612950002",
            "NAME Ni Made Ayu",
            "PHONE 0812-3999-0101",
            "TEST_RESULT Positif"),
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

  // ------------------------------------------------------------ log lines

  @Test
  void logFieldsAreReadWithTheirKeys() {
    String line =
        "2024-03-01T10:00:00Z INFO [reg] patient=\"Budi Santoso\" nik=3174055708900001"
            + " dob=1987-03-12 phone=081234567890 rm=RM-0012345 took=35ms"
            + " request_id=8f3a2c1e-77aa-4bb1-9c3e-0812345678 trace_id=4bf92f3577b34da6a3ce929d0e0e4736";
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "NIK 3174055708900001",
            "BIRTH_DATE 1987-03-12",
            "PHONE 081234567890",
            "MEDICAL_RECORD_NUMBER RM-0012345"),
        found(line));
    assertEquals(
        List.of("NAME Ni Made Ayu", "EMAIL ni.made@example.com"),
        found(
            "time=2024-03-01T10:00:05Z level=warn patient_name=\"Ni Made Ayu\""
                + " email=ni.made@example.com"));
    assertEquals(
        List.of("NAME Dewi Lestari", "NIK 3578104507850001", "ADDRESS Jl. Pemuda No. 12"),
        found(
            "[2024-03-01 10:00:02] ERROR lookup failed nama: Dewi Lestari, nik: 3578104507850001,"
                + " alamat: Jl. Pemuda No. 12"));
    // Loggers write unquoted values with spaces too.
    assertEquals(
        List.of("PHONE (+62) 812 3456 7890"),
        found("2024-03-01T10:00:06Z INFO sms sent phone=(+62) 812 3456 7890 took=12ms"));
  }

  @Test
  void idsTimestampsAndDurationsInLogsAreNotPersonal() {
    assertEquals(
        List.of(),
        found(
            "2024-03-01T10:00:07Z INFO request_id=0812345678901 duration=0812345678"
                + " span=3174055708900001"));
    assertEquals(
        List.of(),
        found(
            "level=info ts=2024-03-01T10:00:04Z msg=\"synced\" user_id=42 host=db01 latency=35ms"));
    assertEquals(List.of(), found("INFO order_id=081234567890 invoice=0812-3456-7890"));
    // Attributes of markup are no logfmt pairs.
    assertEquals(List.of(), found("<kota name=\"Jakarta\" kode=\"3171\"/>"));
    assertEquals(
        List.of(), found("2024-03-01T10:00:08Z INFO user=\"Admin Sistem\" host=Jakarta01"));
  }

  @Test
  void jsonInALogLineIsWalkedWithItsFieldNames() {
    String line =
        "2024-03-01T10:00:00Z INFO payload={\"nama\":\"Siti Rahayu\",\"nik\":\"3174055708900001\","
            + "\"hp\":\"081234567890\",\"tgl_lahir\":\"1990-08-17\"} duration=120ms";
    List<PiiMatch> m = scanner.scan(line);
    assertEquals(
        List.of(
            "NAME Siti Rahayu",
            "NIK 3174055708900001",
            "PHONE 081234567890",
            "BIRTH_DATE 1990-08-17"),
        found(line));
    assertEquals(line.indexOf("Siti"), m.get(0).start());
    assertEquals(
        List.of("NAME Andi Pratama", "ADDRESS Jl. Merdeka No. 5", "TEST_RESULT Negatif"),
        found(
            "2024-03-01 10:00:01,123 DEBUG c.e.Api - body: {\"pasien\":{\"nama\":\"Andi Pratama\","
                + "\"alamat\":\"Jl. Merdeka No. 5\"},\"hasil\":\"Negatif\"} status=200"));
    // An organisation's record in the payload keeps its phone and name out.
    assertEquals(
        List.of(),
        found(
            "2024-03-01T10:00:09Z INFO body: {\"nama\":\"RSUD Tarakan\",\"telp\":\"0812345678\"}"));
  }

  @Test
  void resultsInLogLines() {
    // A result field holds the outcome alone; a key that only names a test is written with it.
    assertEquals(
        results("Negatif", "pcr=positif", "HIV: non reactive"),
        found(
            "2024-03-01T10:00:03Z WARN lab-sync hasil_tes=Negatif pcr=positif HIV: non reactive"
                + " nilai_rujukan=Negatif"));
    assertEquals(
        List.of("TEST_RESULT TIDAK TERDETEKSI", "MEDICAL_RECORD_NUMBER RM4157956"),
        found("2023-06-22 DEBUG [lab-sync] hasil_tes=TIDAK TERDETEKSI no_rm=RM4157956 lab=Klinik"));
  }

  @Test
  void unclosedJsonInALongLogLineStaysLinear() {
    StringBuilder b = new StringBuilder("2024-03-01T10:00:00Z INFO ");
    while (b.length() < 256 * 1024) {
      b.append(" {\"a x=\"");
    }
    long start = System.nanoTime();
    scanner.scan(b.toString());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "linear, not quadratic");
  }
}
