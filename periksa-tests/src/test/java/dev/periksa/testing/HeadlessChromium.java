package dev.periksa.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Debian's {@code chromium} in headless mode: renders a page from disk and returns the DOM its
 * scripts built. No network, no profile of its own beyond a fresh temporary folder.
 */
public final class HeadlessChromium {
  /** Overrides where the browser is (else {@code chromium} or {@code chromium-browser} on PATH). */
  public static final String ENV = "PERIKSA_CHROMIUM";

  private static final Pattern SCRIPT =
      Pattern.compile("<(script|style)\\b.*?</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");

  private final Path binary;

  private HeadlessChromium(Path binary) {
    this.binary = binary;
  }

  /** The installed browser, if any. */
  public static Optional<HeadlessChromium> find() {
    String configured = System.getenv(ENV);
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isExecutable(p) ? Optional.of(new HeadlessChromium(p)) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new HeadlessChromium(p));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Opens {@code file} at {@code fragment} (a hash route such as {@code categories}) and returns
   * the rendered DOM.
   */
  public String dumpDom(Path file, String fragment) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("periksa-chromium-");
    Path err = Files.createTempFile("periksa-chromium-", ".log");
    try {
      String url = file.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
      ProcessBuilder pb =
          new ProcessBuilder(
              binary.toString(),
              "--headless",
              "--no-sandbox",
              "--disable-gpu",
              "--disable-background-networking",
              "--disable-component-update",
              "--disable-sync",
              "--disable-dev-shm-usage",
              "--no-first-run",
              "--user-data-dir=" + profile,
              "--virtual-time-budget=15000",
              "--dump-dom",
              url);
      pb.redirectError(err.toFile());
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process p = pb.start();
      byte[] dom;
      try (var in = p.getInputStream()) {
        dom = in.readAllBytes();
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish within 120 s");
      }
      if (p.exitValue() != 0 || dom.length == 0) {
        String log = Files.readString(err, StandardCharsets.UTF_8);
        throw new IOException(
            "chromium failed (exit "
                + p.exitValue()
                + "): "
                + log.substring(0, Math.min(2000, log.length())));
      }
      return new String(dom, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(err);
      deleteTree(profile);
    }
  }

  /** The text a reader sees: scripts and styles dropped, tags removed, spaces collapsed. */
  public static String text(String dom) {
    String t = SCRIPT.matcher(dom).replaceAll(" ");
    t = TAG.matcher(t).replaceAll(" ");
    t =
        t.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return t.replaceAll("\\s+", " ");
  }

  private static void deleteTree(Path dir) {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary profile is harmless.
    }
  }
}
