package dev.periksa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Outcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.testing.Outcomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page of a run too large for one Allure page. */
class FleetReportTest {
  @TempDir Path dir;

  static TargetOutcome target(String name, Outcome sto1) throws Exception {
    return Outcomes.searchTarget(name, sto1);
  }

  @Test
  void everyTargetWithItsVerdictFailuresAndFindingsEscaped() throws Exception {
    List<TargetOutcome> all = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      all.add(
          target(
              i == 30 ? "<script>alert(1)</script>" : String.format("fleet-%04d", i),
              i % 3 == 0 ? Outcome.FAIL : i % 3 == 1 ? Outcome.PASS : Outcome.INCONCLUSIVE));
    }
    Path page = dir.resolve("report.html");
    FleetReport.write(page, "run-1", all, Texts.of("en"), "too large for Allure");
    String html = Files.readString(page);
    assertTrue(html.contains("30 targets:"), html);
    assertTrue(html.contains(">CERTIFIED</span>") && html.contains(">NOT_CERTIFIED</span>"));
    for (int i = 1; i < 30; i++) {
      assertTrue(html.contains(String.format("fleet-%04d", i)), "target " + i);
    }
    assertFalse(html.contains("<script>"), "names are escaped");
    assertTrue(html.contains("&lt;script&gt;"));
    assertTrue(html.contains("STO-1 CRITICAL"), "the failed requirement and its severity");
    assertTrue(
        html.contains("Cluster &lt;b&gt;open&lt;/b&gt; to anyone"), "finding titles escaped");
    assertEquals(31, html.split("<tr>", -1).length - 1, "a header row and one row per target");
  }
}
