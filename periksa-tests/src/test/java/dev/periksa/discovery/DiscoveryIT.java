package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.storage.SearchClusterExposureCheck;
import dev.periksa.lab.Lab;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.hostile.Behaviour;
import dev.periksa.testing.hostile.HostileLab;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery against the real lab: what answers is recognised, look-alikes and closed ports not. */
class DiscoveryIT {

  private static TargetProfile discoveryOnly(String host, String ports) throws Exception {
    String yaml =
        "name: discovered\nscope:\n  hosts: [\""
            + host
            + "\"]\ntimeoutSeconds: 3\n"
            + "discovery:\n  ports: [\""
            + ports
            + "\"]\n  concurrency: 4\n";
    return new ProfileLoader(n -> null).parse(java.nio.file.Path.of("discovered.yaml"), yaml);
  }

  private static List<Discovery.Found> discover(TargetProfile p) {
    TargetContext ctx = TargetContext.of(p);
    return new Discovery(Fingerprints.all(), new Fingerprint.Probes(ctx.http(), ctx.tcp()))
        .run(p, line -> {});
  }

  @Test
  void findsTheOpenClusterAmongALookAlikeAndAClosedPortAndTheCheckRunsOnIt() throws Exception {
    Lab lab = SharedLab.get();
    String legacy = lab.options().legacyHost();
    int search = lab.legacySearchUrl().getPort();
    int closed = TestServers.nothingListening(legacy).getPort();
    try (TestServers.Running lookAlike =
        TestServers.catchAll(legacy, 200, "<html>You Know, for Search</html>")) {
      int fake = lookAlike.url().getPort();
      TargetProfile p = discoveryOnly(legacy, search + "," + closed + "," + fake);
      List<Discovery.Found> found = discover(p);
      // The look-alike is no search cluster, but it is a web server: the web checks run on it.
      assertEquals(2, found.size(), found.toString());
      Discovery.Found cluster =
          found.stream().filter(f -> f.port() == search).findFirst().orElseThrow();
      assertEquals("search", cluster.kind());
      assertEquals(URI.create("http://" + legacy + ":" + search), cluster.url());
      Discovery.Found page = found.stream().filter(f -> f.port() == fake).findFirst().orElseThrow();
      assertEquals("web", page.kind());
      assertEquals("web server", page.product());
      found = List.of(cluster);

      // The discovered endpoint is what the check probes: the profile declares none.
      CheckResult r =
          new CheckRunner(Duration.ofSeconds(60))
              .run(
                  new SearchClusterExposureCheck(),
                  TargetContext.of(p, Discovery.newEndpoints(p, found)));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    }
  }

  @Test
  void recognisesASecuredClusterBehindHttps() throws Exception {
    Lab lab = SharedLab.get();
    String hardened = lab.options().hardenedHost();
    TargetProfile p = discoveryOnly(hardened, String.valueOf(lab.hardenedSearchUrl().getPort()));
    List<Discovery.Found> found = discover(p);
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).url().toString().startsWith("https://"), found.toString());
  }

  @Test
  void aDeclaredEndpointIsNotAddedTwice() throws Exception {
    TargetProfile legacy = SharedLab.profile("ehac-legacy.yaml");
    List<Discovery.Found> found = discover(legacy);
    assertTrue(found.stream().anyMatch(f -> f.kind().equals("search")), found.toString());
    assertTrue(
        Discovery.newEndpoints(legacy, found).stream().noneMatch(e -> e.kind().equals("search")));
  }

  @Test
  void aBareTlsServiceOnADeclaredPortIsNotAddedAgain() throws Exception {
    // The hardened HL7 interface speaks MLLP over mutual TLS: discovery sees only a TLS service
    // there, which the declared hl7 endpoint already covers.
    TargetProfile hardened = SharedLab.profile("ehac-hardened.yaml");
    java.net.URI engine =
        hardened.endpoints().stream()
            .filter(e -> e.kind().equals("hl7"))
            .findFirst()
            .orElseThrow()
            .url();
    List<Discovery.Found> found = discover(hardened);
    assertTrue(
        found.stream().anyMatch(f -> f.kind().equals("tls") && f.port() == engine.getPort()),
        found.toString());
    assertTrue(
        Discovery.newEndpoints(hardened, found).stream()
            .noneMatch(e -> e.url().getPort() == engine.getPort()),
        Discovery.newEndpoints(hardened, found).toString());
  }

  @Test
  void aWebServerAJsonApiAndATlsServiceWithoutHttpAreRecognised() throws Exception {
    String host = "127.0.0.5";
    try (TestServers.Running web = TestServers.catchAll(host, 200, "<html><body>RS</body></html>");
        TestServers.Running api = TestServers.catchAll(host, 200, "{\"status\":\"ok\"}");
        HostileLab lab = new HostileLab(host, java.time.Duration.ofSeconds(1))) {
      int tls = lab.server(Behaviour.TLS_THEN_BINARY).port();
      TargetProfile p =
          discoveryOnly(host, web.url().getPort() + "," + api.url().getPort() + "," + tls);
      List<Discovery.Found> found = discover(p);
      assertEquals(3, found.size(), found.toString());
      for (Discovery.Found f : found) {
        if (f.port() == web.url().getPort()) {
          assertEquals("web", f.kind());
        } else if (f.port() == api.url().getPort()) {
          assertEquals("http", f.kind());
          assertEquals("JSON API", f.product());
        } else {
          assertEquals("tls", f.kind());
          assertEquals(URI.create("tls://" + host + ":" + tls), f.url());
        }
      }
    }
  }
}
