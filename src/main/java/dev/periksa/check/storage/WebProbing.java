package dev.periksa.check.storage;

import dev.periksa.probe.ProbeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers the web-tier checks share: URLs under a base, invented paths, soft-404 tests. */
final class WebProbing {
  private WebProbing() {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern CONTENT_RANGE =
      Pattern.compile("(?i)bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");

  /** The URL of an absolute path under the endpoint's URL (which may carry a base path). */
  static URI at(URI base, String path) {
    String b = base.toString();
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return URI.create(b + (path.startsWith("/") ? path : "/" + path));
  }

  /** A name nobody deploys: {@code periksa-} and 12 random hex digits. */
  static String invented() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "periksa-" + HexFormat.of().formatHex(b);
  }

  /** The HTTP Range header value for the first {@code bytes} bytes. */
  static String firstBytes(int bytes) {
    return "bytes=0-" + (bytes - 1);
  }

  /** The whole size of a file from a 206 reply's Content-Range, if it says. */
  static Optional<Long> totalSize(ProbeResponse r) {
    return r.header("content-range")
        .map(CONTENT_RANGE::matcher)
        .filter(Matcher::find)
        .filter(m -> !m.group(3).equals("*"))
        .map(m -> Long.parseLong(m.group(3)));
  }

  /** Whether the body read is less than the whole file (a Range reply, or cut by the size cap). */
  static boolean partial(ProbeResponse r) {
    return r.truncated() || totalSize(r).map(t -> t > r.body().length).orElse(false);
  }

  /**
   * Whether two successful replies are the same page once the paths they were asked for are taken
   * out: what a catch-all server or a soft 404 gives for any path.
   */
  static boolean samePage(ProbeResponse a, String pathA, ProbeResponse b, String pathB) {
    if (!a.isSuccess() || !b.isSuccess()) {
      return false;
    }
    if (java.util.Arrays.equals(a.body(), b.body())) {
      return true;
    }
    return normalise(a, pathA).equals(normalise(b, pathB));
  }

  private static String normalise(ProbeResponse r, String path) {
    String text = new String(r.body(), StandardCharsets.ISO_8859_1);
    String last = path.replaceAll("/+$", "");
    last = last.substring(last.lastIndexOf('/') + 1);
    text = text.replace(path, "\u0000");
    if (!last.isEmpty()) {
      text = text.replace(last, "\u0000");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** Whether a reply says the thing is not there or not for this caller. */
  static boolean notServed(int status) {
    return status == 404
        || status == 410
        || status == 401
        || status == 403
        || status == 400
        || status == 405
        || status == 416
        || (status >= 300 && status < 400);
  }
}
