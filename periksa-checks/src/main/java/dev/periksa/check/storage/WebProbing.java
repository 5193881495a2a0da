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
   * out: what a catch-all server or a soft 404 gives for any path. Pages that echo the path in ways
   * the plain removal misses (encoded, in links) still share nearly all their words, so a word-set
   * likeness of {@value #SAME_PAGE} or more, at similar lengths, counts as the same page.
   */
  static boolean samePage(ProbeResponse a, String pathA, ProbeResponse b, String pathB) {
    if (!a.isSuccess() || !b.isSuccess()) {
      return false;
    }
    if (java.util.Arrays.equals(a.body(), b.body())) {
      return true;
    }
    String x = normalise(a, pathA);
    String y = normalise(b, pathB);
    if (x.equals(y)) {
      return true;
    }
    double lengths =
        (double) Math.min(x.length(), y.length()) / Math.max(1, Math.max(x.length(), y.length()));
    return lengths >= 0.8 && likeness(words(x), words(y)) >= SAME_PAGE;
  }

  /** Share of words two pages have in common (Jaccard) above which they are one page. */
  static final double SAME_PAGE = 0.9;

  private static String normalise(ProbeResponse r, String path) {
    String text = new String(r.body(), StandardCharsets.ISO_8859_1);
    String bare = path.replaceAll("/+$", "");
    String last = bare.substring(bare.lastIndexOf('/') + 1);
    for (String p : new String[] {path, bare, last}) {
      if (p.length() >= 2) {
        text = text.replace(p, "\u0000");
      }
    }
    return text.toLowerCase(Locale.ROOT);
  }

  private static java.util.Set<String> words(String text) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String w : text.split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static double likeness(java.util.Set<String> a, java.util.Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    java.util.Set<String> both = new java.util.HashSet<>(a);
    both.retainAll(b);
    java.util.Set<String> any = new java.util.HashSet<>(a);
    any.addAll(b);
    return (double) both.size() / any.size();
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
