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

/** The Solr fingerprint on the lab's real Solr nodes, and on other products. */
class SolrFingerprintIT {
  private final SolrFingerprint fingerprint = new SolrFingerprint();

  private static URI solr(String variable) {
    return URI.create(SharedLab.get().variables().get(variable));
  }

  private Optional<URI> identify(URI at) {
    return fingerprint.identify(FingerprintProbes.on(at.getHost()), at.getHost(), at.getPort());
  }

  @Test
  void recognisesTheOpenSolr() {
    URI legacy = solr("PERIKSA_LAB_LEGACY_SOLR");
    assertEquals(Optional.of(legacy), identify(legacy));
  }

  @Test
  void recognisesTheSecuredSolrOverTlsByItsChallenge() {
    URI hardened = solr("PERIKSA_LAB_HARDENED_SOLR");
    assertEquals(Optional.of(hardened), identify(hardened));
  }

  @Test
  void anOpenSearchNodeIsNotSolr() {
    assertTrue(identify(SharedLab.get().legacySearchUrl()).isEmpty());
  }

  @Test
  void kibanaIsNotSolr() throws Exception {
    try (TestServers.Running s =
        KibanaDocs.serve(
            "127.0.0.5", Map.of("/api/status", KibanaDocs.kibana(200, KibanaDocs.STATUS)))) {
      assertTrue(identify(s.url()).isEmpty());
    }
  }

  @Test
  void nothingListeningIsNothing() throws Exception {
    assertTrue(identify(TestServers.nothingListening("127.0.0.6")).isEmpty());
  }
}
