package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.transport.HttpsEnforcedCheck;
import dev.periksa.lab.NginxServer;
import dev.periksa.target.Scope;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.TestCertificates;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP probe against a real nginx that speaks only TLS 1.0 and 1.1 (OpenSSL at security level
 * 0), which the JDK refuses: the probe completes the handshake as an old client, so every HTTP
 * check can examine such a portal; the JVM's own TLS settings are not touched.
 */
class LegacyTlsIT {
  static final String HOST = "127.0.0.1";
  @TempDir static Path dir;
  static NginxServer legacy;

  @BeforeAll
  static void start() throws Exception {
    TestCertificates.Issued rsa = TestCertificates.leaf("old.test").ip(HOST).rsa(2048).build();
    Path[] pem = rsa.writePem(dir, "old");
    legacy =
        NginxServer.start(
            dir.resolve("nginx"),
            HOST,
            (https, plain) ->
                String.join(
                    "\n",
                    "server { listen " + HOST + ":" + https + " ssl;",
                    " ssl_certificate " + pem[1] + "; ssl_certificate_key " + pem[0] + ";",
                    " ssl_protocols TLSv1 TLSv1.1;",
                    " ssl_ciphers \"ALL:@SECLEVEL=0\";",
                    " location / { default_type text/html; return 200 '<html>portal</html>'; } }",
                    "server { listen " + HOST + ":" + plain + "; return 404; }"));
  }

  @AfterAll
  static void stop() {
    if (legacy != null) {
      legacy.close();
    }
  }

  @Test
  void aTls10OnlyServerIsReadAndRemembered() {
    HostHealth health = new HostHealth();
    HttpProbe p =
        new HttpProbe(
            new Scope(List.of(HOST)),
            new HostRateLimiter(100),
            health,
            Duration.ofSeconds(5),
            HttpProbe.DEFAULT_MAX_BODY_BYTES,
            ProbeLog.detached(),
            true);
    URI u = legacy.httpsUrl();
    assertFalse(health.needsLegacyTls(u.getHost(), u.getPort()));
    ProbeResponse r = p.get(URI.create(u + "/"));
    assertEquals(200, r.status());
    assertEquals("<html>portal</html>", r.text());
    assertTrue(r.reading().complete());
    assertTrue(health.needsLegacyTls(u.getHost(), u.getPort()), "remembered for the run");
    assertEquals(200, p.get(URI.create(u + "/again")).status());
  }

  @Test
  void httpsEnforcementIsJudgedOnTheLegacyPortalNotLeftInconclusive() {
    CheckResult r =
        new CheckRunner(Duration.ofSeconds(60))
            .run(
                new HttpsEnforcedCheck(),
                TargetContext.of(Profiles.of("legacy portal", "web", legacy.httpsUrl())));
    // nginx sends no Strict-Transport-Security here: seen, so a FAIL, not INCONCLUSIVE.
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertTrue(r.reason().contains("no HSTS"), r.reason());
  }
}
