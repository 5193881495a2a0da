package dev.periksa.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Allure history across runs: the previous run's {@code history/} goes into this run's
 * allure-results before rendering (so trends and each result's history tab show), and the history
 * the render produced is kept in the run folder for the next run.
 */
public final class AllureHistory {
  /** The folder of a run that holds the history its report was rendered with. */
  public static final String DIR = "history";

  private static final String HISTORY_FILE = "history.json";
  // A single-file report embeds every generated file as d('path','base64'); history is among them.
  private static final Pattern EMBEDDED =
      Pattern.compile("d\\('history/([A-Za-z0-9._-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");

  private AllureHistory() {}

  /**
   * The newest earlier run beside {@code runDir}, when the run folder sits in a folder named {@code
   * reports}: the default place of runs. A run counts when it kept a history.
   */
  public static Optional<Path> previousRun(Path runDir) {
    Path abs = runDir.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    if (parent == null
        || parent.getFileName() == null
        || !"reports".equals(parent.getFileName().toString())
        || !Files.isDirectory(parent)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(p -> !p.equals(abs))
          .filter(p -> Files.isRegularFile(p.resolve(DIR).resolve(HISTORY_FILE)))
          .max(Comparator.comparing(AllureHistory::historyTime));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static FileTime historyTime(Path run) {
    try {
      return Files.getLastModifiedTime(run.resolve(DIR).resolve(HISTORY_FILE));
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /**
   * Where the history of a previous run lies: its kept {@code history/}, or the folder itself when
   * it is a history folder. Empty when the folder holds none.
   */
  public static Optional<Path> historyOf(Path previous) {
    for (Path candidate :
        List.of(
            previous.resolve(DIR),
            previous.resolve("allure-results").resolve(DIR),
            previous.resolve("allure-report").resolve(DIR),
            previous)) {
      if (Files.isRegularFile(candidate.resolve(HISTORY_FILE))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Copies the previous run's history into this run's results.
   *
   * @return the number of history files carried
   */
  public static int carry(Path previous, Path allureResults) throws IOException {
    Optional<Path> from = historyOf(previous);
    if (from.isEmpty()) {
      return 0;
    }
    Path to = Files.createDirectories(allureResults.resolve(DIR));
    int n = 0;
    try (Stream<Path> s = Files.list(from.get())) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        n++;
      }
    }
    return n;
  }

  /**
   * Keeps the history a single-file report was rendered with, read from the report itself (the
   * single-file mode writes no history folder).
   *
   * @return the number of history files written
   */
  public static int keep(Path reportHtml, Path historyDir) throws IOException {
    String html = Files.readString(reportHtml, StandardCharsets.UTF_8);
    Matcher m = EMBEDDED.matcher(html);
    int n = 0;
    while (m.find()) {
      if (n == 0) {
        Files.createDirectories(historyDir);
      }
      Files.write(historyDir.resolve(m.group(1)), Base64.getDecoder().decode(m.group(2)));
      n++;
    }
    return n;
  }
}
