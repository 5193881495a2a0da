package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.lab.DicomWebLab;
import dev.periksa.lab.FhirLab;
import dev.periksa.lab.Lab;
import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Scope;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The FHIR and DICOMweb fingerprints on the lab's real servers, other products and look-alikes. */
class HealthApiFingerprintIT {
  private final FhirFingerprint fhir = new FhirFingerprint();
  private final DicomWebFingerprint dicomweb = new DicomWebFingerprint();

  private static Fingerprint.Probes probes(String host) {
    Scope scope = new Scope(List.of(host));
    HostRateLimiter limiter = new HostRateLimiter(50);
    Duration timeout = Duration.ofSeconds(5);
    return new Fingerprint.Probes(
        new HttpProbe(scope, limiter, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES),
        new TcpProbe(scope, limiter, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES));
  }

  private static Optional<URI> identify(Fingerprint f, URI at) {
    return f.identify(probes(at.getHost()), at.getHost(), at.getPort());
  }

  private static URI lab(String variable) {
    return URI.create(SharedLab.get().variables().get(variable));
  }

  @Test
  void fhirServersAreRecognisedOpenOrProtected() {
    URI legacy = lab(FhirLab.LEGACY_FHIR);
    assertEquals(Optional.of(legacy), identify(fhir, legacy));
    URI hardened = lab(FhirLab.HARDENED_FHIR);
    assertEquals(Optional.of(hardened), identify(fhir, hardened), "HTTPS, /metadata public");
  }

  @Test
  void otherProductsAndLookAlikesAreNotFhir() throws Exception {
    assertEquals(Optional.empty(), identify(fhir, lab(Lab.LEGACY_SEARCH)));
    assertEquals(Optional.empty(), identify(dicomweb, lab(Lab.LEGACY_SEARCH)));
    assertEquals(Optional.empty(), identify(dicomweb, lab(FhirLab.LEGACY_FHIR)));
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, "<html><body>FHIR portal</body></html>")) {
      assertEquals(Optional.empty(), identify(fhir, s.url()));
      assertEquals(Optional.empty(), identify(dicomweb, s.url()));
    }
    try (TestServers.Running s =
        TestServers.catchAll(
            "127.0.0.5", 200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}")) {
      assertEquals(
          Optional.empty(), identify(fhir, s.url()), "a Bundle is no capability statement");
    }
    assertEquals(
        Optional.empty(), identify(fhir, TestServers.nothingListening("127.0.0.6")), "down");
  }

  @Test
  void dicomWebArchivesAreRecognisedOpenOrProtected() {
    assertTrue(
        SharedLab.get().variables().containsKey(DicomWebLab.LEGACY_DICOMWEB),
        "these tests need Orthanc: apt-get install orthanc orthanc-dicomweb (.ci/run does)");
    URI legacy = lab(DicomWebLab.LEGACY_DICOMWEB);
    URI hardened = lab(DicomWebLab.HARDENED_DICOMWEB);
    assertEquals(Optional.of(legacy), identify(dicomweb, legacy));
    assertEquals(Optional.of(hardened), identify(dicomweb, hardened), "Orthanc's challenge");
    assertEquals(Optional.empty(), identify(fhir, legacy));
    assertTrue(hardened.getScheme().equals("https"));
  }
}
