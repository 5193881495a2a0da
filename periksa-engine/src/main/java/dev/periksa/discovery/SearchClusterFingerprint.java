package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.SearchClusterReplies;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Elasticsearch and OpenSearch: {@code GET /} answers a banner with {@code version.number}, or a
 * secured cluster answers 401 with {@code security_exception} ({@link SearchClusterReplies}); over
 * HTTP or HTTPS.
 */
final class SearchClusterFingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "search";
  }

  @Override
  public String product() {
    return "Elasticsearch/OpenSearch";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(9200, 9201, 443, 80);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      URI base = URI.create(scheme + "://" + host + ":" + port);
      try {
        ProbeResponse r = probes.http().get(base.resolve("/"));
        if (SearchClusterReplies.identifies(r.reply())) {
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
