package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.ActuatorReplies;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Spring Boot Actuator: {@code GET /actuator} answers a HAL index whose {@code _links.self.href}
 * ends in {@code /actuator} and whose every link has an {@code href}; over HTTP or HTTPS. A plain
 * web server is too generic to fingerprint, so only the actuator is recognised as a web endpoint;
 * an actuator behind authentication (401) is not told apart from any other protected site.
 */
final class ActuatorFingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "web";
  }

  @Override
  public String product() {
    return "Spring Boot Actuator";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(8080, 8081, 8443, 9000, 443, 80);
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    for (String scheme : List.of("http", "https")) {
      URI base = URI.create(scheme + "://" + host + ":" + port);
      try {
        ProbeResponse r = probes.http().get(base.resolve("/actuator"));
        if (ActuatorReplies.identifies(r.reply())) {
          return Optional.of(base);
        }
        // 400 is what Tomcat and Jetty answer plain HTTP on a TLS port: try HTTPS then.
        if (r.status() > 0 && r.status() != 400) {
          return Optional.empty(); // it spoke this scheme and is something else
        }
      } catch (ProbeException e) {
        // Try the other scheme, or give up quietly.
      }
    }
    return Optional.empty();
  }
}
