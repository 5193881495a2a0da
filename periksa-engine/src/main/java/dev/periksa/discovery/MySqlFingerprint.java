package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.TcpProbe;
import dev.periksa.product.MySqlGreeting;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * MySQL and MariaDB: the server speaks first, with a handshake packet (protocol 10, a printable
 * version string, a connection id, 8 bytes of challenge and a zero filler), or with an error packet
 * such as "host is not allowed to connect" ({@link MySqlGreeting}). Nothing is sent.
 */
final class MySqlFingerprint implements Fingerprint {
  @Override
  public String kind() {
    return "mysql";
  }

  @Override
  public String product() {
    return "MySQL/MariaDB";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(3306);
  }

  @Override
  public Wire wire() {
    return Wire.TCP;
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    try (TcpProbe.Session s = probes.tcp().open(host, port)) {
      byte[] header = s.readExactly(4);
      int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
      if (header[3] != 0 || length < 3 || length > 1024) {
        return Optional.empty();
      }
      byte[] packet = s.readExactly(length);
      return MySqlGreeting.parse(packet).isPresent() || MySqlGreeting.refusal(packet)
          ? Optional.of(URI.create("mysql://" + host + ":" + port))
          : Optional.empty();
    } catch (ProbeException e) {
      return Optional.empty();
    }
  }
}
