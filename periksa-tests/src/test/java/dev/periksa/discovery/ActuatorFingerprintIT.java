package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.TargetContext;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The actuator fingerprint on the lab's real Spring Boot applications and on other servers. */
class ActuatorFingerprintIT {
  private final ActuatorFingerprint fp = new ActuatorFingerprint();

  private Optional<URI> identify(URI server) {
    TargetProfile p = Profiles.of("fp", "web", server);
    TargetContext ctx = TargetContext.of(p);
    return fp.identify(
        new Fingerprint.Probes(ctx.http(), ctx.tcp()), server.getHost(), server.getPort());
  }

  private static URI lab(String variable) {
    return URI.create(SharedLab.get().variables().get(variable));
  }

  @Test
  void recognisesSpringBootOverHttpAndHttps() {
    URI legacy = lab("PERIKSA_LAB_LEGACY_ACTUATOR");
    assertEquals(Optional.of(legacy), identify(legacy));
    // Plain HTTP on the TLS port gets Tomcat's 400; the fingerprint goes on to HTTPS.
    URI hardened = lab("PERIKSA_LAB_HARDENED_ACTUATOR");
    assertEquals(Optional.of(hardened), identify(hardened));
  }

  @Test
  void doesNotTakeAFileServerASearchClusterOrALookAlikeForAnActuator() throws Exception {
    assertTrue(identify(lab("PERIKSA_LAB_LEGACY_WEB")).isEmpty(), "Jetty file server");
    assertTrue(identify(lab("PERIKSA_LAB_LEGACY_SEARCH")).isEmpty(), "OpenSearch");
    // An index whose self link is not the actuator's, and a page that only mentions it.
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of(
                "/actuator",
                new TestServers.Reply(200, "{\"_links\":{\"self\":{\"href\":\"http://x/api\"}}}")),
            new TestServers.Reply(404, "{}"))) {
      assertTrue(identify(s.url()).isEmpty());
    }
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, "<html>Spring Boot /actuator _links</html>")) {
      assertTrue(identify(s.url()).isEmpty());
    }
  }
}
