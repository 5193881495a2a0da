package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.testing.KibanaDocs;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Kibana fingerprint on Kibana's documented replies (no Kibana can run here), and on the lab's
 * real OpenSearch and Solr, which it must not take for Kibana.
 */
class KibanaFingerprintIT {
  private final KibanaFingerprint fingerprint = new KibanaFingerprint();

  private Optional<URI> identify(URI at) {
    return fingerprint.identify(FingerprintProbes.on(at.getHost()), at.getHost(), at.getPort());
  }

  @Test
  void recognisesAnOpenKibanaByItsStatus() throws Exception {
    try (TestServers.Running s =
        KibanaDocs.serve(
            "127.0.0.5", Map.of("/api/status", KibanaDocs.kibana(200, KibanaDocs.STATUS)))) {
      assertEquals(Optional.of(s.url()), identify(s.url()));
    }
  }

  @Test
  void recognisesASecuredKibanaByItsRefusalAndName() throws Exception {
    try (TestServers.Running s =
        KibanaDocs.serve(
            "127.0.0.5", Map.of("/api/status", KibanaDocs.kibana(401, KibanaDocs.UNAUTHORIZED)))) {
      assertEquals(Optional.of(s.url()), identify(s.url()));
    }
  }

  @Test
  void aBare401IsNotKibana() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 401, KibanaDocs.UNAUTHORIZED)) {
      assertTrue(identify(s.url()).isEmpty());
    }
  }

  @Test
  void openSearchAndSolrAreNotKibana() {
    assertTrue(identify(SharedLab.get().legacySearchUrl()).isEmpty());
    URI solr = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_SOLR"));
    assertTrue(identify(solr).isEmpty());
  }
}
