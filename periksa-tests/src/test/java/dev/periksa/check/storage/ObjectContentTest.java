package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.evidence.Redactor;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the first bytes of an object become records the scanner reads well. */
class ObjectContentTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void csvRowsBecomeJsonKeyedByTheHeaderAndTheCutRowIsDropped() {
    String csv =
        "nik,nama,no_hp,jenis_tes,hasil_tes,alamat\n"
            + "3171014101900001,Siti Rahayu,081234567890,RT-PCR,POSITIF,\"Jl. Merdeka No. 1, Jakarta\"\n"
            + "3273020202850002,Budi Santoso,+6281311112222,Rapid Antigen,NEGATIF,\"Jl. \"\"Baru\"\" 2\"\n"
            + "3578030303";
    ObjectContent.Parsed p = ObjectContent.parse("exports/a.csv", "text/csv", b(csv), true);
    assertEquals("csv", p.format());
    assertEquals(2, p.records().size());
    assertEquals(
        "{\"nik\":\"3171014101900001\",\"nama\":\"Siti Rahayu\",\"no_hp\":\"081234567890\","
            + "\"jenis_tes\":\"RT-PCR\",\"hasil_tes\":\"POSITIF\","
            + "\"alamat\":\"Jl. Merdeka No. 1, Jakarta\"}",
        p.records().get(0));
    assertTrue(p.records().get(1).contains("Jl. \\\"Baru\\\" 2"));

    Map<PiiType, Integer> counts = scanner.count(scanner.scan(p.records().get(0)));
    for (PiiType t :
        List.of(PiiType.NIK, PiiType.NAME, PiiType.PHONE, PiiType.TEST_RESULT, PiiType.ADDRESS)) {
      assertEquals(1, counts.getOrDefault(t, 0), t + " in " + counts);
    }
    String masked = new Redactor(scanner).redact(p.records().get(0));
    assertFalse(masked.contains("3171014101900001"), masked);
    assertFalse(masked.contains("Siti Rahayu"), "names are masked thanks to the header: " + masked);
  }

  @Test
  void aWholeCsvKeepsItsLastRow() {
    ObjectContent.Parsed p = ObjectContent.parse("x.csv", "", b("a,b\n1,2\n3,4"), false);
    assertEquals(List.of("{\"a\":\"1\",\"b\":\"2\"}", "{\"a\":\"3\",\"b\":\"4\"}"), p.records());
  }

  @Test
  void semicolonSeparatedWithoutAnExtensionIsStillCsv() {
    ObjectContent.Parsed p =
        ObjectContent.parse("dump", "application/octet-stream", b("nik;nama\n1;a\n2;b\n"), false);
    assertEquals("csv", p.format());
    assertEquals("{\"nik\":\"1\",\"nama\":\"a\"}", p.records().get(0));
  }

  @Test
  void jsonArraysAndWrappedArraysGiveTheirCompleteElements() {
    ObjectContent.Parsed p =
        ObjectContent.parse("x.json", "", b("[{\"nik\":\"1\"},{\"nik\":\"2\"},{\"nik\":\"3"), true);
    assertEquals("json", p.format());
    assertEquals(List.of("{\"nik\":\"1\"}", "{\"nik\":\"2\"}"), p.records());

    p = ObjectContent.parse("x.json", "", b("{\"data\":[{\"a\":1},{\"a\":2}],\"total\":2}"), false);
    assertEquals(List.of("{\"a\":1}", "{\"a\":2}"), p.records());

    p = ObjectContent.parse("x.json", "", b("{\"a\":{\"nik\":\"1\"},\"b\":{\"nik\":\"2"), true);
    assertEquals(List.of("{\"a\":{\"nik\":\"1\"}}"), p.records());
  }

  @Test
  void jsonLines() {
    ObjectContent.Parsed p =
        ObjectContent.parse("x.ndjson", "", b("{\"a\":1}\n{\"a\":2}\n{\"a\":"), true);
    assertEquals("json-lines", p.format());
    assertEquals(List.of("{\"a\":1}", "{\"a\":2}"), p.records());
  }

  @Test
  void binaryIsNamedNotScanned() {
    assertEquals(
        "binary (PDF)", ObjectContent.parse("a.pdf", "", b("%PDF-1.7\n..."), true).format());
    assertEquals(
        "binary (ZIP, XLSX or DOCX)",
        ObjectContent.parse("a.xlsx", "", new byte[] {'P', 'K', 3, 4, 0, 0}, true).format());
    ObjectContent.Parsed p =
        ObjectContent.parse("a.bin", "", new byte[] {1, 2, 0, 4, (byte) 0xff}, true);
    assertEquals("binary", p.format());
    assertTrue(p.records().isEmpty());
  }

  @Test
  void aCharacterCutByTheRangeIsTolerated() {
    byte[] all = b("nama,kota\nBudi,Bandung\nSiti,Yogyakarta \u00e9\u00e9");
    byte[] cut = java.util.Arrays.copyOf(all, all.length - 1);
    ObjectContent.Parsed p = ObjectContent.parse("x.csv", "", cut, true);
    assertEquals("csv", p.format());
    assertEquals(1, p.records().size());
  }

  @Test
  void plainTextLinesAreKeptShort() {
    String line = "x".repeat(1000);
    ObjectContent.Parsed p = ObjectContent.parse("app.log", "", b(line + "\nshort\n"), false);
    assertEquals("text", p.format());
    assertEquals(ObjectContent.MAX_LINE, p.records().get(0).length());
  }
}
