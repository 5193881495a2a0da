package dev.periksa.target;

import java.util.List;
import java.util.Locale;

/**
 * The hosts a scan may contact. Anything else is out of bounds, including redirect targets.
 *
 * @param hosts host names or IP addresses, compared without case
 */
public record Scope(List<String> hosts) {
  public Scope {
    hosts =
        hosts == null ? List.of() : hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }

  /** Whether a host may be contacted. */
  public boolean allows(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return hosts.contains(h);
  }
}
