package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.TargetContext;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TcpTestServers;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, MySQL/MariaDB and CouchDB fingerprints: recognised on the lab's real servers (or, for
 * CouchDB, on its documented banner), and not on another product or a look-alike.
 */
class SqlDatabaseFingerprintsIT {

  private static Fingerprint.Probes probes(String host) {
    TargetContext ctx = TargetContext.of(Profiles.of("probe", "web", URI.create("http://" + host)));
    return new Fingerprint.Probes(ctx.http(), ctx.tcp());
  }

  private static Optional<URI> identify(Fingerprint f, URI at) {
    return f.identify(probes(at.getHost()), at.getHost(), at.getPort());
  }

  private static URI labEndpoint(String file, String kind) {
    TargetProfile p = SharedLab.profile(file);
    Endpoint e = p.endpoints().stream().filter(x -> x.kind().equals(kind)).findFirst().orElse(null);
    assertTrue(e != null, kind + " is not in the lab here: " + p.skipped());
    return e.url();
  }

  @Test
  void postgresIsRecognisedWithAndWithoutPasswordsAndNothingElseIs() throws Exception {
    for (String twin : new String[] {"ehac-legacy.yaml", "ehac-hardened.yaml"}) {
      URI pg = labEndpoint(twin, "postgresql");
      assertEquals(Optional.of(pg), identify(new PostgresFingerprint(), pg), twin);
      assertEquals(Optional.empty(), identify(new MySqlFingerprint(), pg), twin);
      assertEquals(Optional.empty(), identify(new CouchDbFingerprint(), pg), twin);
    }
  }

  @Test
  void mariaDbIsRecognisedByItsGreetingAndNotAsPostgres() {
    for (String twin : new String[] {"ehac-legacy.yaml", "ehac-hardened.yaml"}) {
      URI db = labEndpoint(twin, "mysql");
      assertEquals(Optional.of(db), identify(new MySqlFingerprint(), db), twin);
      assertEquals(Optional.empty(), identify(new PostgresFingerprint(), db), twin);
    }
  }

  @Test
  void aBabblingServerIsNeitherDatabase() throws Exception {
    try (TcpTestServers.Babbling s =
        new TcpTestServers.Babbling("127.0.0.5", "N\u0000\u0000\u0000garbage\r\n")) {
      URI at = s.url("tcp");
      assertEquals(Optional.empty(), identify(new PostgresFingerprint(), at));
      assertEquals(Optional.empty(), identify(new MySqlFingerprint(), at));
    }
  }

  @Test
  void couchDbIsRecognisedByItsDocumentedBannerAndNotOpenSearch() throws Exception {
    String banner =
        "{\"couchdb\":\"Welcome\",\"version\":\"2.2.0\",\"git_sha\":\"2a16ec4\","
            + "\"vendor\":{\"name\":\"The Apache Software Foundation\"}}";
    try (TestServers.Running couch =
            TestServers.paths(
                "127.0.0.5",
                Map.of("/", new TestServers.Reply(200, banner)),
                new TestServers.Reply(404, "{\"error\":\"not_found\"}"));
        TestServers.Running search =
            TestServers.catchAll("127.0.0.5", 200, TestServers.OPENSEARCH_BANNER)) {
      assertEquals(Optional.of(couch.url()), identify(new CouchDbFingerprint(), couch.url()));
      assertEquals(Optional.empty(), identify(new CouchDbFingerprint(), search.url()));
      assertEquals(Optional.empty(), identify(new PostgresFingerprint(), search.url()));
    }
  }

  @Test
  void everyDatabaseFingerprintIsRegistered() {
    assertTrue(
        Fingerprints.all().stream()
            .map(Fingerprint::kind)
            .toList()
            .containsAll(java.util.List.of("postgresql", "mysql", "couchdb")));
  }
}
