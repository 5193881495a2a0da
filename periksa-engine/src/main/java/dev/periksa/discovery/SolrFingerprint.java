package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.SolrReplies;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Apache Solr: {@code GET /solr/admin/info/system} answers Solr's system information (with {@code
 * lucene.solr-spec-version}), or a secured node answers 401 with Solr's own challenge ({@code Basic
 * realm="solr"}); over HTTP or HTTPS. The endpoint is Solr's base URL, {@code .../solr}.
 */
final class SolrFingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "solr";
  }

  @Override
  public String product() {
    return "Solr";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(8983, 8984, 443, 80);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      URI base = URI.create(scheme + "://" + host + ":" + port + "/solr");
      try {
        ProbeResponse r = probes.http().get(URI.create(base + "/admin/info/system?wt=json"));
        if (SolrReplies.identifies(r.reply())) {
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
