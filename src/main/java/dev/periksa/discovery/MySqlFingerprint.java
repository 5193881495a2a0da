package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.TcpProbe;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MySQL and MariaDB: the server speaks first, with a handshake packet (protocol 10, a printable
 * version string, a connection id, 8 bytes of challenge and a zero filler), or with an error packet
 * such as "host is not allowed to connect". Nothing is sent.
 */
final class MySqlFingerprint implements Fingerprint {
  /**
   * Errors a server sends instead of a greeting: too many connections, host blocked, not allowed.
   */
  private static final Set<Integer> GREETING_ERRORS = Set.of(1040, 1129, 1130);

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
  public Optional<URI> identify(Probes probes, String host, int port) {
    try (TcpProbe.Session s = probes.tcp().open(host, port)) {
      byte[] header = s.readExactly(4);
      int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
      if (header[3] != 0 || length < 3 || length > 1024) {
        return Optional.empty();
      }
      byte[] packet = s.readExactly(length);
      return greeting(packet) || greetingError(packet)
          ? Optional.of(URI.create("mysql://" + host + ":" + port))
          : Optional.empty();
    } catch (ProbeException e) {
      return Optional.empty();
    }
  }

  /** Handshake v10: 0x0a, version NUL-terminated, 4-byte id, 8 challenge bytes, a 0 filler. */
  static boolean greeting(byte[] p) {
    if (p[0] != 0x0a) {
      return false;
    }
    int i = 1;
    while (i < p.length && p[i] != 0) {
      if (p[i] < 0x20 || p[i] > 0x7e) {
        return false;
      }
      i++;
    }
    int versionLength = i - 1;
    int filler = i + 1 + 4 + 8;
    return versionLength > 0
        && versionLength <= 100
        && Character.isDigit(p[1])
        && filler < p.length
        && p[filler] == 0;
  }

  /** An error packet instead of a greeting: 0xff, a known error code, printable text. */
  static boolean greetingError(byte[] p) {
    if ((p[0] & 0xff) != 0xff || p.length < 4) {
      return false;
    }
    int code = (p[1] & 0xff) | (p[2] & 0xff) << 8;
    for (int i = 3; i < p.length; i++) {
      if (p[i] < 0x20 || p[i] > 0x7e) {
        return false;
      }
    }
    return GREETING_ERRORS.contains(code);
  }
}
