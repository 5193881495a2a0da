package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AUT-5 against the lab's real e-HAC API twins, a real Basic-auth server and a look-alike. */
class CredentialTransportCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new CredentialTransportCheck(), TargetContext.of(p));
  }

  private static Finding finding(CheckResult r, String start) {
    return r.findings().stream()
        .filter(f -> f.title().startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding '" + start + "' in " + r.reason()));
  }

  @Test
  void theLegacyApiFailsOnClearLoginQueryTokenAndBareCookie() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml").only("http"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(3, r.findings().size(), r.reason());
    assertEquals(Severity.HIGH, r.severity());

    Finding clear = finding(r, "The login takes passwords over plain HTTP");
    assertEquals(Severity.HIGH, clear.severity());
    assertTrue(clear.location().startsWith("http://127.0.0.2:"), clear.location());

    Finding query = finding(r, "The API takes its token from the URL (?access_token=)");
    assertEquals(Severity.HIGH, query.severity());
    Evidence asked = query.evidence().get(0);
    assertTrue(asked.request().endsWith("?access_token=••••••"), asked.request());
    assertEquals(200, asked.status());
    assertEquals(true, asked.facts().get("sameAsWithHeader"));
    Evidence other = query.evidence().get(1);
    assertTrue(other.request().endsWith("?token=••••••"), other.request());
    assertEquals(401, other.status());

    Finding cookie = finding(r, "The session cookie EHAC_SESSION lacks Secure, HttpOnly, SameSite");
    assertEquals(Severity.MEDIUM, cookie.severity());

    Leaks.assertNone(r, Leaks.labPasswords());
  }

  @Test
  void theHardenedApiPasses() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml").only("http"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("login over HTTPS"), r.reason());
    assertTrue(r.reason().contains("a token in the query string is refused"), r.reason());
    assertTrue(
        r.reason().contains("cookie EHAC_SESSION is Secure, HttpOnly and SameSite=Strict"),
        r.reason());
    Leaks.assertNone(r, Leaks.labPasswords());
  }

  @Test
  void basicAuthenticationOverPlainHttpFails() throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.5", 0), 8);
    HttpContext c =
        s.createContext(
            "/",
            ex -> {
              byte[] b = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
              ex.sendResponseHeaders(200, b.length);
              ex.getResponseBody().write(b);
              ex.close();
            });
    c.setAuthenticator(
        new BasicAuthenticator("ehac") {
          @Override
          public boolean checkCredentials(String user, String password) {
            return false;
          }
        });
    s.start();
    try {
      URI url = URI.create("http://127.0.0.5:" + s.getAddress().getPort());
      CheckResult r = scan(Profiles.of("basic", "http", url));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = finding(r, "The API asks for HTTP Basic credentials over plain HTTP");
      assertEquals(Severity.HIGH, f.severity());
      assertEquals("Basic", f.evidence().get(0).facts().get("challenge"));
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aCatchAllPageAtTheLoginIsNotAFinding() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "<html>hello</html>")) {
      CheckResult r =
          scan(
              AuthProfiles.of(
                  s.url(),
                  AuthProfiles.labApi(null, 30),
                  List.of(AuthProfiles.identity("traveller-a", "pw-a-123456", "EHAC-00000101"))));
      assertNotEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("not like a login"), r.reason());
    }
  }

  @Test
  void anApiThatIsDownIsInconclusive() throws Exception {
    CheckResult r =
        scan(
            AuthProfiles.of(
                TestServers.nothingListening("127.0.0.6"),
                AuthProfiles.labApi(null, 30),
                List.of(AuthProfiles.identity("traveller-a", "pw-a-123456", "EHAC-00000101"))));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
