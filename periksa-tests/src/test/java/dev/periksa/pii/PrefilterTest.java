package dev.periksa.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.periksa.pii.corpus.CorpusGenerator;
import dev.periksa.pii.corpus.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scan's shortcuts ({@link FastPath}: a candidate or a family skipped where it cannot match,
 * overlap resolution skipped where nothing overlaps) change how fast a text is scanned, never what
 * is found: every text here is scanned with them and without them, and the findings (type, span and
 * confidence) must be the same. Texts: the development corpus, a second corpus from another seed,
 * cuts and splices of both (broken JSON, half records), cuts of the large benchmark inputs, and
 * hand-written texts of every format the scanner reads.
 */
class PrefilterTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  @AfterEach
  void restore() {
    FastPath.on = true;
  }

  private List<PiiMatch> scan(String text, boolean fast) {
    FastPath.on = fast;
    try {
      return scanner.scan(text);
    } finally {
      FastPath.on = true;
    }
  }

  /** Ids (or the first characters) of the texts whose findings differ. */
  private List<String> differing(List<String> ids, List<String> texts) {
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String t = texts.get(i);
      List<PiiMatch> fast = scan(t, true);
      List<PiiMatch> slow = scan(t, false);
      if (!fast.equals(slow) && differ.size() < 5) {
        List<PiiMatch> onlyFast = new ArrayList<>(fast);
        onlyFast.removeAll(slow);
        List<PiiMatch> onlySlow = new ArrayList<>(slow);
        onlySlow.removeAll(fast);
        differ.add(ids.get(i) + ": only with shortcuts " + onlyFast + ", only without " + onlySlow);
      }
    }
    return differ;
  }

  private static List<String> texts(List<Sample> samples) {
    List<String> out = new ArrayList<>();
    for (Sample s : samples) {
      out.add(s.text());
    }
    return out;
  }

  private static List<String> ids(List<Sample> samples) {
    List<String> out = new ArrayList<>();
    for (Sample s : samples) {
      out.add(s.id());
    }
    return out;
  }

  @Test
  void theDevelopmentCorpusScansTheSameWithAndWithoutShortcuts() {
    List<Sample> corpus = CorpusGenerator.standard();
    assertEquals(List.of(), differing(ids(corpus), texts(corpus)));
  }

  @Test
  void anotherCorpusAndItsCutsAndSplicesScanTheSame() {
    List<Sample> other = CorpusGenerator.generate(0x5350454544L, 1500); // "SPEED"
    List<String> texts = new ArrayList<>(texts(other));
    List<Sample> standard = CorpusGenerator.standard();
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 1500; i++) {
      String a = standard.get(r.nextInt(standard.size())).text();
      String b = other.get(r.nextInt(other.size())).text();
      // A reply cut at the body cap, and two replies run together (a log of payloads).
      texts.add(a.substring(0, r.nextInt(a.length() + 1)));
      texts.add(a.substring(r.nextInt(a.length() + 1)) + "\n" + b);
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      ids.add(i < other.size() ? other.get(i).id() : "cut/splice " + i);
    }
    assertEquals(List.of(), differing(ids, texts));
  }

  @Test
  void largeRepliesScanTheSame() {
    // Cuts of the large benchmark inputs: base64 blobs, stack traces, a long table.
    int size = 300_000;
    List<String> big =
        List.of(LargeInputs.json(size), LargeInputs.csv(size), LargeInputs.log(size));
    for (String t : big) {
      assertFalse(scan(t, true).isEmpty());
    }
    assertEquals(List.of(), differing(List.of("json", "csv", "log"), big));
  }

  /** Hand-written texts of every format the scanner reads; all values invented. */
  static final List<String> FORMATS =
      List.of(
          // JSON, FHIR and a token
          "{\"nama\":\"Siti Rahayu\",\"nik\":\"3174055508900002\",\"no_hp\":\"0812-3456-7890\","
              + "\"tgl_lahir\":\"1990-08-15\",\"hasil\":\"Negatif\",\"icd10\":\"U07.1\","
              + "\"rekening\":\"123-456-7890\",\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0"
              + ".c2lnbmF0dXJl\",\"email\":\"siti.rahayu@example.co.id\"}",
          "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"https://fhir.kemkes.go.id"
              + "/id/nik\",\"value\":\"3174051708900001\"}],\"name\":[{\"family\":\"Santoso\","
              + "\"given\":[\"Budi\"]}],\"birthDate\":\"1990-08-17\",\"telecom\":[{\"system\":"
              + "\"phone\",\"value\":\"+62 812 3456 7890\"}]}",
          // cut JSON
          "[{\"nama\":\"Agus Salim\",\"no_bpjs\":\"0001234567890\"},{\"nama\":\"Dewi",
          // XML
          "<?xml version=\"1.0\"?><pasien><nama>Rina Wulandari</nama><nik>3273014506850003</nik>"
              + "<alamat>Jl. Melati No. 12 RT 003/RW 005</alamat><tglLahir>06-05-1985</tglLahir>"
              + "<hp>081298765432</hp><paspor>B1234567</paspor></pasien>",
          // YAML
          "pasien:\n  nama: Hendra Gunawan\n  nik: \"3578012203800004\"\n  no_hp: 0813-1111-2222\n"
              + "  tanggal_lahir: 22 Maret 1980\n  rekam_medis: RM-0012345\n  email: hendra@mail.id\n",
          // HL7 v2
          "MSH|^~\\&|SIMRS|RSUD|LIS|LAB|20240301101500||ORU^R01|MSG0001|P|2.5\r"
              + "PID|1||0012345^^^RSUD^MR~3174051708900001^^^DUKCAPIL^NNIDN||SANTOSO^BUDI||19900817"
              + "|M|||Jl. Kenanga No. 7^^Jakarta||081234567890\r"
              + "DG1|1||U07.1^COVID-19^I10\r"
              + "OBX|1|CE|94500-6^SARS-CoV-2 RNA^LN||Positif||Negatif|||F\r",
          // SQL dump
          "INSERT INTO pasien (id, nama, nik, no_hp, tgl_lahir, alamat) VALUES\n"
              + "(1, 'Ahmad Fauzi', '3201011201900005', '081377788899', '1990-01-12', 'Jl. Anggrek"
              + " No. 3'),\n(2, 'Lestari Putri', '3201015502920006', '085712345678', '1992-02-15',"
              + " 'Gg. Mawar 5');\n",
          // CSV
          "nik;nama;no_hp;tgl_lahir;hasil_pcr\n3174051708900001;Budi Santoso;081234567890;"
              + "17/08/1990;POSITIF\n3273014506850003;Rina Wulandari;0812-9876-5432;06-05-1985;"
              + "negatif\n",
          // HTML table and definition list
          "<html><body><table><tr><th>Nama</th><th>NIK</th><th>Hasil</th></tr><tr><td>Yusuf "
              + "Hamzah</td><td>3174052104880007</td><td>Reaktif</td></tr></table><dl><dt>No. Paspor"
              + "</dt><dd>C7654321</dd><dt>Tgl Lahir</dt><dd>21 April 1988</dd></dl></body></html>",
          // fixed-width report
          "NAMA                 NIK               TGL LAHIR\n"
              + "Budi Santoso         3174051708900001  17-08-1990\n"
              + "Siti Rahayu          3174055508900002  15-08-1990\n",
          // log lines
          "2024-03-01 10:00:02 INFO  api.PatientController - GET /api/pasien/3174051708900001 "
              + "user=admin nik=3174051708900001 hp=081234567890 took 125 ms\n"
              + "2024-03-01 10:00:03 WARN  payload {\"nama\":\"Budi Santoso\",\"no_rm\":\"00-12-34-56"
              + "\"} session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl\n"
              + "[2024-03-01 10:00:04] ERROR java.lang.IllegalStateException: no card 4111 1111 1111"
              + " 1111\n\tat dev.example.Foo.bar(Foo.java:42)\n",
          // mail
          "From: Dewi Lestari <dewi.lestari@example.com>\nTo: klaim@asuransi.example\n"
              + "Message-ID: <20240301.1234@mail.rs.example>\nSubject: Hasil lab\n\n"
              + "Yth. dr. Andi Wijaya, Sp.PD,\nTerlampir hasil swab PCR SARS-CoV-2: NEGATIF untuk "
              + "Ny. Dewi Lestari (NIK 3174054507910008, lahir 5 Juli 1991).\nHormat kami,\n\n"
              + "Ns. Rudi Hartono, S.Kep\nNIP 198001012005011001\n",
          // prose letter
          "Kepada Yth.\nBapak Slamet Riyadi\nJl. Diponegoro No. 45, RT 002/RW 007, Kel. Menteng\n"
              + "Dengan hormat, bersama ini kami sampaikan bahwa pasien atas nama Tn. Slamet Riyadi,"
              + " No. RM 0012345, tanggal lahir 12 Maret 1960, diagnosis J18.9 dan I10, hasil rapid"
              + " test antibodi non-reaktif. Rekening BCA a.n. Slamet Riyadi 123-456-7890.\n"
              + "Dear Dr. Whitaker, the patient Mr. Bennett (DOB: March 12, 1960, SSN 123-45-6789,"
              + " passport 12AB34567, IBAN NL91ABNA0417164300) tested positive on 1st of May.\n",
          // chat export
          "[01/03/24 09.15] Wulan IGD: pasien a.n. Sri Mulyani, HP 0812 3456 7890, NPWP "
              + "09.254.294.3-407.000\n[01/03/24 09.16] Bayu: ok, BPJS 0001234567890 sudah dicek,"
              + " paspor X1234567\n",
          // OCR form
          "PROVINSI DKI JAKARTA\nKOTA JAKARTA SELATAN\nNlK : 3174051708900001\nNarna : BUDI "
              + "SANTOSO\nTempat/Tgl Lahir : JAKARTA, 17-08-1990\nAlarnat : JL. MELATI NO. 12\n"
              + "RT/RW : 003/005\nAgarna : ISLAM\n",
          // passports, dates and numbers at the edges
          "No. Paspor: 12AB34567; passport C01X00T47; Reisepass CF0123456; DOB 17081990; lahir"
              + " 1990-08-17; tgl lahir 17.08.90; RM.2023.0001234; kartu 5212 3456 7890 1234 2021",
          "hubungi (+62)812-3456-7890 atau +62 (0)812 3456 789; (021) 555-1234; 62812345678",
          "IBAN QA58DOHB00001234567890ABCDEFG dan GB29 NWBK 6016 1331 9268 19; card "
              + "4111-1111-1111-1111; NIK 3174 0517 0890 0001; SSN 078-05-1120",
          "rekening: 1234567890 / 0987 6543 21 / 12.345.678.90; no. rek 123-4567-890; VA "
              + "8808123456789012");

  @Test
  void textsOfEveryFormatScanTheSame() {
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String t : FORMATS) {
      ids.add(t.substring(0, Math.min(40, t.length())));
      texts.add(t);
      assertFalse(scan(t, true).isEmpty(), t);
    }
    // Every cut of every text: values at the ends of a region, half tokens, broken syntax.
    for (String t : FORMATS) {
      for (int cut = 1; cut < t.length(); cut += 7) {
        ids.add("cut " + cut + " of " + t.substring(0, Math.min(20, t.length())));
        texts.add(t.substring(0, cut));
        ids.add("from " + cut + " of " + t.substring(0, Math.min(20, t.length())));
        texts.add(t.substring(cut));
      }
    }
    assertEquals(List.of(), differing(ids, texts));
  }

  @Test
  void aValuesWordsAreWhatTheFormerSplitGaveWithoutEmptyOnes() {
    java.util.regex.Pattern former = java.util.regex.Pattern.compile("[\\s^,]+");
    String alphabet = "aB. ,^\t\n\u000b\f\r\u00a0\u2003-'’xY1";
    SplittableRandom r = new SplittableRandom(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String v = b.toString();
      List<String> expected = new ArrayList<>();
      for (String w : former.split(v)) {
        if (!w.isEmpty()) {
          expected.add(w);
        }
      }
      assertEquals(expected, PersonalDataScanner.words(v), v);
    }
  }
}
