package dev.periksa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which earlier run gives its history, and how history leaves a single-file report. */
class AllureHistoryTest {
  @TempDir Path tmp;

  @Test
  void theNewestEarlierRunUnderReportsGivesItsHistory() throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Path older = history(reports.resolve("20260101-000000-aaaa"), 1_000);
    Path newer = history(reports.resolve("20260102-000000-bbbb"), 2_000);
    Files.createDirectories(reports.resolve("20260103-000000-cccc")); // no history: not a source
    Path current = Files.createDirectories(reports.resolve("20260104-000000-dddd"));
    assertEquals(Optional.of(newer.toAbsolutePath()), AllureHistory.previousRun(current));
    assertTrue(older.toFile().isDirectory());
    // Outside a reports folder nothing is guessed.
    assertEquals(Optional.empty(), AllureHistory.previousRun(tmp.resolve("elsewhere/run")));
  }

  @Test
  void carriesThePreviousRunsHistoryIntoTheResults() throws Exception {
    Path prev = history(tmp.resolve("prev"), 1_000);
    Path results = Files.createDirectories(tmp.resolve("run/allure-results"));
    assertEquals(1, AllureHistory.carry(prev, results));
    assertEquals("{}", Files.readString(results.resolve("history/history.json")));
    assertEquals(0, AllureHistory.carry(Files.createDirectories(tmp.resolve("empty")), results));
  }

  @Test
  void keepsTheHistoryEmbeddedInASingleFileReport() throws Exception {
    String trend = "[{\"data\":{\"failed\":1}}]";
    String html =
        "<script>d('data/suites.json','e30=');d('history/history-trend.json','"
            + Base64.getEncoder().encodeToString(trend.getBytes(StandardCharsets.UTF_8))
            + "');d('history/history.json','e30=')</script>";
    Path report = Files.writeString(tmp.resolve("report.html"), html);
    assertEquals(2, AllureHistory.keep(report, tmp.resolve("history")));
    assertEquals(trend, Files.readString(tmp.resolve("history/history-trend.json")));
    assertEquals("{}", Files.readString(tmp.resolve("history/history.json")));
  }

  private static Path history(Path run, long mtime) throws Exception {
    Path h = Files.createDirectories(run.resolve("history"));
    Path f = Files.writeString(h.resolve("history.json"), "{}");
    Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
    return run;
  }
}
