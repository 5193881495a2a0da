package dev.periksa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.HeadlessChromium;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regulator's report as a browser shows it: two real scans of the lab's legacy twin into {@code
 * reports/}, the second carrying the first one's history; the second report opened in headless
 * Chromium, whose rendered page must show the failed requirements, their clauses and the waived
 * one.
 */
class ReportBrowserIT {
  @TempDir static Path tmp;
  static ScanRunner.Result first;
  static ScanRunner.Result second;
  static String console;
  static JsonNode results;
  static long renderMillis;

  @BeforeAll
  static void scanTwice() throws Exception {
    Path features = Files.createDirectories(tmp.resolve("features"));
    for (String f :
        List.of(
            "storage/search-cluster-exposure.feature",
            "storage/web-tier-files.feature",
            "auth/login-throttling.feature")) {
      Files.copy(Path.of("features", f), features.resolve(Path.of(f).getFileName()));
    }
    TargetProfile legacy = SharedLab.profile("ehac-legacy.yaml");
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      ScanRunner.Options o1 =
          new ScanRunner.Options(
              reports.resolve("run-1"),
              FeatureSet.directory(features),
              true,
              Duration.ofSeconds(60),
              demoExemptions());
      first = new ScanRunner(ps).run(List.of(legacy), o1);
      ScanRunner.Options o2 =
          new ScanRunner.Options(
              reports.resolve("run-2"),
              FeatureSet.directory(features),
              true,
              Duration.ofSeconds(60),
              demoExemptions());
      long t0 = System.nanoTime();
      second = new ScanRunner(ps).run(List.of(legacy), o2);
      renderMillis = (System.nanoTime() - t0) / 1_000_000;
    }
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    results = Json.MAPPER.readTree(second.results().toFile());
    if (second.report() != null) {
      // Kept for a human to open after the build (target/ is the build's own folder).
      Path keep = Files.createDirectories(Path.of("target", "report-browser-it"));
      Files.copy(
          second.report(),
          keep.resolve("report.html"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void theSecondRunCarriesTheFirstRunsHistory() throws Exception {
    assertTrue(console.contains("History: carried from "), console);
    Path kept = first.dir().resolve("history/history.json");
    assertTrue(Files.isRegularFile(kept), "the first run keeps its history");
    assertEquals(
        Files.readString(kept),
        Files.readString(second.dir().resolve("allure-results/history/history.json")),
        "the second run's results carry the first run's history");
    // The second report's own trend has both runs, and each scenario two history items.
    JsonNode trend =
        Json.MAPPER.readTree(second.dir().resolve("history/history-trend.json").toFile());
    assertEquals(2, trend.size(), trend.toString());
    JsonNode history = Json.MAPPER.readTree(second.dir().resolve("history/history.json").toFile());
    boolean twice = false;
    for (JsonNode h : history) {
      twice |= h.path("items").size() == 2;
    }
    assertTrue(twice, "a scenario's history lists both runs: " + history);
  }

  @Test
  void resultsJsonAndTheAllureFilesCarryCoverageCategoriesAndEnvironment() throws Exception {
    JsonNode rows = results.at("/coverage/targets/0/rows");
    assertTrue(rows.size() > 10, rows.toString());
    boolean sto1 = false;
    for (JsonNode r : rows) {
      sto1 |=
          r.path("requirement").asText().equals("STO-1")
              && r.path("clause").asText().equals("uu-pdp:35")
              && r.path("outcome").asText().equals("FAIL");
    }
    assertTrue(sto1, "STO-1 × uu-pdp:35 × FAIL: " + rows);
    boolean aut4 = false;
    for (JsonNode r : rows) {
      aut4 |=
          r.path("requirement").asText().equals("AUT-4")
              && r.path("clause").asText().equals("nist:800-63B-5.2.2")
              && r.path("outcome").asText().equals("WAIVED");
    }
    assertTrue(aut4, "AUT-4 × nist:800-63B-5.2.2 × WAIVED: " + rows);
    boolean notRemote = false;
    for (JsonNode c : results.at("/coverage/clauses")) {
      notRemote |= c.path("id").asText().equals("hipaa:164.312(b)") && c.has("why");
    }
    assertTrue(notRemote, "a clause no probe can test says why");
    Path allure = second.dir().resolve("allure-results");
    String cats = Files.readString(allure.resolve("categories.json"));
    assertTrue(cats.contains("Waived (accepted risk)") && cats.contains("WAIVED:.*"), cats);
    Properties env = new Properties();
    try (var in = Files.newBufferedReader(allure.resolve("environment.properties"))) {
      env.load(in);
    }
    assertEquals(64, env.getProperty("Target.profile.sha256").length(), env.toString());
    assertEquals(64, env.getProperty("Feature.set.sha256").length(), env.toString());
    assertNotNull(env.getProperty("Periksa.version"));
    assertTrue(env.getProperty("Coverage").contains("catalogue clauses tested by probes"));
    // The coverage matrix is an entry of the single-file report itself.
    String data =
        String.join("\n", RawValueScanner.decodedBlobs(Files.readString(second.report())));
    assertTrue(data.contains(RegulatorReport.COVERAGE_ENTRY + ": requirement"), "coverage entry");
    assertTrue(data.contains("not tested remotely:"), "clauses without a probe say why");
    assertTrue(data.contains("periksa-outcome-WAIVED"), "the waived requirement in the matrix");
  }

  @Test
  void chromiumShowsTheFailedRequirementsTheirClausesAndTheWaivedOne() throws Exception {
    // Fails, never skips, without a browser: CI installs Debian's chromium (.ci/run).
    HeadlessChromium chromium =
        HeadlessChromium.find()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "chromium is not installed (apt-get install chromium, or set "
                            + HeadlessChromium.ENV
                            + ")"));
    Path report = second.report();
    assertNotNull(report, console);
    String uid =
        testCaseUid(
            Files.readString(report),
            "STO-1 · A stranger asks every declared Elasticsearch/OpenSearch",
            "failed");

    long t0 = System.nanoTime();
    String categories = HeadlessChromium.text(chromium.dumpDom(report, "categories"));
    String failed = HeadlessChromium.text(chromium.dumpDom(report, "testresult/" + uid));
    long browserMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "report.html %,d bytes; second run (scan + render) %,d ms; two Chromium renders %,d ms%n",
        Files.size(report), renderMillis, browserMillis);

    // Categories: each failed requirement under "Violation found", named by its requirement.
    assertTrue(categories.contains("Violation found"), categories);
    assertTrue(
        categories.contains(
            "STO-1 · A stranger asks every declared Elasticsearch/OpenSearch service"),
        categories);
    assertTrue(categories.contains("STO-4 · "), categories);
    // The demo's current waiver: AUT-4 under "Waived (accepted risk)" with its approver, and never
    // under "Violation found" or "Not applicable".
    int waived = categories.indexOf("Waived (accepted risk)");
    assertTrue(waived >= 0, categories);
    String waivedPart = categories.substring(waived);
    assertTrue(waivedPart.contains("WAIVED: "), categories);
    assertTrue(waivedPart.contains("dr. Siti Rahmawati"), categories);
    assertTrue(waivedPart.contains("AUT-4 · "), categories);
    assertEquals(
        1, count(categories, "AUT-4 · "), "AUT-4 shows in one category only: " + categories);
    // A failed requirement's own page: its clauses as tags and as links to their text, the
    // severity, the redacted evidence and the remediation.
    for (String clause :
        List.of(
            "hipaa:164.312(a)(1)", "uu-pdp:35", "permenkes:29", "gdpr:32", "owasp-api:API8:2023")) {
      assertTrue(failed.contains(clause), clause + " in " + failed);
    }
    assertTrue(failed.contains("Access control: allow access only to persons"), failed);
    assertTrue(failed.contains("Severity: blocker"), failed);
    assertTrue(failed.contains("Remediation:"), failed);
    assertTrue(failed.contains("evidence: sample of index"), failed);
    assertTrue(failed.contains("Violation found"), failed);
    // STO-1's waiver expired: the page says so, and the FAIL stands.
    assertTrue(failed.contains("waiver expired on 2021-09-30"), failed);
  }

  static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** The demo's waivers (AUT-4 current, STO-1 expired) and attestation. */
  static dev.periksa.waiver.Exemptions demoExemptions() throws Exception {
    return dev.periksa.waiver.Exemptions.load(
        Path.of("targets/demo-waivers.yaml"), Path.of("targets/demo-attestations.yaml"));
  }

  /** The uid Allure gave the first test case whose name starts with {@code prefix}. */
  static String testCaseUid(String html, String prefix, String status) throws Exception {
    for (String blob : RawValueScanner.decodedBlobs(html)) {
      if (!blob.startsWith("{\"uid\"")) {
        continue;
      }
      JsonNode tc = Json.MAPPER.readTree(blob);
      if (tc.path("name").asText().startsWith(prefix)
          && tc.path("status").asText().equals(status)) {
        return tc.path("uid").asText();
      }
    }
    throw new AssertionError("no " + status + " test case named " + prefix + "... in the report");
  }
}
