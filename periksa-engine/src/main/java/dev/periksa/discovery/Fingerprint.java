package dev.periksa.discovery;

import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.TcpProbe;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * How to recognise one product on a host and port that a profile lists without saying what runs
 * there. Discovery tries each fingerprint on the profile's hosts and ports and turns what answers
 * into endpoints of the fingerprint's kind, which the matching checks then probe.
 */
public interface Fingerprint {

  /** The endpoint kind this product gives (see {@link dev.periksa.target.EndpointKind}). */
  String kind();

  /** Product name for the inventory, e.g. "Redis". */
  String product();

  /** Ports where the product usually listens, tried when the profile names none. */
  List<Integer> defaultPorts();

  /**
   * How the product talks: over HTTP(S), or its own protocol on raw TCP. Discovery first sorts a
   * port into one of these, so a fingerprint is never left waiting for a reply in the wrong
   * protocol.
   */
  default Wire wire() {
    return Wire.HTTP;
  }

  /** The family of protocols a product speaks. */
  enum Wire {
    HTTP,
    TCP
  }

  /**
   * The endpoint URL if this product answers at host:port. Must not throw for target behaviour: a
   * refusal, a timeout or another product's reply is an empty result. Send as little as the
   * product's own greeting needs, and no credentials.
   */
  Optional<URI> identify(Probes probes, String host, int port);

  /** The probes a fingerprint may use: the target's scope, rate limit, timeouts and caps apply. */
  record Probes(HttpProbe http, TcpProbe tcp) {}
}
