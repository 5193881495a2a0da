package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.lab.EhacData;
import dev.periksa.lab.Lab;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.Verdict;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.waiver.Exemptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path: features, checks, Allure, results.json and report.html, on both lab twins. */
class ScanIT {
  @TempDir static Path runs;
  static ScanRunner.Result result;
  static String console;
  static JsonNode results;

  @BeforeAll
  static void scanBothTwins() throws Exception {
    List<TargetProfile> profiles =
        List.of(SharedLab.profile("ehac-legacy.yaml"), SharedLab.profile("ehac-hardened.yaml"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      result =
          new ScanRunner(ps)
              .run(
                  profiles,
                  new ScanRunner.Options(
                      runs.resolve("run"),
                      FeatureSet.builtin(),
                      true,
                      Duration.ofSeconds(60),
                      // A technical scan: no waiver, no attestation, process requirements not
                      // certified; the hardened twin is certified on what was probed alone.
                      Exemptions.NONE));
    }
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    results = new ObjectMapper().readTree(result.results().toFile());
  }

  @Test
  void legacyIsNotCertifiedAndHardenedIsCertified() {
    assertEquals(ExitCodes.FAILED, result.exitCode(), console);
    assertEquals(Verdict.NOT_CERTIFIED, result.targets().get(0).verdict());
    assertEquals(Verdict.CERTIFIED, result.targets().get(1).verdict());
    assertEquals("NOT_CERTIFIED", results.at("/targets/0/verdict").asText());
    assertEquals("CERTIFIED", results.at("/targets/1/verdict").asText());
  }

  @Test
  void resultsJsonCarriesTheCriticalFindingWithIndexNamesAndCounts() {
    JsonNode sto1 = results.at("/targets/0/requirements/0");
    assertEquals("STO-1", sto1.path("id").asText());
    assertEquals("FAIL", sto1.path("outcome").asText());
    assertEquals("CRITICAL", sto1.path("severity").asText());
    assertEquals(8, sto1.path("clauses").size());
    JsonNode finding = sto1.at("/checks/0/findings/0");
    assertEquals("CRITICAL", finding.path("severity").asText());
    String evidence = finding.path("evidence").toString();
    assertTrue(evidence.contains("\"index\":\"" + EhacData.TRAVELLERS_INDEX + "\""), evidence);
    assertTrue(evidence.contains("\"documents\":20000"), evidence);
    assertTrue(evidence.contains("\"NIK\":2"), evidence);
    assertEquals("PASS", results.at("/targets/1/requirements/0/outcome").asText());
    assertEquals(64, results.at("/run/featureSetHash").asText().length());
    JsonNode inventory = results.at("/targets/0/inventory");
    assertTrue(
        inventory.toString().contains("\"product\":\"Elasticsearch/OpenSearch\""),
        inventory.toString());
  }

  @Test
  void theReportIsOneFileWithTheFailedScenarioAndItsRedactedEvidence() throws Exception {
    assertNotNull(result.report());
    String html = Files.readString(result.report());
    assertTrue(html.length() > 100_000, "a single-file Allure report embeds its app");
    String data = String.join("\n", RawValueScanner.decodedBlobs(html));
    assertTrue(
        data.contains("A stranger asks every declared Elasticsearch/OpenSearch service"),
        "scenario in report");
    assertTrue(data.contains("\"status\":\"failed\""), "the legacy scenario failed");
    assertTrue(
        data.contains("evidence: sample of index " + EhacData.TRAVELLERS_INDEX),
        "evidence attached");
    assertTrue(data.contains("••••••••"), "masked values are what the report shows");
    assertTrue(data.contains("hipaa:164.312(a)(1)"), "clauses labelled");
  }

  @Test
  void noRawPersonalValueReachesAnyOutputFileOrTheConsole() throws Exception {
    RawValueScanner raw = new RawValueScanner(Lab.Options.DEFAULT_RECORDS);
    List<String> hits = raw.findInTree(result.dir());
    hits.addAll(raw.findIn("console", console));
    assertTrue(hits.isEmpty(), "raw personal data in the output: " + hits);
    // The scanner itself must be able to see a leak, or the assertion above proves nothing.
    String planted = EhacData.traveller(0).get("no_hp").toString();
    assertFalse(raw.findIn("planted", "x " + planted + " y").isEmpty());
  }

  @Test
  void noPasswordTokenOrSecretReachesAnyOutputFileOrTheConsole() throws Exception {
    java.util.List<String> secrets = new java.util.ArrayList<>();
    SharedLab.get()
        .variables()
        .forEach(
            (name, value) -> {
              if (name.contains("PASSWORD") || name.contains("SECRET") || name.contains("TOKEN")) {
                secrets.add(value);
              }
            });
    secrets.add("your-256-bit-secret"); // the legacy API's JWT secret, found by AUT-3
    assertTrue(secrets.size() > 3, "the lab's secrets are known to the test: " + secrets.size());
    java.util.regex.Pattern jwt =
        java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.");
    List<String> hits = new java.util.ArrayList<>();
    try (var files = Files.walk(result.dir())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        List<String> texts = new java.util.ArrayList<>(List.of(text));
        texts.addAll(RawValueScanner.decodedBlobs(text));
        for (String t : texts) {
          for (String s : secrets) {
            if (t.contains(s)) {
              hits.add(result.dir().relativize(f) + ": a lab secret (" + s.length() + " chars)");
            }
          }
          if (jwt.matcher(t).find()) {
            hits.add(result.dir().relativize(f) + ": a JWT in clear");
          }
        }
      }
    }
    for (String s : secrets) {
      if (console.contains(s)) {
        hits.add("console: a lab secret");
      }
    }
    if (jwt.matcher(console).find()) {
      hits.add("console: a JWT in clear");
    }
    assertTrue(hits.isEmpty(), hits.toString());
  }

  @Test
  void progressIsShownWhileScenariosRun() {
    assertTrue(console.contains("Scanning e-HAC legacy twin (lab)"), console);
    assertTrue(
        console.contains("  > A stranger asks every declared Elasticsearch/OpenSearch service"),
        console);
    assertTrue(console.contains("STO-1  FAIL CRITICAL"), console);
  }
}
