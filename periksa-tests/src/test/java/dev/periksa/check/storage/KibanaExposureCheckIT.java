package dev.periksa.check.storage;

import static dev.periksa.testing.KibanaDocs.kibana;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.KibanaDocs;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STO-1 for Kibana, wired end to end (HTTP probe, parsing, verdict, evidence) against a real local
 * HTTP server that answers with the replies Kibana's public API documentation shows. No Kibana can
 * run here, so this proves the check's parsing and decisions, not the check on a live Kibana.
 */
class KibanaExposureCheckIT {

  private static final String FIND = "/api/saved_objects/_find";

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new KibanaExposureCheck(), TargetContext.of(p));
  }

  private static CheckResult scan(Map<String, KibanaDocs.Reply> replies) throws Exception {
    try (TestServers.Running s = KibanaDocs.serve("127.0.0.5", replies)) {
      return scan(Profiles.of("kibana", "kibana", s.url()));
    }
  }

  @Test
  void anOpenKibanaFailsMediumAndNamesItsDataViewsWithoutReadingDocuments() throws Exception {
    CheckResult r =
        scan(
            Map.of(
                "/api/status",
                kibana(200, KibanaDocs.STATUS),
                FIND,
                kibana(200, KibanaDocs.FIND_EHAC)));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.MEDIUM, r.severity());
    Finding f = r.findings().get(0);
    assertEquals(
        "Kibana 8.19.0 answers anyone without a login: data views ehac-travellers*,"
            + " ehac-hospitals one click away",
        f.title());
    Evidence status =
        f.evidence().stream().filter(e -> e.title().startsWith("status")).findFirst().orElseThrow();
    assertEquals("available", status.facts().get("overall"));
    Evidence views =
        f.evidence().stream()
            .filter(e -> e.title().equals("index patterns and data views"))
            .findFirst()
            .orElseThrow();
    assertEquals(2L, views.facts().get("viewCount"));
    assertEquals(List.of("ehac-travellers*", "ehac-hospitals"), views.facts().get("titles"));
    assertTrue(views.request().contains("per_page=5"), views.request());
    assertTrue(views.request().contains("fields=title"), views.request());
  }

  @Test
  void theDocumentedFindExampleAndTheV7StatusAreUnderstood() throws Exception {
    CheckResult r =
        scan(
            Map.of(
                "/api/status",
                kibana(200, KibanaDocs.STATUS_V7),
                FIND,
                kibana(200, KibanaDocs.FIND_DOCUMENTED)));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertTrue(r.findings().get(0).title().startsWith("Kibana 7.17.0"), r.findings().toString());
    assertTrue(r.findings().get(0).title().contains("my-pattern-*"), r.findings().toString());
  }

  @Test
  void withoutTheSavedObjectsApiTheDataViewsApiIsAsked() throws Exception {
    CheckResult r =
        scan(
            Map.of(
                "/api/status", kibana(200, KibanaDocs.STATUS),
                "/api/data_views", kibana(200, KibanaDocs.DATA_VIEWS)));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.MEDIUM, r.severity());
    assertTrue(
        r.findings().get(0).title().contains("kibana_sample_data_ecommerce"),
        r.findings().toString());
  }

  @Test
  void anOpenKibanaWithoutDataViewsIsLow() throws Exception {
    CheckResult r =
        scan(
            Map.of(
                "/api/status",
                kibana(200, KibanaDocs.STATUS),
                FIND,
                kibana(200, KibanaDocs.FIND_NONE)));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.LOW, r.severity());
  }

  @Test
  void aKibanaWithSecurityOnPasses() throws Exception {
    CheckResult r =
        scan(
            Map.of(
                "/api/status",
                kibana(401, KibanaDocs.UNAUTHORIZED),
                FIND,
                kibana(401, KibanaDocs.UNAUTHORIZED)));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("needs a login (401)"), r.reason());
  }

  @Test
  void aRedirectToTheLoginPagePasses() throws Exception {
    CheckResult r =
        scan(Map.of("/api/status", KibanaDocs.loginRedirect(), FIND, KibanaDocs.loginRedirect()));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    Evidence views =
        r.observations().stream()
            .filter(e -> e.title().equals("index patterns and data views"))
            .findFirst()
            .orElseThrow();
    assertEquals(302, views.status());
    assertTrue(String.valueOf(views.facts().get("redirect")).startsWith("/login"));
  }

  @Test
  void aPublicStatusPageAloneIsNotTheApp() throws Exception {
    CheckResult r =
        scan(
            Map.of(
                "/api/status",
                kibana(200, KibanaDocs.STATUS_REDACTED),
                FIND,
                kibana(401, KibanaDocs.UNAUTHORIZED)));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("status page is public"), r.reason());
  }

  @Test
  void aRedirectElsewhereIsInconclusive() throws Exception {
    KibanaDocs.Reply away =
        new KibanaDocs.Reply(302, "", Map.of("Location", "https://portal.example/home"));
    CheckResult r = scan(Map.of("/api/status", away, FIND, away));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void aCatchAllPageWithACopiedStatusIsNotAFinding() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, KibanaDocs.STATUS)) {
      CheckResult r = scan(Profiles.of("look-alike", "kibana", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void aStatusPageWithoutTheAppIsNotAnExposure() throws Exception {
    CheckResult r = scan(Map.of("/api/status", kibana(200, KibanaDocs.STATUS)));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(Profiles.of("down", "kibana", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void aConnectionResetIsInconclusive() throws Exception {
    try (TestServers.Resetting s = new TestServers.Resetting("127.0.0.6")) {
      CheckResult r = scan(Profiles.of("reset", "kibana", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void malformedJsonIsInconclusive() throws Exception {
    CheckResult r =
        scan(
            Map.of(
                "/api/status",
                kibana(200, "{\"status\": {\"overall\": "),
                FIND,
                kibana(200, "{\"saved_objects\": [")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }
}
