package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.FhirReplies;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A FHIR server: {@code GET [base]/metadata} answers its capability statement ({@code
 * CapabilityStatement}, or DSTU2's {@code Conformance}, with a {@code fhirVersion}), which FHIR
 * keeps public even on protected servers; a server that guards it too answers with an
 * OperationOutcome. The base is tried at {@code /fhir} and at the root, over HTTP then HTTPS.
 */
final class FhirFingerprint implements Fingerprint {
  /** Where FHIR bases usually sit on a host. */
  static final List<String> BASES = List.of("/fhir", "");

  private static final Map<String, String> ACCEPT =
      Map.of("Accept", "application/fhir+json, application/json;q=0.9");

  @Override
  public String kind() {
    return "fhir";
  }

  @Override
  public String product() {
    return "FHIR";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(8080, 443, 80, 8443);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      boolean spoke = false;
      for (String path : BASES) {
        URI base = URI.create(scheme + "://" + host + ":" + port + path);
        try {
          ProbeResponse r = probes.http().get(URI.create(base + "/metadata"), ACCEPT);
          spoke = true;
          if (FhirReplies.identifies(r.reply())) {
            return Optional.of(base);
          }
        } catch (ProbeException e) {
          break; // this scheme does not work here; try the other one
        }
      }
      if (spoke) {
        return Optional.empty(); // it spoke this scheme and is something else
      }
    }
    return Optional.empty();
  }
}
