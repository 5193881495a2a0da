package dev.periksa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.Json;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.HeadlessChromium;
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
    // The coverage matrix is in the report's certification summary, not an entry counted as a test.
    String data =
        String.join("\n", RawValueScanner.decodedBlobs(Files.readString(second.report())));
    assertTrue(data.contains("\"coverageHtml\""), "coverage in the summary");
    assertFalse(data.contains("coverage-matrix"), "the coverage matrix is no test result");
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
    JsonNode tree = embedded(Files.readString(report), "data/categories.json");
    String[] waivedRoute = route(tree, "Waived (accepted risk)", "AUT-4 · Someone guesses");
    String[] failedRoute =
        route(
            tree,
            "Violation found",
            "STO-1 · A stranger asks every declared Elasticsearch/OpenSearch");

    // A category route opens its group in the tree and the result's page beside it.
    long t0 = System.nanoTime();
    String waived =
        HeadlessChromium.text(
            chromium.dumpDom(report, "categories/" + waivedRoute[0] + "/" + waivedRoute[1]));
    String failed =
        HeadlessChromium.text(
            chromium.dumpDom(report, "categories/" + failedRoute[0] + "/" + failedRoute[1]));
    long browserMillis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "report.html %,d bytes; second run (scan + render) %,d ms; two Chromium renders %,d ms%n",
        Files.size(report), renderMillis, browserMillis);

    // The failed requirements, named by requirement, under "Violation found" (the tree lists the
    // categories first, then the selected result's page).
    String violations = between(failed, "Violation found", "Waived (accepted risk)");
    assertTrue(
        violations.contains(
            "STO-1 · A stranger asks every declared Elasticsearch/OpenSearch service"),
        failed);
    assertTrue(violations.contains("STO-1 · A stranger asks every declared Solr"), failed);
    assertTrue(violations.contains("STO-4 · "), failed);
    assertTrue(violations.contains("Directory listing of /exports/"), failed);
    assertFalse(violations.contains("AUT-4"), "the waived AUT-4 is no violation: " + violations);
    // A failed requirement's own page: its clauses as tags and as links to their text, the
    // severity, the redacted evidence, the remediation, and STO-1's expired waiver.
    String page = failed.substring(failed.lastIndexOf("STO-1 · A stranger asks every declared"));
    for (String clause :
        List.of(
            "hipaa:164.312(a)(1)",
            "hipaa:164.312(d)",
            "uu-pdp:35",
            "permenkes:29",
            "permenkes:30",
            "gdpr:5(1)(f)",
            "gdpr:32",
            "owasp-api:API8:2023")) {
      assertTrue(page.contains("Tags:") && page.contains(clause), clause + " in " + page);
    }
    assertTrue(page.contains("Access control: allow access only to persons"), page);
    assertTrue(page.contains("Pasal 35: the controller must protect"), page);
    assertTrue(page.contains("Severity: blocker"), page);
    assertTrue(page.contains("Outcome: FAIL — severity CRITICAL"), page);
    assertTrue(page.contains("Remediation:"), page);
    assertTrue(page.contains("evidence: sample of index"), page);
    assertTrue(page.contains("waiver expired on 2021-09-30"), page);

    // The waived one: its own category, the waiver's approver and expiry, its clauses.
    String waivedGroup = between(waived, "Waived (accepted risk)", "Skipped");
    assertTrue(waivedGroup.contains("WAIVED: "), waived);
    assertTrue(waivedGroup.contains("dr. Larasati Pardede"), waived);
    assertTrue(waivedGroup.contains("AUT-4 · Someone guesses passwords"), waived);
    String waivedPage = waived.substring(waived.lastIndexOf("Skipped"));
    assertTrue(waivedPage.contains("Categories: Waived (accepted risk)"), waivedPage);
    assertTrue(waivedPage.contains("Outcome: WAIVED"), waivedPage);
    assertTrue(waivedPage.contains("expires 2029-06-30"), waivedPage);
    assertTrue(waivedPage.contains("nist:800-63B-5.2.2"), waivedPage);
    assertTrue(waivedPage.contains("asvs:2.2.1"), waivedPage);
  }

  /** The text from the first {@code from} to the next {@code to} after it. */
  static String between(String text, String from, String to) {
    int a = text.indexOf(from);
    assertTrue(a >= 0, from + " in " + text);
    int b = text.indexOf(to, a + from.length());
    return b < 0 ? text.substring(a) : text.substring(a, b);
  }

  /** One file the single-file report embeds, e.g. {@code data/categories.json}. */
  static JsonNode embedded(String html, String name) throws Exception {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "d\\('" + java.util.regex.Pattern.quote(name) + "','([A-Za-z0-9+/=]*)'\\)")
            .matcher(html);
    assertTrue(m.find(), name + " embedded in the report");
    return Json.MAPPER.readTree(java.util.Base64.getDecoder().decode(m.group(1)));
  }

  /** The uids of a category and of the first result in it whose name starts with a prefix. */
  static String[] route(JsonNode categories, String category, String prefix) {
    for (JsonNode c : categories.path("children")) {
      if (c.path("name").asText().equals(category)) {
        String leaf = leaf(c, prefix);
        if (leaf != null) {
          return new String[] {c.path("uid").asText(), leaf};
        }
      }
    }
    throw new AssertionError("no " + prefix + "... under " + category + ": " + categories);
  }

  private static String leaf(JsonNode node, String prefix) {
    if (node.has("status") && node.path("name").asText().startsWith(prefix)) {
      return node.path("uid").asText();
    }
    for (JsonNode c : node.path("children")) {
      String found = leaf(c, prefix);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** The demo's waivers (AUT-4 current, STO-1 expired) and attestation. */
  static Exemptions demoExemptions() throws Exception {
    return Exemptions.load(
        Path.of("targets/demo-waivers.yaml"), Path.of("targets/demo-attestations.yaml"));
  }
}
