package dev.periksa.check.auth;

import static dev.periksa.check.auth.AuthTesting.api;
import static dev.periksa.check.auth.AuthTesting.assertNothingSecretOrRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import dev.periksa.target.Scope;
import dev.periksa.target.Secret;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AUZ-1 for HTTP APIs against the lab's real e-HAC traveller API (both twins) and look-alikes. */
class ObjectLevelAuthorizationCheckIT {
  private static final ObjectLevelAuthorizationCheck CHECK = new ObjectLevelAuthorizationCheck();

  /** The ids traveller-a asks for: four of traveller-b's, then its own neighbours. */
  private static final List<String> TRIED =
      List.of(
          "EHAC-00000201",
          "EHAC-00000202",
          "EHAC-00000203",
          "EHAC-00000204",
          "EHAC-00000100",
          "EHAC-00000106");

  private static CheckResult scan(TargetProfile p) {
    return AuthTesting.scan(CHECK, p);
  }

  private static Evidence titled(List<Evidence> all, String prefix) {
    return all.stream()
        .filter(e -> e.title().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence titled " + prefix + " in " + all));
  }

  @SuppressWarnings("unchecked")
  private static List<String> triedIds(Evidence e) {
    return ((List<Map<String, Object>>) e.facts().get("tried"))
        .stream().map(m -> m.get("id").toString()).toList();
  }

  @Test
  void onTheLegacyApiTravellerAReadsTravellerBsRecordsCritical() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().startsWith("traveller-a reads 6 of 6 records it does not own by asking for"),
        f.title());
    Evidence summary = f.evidence().get(0);
    assertEquals(TRIED, triedIds(summary));
    assertEquals(Map.of("200", 6), summary.facts().get("statuses"));
    Evidence leak = f.evidence().get(1);
    assertEquals("record EHAC-00000201 served to traveller-a", leak.title());
    assertEquals(200, leak.status());
    assertEquals(1, leak.samples().size());
    String sample = leak.samples().get(0);
    assertTrue(sample.contains("\"id_ehac\":\"EHAC-00000201\""), sample);
    assertTrue(sample.contains("•••"), sample);
    Map<String, Object> raw = EhacData.traveller(200);
    for (String v : EhacData.sensitiveValues(raw)) {
      assertTrue(!sample.contains(v), "a raw value of traveller 201 in the sample");
    }
    assertTrue(leak.personalData().containsKey("TEST_RESULT"), leak.personalData().toString());
    Evidence control = titled(r.observations(), "positive control: traveller-a");
    assertEquals(200, control.status());
    assertTrue(control.samples().isEmpty(), "the identity's own record is not sampled");
    assertNothingSecretOrRaw(r);
  }

  @Test
  void onTheHardenedApiEveryOtherRecordIsRefused() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.reason()
            .contains("traveller-a was refused all 6 records it does not own (statuses {404=6})"),
        r.reason());
    Evidence summary = titled(r.observations(), "traveller-a asks for 6 records");
    assertEquals(TRIED, triedIds(summary));
    assertEquals(200, titled(r.observations(), "positive control").status());
    assertNothingSecretOrRaw(r);
  }

  @Test
  void aWrongPasswordIsInconclusive() throws Exception {
    // The legacy API has no lockout, so the wrong password cannot lock traveller-a out.
    CheckResult r =
        scan(
            api(
                "wrong-password",
                AuthTesting.legacyApi(),
                "not-the-password",
                List.of(),
                "/api/v1/travellers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("cannot log in as traveller-a (401)"), r.reason());
    assertNothingSecretOrRaw(r);
  }

  @Test
  void aWrongRecordPathFailsThePositiveControlAndIsInconclusive() throws Exception {
    CheckResult r =
        scan(
            api(
                "wrong-path",
                AuthTesting.hardenedApi(),
                SharedLab.get().variables().get("PERIKSA_LAB_API_PASSWORD_A"),
                List.of(),
                "/api/v1/travelers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(
        r.reason().contains("traveller-a cannot read its own record EHAC-00000101 (404)"),
        r.reason());
  }

  @Test
  void aServerAnsweringAnEmptyObjectForEveryIdIsNotAFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/api/v1/auth/login", new TestServers.Reply(200, "{\"token\":\"opaque-1\"}")),
            new TestServers.Reply(200, "{}"))) {
      CheckResult r = scan(api("empty", s.url(), "x", List.of(), "/api/v1/travellers/{id}"));
      assertNotEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("no record in the reply"), r.reason());
    }
  }

  @Test
  void aServerThatAnswersEveryIdWithTheCallersOwnRecordIsNotAFinding() throws Exception {
    // Like a "/me" route that ignores the id: traveller-a only ever gets its own record back.
    String own = Json.MAPPER.writeValueAsString(EhacData.traveller(100));
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/api/v1/auth/login", new TestServers.Reply(200, "{\"token\":\"opaque-2\"}")),
            new TestServers.Reply(200, own))) {
      CheckResult r = scan(api("me", s.url(), "x", List.of(), "/api/v1/travellers/{id}"));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("some 2xx replies held no one else's data"), r.reason());
    }
  }

  @Test
  void aSecureApiAnswering400ToOtherIdsPasses() throws Exception {
    // A real API's way of refusing: ids it will not serve this caller are a bad request.
    Map<String, TestServers.Reply> routes = new java.util.HashMap<>();
    routes.put("/api/v1/auth/login", new TestServers.Reply(200, "{\"token\":\"opaque-3\"}"));
    for (int i = 100; i < 105; i++) {
      routes.put(
          "/api/v1/travellers/" + EhacData.travellerId(i),
          new TestServers.Reply(200, Json.MAPPER.writeValueAsString(EhacData.traveller(i))));
    }
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            routes,
            new TestServers.Reply(400, "{\"error\":\"invalid id for this account\"}"))) {
      CheckResult r = scan(api("strict", s.url(), "x", List.of(), "/api/v1/travellers/{id}"));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("{400="), r.reason());
    }
  }

  @Test
  void aClientErrorThatCarriesAnothersDataIsALeak() throws Exception {
    Map<String, TestServers.Reply> routes = new java.util.HashMap<>();
    routes.put("/api/v1/auth/login", new TestServers.Reply(200, "{\"token\":\"opaque-4\"}"));
    for (int i = 100; i < 105; i++) {
      routes.put(
          "/api/v1/travellers/" + EhacData.travellerId(i),
          new TestServers.Reply(200, Json.MAPPER.writeValueAsString(EhacData.traveller(i))));
    }
    String other = Json.MAPPER.writeValueAsString(EhacData.traveller(200));
    try (TestServers.Running s =
        TestServers.paths("127.0.0.5", routes, new TestServers.Reply(422, other))) {
      CheckResult r = scan(api("echo", s.url(), "x", List.of(), "/api/v1/travellers/{id}"));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    }
  }

  /** An API without a login: each caller presents the bearer token it was given. */
  private static com.sun.net.httpserver.HttpServer tokenApi(boolean leaky) throws Exception {
    com.sun.net.httpserver.HttpServer s =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.5", 0), 8);
    s.createContext(
        "/api/v1/travellers/",
        ex -> {
          try (ex) {
            String id = ex.getRequestURI().getPath().substring("/api/v1/travellers/".length());
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            List<String> mine =
                auth.equals("Bearer tok-a")
                    ? AuthTesting.A_OWNS
                    : auth.equals("Bearer tok-b") ? AuthTesting.B_OWNS : null;
            int status;
            byte[] body;
            if (mine == null) {
              status = 401;
              body = "{\"error\":\"token required\"}".getBytes();
            } else if (mine.contains(id) || (leaky && id.startsWith("EHAC-"))) {
              int n = Integer.parseInt(id.substring(5)) - 1;
              status = 200;
              body = Json.MAPPER.writeValueAsBytes(EhacData.traveller(n));
            } else {
              status = 404;
              body = "{\"error\":\"not found\"}".getBytes();
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
          }
        });
    s.start();
    return s;
  }

  private static TargetProfile tokenProfile(URI url) {
    ApiSettings settings =
        new ApiSettings(
            null,
            List.of(),
            "/api/v1/travellers/{id}",
            List.of("traveller-a", "traveller-b"),
            null,
            ApiSettings.DEFAULT_MAX_LOGIN_ATTEMPTS,
            List.of(),
            null);
    return new TargetProfile(
        "tokens",
        "",
        new Scope(List.of(url.getHost())),
        50,
        3,
        List.of(new Endpoint("api", "http", url, null, List.of(), null, settings)),
        List.of(
            new Identity(
                "traveller-a", null, null, AuthTesting.A_OWNS, new Secret("tok-a"), null, null),
            new Identity(
                "traveller-b", null, null, AuthTesting.B_OWNS, new Secret("tok-b"), null, null)),
        List.of(),
        null,
        null);
  }

  @Test
  void identitiesWithTokensAndNoLoginAreUsedAsTheyAre() throws Exception {
    com.sun.net.httpserver.HttpServer secure = tokenApi(false);
    com.sun.net.httpserver.HttpServer leaky = tokenApi(true);
    try {
      CheckResult ok =
          scan(tokenProfile(URI.create("http://127.0.0.5:" + secure.getAddress().getPort())));
      assertEquals(Outcome.PASS, ok.outcome(), ok.reason());
      CheckResult bad =
          scan(tokenProfile(URI.create("http://127.0.0.5:" + leaky.getAddress().getPort())));
      assertEquals(Outcome.FAIL, bad.outcome(), bad.reason());
      assertNothingSecretOrRaw(bad);
      assertTrue(!bad.toString().contains("tok-a"), "the token reached the result");
    } finally {
      secure.stop(0);
      leaky.stop(0);
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r = scan(api("down", down, "x", List.of(), "/api/v1/travellers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
