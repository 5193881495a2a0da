package dev.periksa.check.transport;

import dev.periksa.check.TargetContext;
import dev.periksa.target.Endpoint;
import dev.periksa.target.EndpointKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The TLS services of a target: every {@code https://} endpoint of any kind, every {@code tls://}
 * endpoint (a TLS service without HTTP) and every {@code mllps://} HL7 interface, once per port.
 */
final class TlsTargets {
  private TlsTargets() {}

  /**
   * One TLS service.
   *
   * @param names the endpoints that share this host and port, the first declared first
   */
  record Service(String host, int port, URI url, List<String> names) {
    String name() {
      return String.join("/", names);
    }

    String address() {
      return host + ":" + port;
    }
  }

  /** Declared endpoints in profile order, then discovered ones; one entry per host:port. */
  static List<Service> of(TargetContext ctx) {
    List<Endpoint> all = new ArrayList<>(ctx.profile().endpoints());
    for (String kind : EndpointKind.ids()) {
      all.addAll(ctx.endpoints(kind));
    }
    Map<String, Service> out = new LinkedHashMap<>();
    for (Endpoint e : all) {
      URI u = e.url();
      if (!java.util.Set.of("https", "tls", "mllps")
          .contains(u.getScheme().toLowerCase(Locale.ROOT))) {
        continue;
      }
      String key = u.getHost().toLowerCase(Locale.ROOT) + ":" + e.port(443);
      Service known = out.get(key);
      if (known == null) {
        List<String> names = new ArrayList<>();
        names.add(e.name());
        out.put(key, new Service(u.getHost(), e.port(443), u, names));
      } else if (!known.names().contains(e.name())) {
        known.names().add(e.name());
      }
    }
    return List.copyOf(out.values());
  }
}
