package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.CouchDbReplies;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Apache CouchDB: {@code GET /} answers {@code {"couchdb":"Welcome","version":...}}. */
final class CouchDbFingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "couchdb";
  }

  @Override
  public String product() {
    return "CouchDB";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(5984, 6984);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      URI base = URI.create(scheme + "://" + host + ":" + port);
      try {
        ProbeResponse r = probes.http().get(base.resolve("/"));
        if (CouchDbReplies.identifies(r.reply())) {
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
