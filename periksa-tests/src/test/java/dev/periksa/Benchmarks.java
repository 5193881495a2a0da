package dev.periksa;

import dev.periksa.check.auth.JwtGuessingBenchmark;
import dev.periksa.pii.ColdScanBenchmark;
import dev.periksa.pii.PersonalDataScanBenchmark;
import dev.periksa.pii.ScanCpuBenchmark;

/**
 * Runs every benchmark of the project in turn and prints each figure: {@code mvn -B -Pbench
 * -DskipTests test} (see docs/benchmarks.md). JMH options given to it apply to each.
 */
public final class Benchmarks {
  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    JwtGuessingBenchmark.main(args);
    PersonalDataScanBenchmark.main(args);
    ScanCpuBenchmark.main(new String[0]);
    ColdScanBenchmark.main(new String[0]);
  }
}
