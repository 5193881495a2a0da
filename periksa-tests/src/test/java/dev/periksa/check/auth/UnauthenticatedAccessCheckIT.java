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
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUT-1 for HTTP APIs against the lab's real e-HAC traveller API (both twins) and look-alikes. */
class UnauthenticatedAccessCheckIT {
  private static final UnauthenticatedAccessCheck CHECK = new UnauthenticatedAccessCheck();

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
  void theLegacyCardLookupServesATravellersCardToAnyoneCritical() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    assertEquals(1, r.findings().size(), r.findings().toString());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().startsWith("GET /api/v1/hac/EHAC-00000101 serves personal data"), f.title());
    assertTrue(f.location().endsWith("/api/v1/hac/EHAC-00000101"), f.location());
    Evidence card = f.evidence().get(0);
    assertEquals(200, card.status());
    assertEquals("none", card.facts().get("credentials"));
    assertTrue(
        card.personalData().containsKey("NIK") || card.personalData().containsKey("PASSPORT"));
    assertTrue(card.personalData().containsKey("TEST_RESULT"), card.personalData().toString());
    assertTrue(
        card.samples().get(0).contains("\"id_ehac\":\"EHAC-00000101\""), card.samples().toString());
    assertTrue(card.samples().get(0).contains("•••"), card.samples().toString());
    // The other two paths refuse strangers and serve their owner: those parts pass.
    assertTrue(
        r.reason()
            .contains(
                "/api/v1/travellers/{id}: refuses a caller without credentials (401"
                    + " with a Bearer challenge); serves its owner traveller-a (200)"),
        r.reason());
    assertTrue(r.reason().contains("api /api/v1/travellers: refuses"), r.reason());
    assertNothingSecretOrRaw(r);
  }

  @Test
  void theHardenedApiRefusesStrangersAndServesTheOwner() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    for (String path :
        List.of(
            "/api/v1/hac/EHAC-00000101",
            "/api/v1/travellers/EHAC-00000101",
            "/api/v1/travellers")) {
      Evidence anon = titled(r.observations(), "without credentials: GET " + path);
      assertEquals(401, anon.status());
      assertEquals("Bearer", anon.facts().get("challenge"));
      Evidence owner = titled(r.observations(), "as its owner traveller-a: GET " + path);
      assertEquals(200, owner.status());
      assertTrue(owner.samples().isEmpty(), "the owner's own data is not sampled");
    }
    assertEquals(true, titled(r.observations(), "login as traveller-a").facts().get("loggedIn"));
    assertNothingSecretOrRaw(r);
  }

  @Test
  void aRefusalTheOwnerCannotGetPastIsInconclusiveWhenThePasswordIsWrong() throws Exception {
    // The legacy API, which has no lockout, so a wrong password here cannot lock out traveller-a.
    CheckResult r =
        scan(
            api(
                "wrong-password",
                AuthTesting.legacyApi(),
                "not-the-password",
                List.of("/api/v1/travellers/{id}"),
                "/api/v1/travellers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("refuses a caller without credentials (401"), r.reason());
    assertTrue(r.reason().contains("the login as traveller-a failed (401)"), r.reason());
    assertNothingSecretOrRaw(r);
  }

  @Test
  void anApiThatRefusesItsOwnerTooIsInconclusive() throws Exception {
    // A path the hardened API does not have: strangers and the owner alike are refused.
    CheckResult r =
        scan(
            api(
                "refuses-everyone",
                AuthTesting.hardenedApi(),
                SharedLab.get().variables().get("PERIKSA_LAB_API_PASSWORD_A"),
                List.of("/api/v1/travellers/{id}", "/api/v1/travelers/{id}"),
                "/api/v1/travellers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("its owner traveller-a is refused too (404)"), r.reason());
    assertTrue(r.reason().contains("serves its owner traveller-a (200)"), r.reason());
  }

  @Test
  void aServerThatAnswers200PleaseLogInEverywhereIsNotAFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, "{\"error\":\"please log in\"}")) {
      CheckResult r =
          scan(
              api(
                  "please-log-in",
                  s.url(),
                  "whatever",
                  List.of("/api/v1/hac/{id}", "/api/v1/travellers"),
                  "/api/v1/travellers/{id}"));
      assertNotEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(
          r.reason().contains("answers a caller without credentials 200 without personal data"),
          r.reason());
      Evidence anon = titled(r.observations(), "without credentials: GET /api/v1/hac/");
      assertEquals(200, anon.status());
      assertTrue(anon.personalData().isEmpty());
    }
  }

  @Test
  void aCatchAllRepeatingOneRecordForEveryPathIsNotAFinding() throws Exception {
    String record =
        "{\"id_ehac\":\"EHAC-00000001\",\"nama\":\"Contoh Pelaku\",\"nik\":\"3174010101900001\"}";
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, record)) {
      CheckResult r = scan(api("catch-all", s.url(), "x", List.of("/api/v1/hac/{id}"), null));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("catch-all"), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r =
        scan(api("down", down, "x", List.of("/api/v1/hac/{id}"), "/api/v1/travellers/{id}"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void anApiWithoutAnApiSectionIsReadWhereItsDataIsWithoutCredentials() throws Exception {
    List<java.util.Map<String, Object>> people = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      people.add(EhacData.traveller(i));
    }
    String open = Json.MAPPER.writeValueAsString(java.util.Map.of("data", people));
    String index = "{\"links\":{\"patients\":\"/api/v1/patients\"}}";
    try (TestServers.Running leaky =
            TestServers.paths(
                "127.0.0.5",
                java.util.Map.of(
                    "/", new TestServers.Reply(200, index),
                    "/api/v1/patients", new TestServers.Reply(200, open)),
                new TestServers.Reply(404, "{}"));
        TestServers.Running closed =
            TestServers.paths(
                "127.0.0.5",
                java.util.Map.of("/", new TestServers.Reply(200, index)),
                new TestServers.Reply(401, "{\"error\":\"login\"}"))) {
      CheckResult bad = scan(Profiles.of("found", "http", leaky.url()));
      assertEquals(Outcome.FAIL, bad.outcome(), bad.reason());
      assertTrue(bad.findings().get(0).title().startsWith("/api/v1/patients serves personal data"));
      assertNothingSecretOrRaw(bad);
      CheckResult refused = scan(Profiles.of("found", "http", closed.url()));
      assertEquals(Outcome.NOT_APPLICABLE, refused.outcome(), refused.reason());
      assertTrue(refused.reason().contains("declare api.personalData"), refused.reason());
    }
    // Unreachable is not "nothing to judge".
    assertEquals(
        Outcome.INCONCLUSIVE,
        scan(Profiles.of("down", "http", URI.create("http://127.0.0.5:9"))).outcome());
  }

  @Test
  void anotherKindIsNotApplicable() {
    assertEquals(
        Outcome.NOT_APPLICABLE,
        scan(Profiles.search("search", URI.create("http://127.0.0.5:9"))).outcome());
  }
}
