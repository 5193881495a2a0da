package dev.periksa.check.personaldata;

import static dev.periksa.check.personaldata.PiiTesting.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.personaldata.RoutedServer.Reply;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.lab.EhacData;
import dev.periksa.lab.S3Server;
import dev.periksa.pii.PiiType;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestCertificates;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.TlsTestServers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PII-1 against the lab's twins (legacy: every HTTP service on plain HTTP; hardened: HTTPS only)
 * and real look-alike servers on plain HTTP.
 */
class PlainHttpPersonalDataCheckIT {
  private static final PlainHttpPersonalDataCheck CHECK = new PlainHttpPersonalDataCheck();

  private static Finding finding(CheckResult r, String endpoint) {
    return r.findings().stream()
        .filter(f -> f.title().startsWith(endpoint + " sends "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding for " + endpoint + ": " + r.reason()));
  }

  @Test
  void theLegacyTwinServesPersonalDataInClearCritical() throws Exception {
    CheckResult r = PiiTesting.scan(CHECK, SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());

    Finding api = finding(r, "api");
    assertEquals(Severity.CRITICAL, api.severity(), "a traveller's NIK and test result");
    assertTrue(
        api.title().contains("(/api/v1/travellers/EHAC-00000101 as traveller-a)"), api.title());
    Evidence record = api.evidence().get(0);
    assertEquals(200, record.status());
    assertTrue(record.request().startsWith("GET http://"), record.request());
    assertTrue(record.samples().get(0).contains("\"id_ehac\":\"EHAC-00000101\""));
    assertTrue(record.personalData().containsKey("NIK"), record.personalData().toString());

    Finding search = finding(r, "search");
    assertEquals(Severity.CRITICAL, search.severity());
    assertTrue(search.title().endsWith("(one document of index ehac-travellers)"), search.title());
    Finding exports = finding(r, "exports");
    assertTrue(exports.location().endsWith(".csv"), exports.location());
    assertTrue(
        exports.evidence().get(0).samples().get(0).startsWith("{\"id_ehac\":"),
        "a CSV row is sampled as a record keyed by its header");
    assertEquals(Severity.HIGH, finding(r, "fhir").severity());
    finding(r, "portal");
    // Reads stop at the first reply that carries personal data: one sample per endpoint.
    assertEquals(
        1,
        r.observations().stream()
            .filter(o -> o.title().startsWith("/api/v1/") && o.title().contains(" as "))
            .count());
    assertNothingRaw(r);
  }

  @Test
  void solrCoreNamesAreNotPersonalData() throws Exception {
    CheckResult r = PiiTesting.scan(CHECK, SharedLab.profile("ehac-legacy.yaml"));
    if (r.observations().stream().noneMatch(o -> o.title().startsWith("core status"))) {
      return; // Solr is optional in the lab (needs target/solr-lib)
    }
    Finding solr = finding(r, "solr");
    assertTrue(solr.title().endsWith("(one document of core ehac_travellers)"), solr.title());
    assertEquals(Severity.CRITICAL, solr.severity());
  }

  @Test
  void theHardenedTwinServesNothingInClear() throws Exception {
    CheckResult r = PiiTesting.scan(CHECK, SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("api"), r.reason());
    assertTrue(r.reason().endsWith("over HTTPS only"), r.reason());
    // HTTPS endpoints pass after one exchange over TLS; the one plain port only redirects.
    assertTrue(
        r.observations().stream()
            .allMatch(
                o ->
                    o.request().startsWith("GET https://")
                        || o.status() == 301
                        || o.status() == 308),
        r.observations().toString());
    assertTrue(r.observations().stream().allMatch(o -> o.personalData().isEmpty()));
  }

  @Test
  void anApiThatServesOnlyMaskedDataOverPlainHttpPasses() throws Exception {
    String own =
        "{\"id_ehac\":\"EHAC-00000101\",\"nik\":\"3174********0001\",\"no_paspor\":\"B*****67\","
            + "\"status_perjalanan\":\"DIIZINKAN\"}";
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route("/api/v1/auth/login", q -> Reply.json(200, "{\"token\":\"opaque-1\"}"))
            .route(
                "/api/v1/",
                q ->
                    "Bearer opaque-1".equals(q.headers().get("authorization"))
                        ? Reply.json(200, own)
                        : Reply.json(401, "{\"error\":\"unauthorized\"}"))) {
      CheckResult r =
          PiiTesting.scan(
              CHECK, PiiTesting.apiProfile("masked", s.url(), "x", PiiTesting.api(null)));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("plain HTTP, but no personal data"), r.reason());
    }
  }

  @Test
  void aLetterInProseOnAPlainWebFrontIsFound() throws Exception {
    // No field names, no JSON: a referral letter on a plain web front, as a clinic's portal
    // serves it. The names, the street and the birth date are found in the prose and masked.
    String letter =
        "<html><body><p>Kepada Yth. dr. Rina Kusumawati, Sp.PD</p>"
            + "<p>Mohon pemeriksaan lanjutan untuk pasien atas nama Tn. Yohanes Paulus Wenas, "
            + "lahir 12 Maret 1961, beralamat di Jl. Sam Ratulangi No. 45 RT 003/RW 002, Manado."
            + "</p><p>Hormat kami,<br>dr. Maria Lumowa</p></body></html>";
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route("/", q -> new Reply(200, Map.of("Content-Type", "text/html"), letter))) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("clinic", "web", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = r.findings().get(0);
      assertTrue(f.title().contains("person's name, home address, date of birth"), f.title());
      // A page is counted, not sampled: what it held is said by type, never shown.
      assertEquals(
          Map.of("NAME", 3, "ADDRESS", 1, "BIRTH_DATE", 1),
          f.evidence().get(0).facts().get("personalData"));
      assertNothingRaw(r);
    }
  }

  @Test
  void aPlainWebFrontWithoutPersonalDataPassesAndARedirectToHttpsToo() throws Exception {
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route(
                "/",
                q ->
                    new Reply(
                        200,
                        Map.of("Content-Type", "text/html"),
                        "<html><body><h1>e-HAC</h1><p>Hotline 119, order 9912011399990001</p>"
                            + "</body></html>"))) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("brochure", "web", s.url()));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route(
                "/",
                q -> new Reply(301, Map.of("Location", "https://127.0.0.5/" + q.path()), ""))) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("redirect", "search", s.url()));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("redirects to HTTPS"), r.reason());
    }
  }

  @Test
  void aPlainEndpointThatRefusesAStrangerIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 401, "{\"error\":\"unauthorized\"}")) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("refusing", "search", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("statuses 401"), r.reason());
      assertTrue(r.reason().contains("crosses the network in clear"), r.reason());
    }
  }

  @Test
  void anUnreachablePlainEndpointIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r = PiiTesting.scan(CHECK, Profiles.of("down", "fhir", down));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void onlyHttpsEndpointsPassAndOnlyDatabasesAreNotApplicable() throws Exception {
    try (TlsTestServers.Running tls =
        TlsTestServers.https(
            "127.0.0.6",
            TestCertificates.leaf("api.invalid")
                .ip("127.0.0.6")
                .issuedBy(TestCertificates.ca("PII-1 test CA"))
                .build()
                .serverContext(),
            Map.of())) {
      TargetProfile https = Profiles.of("https", new Endpoint("api", "http", tls.url(), null));
      assertEquals(Outcome.PASS, PiiTesting.scan(CHECK, https).outcome());
    }
    // Nothing answers over TLS there: not proven, so not passed.
    TargetProfile silent =
        Profiles.of("https", new Endpoint("api", "http", URI.create("https://127.0.0.6:1"), null));
    assertEquals(Outcome.INCONCLUSIVE, PiiTesting.scan(CHECK, silent).outcome());
    TargetProfile databases =
        Profiles.of(
            "databases",
            new Endpoint("db", "postgresql", URI.create("postgresql://127.0.0.6:1"), null));
    CheckResult r = PiiTesting.scan(CHECK, databases);
    assertEquals(Outcome.NOT_APPLICABLE, r.outcome(), r.reason());
    assertFalse(CHECK.metadata().kinds().contains("postgresql"));
    assertTrue(
        CHECK.metadata().kinds().containsAll(List.of("http", "web", "search", "s3", "fhir")));
  }

  /** A citizen of the e-HAC data set (one with a NIK), as a patient row of another system. */
  private static Map<String, Object> patient() {
    for (int i = 0; ; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      if (t.containsKey("nik")) {
        return t;
      }
    }
  }

  private static String patientsCsv() {
    Map<String, Object> t = patient();
    return "no_rm;nama_pasien;nik;tgl_lahir;alamat;no_hp\n"
        + "RM-000123;"
        + t.get("nama")
        + ";"
        + t.get("nik")
        + ";"
        + t.get("tgl_lahir")
        + ";"
        + t.get("alamat")
        + ";"
        + t.get("no_hp")
        + "\n";
  }

  @Test
  void anIntranetWhoseRootLinksToAnExportListingFailsOnTheListedCsvNotTheReadme() throws Exception {
    java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    String listing =
        "<html><head><title>Index of /ekspor/</title></head><body><h1>Index of /ekspor/</h1><pre>"
            + "<a href=\"../\">../</a>\n<a href=\"README.txt\">README.txt</a>\n"
            + "<a href=\"pasien_2026-11.csv\">pasien_2026-11.csv</a>\n</pre></body></html>";
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route(
                "/ekspor/pasien_2026-11.csv",
                q -> {
                  asked.add(q.path());
                  return new Reply(200, Map.of("Content-Type", "text/csv"), patientsCsv());
                })
            .route(
                "/ekspor/README.txt",
                q -> {
                  asked.add(q.path());
                  return new Reply(
                      200, Map.of("Content-Type", "text/plain"), "Ekspor harian SIMRS, jam 02.00");
                })
            .route(
                "/ekspor/",
                q -> {
                  asked.add(q.path());
                  return new Reply(200, Map.of("Content-Type", "text/html"), listing);
                })
            .route(
                "/",
                q -> {
                  asked.add(q.path());
                  return new Reply(
                      200,
                      Map.of("Content-Type", "text/html"),
                      "<html><body><h1>SIMRS Intranet</h1><a href=\"/static/site.css\">css</a>"
                          + " <a href=\"/logout\">Keluar</a> <a href=\"/ekspor/\">Ekspor data</a>"
                          + "</body></html>");
                })) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("intranet", "web", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = finding(r, "web");
      assertTrue(f.title().contains("NIK"), f.title());
      assertTrue(f.title().contains("/ekspor/pasien_2026-11.csv"), f.title());
      assertFalse(asked.contains("/ekspor/README.txt"), "read the read-me first: " + asked);
      assertFalse(asked.contains("/logout"), "followed an action: " + asked);
      assertFalse(asked.contains("/static/site.css"), "read an asset: " + asked);
      assertNothingRaw(r);
    }
  }

  @Test
  void anApiThatServesJsonOnlyWhenAskedForItFailsThroughItsOwnLinks() throws Exception {
    Map<String, Object> t = patient();
    String list =
        "{\"data\":[{\"no_rm\":\"RM-000123\",\"nama_pasien\":\""
            + t.get("nama")
            + "\",\"nik\":\""
            + t.get("nik")
            + "\",\"no_hp\":\""
            + t.get("no_hp")
            + "\"}]}";
    java.util.function.Function<RoutedServer.Request, Boolean> wantsJson =
        q -> q.headers().getOrDefault("accept", "").contains("application/json");
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route(
                "/api/v1/pasien",
                q -> wantsJson.apply(q) ? Reply.json(200, list) : Reply.json(406, "{}"))
            .route(
                "/docs/",
                q ->
                    new Reply(
                        200, Map.of("Content-Type", "text/html"), "<h1>SIMRS API</h1><p>v1</p>"))
            .route(
                "/",
                q ->
                    wantsJson.apply(q)
                        ? Reply.json(
                            200,
                            "{\"layanan\":\"simrs-api\",\"tautan\":{\"pasien\":\"/api/v1/pasien\"}}")
                        : new Reply(302, Map.of("Location", "/docs/"), ""))) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("json-api", "http", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = finding(r, "http");
      assertTrue(f.title().contains("NIK"), f.title());
      assertTrue(f.title().contains("/api/v1/pasien"), f.title());
      assertNothingRaw(r);
    }
  }

  @Test
  void aBucketIsJudgedByItsDataLikeObjectsNotTheReadmeBesideThem() throws Exception {
    try (S3Server s3 = S3Server.anonymous("127.0.0.5")) {
      s3.createBucket("simrs-arsip", true);
      s3.put(
          "simrs-arsip",
          "README.txt",
          "Arsip ekspor SIMRS".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "text/plain",
          true);
      s3.put(
          "simrs-arsip",
          "ekspor/pasien.csv",
          patientsCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8),
          "text/csv",
          true);
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("bucket", "s3", s3.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = finding(r, "s3");
      assertTrue(f.title().contains("ekspor/pasien.csv"), f.title());
      assertNothingRaw(r);
    }
  }

  @Test
  void whatAnotherCheckOfTheRunReadInClearIsTakenNotFetchedAgain() throws Exception {
    java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route(
                "/",
                q -> {
                  asked.add(q.path());
                  return new Reply(200, Map.of("Content-Type", "text/html"), "<h1>Intranet</h1>");
                })) {
      TargetProfile p = Profiles.of("observed", "web", s.url());
      TargetContext ctx = TargetContext.of(p);
      Map<PiiType, Integer> counts = Map.of(PiiType.NIK, 3);
      Evidence ev =
          ctx.redactor()
              .capture(
                  "sample of /backup/pasien.csv",
                  "GET " + s.url() + "/backup/pasien.csv",
                  200,
                  null,
                  Map.of("path", "/backup/pasien.csv"));
      ctx.observed()
          .record(
              URI.create(s.url() + "/backup/pasien.csv"), "STO-4.web-files", "sample", counts, ev);
      // Not on this origin: never taken.
      ctx.observed()
          .record(URI.create("http://127.0.0.5:1/x.csv"), "STO-4.web-files", "other", counts, ev);
      CheckResult r = new CheckRunner(java.time.Duration.ofSeconds(60)).run(CHECK, ctx);
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = finding(r, "web");
      assertTrue(f.title().contains("read by STO-4.web-files in this run"), f.title());
      assertTrue(f.location().endsWith("/backup/pasien.csv"), f.location());
      assertTrue(asked.isEmpty(), "fetched again: " + asked);
    }
  }
}
