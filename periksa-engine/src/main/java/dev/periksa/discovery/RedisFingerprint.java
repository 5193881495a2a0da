package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.RedisReplies;
import dev.periksa.probe.Resp;
import dev.periksa.probe.TcpProbe;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Redis: {@code PING} answers {@code +PONG} (open), {@code -NOAUTH} (password required) or {@code
 * -DENIED} (protected mode), and an invented command gets Redis's own "unknown command" error,
 * which a server that answers {@code +PONG} to everything does not give.
 */
final class RedisFingerprint implements Fingerprint {

  @Override
  public String kind() {
    return "redis";
  }

  @Override
  public String product() {
    return "Redis";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(6379, 6380);
  }

  @Override
  public Wire wire() {
    return Wire.TCP;
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    try (TcpProbe.Session s = probes.tcp().open(host, port)) {
      Resp.Reply ping = Resp.call(s, "PING");
      if (!RedisReplies.pong(ping) && RedisReplies.refusal(ping).isEmpty()) {
        return Optional.empty();
      }
      Resp.Reply invented =
          Resp.call(s, "PERIKSA-FINGERPRINT-" + Long.toHexString(System.nanoTime()));
      return RedisReplies.identifies(ping, invented)
          ? Optional.of(URI.create("redis://" + host + ":" + port))
          : Optional.empty();
    } catch (ProbeException e) {
      return Optional.empty();
    }
  }
}
