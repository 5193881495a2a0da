package dev.periksa.check.auth;

import static dev.periksa.check.auth.AuthTesting.api;
import static dev.periksa.check.auth.AuthTesting.assertNothingSecretOrRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** AUZ-2 for HTTP APIs against the lab's real e-HAC traveller API (both twins) and look-alikes. */
class ExcessiveDataExposureCheckIT {
  private static final ExcessiveDataExposureCheck CHECK = new ExcessiveDataExposureCheck();

  private static CheckResult scan(TargetProfile p) {
    return AuthTesting.scan(CHECK, p);
  }

  private static Evidence titled(List<Evidence> all, String prefix) {
    return all.stream()
        .filter(e -> e.title().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence titled " + prefix + " in " + all));
  }

  @Test
  void theLegacyApiReturnsIdentityNumbersResultsAndOthersRecordsCritical() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    assertEquals(2, r.findings().size(), r.findings().toString());
    Finding list =
        r.findings().stream()
            .filter(f -> f.title().startsWith("GET /api/v1/travellers "))
            .findFirst()
            .orElseThrow();
    assertTrue(
        list.title()
            .startsWith(
                "GET /api/v1/travellers returns traveller-a 20 of 20 records it does not own"),
        list.title());
    assertEquals(Severity.CRITICAL, list.severity());
    Evidence page = list.evidence().get(0);
    assertEquals(20, page.facts().get("recordsOfOthers"));
    assertEquals(
        List.of(
            "EHAC-00000001", "EHAC-00000002", "EHAC-00000003", "EHAC-00000004", "EHAC-00000005"),
        page.facts().get("idsOfOthers"));
    Finding clear =
        r.findings().stream()
            .filter(f -> f.title().startsWith("Replies to traveller-a"))
            .findFirst()
            .orElseThrow();
    assertTrue(clear.title().contains("medical test result"), clear.title());
    assertTrue(clear.title().endsWith(" in clear"), clear.title());
    assertEquals(Severity.CRITICAL, clear.severity());
    assertEquals(2, clear.evidence().size(), "both own records carry data in clear");
    Evidence own = clear.evidence().get(0);
    assertTrue(
        own.samples().get(0).contains("\"id_ehac\":\"EHAC-00000101\""), own.samples().toString());
    assertNothingSecretOrRaw(r);
  }

  @Test
  void theHardenedApiMasksAndFiltersAndPasses() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.reason().contains("3 replies to traveller-a carry no identity number"), r.reason());
    Evidence list = titled(r.observations(), "list /api/v1/travellers as traveller-a");
    assertEquals(200, list.status());
    assertEquals(5, list.facts().get("records"));
    assertEquals(0, list.facts().get("recordsOfOthers"));
    assertEquals(Map.of(), list.facts().get("inClear"));
    Evidence own = titled(r.observations(), "own record /api/v1/travellers/EHAC-00000101");
    assertEquals(Map.of(), own.facts().get("inClear"));
    assertNothingSecretOrRaw(r);
  }

  /**
   * The hardened API's masked forms ({@code 3174********0001}, {@code B*****67}, {@code
   * +628*******12}) read straight from the real server are not identity numbers, phones or results
   * to the scanner, while the legacy API's clear ones are.
   */
  @Test
  void theScannerSeesNoIdentityNumberInTheHardenedApisMaskedReplies() throws Exception {
    PersonalDataScanner scanner = new PersonalDataScanner();
    String password = SharedLab.get().variables().get("PERIKSA_LAB_API_PASSWORD_A");
    for (URI base : List.of(AuthTesting.hardenedApi(), AuthTesting.legacyApi())) {
      boolean hardened = base.getScheme().equals("https");
      String token = login(base, "traveller-a", password);
      for (String id : AuthTesting.A_OWNS) {
        String body =
            get(base, "/api/v1/travellers/" + URLEncoder.encode(id, StandardCharsets.UTF_8), token);
        Map<PiiType, Integer> counts = scanner.count(scanner.scan(body));
        if (hardened) {
          assertTrue(body.contains("****"), "the hardened reply is masked");
          for (PiiType t :
              List.of(PiiType.NIK, PiiType.PASSPORT, PiiType.PHONE, PiiType.TEST_RESULT)) {
            assertFalse(
                counts.containsKey(t), t + " seen in a masked reply of " + id + ": " + counts);
          }
        } else {
          assertTrue(
              counts.containsKey(PiiType.NIK) || counts.containsKey(PiiType.PASSPORT),
              "clear identity number of " + id + ": " + counts);
          assertTrue(counts.containsKey(PiiType.TEST_RESULT), counts.toString());
        }
      }
    }
  }

  @Test
  void aServerReturningOnlyMaskedValuesOfTheCallersOwnRecordsPasses() throws Exception {
    String own =
        "{\"id_ehac\":\"EHAC-00000101\",\"nama\":\"Contoh Pelaku\",\"nik\":\"3174••••••••0001\","
            + "\"no_paspor\":\"BXXXXX67\",\"no_hp\":\"0812-XXXX-XX34\",\"status_perjalanan\":\"DIIZINKAN\"}";
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of(
                "/api/v1/auth/login", new TestServers.Reply(200, "{\"token\":\"opaque-3\"}"),
                "/api/v1/travellers", new TestServers.Reply(200, "{\"data\":[" + own + "]}")),
            new TestServers.Reply(200, own))) {
      CheckResult r =
          scan(
              api(
                  "masked",
                  s.url(),
                  "x",
                  List.of("/api/v1/travellers/{id}", "/api/v1/travellers"),
                  "/api/v1/travellers/{id}"));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  @Test
  void aWrongPasswordIsInconclusive() throws Exception {
    CheckResult r =
        scan(
            api(
                "wrong-password",
                AuthTesting.legacyApi(),
                "not-the-password",
                List.of("/api/v1/travellers"),
                "/api/v1/travellers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("cannot log in as traveller-a (401)"), r.reason());
    assertNothingSecretOrRaw(r);
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r =
        scan(api("down", down, "x", List.of("/api/v1/travellers"), "/api/v1/travellers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  private static HttpClient client() throws Exception {
    // The lab's certificate comes from a throwaway CA: this test only reads replies.
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(
        null,
        new TrustManager[] {
          new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] c, String a) {}

            @Override
            public void checkServerTrusted(X509Certificate[] c, String a) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        new SecureRandom());
    return HttpClient.newBuilder().sslContext(tls).build();
  }

  private static String login(URI base, String user, String password) throws Exception {
    String body = Json.MAPPER.writeValueAsString(Map.of("username", user, "password", password));
    HttpResponse<String> r =
        client()
            .send(
                HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return Json.MAPPER.readTree(r.body()).get("token").asText();
  }

  private static String get(URI base, String path, String token) throws Exception {
    HttpResponse<String> r =
        client()
            .send(
                HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), path);
    return r.body();
  }

  /** An API without accounts whose list is served to anyone. */
  private static TargetProfile noAccounts(URI url) {
    ApiSettings settings =
        new ApiSettings(
            null,
            List.of("/api/v1/patients"),
            null,
            List.of(),
            null,
            ApiSettings.DEFAULT_MAX_LOGIN_ATTEMPTS,
            List.of(),
            null);
    return new TargetProfile(
        "no accounts",
        "",
        new Scope(List.of(url.getHost())),
        50,
        3,
        List.of(new Endpoint("api", "http", url, null, List.of(), null, settings)),
        List.of(),
        List.of(),
        null,
        null);
  }

  @Test
  void anApiWithoutAccountsIsJudgedByWhatAnyoneGets() throws Exception {
    List<Map<String, Object>> clear = new java.util.ArrayList<>();
    List<Map<String, Object>> masked = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> t = new java.util.LinkedHashMap<>(EhacData.traveller(i));
      clear.add(t);
      Map<String, Object> m = new java.util.LinkedHashMap<>(t);
      m.replaceAll(
          (k, v) ->
              k.equals("nik") || k.equals("no_paspor") || k.equals("hasil_tes") ? "••••••" : v);
      masked.add(m);
    }
    String open = Json.MAPPER.writeValueAsString(clear);
    String safe = Json.MAPPER.writeValueAsString(masked);
    try (TestServers.Running leaky =
            TestServers.paths(
                "127.0.0.5",
                Map.of("/api/v1/patients", new TestServers.Reply(200, open)),
                new TestServers.Reply(404, "{}"));
        TestServers.Running careful =
            TestServers.paths(
                "127.0.0.5",
                Map.of("/api/v1/patients", new TestServers.Reply(200, safe)),
                new TestServers.Reply(404, "{}"));
        TestServers.Running closed =
            TestServers.paths(
                "127.0.0.5", Map.of(), new TestServers.Reply(401, "{\"error\":\"login\"}"))) {
      CheckResult bad = scan(noAccounts(leaky.url()));
      assertEquals(Outcome.FAIL, bad.outcome(), bad.reason());
      assertTrue(bad.reason().contains("in clear to anyone"), bad.reason());
      assertNothingSecretOrRaw(bad);
      CheckResult good = scan(noAccounts(careful.url()));
      assertEquals(Outcome.PASS, good.outcome(), good.reason());
      CheckResult refused = scan(noAccounts(closed.url()));
      assertEquals(Outcome.INCONCLUSIVE, refused.outcome(), refused.reason());
    }
  }

  @Test
  void anApiWithoutAnApiSectionIsJudgedByTheListsItsOwnRootLinksTo() throws Exception {
    List<Map<String, Object>> clear = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clear.add(EhacData.traveller(i));
    }
    String open = Json.MAPPER.writeValueAsString(Map.of("data", clear));
    String index = "{\"service\":\"patients\",\"links\":{\"patients\":\"/api/v1/patients\"}}";
    String none = "{\"data\":[{\"id\":\"RM-1\",\"ward\":\"Melati\",\"beds\":12}]}";
    try (TestServers.Running leaky =
            TestServers.paths(
                "127.0.0.5",
                Map.of(
                    "/", new TestServers.Reply(200, index),
                    "/api/v1/patients", new TestServers.Reply(200, open)),
                new TestServers.Reply(404, "{}"));
        TestServers.Running careful =
            TestServers.paths(
                "127.0.0.5",
                Map.of(
                    "/", new TestServers.Reply(200, index),
                    "/api/v1/patients", new TestServers.Reply(200, none)),
                new TestServers.Reply(404, "{}"));
        TestServers.Running closed =
            TestServers.paths(
                "127.0.0.5", Map.of(), new TestServers.Reply(401, "{\"error\":\"login\"}"))) {
      CheckResult bad = scan(Profiles.of("found", "http", leaky.url()));
      assertEquals(Outcome.FAIL, bad.outcome(), bad.reason());
      assertTrue(
          bad.reason().contains("/api/v1/patients carry Indonesian national ID number"),
          bad.reason());
      assertNothingSecretOrRaw(bad);
      CheckResult good = scan(Profiles.of("found", "http", careful.url()));
      assertEquals(Outcome.PASS, good.outcome(), good.reason());
      assertTrue(good.reason().contains("roles with accounts"), good.reason());
      CheckResult refused = scan(Profiles.of("found", "http", closed.url()));
      assertEquals(Outcome.NOT_APPLICABLE, refused.outcome(), refused.reason());
    }
  }
}
