package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * STO-4 "Web server" against real servers: the lab's Jetty 12 portals (legacy: listings, .env,
 * .git, backups; hardened: HTTPS, none of them), catch-all and soft-404 look-alikes, a server that
 * ignores Range, and an address where nothing listens.
 */
class WebServerFilesCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new WebServerFilesCheck(), TargetContext.of(p));
  }

  private static Finding finding(CheckResult r, String titleStart) {
    return r.findings().stream()
        .filter(f -> f.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding '" + titleStart + "' in " + titles(r)));
  }

  private static List<String> titles(CheckResult r) {
    return r.findings().stream().map(f -> f.severity() + " " + f.title()).toList();
  }

  private static Path legacyAccessLog() {
    return Path.of(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_WEB_ACCESS_LOG"));
  }

  @Test
  void theLegacyPortalFailsWithSeverityFromItsExportsAndOnlyMaskedEvidence() throws Exception {
    TargetProfile legacy = SharedLab.profile("ehac-legacy.yaml");
    long logBefore = Files.size(legacyAccessLog());
    CheckResult r = scan(legacy);
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity(), titles(r).toString());

    // The exports listing: rated by what two sampled CSV files hold, records masked.
    Finding exports = finding(r, "Directory listing of /exports/ shows 4 entries (4 data files)");
    assertEquals(Severity.CRITICAL, exports.severity(), exports.title());
    List<Evidence> samples =
        exports.evidence().stream().filter(e -> e.title().startsWith("sample of")).toList();
    assertEquals(WebServerFilesCheck.FILES_PER_LISTING, samples.size());
    for (Evidence s : samples) {
      assertEquals(WebServerFilesCheck.RECORDS_PER_FILE, s.samples().size());
      assertEquals(206, s.status(), "read with a Range request");
      assertTrue(s.bytes() <= WebServerFilesCheck.FILE_BYTES, "at most the range was read");
      for (String type : List.of("NIK", "PHONE", "NAME", "TEST_RESULT")) {
        assertTrue(s.personalData().getOrDefault(type, 0) >= 1, type + " in " + s.personalData());
      }
      assertTrue(s.samples().get(0).contains("••••"), s.samples().get(0));
    }

    Finding env = finding(r, "/.env is served");
    assertEquals(Severity.HIGH, env.severity());
    assertEquals(
        List.of("DB_PASSWORD=••••••", "JWT_SECRET=••••••"),
        env.evidence().get(0).facts().get("credentials"));

    Finding git = finding(r, "/.git/config is served and a remote URL carries a credential");
    assertEquals(Severity.HIGH, git.severity());
    assertTrue(
        git.title().contains("https://••••••@git.ehac.lab/ehac/ehac-portal.git"), git.title());

    Finding dump = finding(r, "Backup /backup/ehac-2021-08.sql is served (MySQL dump");
    assertEquals(Severity.CRITICAL, dump.severity(), "NIK and test results in the sampled rows");
    Finding zip = finding(r, "Backup /backup/portal-2021-08.zip is served (ZIP archive");
    assertEquals(Severity.MEDIUM, zip.severity());
    assertEquals("portal/index.html", zip.evidence().get(0).facts().get("firstEntry"));
    assertEquals(Severity.LOW, finding(r, "Directory listing of /backup/").severity());

    // Nothing raw in what a report would carry: no traveller's number, no secret of the site.
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    RawValueScanner raw = new RawValueScanner(1000);
    assertTrue(raw.findIn("result", json).isEmpty(), raw.findIn("result", json).toString());
    Path root = legacyAccessLog().getParent().resolve("web-legacy");
    for (String secret : siteSecrets(root)) {
      assertTrue(secret.length() >= 16);
      assertFalse(json.contains(secret), "a secret of the site reached the evidence");
    }

    // From the server's side: every file was asked with a Range and no more was sent.
    String log = newLines(legacyAccessLog(), logBefore);
    Matcher m =
        Pattern.compile("(?m)^GET (\\S+) HTTP/1.1 (\\d+) (\\d+) \"([^\"]*)\"$").matcher(log);
    int csv = 0;
    int lines = 0;
    while (m.find()) {
      lines++;
      String path = m.group(1);
      if (path.endsWith("/") || path.endsWith("HEAD")) {
        continue;
      }
      assertEquals("bytes=0-8191", m.group(4), path + " asked without a Range");
      assertTrue(Long.parseLong(m.group(3)) <= WebServerFilesCheck.FILE_BYTES, path + " sent more");
      if (path.endsWith(".csv") && m.group(2).equals("206")) {
        csv++;
      }
    }
    assertTrue(lines > 20, "the access log holds this scan's requests:\n" + log);
    assertEquals(WebServerFilesCheck.FILES_PER_LISTING, csv, "CSV exports read:\n" + log);
  }

  @Test
  void anEndpointWithABasePathIsProbedUnderIt() {
    // The legacy portal's exports folder declared as the endpoint itself: its listing links
    // absolute paths (/exports/...), which must map back under the base path.
    URI exports =
        URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_WEB") + "/exports");
    CheckResult r = scan(Profiles.of("base-path", "web", exports));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    Finding listing = finding(r, "Directory listing of / shows 4 entries (4 data files)");
    assertEquals(Severity.CRITICAL, listing.severity());
    assertTrue(listing.location().endsWith("/exports/"), listing.location());
  }

  @Test
  void theHardenedPortalPasses() {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason() + " " + titles(r));
    assertTrue(r.reason().contains("portal: serves none of"), r.reason());
  }

  @Test
  void aCatchAllPageThatMentionsEveryShapeIsNoFinding() throws Exception {
    String page =
        "<html><head><title>Index of /exports/</title></head><body><h1>Index of /</h1>"
            + "<a href=\"/exports/a.csv\">a.csv</a><a href=\"/backup/db.sql\">db.sql</a>"
            + "<pre>[core]\nDB_PASSWORD=x\n-- MySQL dump\nJAVA PROFILE 1.0.2</pre></body></html>";
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, page)) {
      CheckResult r = scan(Profiles.of("catch-all", "web", s.url()));
      assertNotEquals(Outcome.FAIL, r.outcome(), titles(r).toString());
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  @Test
  void aSoftNotFoundThatEchoesThePathIsNoFinding() throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.5", 0), 16);
    s.setExecutor(Executors.newFixedThreadPool(2));
    s.createContext(
        "/",
        ex -> {
          try (ex) {
            String path = ex.getRequestURI().getPath();
            byte[] body =
                ("<html><head><title>Index of "
                        + path
                        + "</title></head><body><h1>Sorry, "
                        + path
                        + " was not found</h1><a href=\""
                        + path
                        + "help\">help</a>"
                        + "</body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(body);
            }
          }
        });
    s.start();
    try {
      URI url = URI.create("http://127.0.0.5:" + s.getAddress().getPort());
      CheckResult r = scan(Profiles.of("soft-404", "web", url));
      assertEquals(Outcome.PASS, r.outcome(), r.reason() + " " + titles(r));
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aServerThatIgnoresRangeStillGivesNoMoreThanTheCap() throws Exception {
    StringBuilder dump =
        new StringBuilder("-- MySQL dump 10.13\nCREATE TABLE `t` (\n  `a` int\n);\n");
    while (dump.length() < 1_000_000) {
      dump.append("INSERT INTO `t` VALUES (1);\n");
    }
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/backup.sql", new TestServers.Reply(200, dump.toString())),
            new TestServers.Reply(404, "not found"))) {
      CheckResult r = scan(Profiles.of("no-range", "web", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = finding(r, "Backup /backup.sql is served (MySQL dump");
      assertEquals(Severity.MEDIUM, f.severity(), "nothing personal in the sample: MEDIUM floor");
      assertEquals(WebServerFilesCheck.FILE_BYTES, f.evidence().get(0).bytes());
      assertEquals(200, f.evidence().get(0).status());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(Profiles.of("down", "web", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  private static List<String> siteSecrets(Path root) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(root.resolve(".env"))) {
      if (line.startsWith("DB_PASSWORD=") || line.startsWith("JWT_SECRET=")) {
        out.add(line.substring(line.indexOf('=') + 1));
      }
    }
    Matcher t =
        Pattern.compile("https://deploy-bot:([^@]+)@")
            .matcher(Files.readString(root.resolve(".git/config")));
    assertTrue(t.find());
    out.add(t.group(1));
    assertEquals(3, out.size());
    return out;
  }

  static String newLines(Path log, long from) throws Exception {
    byte[] all = Files.readAllBytes(log);
    return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
  }
}
