package dev.periksa.report.allure;

import io.qameta.allure.Aggregator2;
import io.qameta.allure.Reader;
import io.qameta.allure.ReportStorage;
import io.qameta.allure.core.Configuration;
import io.qameta.allure.core.LaunchResults;
import io.qameta.allure.core.ResultsVisitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Allure side of Periksa's certification summary: an extension the Allure command line loads
 * from the {@code periksa-summary} plugin folder. It reads the summary Periksa wrote beside the
 * results ({@code periksa-summary.json}) and hands it to the report as the widget's data ({@code
 * widgets/periksa-summary.json}, which the plugin's script renders as the overview's first widget
 * and as the "Certification" tab). It runs inside the Allure command line's class loader: it uses
 * nothing of Periksa but this file's name.
 */
public final class SummaryPlugin implements Reader, Aggregator2 {
  /** Same as {@code CertificationSummary.FILE}. */
  static final String FILE = "periksa-summary.json";

  private static final String EXTRA = "periksa-summary";

  @Override
  public void readResults(Configuration configuration, ResultsVisitor visitor, Path directory) {
    Path f = directory.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return;
    }
    try {
      visitor.visitExtra(EXTRA, Files.readAllBytes(f));
    } catch (IOException e) {
      visitor.error("could not read " + f, e);
    }
  }

  @Override
  public void aggregate(
      Configuration configuration, List<LaunchResults> launches, ReportStorage storage) {
    for (LaunchResults l : launches) {
      l.<byte[]>getExtra(EXTRA)
          .ifPresent(b -> storage.addDataBinary("widgets/" + EXTRA + ".json", b));
    }
  }
}
