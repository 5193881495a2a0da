package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.TargetContext;
import dev.periksa.lab.Lab;
import dev.periksa.lab.S3Server;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.ScriptedServer;
import dev.periksa.testing.ScriptedServer.Reply;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The S3 fingerprint against real s3proxy servers, and against what must not pass for S3. */
class S3FingerprintIT {
  private final S3Fingerprint fingerprint = new S3Fingerprint();

  private Optional<URI> identify(URI url) {
    TargetContext ctx = TargetContext.of(Profiles.of("discovery", "web", url));
    return fingerprint.identify(
        new Fingerprint.Probes(ctx.http(), ctx.tcp()), url.getHost(), url.getPort());
  }

  @Test
  void anAnonymousS3proxyIsRecognised() throws Exception {
    try (S3Server s = S3Server.anonymous("127.0.0.5")) {
      assertEquals(Optional.of(s.url()), identify(s.url()));
    }
  }

  @Test
  void aSigningS3proxyIsRecognisedByItsRefusal() throws Exception {
    try (S3Server s = S3Server.withCredentials("127.0.0.5", "owner", "owner-secret-1", null)) {
      assertEquals(Optional.of(s.url()), identify(s.url()));
    }
  }

  @Test
  void theHardenedTwinsHttpsStoreIsRecognised() {
    URI url = URI.create(SharedLab.get().variables().get(Lab.HARDENED_S3));
    assertEquals("https", url.getScheme());
    assertEquals(Optional.of(url), identify(url));
  }

  @Test
  void aCatchAllBucketListingIsNotS3() throws Exception {
    String page =
        "<ListBucketResult><Name>ehac-exports</Name><Contents><Key>a.csv</Key>"
            + "<Size>1</Size></Contents></ListBucketResult>";
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, page)) {
      assertTrue(identify(s.url()).isEmpty());
    }
  }

  @Test
  void anS3ErrorAtTheRootButAListingForAnInventedBucketIsNotS3() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on(
                "/",
                Reply.xml(
                    403,
                    "<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
                        + "<RequestId>1</RequestId></Error>"))
            .otherwise(Reply.xml(200, "<ListBucketResult><Name>x</Name></ListBucketResult>"))) {
      assertTrue(identify(s.url()).isEmpty());
    }
  }

  @Test
  void aSearchClusterIsNotS3() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, TestServers.OPENSEARCH_BANNER)) {
      assertTrue(identify(s.url()).isEmpty());
    }
  }

  @Test
  void nothingListeningIsNothing() throws Exception {
    assertTrue(identify(TestServers.nothingListening("127.0.0.6")).isEmpty());
  }
}
