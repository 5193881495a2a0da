package dev.periksa.report;

import dev.periksa.json.Json;
import dev.periksa.result.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The Allure side of a run: the categories and environment files beside the results, and the
 * single-file HTML report rendered offline by the Allure command line.
 */
public final class AllureReport {
  /** Where to find the Allure command line when it is not beside the jar. */
  public static final String HOME_PROPERTY = "periksa.allure.home";

  public static final String HOME_ENV = "PERIKSA_ALLURE_HOME";

  private AllureReport() {}

  /** Message with which a waived scenario is skipped; the "waived" category matches it. */
  public static final String WAIVED_PREFIX = "WAIVED:";

  /**
   * Allure categories: a violation, a check that could not decide, a waived violation, a skipped
   * requirement. Allure puts a result in every category it matches, so "not applicable" excludes
   * the waived message.
   */
  public static void writeCategories(Path results) throws IOException {
    List<Map<String, Object>> cats = new ArrayList<>();
    cats.add(category("Violation found", List.of("failed"), null));
    cats.add(category("Could not verify (INCONCLUSIVE)", List.of("broken"), null));
    cats.add(category("Waived (accepted risk)", List.of("skipped"), WAIVED_PREFIX + ".*"));
    cats.add(category("Not applicable", List.of("skipped"), "(?!" + WAIVED_PREFIX + ").*"));
    Files.writeString(results.resolve("categories.json"), Json.MAPPER.writeValueAsString(cats));
  }

  private static Map<String, Object> category(String name, List<String> statuses, String regex) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("matchedStatuses", statuses);
    if (regex != null) {
      m.put("messageRegex", regex);
    }
    return m;
  }

  /** The facts shown on the report's overview page. */
  public static void writeEnvironment(Path results, Map<String, String> facts) throws IOException {
    Properties p = new Properties();
    facts.forEach(p::setProperty);
    try (var out =
        Files.newBufferedWriter(
            results.resolve("environment.properties"), StandardCharsets.ISO_8859_1)) {
      p.store(out, null);
    }
  }

  /**
   * Renders {@code results} into one self-contained HTML file that opens from disk.
   *
   * @throws IOException when the Allure command line is missing or fails
   */
  public static void render(Path results, Path reportHtml) throws IOException {
    Path home =
        home()
            .orElseThrow(
                () ->
                    new IOException(
                        "the Allure command line was not found (build with 'mvn package', or set "
                            + HOME_ENV
                            + ")"));
    Path out = Files.createTempDirectory(reportHtml.toAbsolutePath().getParent(), ".allure-");
    Path overlay =
        Files.createTempDirectory(reportHtml.toAbsolutePath().getParent(), ".allure-home-");
    try {
      Path config = overlayHome(home, overlay);
      String javaCmd = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb =
          new ProcessBuilder(
              javaCmd,
              "-Xmx" + heapMegabytes(results) + "m",
              compilerFor(results),
              "-cp",
              home.resolve("lib") + "/*" + java.io.File.pathSeparator + home.resolve("lib/config"),
              "io.qameta.allure.CommandLine",
              "generate",
              "--single-file",
              "--clean",
              "--config",
              config.toString(),
              "-o",
              out.toString(),
              results.toString());
      pb.environment().put("APP_HOME", overlay.toString());
      pb.environment().put("ALLURE_NO_ANALYTICS", "true");
      pb.redirectErrorStream(true);
      Path log = out.resolveSibling(out.getFileName() + ".log");
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      boolean done;
      try {
        done = p.waitFor(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while rendering the report", e);
      }
      String output = Files.exists(log) ? Files.readString(log) : "";
      Files.deleteIfExists(log);
      if (!done) {
        p.destroyForcibly();
        throw new IOException("the Allure command line did not finish within 5 minutes");
      }
      Path index = out.resolve("index.html");
      if (p.exitValue() != 0 || !Files.exists(index)) {
        throw new IOException(
            "the Allure command line failed (exit " + p.exitValue() + "): " + output.strip());
      }
      Files.move(index, reportHtml, StandardCopyOption.REPLACE_EXISTING);
      // The next run carries this history forward (see AllureHistory).
      AllureHistory.keep(
          reportHtml, reportHtml.toAbsolutePath().getParent().resolve(AllureHistory.DIR));
    } finally {
      deleteTree(out);
      deleteTree(overlay);
    }
  }

  /**
   * Most Allure results a single-file report is rendered from: the Allure command line holds them
   * all in memory, and the page a browser would open is as large as they are (a 100-target fleet
   * gives about 75 MB of each). A larger run keeps its results (allure-results/, results.json,
   * JUnit, SARIF, the certificates) and is not rendered into one page; scanning it in shards, or
   * {@code allure serve allure-results} on a larger machine, shows it.
   */
  public static final long MAX_RESULTS_BYTES = 256L * 1024 * 1024;

  /** The bytes of Allure results in a folder (its files, not sub-folders'). */
  public static long resultsBytes(Path results) throws IOException {
    long total = 0;
    try (var files = Files.list(results)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          total += Files.size(f);
        }
      }
    }
    return total;
  }

  /** The Allure command line's heap: six times the results, 512 MB to 2 GB. */
  static long heapMegabytes(Path results) throws IOException {
    long mb = 6 * resultsBytes(results) / (1024 * 1024);
    return Math.max(512, Math.min(2048, mb));
  }

  /** Below this many bytes of results, rendering is mostly the JVM's start. */
  static final long SMALL_RESULTS = 32L * 1024 * 1024;

  /**
   * The compiler for the Allure command line: a small run's report is rendered in a few seconds,
   * most of it start-up, where C1 alone spends far less CPU; a fleet's takes minutes of real work,
   * where the optimising compiler pays for itself.
   */
  static String compilerFor(Path results) throws IOException {
    return resultsBytes(results) < SMALL_RESULTS
        ? "-XX:TieredStopAtLevel=1"
        : "-XX:+TieredCompilation";
  }

  /** Periksa's plugin folder inside the Allure command line's plugins. */
  static final String PLUGIN = "periksa-summary";

  private static final List<String> PLUGIN_FILES =
      List.of("allure-plugin.yml", "static/index.js", "static/styles.css");

  /** The class of the plugin's extension, packed into the plugin's jar. */
  private static final String PLUGIN_CLASS = "dev/periksa/report/allure/SummaryPlugin.class";

  /**
   * An Allure home for one rendering: the command line's own plugins (linked, as its configuration
   * lists them) plus Periksa's certification summary plugin, and a configuration that enables them.
   * The command line's installation is never written to. Returns the configuration file.
   */
  static Path overlayHome(Path home, Path overlay) throws IOException {
    Path plugins = Files.createDirectories(overlay.resolve("plugins"));
    List<String> enabled = new ArrayList<>();
    Path stockConfig = home.resolve("config/allure.yml");
    if (Files.isRegularFile(stockConfig)) {
      for (String line : Files.readAllLines(stockConfig)) {
        String t = line.strip();
        if (t.startsWith("- ")) {
          String name = t.substring(2).strip();
          Path dir = home.resolve("plugins").resolve(name);
          if (Files.isDirectory(dir)) {
            Files.createSymbolicLink(plugins.resolve(name), dir.toAbsolutePath());
            enabled.add(name);
          }
        }
      }
    }
    Path own = Files.createDirectories(plugins.resolve(PLUGIN).resolve("static"));
    for (String f : PLUGIN_FILES) {
      try (var in = resource("allure-plugin/" + PLUGIN + "/" + f)) {
        Files.copy(in, own.getParent().resolve(f), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (var in = resource(PLUGIN_CLASS);
        var jar =
            new java.util.jar.JarOutputStream(
                Files.newOutputStream(own.getParent().resolve(PLUGIN + ".jar")))) {
      jar.putNextEntry(new java.util.jar.JarEntry(PLUGIN_CLASS));
      in.transferTo(jar);
      jar.closeEntry();
    }
    enabled.add(PLUGIN);
    Path config = Files.createDirectories(overlay.resolve("config")).resolve("allure.yml");
    StringBuilder yml = new StringBuilder("plugins:\n");
    enabled.forEach(n -> yml.append("  - ").append(n).append('\n'));
    Files.writeString(config, yml.toString(), StandardCharsets.UTF_8);
    return config;
  }

  private static java.io.InputStream resource(String name) throws IOException {
    java.io.InputStream in = AllureReport.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is missing from Periksa's class path");
    }
    return in;
  }

  /** The unpacked Allure command line: configured, beside the jar, or in the build folder. */
  static Optional<Path> home() {
    String configured = System.getProperty(HOME_PROPERTY, System.getenv(HOME_ENV));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured)).filter(AllureReport::isAllureHome);
    }
    try {
      Path code =
          Path.of(AllureReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/periksa.jar or target/classes: the command line is unpacked beside either.
      Path dir = code.getParent();
      Path candidate = dir.resolve("allure-" + Version.allureCommandLine());
      return Optional.of(candidate).filter(AllureReport::isAllureHome);
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static boolean isAllureHome(Path p) {
    return Files.isDirectory(p.resolve("lib"));
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary folder is harmless.
    }
  }
}
