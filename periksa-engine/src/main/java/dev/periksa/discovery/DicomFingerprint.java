package dev.periksa.discovery;

import dev.periksa.probe.DimseClient;
import dev.periksa.probe.ProbeException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A DICOM archive (DIMSE): an A-ASSOCIATE-RQ from an unknown AE title is answered with a
 * well-formed A-ASSOCIATE-AC or A-ASSOCIATE-RJ. An accepted association is aborted at once; no
 * DIMSE message is sent.
 */
final class DicomFingerprint implements Fingerprint {
  static final String CALLING_AE = "PERIKSA";
  static final String CALLED_AE = "ANY-SCP";

  @Override
  public String kind() {
    return "dicom";
  }

  @Override
  public String product() {
    return "DICOM archive (DIMSE)";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(104, 4242, 11112);
  }

  @Override
  public Wire wire() {
    return Wire.TCP;
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    URI url = URI.create("dicom://" + host + ":" + port);
    try {
      DimseClient.Association a =
          DimseClient.associate(probes.tcp(), url, port, CALLING_AE, CALLED_AE);
      a.client().ifPresent(DimseClient::abort);
      // An A-ABORT alone is ten bytes another protocol could send by chance: only AC or RJ count.
      return a.accepted() || a.refusal().startsWith("A-ASSOCIATE-RJ")
          ? Optional.of(url)
          : Optional.empty();
    } catch (ProbeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
