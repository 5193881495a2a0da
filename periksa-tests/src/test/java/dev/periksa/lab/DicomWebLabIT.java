package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.testing.SharedLab;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The lab's Orthanc archives keep to their own twin although Orthanc listens on every address. */
class DicomWebLabIT {
  private final HttpClient client = HttpClient.newHttpClient();

  private int status(URI url) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(url).header("Accept", "application/dicom+json").build();
    return client.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void theLegacyArchiveAnswersOnlyAsTheLegacyTwin() throws Exception {
    Lab lab = SharedLab.get();
    assertTrue(
        lab.variables().containsKey(DicomWebLab.LEGACY_DICOMWEB),
        "these tests need Orthanc: apt-get install orthanc orthanc-dicomweb (.ci/run does)");
    URI legacy = URI.create(lab.variables().get(DicomWebLab.LEGACY_DICOMWEB) + "/studies");
    assertEquals(200, status(legacy));
    for (String other :
        new String[] {lab.options().hardenedHost(), lab.options().internalHost(), "127.0.0.1"}) {
      URI elsewhere = URI.create("http://" + other + ":" + legacy.getPort() + legacy.getPath());
      assertEquals(403, status(elsewhere), "the legacy archive answered as " + other);
    }
  }
}
