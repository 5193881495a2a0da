package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.TestServers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * STO-3 for CouchDB. No CouchDB server can be had here (neither Debian nor Maven Central ships
 * one), so these tests serve replies copied from CouchDB's documentation (docs.couchdb.org: the
 * server root, {@code /_all_dbs}, {@code /{db}}, {@code /{db}/_all_docs}, and the {@code
 * unauthorized} and {@code not_found} errors) from a real local HTTP server. They prove the parser
 * and the check's wiring, not its behaviour against a running CouchDB.
 */
class CouchDbExposureCheckIT {

  /** {@code GET /} of CouchDB 2.2.0, from the documentation of {@code /}. */
  static final String ROOT =
      "{\"couchdb\":\"Welcome\",\"version\":\"2.2.0\",\"git_sha\":\"2a16ec4\","
          + "\"features\":[\"pluggable-storage-engines\",\"scheduler\"],"
          + "\"vendor\":{\"name\":\"The Apache Software Foundation\"}}";

  /** {@code GET /_all_dbs}, from the documentation. */
  static final String ALL_DBS = "[\"_users\",\"contacts\",\"docs\",\"invoices\",\"locations\"]";

  static final String UNAUTHORIZED =
      "{\"error\":\"unauthorized\",\"reason\":\"You are not a server admin.\"}";
  static final String WRONG_PASSWORD =
      "{\"error\":\"unauthorized\",\"reason\":\"Name or password is incorrect.\"}";
  static final String NOT_FOUND =
      "{\"error\":\"not_found\",\"reason\":\"Database does not exist.\"}";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code GET /{db}}, the documented reply with the name and document count changed. */
  static String dbInfo(String name, long docs) {
    return "{\"cluster\":{\"n\":3,\"q\":8,\"r\":2,\"w\":2},\"compact_running\":false,"
        + "\"db_name\":\""
        + name
        + "\",\"disk_format_version\":6,\"doc_count\":"
        + docs
        + ",\"doc_del_count\":64637,\"instance_start_time\":\"0\",\"props\":{},\"purge_seq\":0,"
        + "\"sizes\":{\"active\":65031503,\"external\":66982448,\"file\":137433211},"
        + "\"update_seq\":\"292786-g1AAAAF\"}";
  }

  /** {@code GET /{db}/_all_docs?include_docs=true}: the documented rows, each with its doc. */
  static String allDocs(List<Map<String, Object>> docs, long total) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> d : docs) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", d.get("_id"));
      row.put("key", d.get("_id"));
      row.put("value", Map.of("rev", d.get("_rev")));
      row.put("doc", d);
      rows.add(row);
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("offset", 0);
    reply.put("rows", rows);
    reply.put("total_rows", total);
    return JSON.writeValueAsString(reply);
  }

  /** The documented recipe document ({@code POST /{db}} example). */
  static Map<String, Object> recipe(String id) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("_id", id);
    d.put("_rev", "1-9c65296036141e575d32ba9c034dd3ee");
    d.put("servings", 4);
    d.put("subtitle", "Delicious with fresh bread");
    d.put("title", "Fish Stew");
    return d;
  }

  static Map<String, Object> traveller(int i) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("_id", EhacData.traveller(i).get("id_ehac"));
    d.put("_rev", "1-967a00dff5e02add41819138abb3284d");
    d.putAll(EhacData.traveller(i));
    return d;
  }

  /**
   * A real HTTP server answering with documented CouchDB replies. With {@code admin} set,
   * everything but {@code GET /} needs that Basic login, as a CouchDB 3 with a server admin.
   */
  static final class DocumentedCouch implements AutoCloseable {
    private final HttpServer server;

    DocumentedCouch(Map<String, String> replies, String admin) throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.5", 0), 16);
      server.setExecutor(Executors.newFixedThreadPool(2));
      server.createContext("/", ex -> serve(ex, replies, admin));
      server.start();
    }

    private static void serve(HttpExchange ex, Map<String, String> replies, String admin)
        throws IOException {
      try (ex) {
        String path = ex.getRequestURI().getRawPath();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        int status;
        String body;
        if (admin != null && !path.equals("/")) {
          String expected =
              "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8));
          if (auth == null) {
            status = 401;
            body = UNAUTHORIZED;
          } else if (!auth.equals(expected)) {
            status = 401;
            body = WRONG_PASSWORD;
          } else {
            status = replies.containsKey(path) ? 200 : 404;
            body = replies.getOrDefault(path, NOT_FOUND);
          }
        } else {
          status = replies.containsKey(path) ? 200 : 404;
          body = replies.getOrDefault(path, NOT_FOUND);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("Server", "CouchDB/2.2.0 (Erlang OTP/20)");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }

    URI url() {
      return URI.create("http://127.0.0.5:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** The documented server: five databases, recipes in "docs", travellers in "contacts". */
  static Map<String, String> documented(boolean travellers) throws IOException {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("/", ROOT);
    r.put("/_all_dbs", ALL_DBS);
    r.put("/_users", dbInfo("_users", 1));
    r.put("/contacts", dbInfo("contacts", travellers ? 300 : 0));
    r.put("/docs", dbInfo("docs", 6146));
    r.put("/invoices", dbInfo("invoices", 12));
    r.put("/locations", dbInfo("locations", 0));
    r.put("/docs/_all_docs", allDocs(List.of(recipe("FishStew"), recipe("Aioli")), 6146));
    r.put("/invoices/_all_docs", allDocs(List.of(recipe("Inv-1")), 12));
    if (travellers) {
      r.put("/contacts/_all_docs", allDocs(List.of(traveller(0), traveller(1)), 300));
    }
    return r;
  }

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new CouchDbExposureCheck(), TargetContext.of(p));
  }

  private static Evidence evidence(Finding f, String titleStart) {
    return f.evidence().stream()
        .filter(e -> e.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence '" + titleStart + "' in " + f));
  }

  @Test
  void anAdminPartyWithRecipesFailsLow() throws Exception {
    try (DocumentedCouch s = new DocumentedCouch(documented(false), null)) {
      CheckResult r = scan(Profiles.of("admin-party", "couchdb", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.LOW, r.severity());
      Finding f = r.findings().get(0);
      assertTrue(
          f.title().startsWith("CouchDB 2.2.0 answers anyone: 5 databases, 6,159 documents"),
          f.title());
      Evidence list = evidence(f, "database list");
      assertEquals(5, list.facts().get("databaseCount"));
      Evidence docs = evidence(f, "sample of database docs");
      assertEquals(2, docs.samples().size());
      assertEquals(6146L, docs.facts().get("documents"));
    }
  }

  @Test
  void anAdminPartyWithTravellersFailsCriticalWithoutRawValues() throws Exception {
    try (DocumentedCouch s = new DocumentedCouch(documented(true), null)) {
      CheckResult r = scan(Profiles.of("admin-party", "couchdb", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.CRITICAL, r.severity());
      Evidence contacts = evidence(r.findings().get(0), "sample of database contacts");
      assertTrue(contacts.personalData().getOrDefault("NIK", 0) >= 1, contacts.toString());
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertEquals(List.of(), new RawValueScanner(10).findIn("result", json));
    }
  }

  @Test
  void aServerWithAnAdminRefusesStrangersAndDefaultsAndPasses() throws Exception {
    try (DocumentedCouch s =
        new DocumentedCouch(documented(true), "admin:" + "k9-not-a-default-4f2")) {
      CheckResult r = scan(Profiles.of("secured", "couchdb", s.url()));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      Evidence refused =
          r.observations().stream()
              .filter(e -> e.title().equals("default admin logins refused"))
              .findFirst()
              .orElseThrow();
      assertEquals(
          Credential.list(CouchDbExposureCheck.DEFAULTS).size(), refused.facts().get("refused"));
      assertTrue(refused.facts().get("attempts").toString().contains("admin/••••••"));
    }
  }

  @Test
  void aDefaultAdminPasswordFails() throws Exception {
    try (DocumentedCouch s = new DocumentedCouch(documented(true), "admin:password")) {
      CheckResult r = scan(Profiles.of("default-admin", "couchdb", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = r.findings().get(0);
      assertTrue(f.title().contains("lets a stranger in as admin/••••••"), f.title());
      assertEquals(Severity.CRITICAL, f.severity());
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertFalse(json.contains("YWRtaW46cGFzc3dvcmQ"), "no Authorization header in the result");
    }
  }

  @Test
  void aBannerWithoutADatabaseListIsNotAFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/", new TestServers.Reply(200, ROOT)),
            new TestServers.Reply(404, "<html>Not Found</html>"))) {
      CheckResult r = scan(Profiles.of("banner-only", "couchdb", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aCatchAllPageWithACopiedBannerIsALookAlike() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, ROOT)) {
      CheckResult r = scan(Profiles.of("look-alike", "couchdb", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(Profiles.of("down", "couchdb", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }
}
