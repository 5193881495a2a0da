package dev.periksa.run;

import java.io.IOException;

/**
 * One output of a run (results.json, the CI files, the Allure results, report.html, the
 * certificate). A run writes every output through {@link Outputs#STANDARD}, one after the other, in
 * that list's order; each reads the run from the {@link RunRecord} and leaves what later outputs or
 * the caller need in it (the CI summary, the report's path, the exit code).
 */
public interface RunOutput {
  /** What the output writes, as a person reading the run folder names it. */
  String name();

  /**
   * Writes the output into the run folder.
   *
   * @throws IOException when the run cannot go on without it (nothing after it is written); an
   *     output whose failure leaves the rest standing says so on the run's console and raises the
   *     exit code through {@link RunRecord#failed} instead
   */
  void write(RunRecord run) throws IOException;
}
