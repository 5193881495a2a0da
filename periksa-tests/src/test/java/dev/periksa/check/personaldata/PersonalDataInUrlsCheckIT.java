package dev.periksa.check.personaldata;

import static dev.periksa.check.personaldata.PiiTesting.assertNothingRaw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.personaldata.RoutedServer.Reply;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.target.ApiSettings;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PII-2 (URLs) against the lab's e-HAC API twins, a real web page and real look-alike APIs. */
class PersonalDataInUrlsCheckIT {
  private static final PersonalDataInUrlsCheck CHECK = new PersonalDataInUrlsCheck();
  private static final ApiSettings.Search SEARCH = new ApiSettings.Search("/api/v1/search", "nik");

  /** A NIK no lab traveller has (the lab's districts stop at 25). */
  private static final String OTHER_NIK = "3273264508010007";

  @Test
  void theLegacyApiPutsNiksIntoUrlsItHandsOutAndTakes() throws Exception {
    CheckResult r = PiiTesting.scan(CHECK, SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.HIGH, r.severity(), "identity numbers, no health data");

    Finding takes =
        r.findings().stream()
            .filter(f -> f.title().startsWith("GET /api/v1/search"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "GET /api/v1/search takes an identity number in its query string (?nik=3174••••••••9999"
            + " answered 200, without it 400)",
        takes.title());
    assertTrue(takes.location().endsWith("/api/v1/search?nik=3174••••••••9999"), takes.location());

    Finding handedOut =
        r.findings().stream()
            .filter(f -> f.title().startsWith("URLs that api hands out"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, handedOut.evidence().size(), "the card's QR link and the search's redirect");
    Evidence card = handedOut.evidence().get(0);
    assertEquals("URLs in /api/v1/hac/EHAC-00000101 as traveller-a", card.title());
    @SuppressWarnings("unchecked")
    List<String> cardUrls = (List<String>) card.facts().get("offending");
    assertTrue(
        cardUrls
            .get(0)
            .matches(
                "value in the JSON reply: /api/v1/verify\\?nik=[0-9]{4}•{8}[0-9]{4}&id=EHAC-00000101"),
        cardUrls.toString());
    Evidence redirect = handedOut.evidence().get(1);
    assertEquals(303, redirect.status());
    assertEquals(
        List.of("location header: /api/v1/search?nik=3174••••••••9999"),
        redirect.facts().get("offending"));
    assertNothingRaw(r);
  }

  @Test
  void theHardenedApiUsesOpaqueLinksAndRefusesNumbersInUrls() throws Exception {
    CheckResult r = PiiTesting.scan(CHECK, SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.reason().contains("api: no personal data in the URLs it hands out or takes"), r.reason());
    Evidence asked =
        r.observations().stream()
            .filter(o -> o.title().startsWith("GET /api/v1/search with a canary"))
            .findFirst()
            .orElseThrow();
    assertEquals(400, asked.status());
    assertEquals(false, asked.facts().get("takesNumberInQuery"));
    Evidence card =
        r.observations().stream()
            .filter(o -> o.title().startsWith("URLs in /api/v1/hac/"))
            .findFirst()
            .orElseThrow();
    assertEquals(1, card.facts().get("urls"), "the opaque verification link is seen");
    assertEquals(0, card.facts().get("withPersonalData"));
    assertNothingRaw(r);
  }

  /**
   * Order numbers (one sixteen digits that fail a NIK's structure, one that has it but is named as
   * an order), pages, record ids and a search that ignores its parameter are no finding.
   */
  @Test
  void orderNumbersPagesAndACatchAllSearchPass() throws Exception {
    String record =
        "{\"id_ehac\":\"EHAC-00000101\",\"nik\":\"3174********0001\",\"_links\":{"
            + "\"self\":\"/api/v1/travellers/EHAC-00000101\","
            + "\"order\":\"/api/v1/orders?order=9912011399990001\","
            + "\"invoice\":\"/api/v1/invoices?order=3201012304990001\","
            + "\"next\":\"/api/v1/travellers?page=2&size=20\"}}";
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route("/api/v1/auth/login", q -> Reply.json(200, "{\"token\":\"opaque-2\"}"))
            .route("/api/v1/search", q -> Reply.json(200, "{\"data\":[]}"))
            .route("/api/v1/", q -> Reply.json(200, record))) {
      CheckResult r =
          PiiTesting.scan(
              CHECK, PiiTesting.apiProfile("orders", s.url(), "x", PiiTesting.api(SEARCH)));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      Evidence asked =
          r.observations().stream()
              .filter(o -> o.title().startsWith("GET /api/v1/search"))
              .findFirst()
              .orElseThrow();
      assertEquals(false, asked.facts().get("takesNumberInQuery"), "the same reply either way");
    }
  }

  @Test
  void aWebPageLinkingToACardByNikFails() throws Exception {
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route(
                "/",
                q ->
                    new Reply(
                        200,
                        Map.of("Content-Type", "text/html"),
                        "<html><body><a href=\"/kartu?nik="
                            + OTHER_NIK
                            + "&amp;lang=id\">Kartu e-HAC</a> <a href=\"/bantuan?page=2\">Bantuan</a>"
                            + "</body></html>"))) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("portal", "web", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.HIGH, r.severity());
      Evidence page = r.findings().get(0).evidence().get(0);
      assertEquals(
          List.of("link in the page: /kartu?nik=3273••••••••0007&lang=id"),
          page.facts().get("offending"));
      String json = assertNothingRaw(r);
      assertFalse(json.contains(OTHER_NIK));
    }
  }

  @Test
  void anApiWhoseLoginFailsIsInconclusive() throws Exception {
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route(
                "/api/v1/auth/login", q -> Reply.json(401, "{\"error\":\"invalid_credentials\"}"))
            .route("/api/v1/", q -> Reply.json(401, "{\"error\":\"unauthorized\"}"))) {
      CheckResult r =
          PiiTesting.scan(
              CHECK, PiiTesting.apiProfile("locked", s.url(), "x", PiiTesting.api(SEARCH)));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("cannot log in as traveller-a (401)"), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r =
        PiiTesting.scan(CHECK, PiiTesting.apiProfile("down", down, "x", PiiTesting.api(SEARCH)));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
