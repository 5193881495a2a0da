package dev.periksa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.certificate.CertificateVerifier;
import dev.periksa.certificate.Certificates;
import dev.periksa.cli.ConsoleAccess;
import dev.periksa.json.Json;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.HeadlessChromium;
import dev.periksa.testing.SharedLab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a regulator sees first, on both e-HAC twins, in English and in Indonesian: the report's
 * first screen (opened from disk in headless Chromium), the printable certificates (text read back
 * with PDFBox, covered by {@code periksa verify}) and the console's last screen.
 */
class CertificationSummaryIT {
  @TempDir static Path tmp;
  static ScanRunner.Result en;
  static ScanRunner.Result id;
  static String consoleEn;
  static String consoleId;

  private static final String LEGACY = "e-HAC legacy twin (lab)";
  private static final String HARDENED = "e-HAC hardened twin (lab)";

  @BeforeAll
  static void scanBothTwinsInBothLanguages() throws Exception {
    Path features = Files.createDirectories(tmp.resolve("features"));
    for (String f :
        List.of("storage/search-cluster-exposure.feature", "storage/web-tier-files.feature")) {
      Files.copy(Path.of("features", f), features.resolve(Path.of(f).getFileName()));
    }
    List<TargetProfile> twins =
        List.of(SharedLab.profile("ehac-legacy.yaml"), SharedLab.profile("ehac-hardened.yaml"));
    en = scan(twins, features, "en");
    consoleEn = console;
    id = scan(twins, features, "id");
    consoleId = console;
  }

  private static String console;

  private static ScanRunner.Result scan(List<TargetProfile> twins, Path features, String lang)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScanRunner.Result r;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      r =
          new ScanRunner(ps)
              .run(
                  twins,
                  new ScanRunner.Options(
                          tmp.resolve("run-" + lang),
                          FeatureSet.directory(features),
                          true,
                          Duration.ofSeconds(60))
                      .withLang(lang));
      ConsoleAccess.summary(ps, r);
    }
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    return r;
  }

  private static String fingerprint(ScanRunner.Result r) throws Exception {
    JsonNode cert = Json.MAPPER.readTree(r.dir().resolve(Certificates.FILE).toFile());
    return cert.path("signature").path("publicKeyFingerprint").asText();
  }

  @Test
  void theReportOpensOnEachTargetsVerdictItsFailedRequirementsAndTheKey() throws Exception {
    HeadlessChromium chromium =
        HeadlessChromium.find()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "chromium is not installed (apt-get install chromium, or set "
                            + HeadlessChromium.ENV
                            + ")"));
    assertNotNull(en.report(), consoleEn);
    String first = HeadlessChromium.text(chromium.dumpDom(en.report(), ""));
    assertTrue(first.contains("Certification summary"), first);
    assertTrue(first.contains("NOT_CERTIFIED " + LEGACY), first);
    assertTrue(first.contains("CERTIFIED " + HARDENED), first);
    // Both verdicts at a glance, above the details of either.
    assertTrue(first.indexOf("CERTIFIED " + HARDENED) < first.indexOf("STO-1"), first);
    int l = first.indexOf(LEGACY, first.indexOf(HARDENED));
    int h = first.indexOf(HARDENED, l);
    String legacy = first.substring(l, h);
    assertTrue(
        Pattern.compile("STO-1 [^|]*? FAIL CRITICAL").matcher(legacy).find(),
        "STO-1 FAIL CRITICAL on the legacy twin: " + legacy);
    assertTrue(
        Pattern.compile("STO-4 [^|]*? FAIL CRITICAL").matcher(legacy).find(),
        "STO-4 FAIL CRITICAL on the legacy twin: " + legacy);
    String hardened = first.substring(h);
    assertFalse(hardened.substring(0, hardened.indexOf("Run ")).contains(" FAIL "), hardened);
    assertTrue(first.contains(fingerprint(en)), "the key's fingerprint: " + first);
    assertTrue(first.contains("periksa verify " + en.dir()), first);
    // No pass rate mixing the twins, and the inventory and coverage are not counted as tests.
    assertFalse(Pattern.compile("\\d+(\\.\\d+)? ?%").matcher(first).find(), first);
    assertFalse(first.contains("test cases"), first);
  }

  @Test
  void eachTargetHasAPrintableCertificateThatVerifyCovers() throws Exception {
    assertEquals(2, en.certificates().size(), en.certificates().toString());
    String certSha = Certificates.sha256(en.dir().resolve(Certificates.FILE));
    String legacy = pdfText(en.certificates().get(0));
    assertTrue(legacy.contains(LEGACY), legacy);
    assertTrue(legacy.contains("NOT_CERTIFIED"), legacy);
    assertTrue(legacy.replaceAll("\\s", "").contains(fingerprint(en)), legacy);
    assertTrue(legacy.replaceAll("\\s", "").contains(certSha), "certificate.json's SHA-256");
    assertTrue(legacy.contains("STO-1"), legacy);
    String hardened = pdfText(en.certificates().get(1));
    assertTrue(hardened.contains(HARDENED) && hardened.contains("CERTIFIED"), hardened);
    for (Path p : en.certificates()) {
      System.out.printf("%s: %,d bytes%n", p.getFileName(), Files.size(p));
    }

    CertificateVerifier.Report ok = CertificateVerifier.verify(en.dir(), null);
    assertTrue(ok.problems().isEmpty(), ok.problems().toString());
    assertEquals(fingerprint(en), ok.fingerprint());

    // A printable certificate changed after signing is caught, and so is one added.
    Path copy = tmp.resolve("tampered");
    copyTree(en.dir(), copy);
    Path pdf = copy.resolve(en.certificates().get(0).getFileName());
    byte[] b = Files.readAllBytes(pdf);
    b[b.length / 2] ^= 1;
    Files.write(pdf, b);
    Files.write(copy.resolve("certificate-forged.pdf"), new byte[] {'%', 'P', 'D', 'F'});
    List<String> problems = CertificateVerifier.verify(copy, null).problems();
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith(pdf.getFileName() + ": changed")),
        problems.toString());
    assertTrue(
        problems.stream().anyMatch(p -> p.startsWith("certificate-forged.pdf: added")),
        problems.toString());
  }

  @Test
  void inIndonesianTheSummaryCertificatesAndConsoleVerdictsReadIndonesianAndIdsStayTheSame()
      throws Exception {
    JsonNode sEn = summary(en);
    JsonNode sId = summary(id);
    assertEquals("id", sId.path("lang").asText());
    assertEquals("Ringkasan sertifikasi", sId.path("texts").path("summary.title").asText());
    assertEquals("TIDAK TERSERTIFIKASI", sId.at("/targets/0/verdictText").asText());
    assertEquals("TERSERTIFIKASI", sId.at("/targets/1/verdictText").asText());
    assertEquals("GAGAL", sId.at("/targets/0/requirements/0/outcomeText").asText());
    assertEquals(
        "Tidak ada klaster pencarian yang menjawab tanpa kredensial",
        sId.at("/targets/0/requirements/0/title").asText());
    // Ids, outcomes, severities and clauses are the same in both languages, and so is the
    // evidence: the findings and what they hold are not translated.
    assertEquals(facts(sEn), facts(sId));
    assertFalse(facts(sEn).isEmpty());
    assertEquals(findings(en), findings(id));
    assertFalse(findings(en).isEmpty());

    String pdf = pdfText(id.certificates().get(0));
    assertTrue(pdf.contains("Sertifikat pengujian pelindungan data"), pdf);
    assertTrue(pdf.contains("TIDAK TERSERTIFIKASI"), pdf);
    assertTrue(pdf.contains("uu-pdp:35") && pdf.contains("STO-1"), pdf);

    assertTrue(consoleId.contains(LEGACY + ": TIDAK TERSERTIFIKASI"), consoleId);
    assertTrue(consoleId.contains("== Ringkasan sertifikasi =="), consoleId);
    assertTrue(consoleId.contains("Sertifikat (PDF):"), consoleId);
    assertTrue(consoleEn.contains(LEGACY + ": NOT_CERTIFIED"), consoleEn);
    // The console's last screen names the report and the PDFs.
    String last = consoleEn.substring(consoleEn.lastIndexOf("== Certification summary =="));
    assertTrue(last.contains(en.report().toString()), last);
    assertTrue(last.contains(en.certificates().get(0).toString()), last);
  }

  private static JsonNode summary(ScanRunner.Result r) throws Exception {
    return Json.MAPPER.readTree(
        r.dir().resolve("allure-results").resolve(CertificationSummary.FILE).toFile());
  }

  /** Per target, each requirement's id, outcome, severity and clauses. */
  private static List<String> facts(JsonNode s) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : s.path("targets")) {
      for (JsonNode r : t.path("requirements")) {
        out.add(
            t.path("name").asText()
                + " "
                + r.path("id").asText()
                + " "
                + r.path("outcome").asText()
                + " "
                + r.path("severity").asText()
                + " "
                + r.path("clauses"));
      }
    }
    return out;
  }

  /** Every finding's requirement, check, severity, title and evidence titles, from results.json. */
  private static List<String> findings(ScanRunner.Result r) throws Exception {
    List<String> out = new ArrayList<>();
    JsonNode results = Json.MAPPER.readTree(r.results().toFile());
    for (JsonNode t : results.path("targets")) {
      for (JsonNode q : t.path("requirements")) {
        for (JsonNode c : q.path("checks")) {
          for (JsonNode f : c.path("findings")) {
            List<String> ev = new ArrayList<>();
            f.path("evidence").forEach(e -> ev.add(e.path("title").asText()));
            out.add(
                q.path("id").asText()
                    + " "
                    + c.path("id").asText()
                    + " "
                    + f.path("severity").asText()
                    + " "
                    // Live measurements (a heap dump's size) vary between runs; words do not.
                    + f.path("title").asText().replaceAll("\\d[\\d,.]*", "#")
                    + " "
                    + ev);
          }
        }
      }
    }
    java.util.Collections.sort(out);
    return out;
  }

  private static String pdfText(Path pdf) throws Exception {
    try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(d);
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
