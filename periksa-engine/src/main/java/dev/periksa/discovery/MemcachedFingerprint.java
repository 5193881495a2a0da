package dev.periksa.discovery;

import dev.periksa.probe.MemcachedReplies;
import dev.periksa.probe.MemcachedWire;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.TcpProbe;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Memcached: the text {@code version} command answers {@code VERSION x} and an invented command
 * {@code ERROR}; a server with an authentication file answers {@code CLIENT_ERROR unauthenticated};
 * a SASL-only server closes on text and answers the binary version request.
 */
final class MemcachedFingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "memcached";
  }

  @Override
  public String product() {
    return "Memcached";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(11211);
  }

  @Override
  public Wire wire() {
    return Wire.TCP;
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    URI url = URI.create("memcached://" + host + ":" + port);
    try {
      String first;
      try (TcpProbe.Session s = probes.tcp().open(host, port)) {
        s.send(MemcachedWire.TEXT_GREETING);
        first = MemcachedWire.readLineOrClosed(s);
        if (MemcachedReplies.version(first).isPresent()) {
          MemcachedWire.readLine(s);
          MemcachedWire.readLine(s);
          s.send("periksa-fingerprint\r\n");
          return MemcachedReplies.unknownCommand(MemcachedWire.readLine(s))
              ? Optional.of(url)
              : Optional.empty();
        }
      }
      if (first != null) {
        return MemcachedReplies.unauthenticated(first) ? Optional.of(url) : Optional.empty();
      }
      try (TcpProbe.Session s = probes.tcp().open(host, port)) {
        s.send(MemcachedWire.binary(MemcachedWire.OP_VERSION));
        MemcachedWire.BinaryReply r = MemcachedWire.readBinary(s);
        return MemcachedReplies.binaryVersion(r) ? Optional.of(url) : Optional.empty();
      }
    } catch (ProbeException e) {
      return Optional.empty();
    }
  }
}
