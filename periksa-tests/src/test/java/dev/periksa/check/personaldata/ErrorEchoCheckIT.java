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
import dev.periksa.json.Json;
import dev.periksa.target.ApiSettings;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** PII-2 (error replies) against the lab's e-HAC API twins and real look-alike APIs. */
class ErrorEchoCheckIT {
  private static final ErrorEchoCheck CHECK = new ErrorEchoCheck();
  private static final ApiSettings.Search SEARCH = new ApiSettings.Search("/api/v1/search", "nik");

  @Test
  void theLegacyApiEchoesTheCanaryWithJavaStackTraces() throws Exception {
    CheckResult r = PiiTesting.scan(CHECK, SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.HIGH, r.severity(), "the canary is an identity number");
    Finding f = r.findings().get(0);
    assertEquals(
        "Error replies of api echo the identity number they were sent, with a Java stack trace"
            + " (3 of 3 malformed requests)",
        f.title());
    assertTrue(f.location().endsWith("/api/v1/travellers/3174••••••••9999"), f.location());
    Evidence record = f.evidence().get(0);
    assertEquals(500, record.status());
    assertEquals("Java", record.facts().get("stackTrace"));
    assertEquals(true, record.facts().get("echoesCanary"));
    assertTrue(record.samples().get(0).contains("For input string: \\\"3174••••••••9999\\\""));
    Evidence login = f.evidence().get(1);
    assertEquals(400, login.status());
    assertTrue(login.samples().get(0).contains("[Source: (byte[])"), login.samples().get(0));
    assertNothingRaw(r);
  }

  @Test
  void theHardenedApiAnswersGenericErrors() throws Exception {
    CheckResult r = PiiTesting.scan(CHECK, SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.reason().contains("api: 3 malformed requests with a canary NIK; no error reply echoes"),
        r.reason());
    for (Evidence e : r.observations()) {
      if (e.title().startsWith("reply to ")) {
        assertTrue(e.status() == 400 || e.status() == 404, e.title() + " " + e.status());
        assertEquals(false, e.facts().get("echoesCanary"));
      }
    }
    assertNothingRaw(r);
  }

  private static RoutedServer api(Function<RoutedServer.Request, Reply> errors) throws Exception {
    return new RoutedServer("127.0.0.5")
        .route(
            "/api/v1/auth/login",
            q ->
                q.body().endsWith("}")
                    ? Reply.json(200, "{\"token\":\"opaque-3\"}")
                    : errors.apply(q))
        .route("/api/v1/", errors);
  }

  @Test
  void aMaskedEchoPasses() throws Exception {
    try (RoutedServer s =
        api(q -> Reply.json(404, "{\"error\":\"no traveller with NIK 3174********9999\"}"))) {
      CheckResult r =
          PiiTesting.scan(
              CHECK, PiiTesting.apiProfile("masked", s.url(), "x", PiiTesting.api(SEARCH)));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  /**
   * A stack trace that carries no personal data is not a PII-2 failure (it is DAST-1's matter): the
   * check passes and says so.
   */
  @Test
  void aStackTraceWithoutPersonalDataIsNotedButPasses() throws Exception {
    StringWriter trace = new StringWriter();
    new IllegalStateException("connection pool exhausted").printStackTrace(new PrintWriter(trace));
    String body =
        Json.MAPPER.writeValueAsString(
            java.util.Map.of(
                "status", 500, "error", "Internal Server Error", "trace", trace.toString()));
    try (RoutedServer s = api(q -> Reply.json(500, body))) {
      CheckResult r =
          PiiTesting.scan(
              CHECK, PiiTesting.apiProfile("trace", s.url(), "x", PiiTesting.api(null)));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("DAST-1's matter: Java stack trace (500)"), r.reason());
    }
  }

  @Test
  void anErrorThatDumpsSomeoneElsesRecordFails() throws Exception {
    try (RoutedServer s =
        api(
            q ->
                Reply.json(
                    409,
                    "{\"error\":\"conflict\",\"existing\":{\"nik\":\"3273264508010007\","
                        + "\"hasil_tes\":\"POSITIF\"}}"))) {
      CheckResult r =
          PiiTesting.scan(CHECK, PiiTesting.apiProfile("dump", s.url(), "x", PiiTesting.api(null)));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.CRITICAL, r.severity());
      assertTrue(
          r.findings().get(0).title().contains("carry personal data"), r.findings().get(0).title());
      assertFalse(assertNothingRaw(r).contains("3273264508010007"));
    }
  }

  /** An HTTP endpoint without an api section is asked for a path made of the canary. */
  @Test
  void aPlainHttpEndpointThatEchoesThePathFails() throws Exception {
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route("/", q -> Reply.json(404, "{\"error\":\"no route for " + q.path() + "\"}"))) {
      CheckResult r = PiiTesting.scan(CHECK, Profiles.of("bare", "http", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.HIGH, r.severity());
      assertEquals(
          "{\"error\":\"no route for /3174••••••••9999\"}",
          r.findings().get(0).evidence().get(0).samples().get(0));
      assertNothingRaw(r);
    }
  }

  @Test
  void anApiWhoseLoginFailsIsInconclusive() throws Exception {
    try (RoutedServer s =
        new RoutedServer("127.0.0.5")
            .route("/api/v1/", q -> Reply.json(401, "{\"error\":\"unauthorized\"}"))) {
      CheckResult r =
          PiiTesting.scan(
              CHECK, PiiTesting.apiProfile("locked", s.url(), "x", PiiTesting.api(null)));
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
