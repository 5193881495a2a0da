package dev.periksa.product;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * What a MySQL or MariaDB server says first: a handshake packet (protocol 10, a printable version
 * string, a connection id, 8 bytes of challenge and a zero filler), or an error packet such as
 * "host is not allowed to connect". The version is the one {@code SELECT VERSION()} gives too.
 *
 * @param version the server's version string, e.g. "10.11.19-MariaDB-0+deb12u1"
 */
public record MySqlGreeting(String version) {

  /**
   * Errors a server sends instead of a greeting: too many connections, host blocked, not allowed.
   */
  private static final Set<Integer> GREETING_ERRORS = Set.of(1040, 1129, 1130);

  /** The greeting in a packet's payload (its 4-byte header removed), if it is a handshake v10. */
  public static Optional<MySqlGreeting> parse(byte[] p) {
    if (p.length == 0 || p[0] != 0x0a) {
      return Optional.empty();
    }
    int i = 1;
    while (i < p.length && p[i] != 0) {
      if (p[i] < 0x20 || p[i] > 0x7e) {
        return Optional.empty();
      }
      i++;
    }
    int versionLength = i - 1;
    int filler = i + 1 + 4 + 8;
    if (versionLength > 0
        && versionLength <= 100
        && Character.isDigit(p[1])
        && filler < p.length
        && p[filler] == 0) {
      return Optional.of(
          new MySqlGreeting(new String(p, 1, versionLength, StandardCharsets.US_ASCII)));
    }
    return Optional.empty();
  }

  /** An error packet instead of a greeting: 0xff, a known error code, printable text. */
  public static boolean refusal(byte[] p) {
    if (p.length < 4 || (p[0] & 0xff) != 0xff) {
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

  /** The product and version this greeting names, e.g. "MariaDB 10.11.19". */
  public String product() {
    return product(version);
  }

  /** "MariaDB 10.11.19" from "10.11.19-MariaDB-0+deb12u1", "MySQL 8.0.36" from "8.0.36". */
  public static String product(String version) {
    int maria = version.indexOf("-MariaDB");
    if (maria > 0) {
      String v = version.substring(0, maria);
      // MariaDB 10 servers may prefix a replication-compatibility "5.5.5-".
      return "MariaDB " + (v.startsWith("5.5.5-") ? v.substring(6) : v);
    }
    int dash = version.indexOf('-');
    return "MySQL " + (dash > 0 ? version.substring(0, dash) : version);
  }
}
