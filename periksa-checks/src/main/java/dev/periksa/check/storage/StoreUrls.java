package dev.periksa.check.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * URLs below an object store's endpoint, which may carry a path (Azurite) or a query (emulators).
 */
final class StoreUrls {
  private static final SecureRandom RANDOM = new SecureRandom();

  private StoreUrls() {}

  /**
   * The endpoint's URL with an already-encoded path appended and a query merged with the endpoint's
   * own query, if any.
   */
  static URI at(URI base, String encodedPath, String query) {
    StringBuilder b = new StringBuilder();
    b.append(base.getScheme()).append("://").append(base.getRawAuthority());
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    if (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    b.append(basePath);
    b.append(encodedPath.startsWith("/") ? encodedPath : "/" + encodedPath);
    String q = base.getRawQuery();
    if (query != null && !query.isEmpty()) {
      q = q == null || q.isEmpty() ? query : q + "&" + query;
    }
    if (q != null && !q.isEmpty()) {
      b.append('?').append(q);
    }
    return URI.create(b.toString());
  }

  /** Percent-encodes one path segment (RFC 3986 unreserved characters stay). */
  static String segment(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }

  /** Percent-encodes an object key, keeping its slashes as path separators. */
  static String key(String key) {
    StringBuilder b = new StringBuilder();
    String[] parts = key.split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(segment(parts[i]));
    }
    return b.toString();
  }

  /** A name no one has used: 12 random hex digits after a prefix. */
  static String invented(String prefix) {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }
}
