package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.lab.DimseServers;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DICOM (DIMSE) fingerprint against real archives (an open Orthanc accepts, a restricted
 * dcmqrscp rejects: both are DICOM) and against what is not DICOM; the other TCP fingerprints do
 * not claim a DICOM port.
 */
class DicomFingerprintIT {
  @TempDir Path dir;

  private static Optional<URI> identify(Fingerprint f, URI at) {
    return f.identify(FingerprintProbes.on("127.0.0.1", "127.0.0.5"), at.getHost(), at.getPort());
  }

  @Test
  void anAcceptingOrthancAndARejectingDcmqrscpAreBothDicom() throws Exception {
    assertTrue(
        DimseServers.orthancInstalled() && DimseServers.dcmtkInstalled(),
        "needs Orthanc and dcmtk");
    try (DimseServers.Running orthanc = DimseServers.orthanc(dir, true, 1);
        DimseServers.Running dcmqrscp = DimseServers.dcmqrscp(dir, false, 1)) {
      for (URI u : List.of(orthanc.url(), dcmqrscp.url())) {
        assertEquals(Optional.of(u), identify(new DicomFingerprint(), u));
        for (Fingerprint other :
            List.of(new RedisFingerprint(), new MemcachedFingerprint(), new MongoDbFingerprint())) {
          assertEquals(Optional.empty(), identify(other, u), other.product() + " on " + u);
        }
      }
    }
  }

  @Test
  void anHttpServerIsNotDicom() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "{}")) {
      assertEquals(Optional.empty(), identify(new DicomFingerprint(), s.url()));
    }
  }

  @Test
  void itIsRegistered() {
    assertTrue(Fingerprints.all().stream().anyMatch(f -> f.kind().equals("dicom")));
  }
}
