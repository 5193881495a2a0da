package dev.periksa.report;

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
    try {
      String javaCmd = ProcessHandle.current().info().command().orElse("java");
      ProcessBuilder pb =
          new ProcessBuilder(
              javaCmd,
              "-Xmx512m",
              "-cp",
              home.resolve("lib") + "/*" + java.io.File.pathSeparator + home.resolve("lib/config"),
              "io.qameta.allure.CommandLine",
              "generate",
              "--single-file",
              "--clean",
              "-o",
              out.toString(),
              results.toString());
      pb.environment().put("APP_HOME", home.toString());
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
    }
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
