package dev.periksa.check.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import dev.periksa.target.Endpoint;
import dev.periksa.testing.ScriptedServer;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestCertificates;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.TlsTestServers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS-3 against real servers: the lab's web fronts (legacy: plain HTTP without redirect, HTTPS
 * without HSTS; hardened: 301 to HTTPS and HSTS), and the JDK's HTTP and HTTPS servers set up with
 * one behaviour each: a permanent or temporary redirect, HSTS present, short or missing, a page in
 * clear; a plain port behind an https:// URL and a closed port.
 */
class HttpsEnforcedCheckIT {
  static final String HOST = "127.0.0.1";
  static final String HSTS = "Strict-Transport-Security";
  static SSLContext tls;
  private final HttpsEnforcedCheck check = new HttpsEnforcedCheck();

  @BeforeAll
  static void certificate() throws Exception {
    tls = TestCertificates.leaf("web.test").ip(HOST).build().serverContext();
  }

  private static List<Endpoint> web(URI... urls) {
    List<Endpoint> out = new java.util.ArrayList<>();
    for (int i = 0; i < urls.length; i++) {
      out.add(new Endpoint("web" + i, "web", urls[i], null));
    }
    return out;
  }

  @Test
  void theLegacyTwinFails() {
    CheckResult r = TlsTesting.run(check, SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    List<String> titles = r.findings().stream().map(Finding::title).toList();
    assertTrue(
        titles.stream()
            .anyMatch(t -> t.startsWith("portal-http serves plain HTTP without redirecting")),
        titles.toString());
    assertTrue(
        titles.stream()
            .anyMatch(t -> t.startsWith("portal-tls sends no Strict-Transport-Security")),
        titles.toString());
    assertTrue(
        titles.stream().anyMatch(t -> t.startsWith("portal serves plain HTTP")), titles.toString());
  }

  @Test
  void theHardenedTwinPasses() {
    CheckResult r = TlsTesting.run(check, SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.reason().contains("portal-http: redirects to HTTPS, HSTS max-age=63072000"), r.reason());
    assertTrue(r.reason().contains("portal-tls: HSTS max-age=63072000"), r.reason());
    assertTrue(r.reason().contains("backoffice: HSTS max-age=31536000"), r.reason());
  }

  @Test
  void aPermanentRedirectToHttpsWithLongHstsPasses() throws Exception {
    try (TlsTestServers.Running secure =
            TlsTestServers.https(HOST, tls, Map.of(HSTS, "max-age=31536000; includeSubDomains"));
        TlsTestServers.Running plain =
            TlsTestServers.plain(HOST, 308, Map.of("Location", secure.url() + "/"))) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile(web(plain.url(), secure.url())));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  @Test
  void aPageServedInClearFails() throws Exception {
    try (TlsTestServers.Running plain = TlsTestServers.plain(HOST, 200, Map.of())) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", plain.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.MEDIUM, r.severity());
      assertEquals(2, r.findings().get(0).evidence().size(), "the page and an invented path");
    }
  }

  @Test
  void aTemporaryRedirectFails() throws Exception {
    try (TlsTestServers.Running secure =
            TlsTestServers.https(HOST, tls, Map.of(HSTS, "max-age=31536000"));
        TlsTestServers.Running plain =
            TlsTestServers.plain(HOST, 302, Map.of("Location", secure.url() + "/"))) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", plain.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.LOW, r.severity());
      assertTrue(r.findings().get(0).title().contains("only temporarily (302"), r.reason());
    }
  }

  @Test
  void aRedirectToPlainHttpElsewhereIsNoRedirectToHttps() throws Exception {
    try (TlsTestServers.Running plain =
        TlsTestServers.plain(HOST, 301, Map.of("Location", "http://" + HOST + ":1/"))) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", plain.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    }
  }

  @Test
  void aPageInClearWhileEveryOtherPathIsRedirectedIsNotJudged() throws Exception {
    try (ScriptedServer lookAlike =
        new ScriptedServer(HOST)
            .on("/", new ScriptedServer.Reply(200, "text/html", "<h1>status: ok</h1>"))
            .otherwise(
                new ScriptedServer.Reply(
                    301, "text/html", "", Map.of("Location", "https://" + HOST + "/")))) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", lookAlike.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("but redirects other paths"), r.reason());
    }
  }

  @Test
  void anHstsHeaderOverPlainHttpDoesNotCount() throws Exception {
    try (TlsTestServers.Running plain =
        TlsTestServers.plain(HOST, 200, Map.of(HSTS, "max-age=31536000"))) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", plain.url()));
      assertEquals(Outcome.FAIL, r.outcome(), "browsers ignore HSTS sent over HTTP: " + r.reason());
    }
  }

  @Test
  void httpsWithoutHstsFails() throws Exception {
    try (TlsTestServers.Running secure = TlsTestServers.https(HOST, tls, Map.of())) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", secure.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertTrue(r.findings().get(0).title().contains("sends no Strict-Transport-Security"));
    }
  }

  @Test
  void aShortHstsMaxAgeFails() throws Exception {
    try (TlsTestServers.Running secure =
        TlsTestServers.https(HOST, tls, Map.of(HSTS, "max-age=86400"))) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", secure.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertTrue(r.findings().get(0).title().contains("max-age=86400, under 15552000"));
    }
  }

  @Test
  void aRedirectToAnHttpsPortWhereNothingListensIsInconclusive() throws Exception {
    URI closed = TestServers.nothingListening(HOST);
    try (TlsTestServers.Running plain =
        TlsTestServers.plain(
            HOST, 301, Map.of("Location", "https://" + HOST + ":" + closed.getPort() + "/"))) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", plain.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void anHttpsUrlOnAPlainPortIsInconclusive() throws Exception {
    try (TlsTestServers.Running plain =
        TlsTestServers.plain(HOST, 200, Map.of(HSTS, "max-age=31536000"))) {
      URI asHttps = URI.create("https://" + HOST + ":" + plain.port());
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", asHttps));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void anUnreachableWebFrontIsInconclusive() throws Exception {
    URI closed = TestServers.nothingListening(HOST);
    CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", closed));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void aTargetWithoutWebFrontsIsNotApplicable() {
    CheckResult r =
        TlsTesting.run(check, TlsTesting.profile("http", URI.create("https://" + HOST + ":1")));
    assertEquals(Outcome.NOT_APPLICABLE, r.outcome(), r.reason());
  }
}
