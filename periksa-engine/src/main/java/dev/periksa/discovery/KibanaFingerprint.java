package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.KibanaReplies;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Kibana and OpenSearch Dashboards: {@code GET /api/status} answers the app's status ({@code
 * status.overall.level}, or {@code state} before Kibana 8), or a secured app answers 401 with its
 * own name header ({@code kbn-name} or {@code osd-name}); over HTTP or HTTPS.
 *
 * <p>Proven on replies copied from Kibana's documentation only: no Kibana can run here.
 */
final class KibanaFingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "kibana";
  }

  @Override
  public String product() {
    return "Kibana";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(5601, 443, 80);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      URI base = URI.create(scheme + "://" + host + ":" + port);
      try {
        ProbeResponse r = probes.http().get(URI.create(base + "/api/status"));
        if (KibanaReplies.identifies(r.reply())) {
          return Optional.of(base);
        }
        if (r.status() > 0) {
          return Optional.empty(); // it spoke this scheme and is something else
        }
      } catch (ProbeException e) {
        // Try the other scheme, or give up quietly.
      }
    }
    return Optional.empty();
  }
}
