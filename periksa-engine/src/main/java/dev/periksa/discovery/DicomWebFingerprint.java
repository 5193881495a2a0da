package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.DicomWebReplies;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DICOMweb archive: a QIDO-RS study query ({@code [base]/studies?limit=1}) answers DICOM JSON
 * datasets, or an empty result typed {@code application/dicom+json}. A protected archive says
 * nothing about itself in a bare 401, except Orthanc, whose challenge names its realm; others
 * behind authentication are not recognised. Bases tried: {@code /dicom-web} (Orthanc), {@code
 * /dicomweb} and the root, over HTTP then HTTPS.
 */
final class DicomWebFingerprint implements Fingerprint {
  static final List<String> BASES = List.of("/dicom-web", "/dicomweb", "");

  private static final Map<String, String> ACCEPT =
      Map.of("Accept", "application/dicom+json, application/json;q=0.9");

  @Override
  public String kind() {
    return "dicomweb";
  }

  @Override
  public String product() {
    return "DICOMweb";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(8042, 8080, 443, 80);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      boolean spoke = false;
      for (String path : BASES) {
        URI base = URI.create(scheme + "://" + host + ":" + port + path);
        try {
          ProbeResponse r = probes.http().get(URI.create(base + "/studies?limit=1"), ACCEPT);
          spoke = true;
          if (DicomWebReplies.identifies(r.reply())) {
            return Optional.of(base);
          }
        } catch (ProbeException e) {
          break;
        }
      }
      if (spoke) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
