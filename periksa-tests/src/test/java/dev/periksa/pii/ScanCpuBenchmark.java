package dev.periksa.pii;

import dev.periksa.pii.corpus.CorpusGenerator;
import dev.periksa.pii.corpus.Sample;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warm throughput of {@link PersonalDataScanner#scan} on the development corpus by the main
 * thread's CPU time, per format: N passes (default 20), and for the whole pass and each format the
 * best pass. CPU time is the figure a shared machine disturbs least (JMH's wall-clock throughput
 * moves by half from run to run when other builds use the cores); the best of many passes is the
 * JIT's settled code. Not a test: it prints figures. {@code mvn -B -Pbench -DskipTests test -pl
 * periksa-tests -am -Dbench.main=dev.periksa.pii.ScanCpuBenchmark -Dbench.args=20} (see
 * docs/benchmarks.md).
 */
public final class ScanCpuBenchmark {
  private ScanCpuBenchmark() {}

  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Sample> corpus = CorpusGenerator.standard();
    PersonalDataScanner scanner = new PersonalDataScanner();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> bytes = new TreeMap<>();
    long all = 0;
    for (Sample s : corpus) {
      long b = s.text().getBytes(StandardCharsets.UTF_8).length;
      bytes.merge(s.format(), b, Long::sum);
      all += b;
    }
    Map<String, Long> best = new TreeMap<>();
    long bestPass = Long.MAX_VALUE;
    for (int p = 0; p < passes; p++) {
      Map<String, Long> cpu = new TreeMap<>();
      long pass0 = threads.getCurrentThreadCpuTime();
      for (Sample s : corpus) {
        long t0 = threads.getCurrentThreadCpuTime();
        scanner.scan(s.text());
        cpu.merge(s.format(), threads.getCurrentThreadCpuTime() - t0, Long::sum);
      }
      bestPass = Math.min(bestPass, threads.getCurrentThreadCpuTime() - pass0);
      for (Map.Entry<String, Long> e : cpu.entrySet()) {
        best.merge(e.getKey(), e.getValue(), Math::min);
      }
    }
    System.out.printf(
        "Personal-data scanner, warm, main thread CPU, best of %d passes: corpus %.1f MB/s"
            + " (%,d replies, %.2f MB, %.0f ms)%n",
        passes, all / 1e3 / (bestPass / 1e6), corpus.size(), all / 1e6, bestPass / 1e6);
    for (Map.Entry<String, Long> e : best.entrySet()) {
      System.out.printf(
          "  %-5s %6.1f MB/s (%.2f MB)%n",
          e.getKey(),
          bytes.get(e.getKey()) / 1e3 / (e.getValue() / 1e6),
          bytes.get(e.getKey()) / 1e6);
    }
  }
}
