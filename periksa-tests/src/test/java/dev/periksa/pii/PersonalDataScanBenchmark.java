package dev.periksa.pii;

import dev.periksa.pii.corpus.CorpusGenerator;
import dev.periksa.pii.corpus.Sample;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of {@link PersonalDataScanner#scan} on the generated corpus of {@link
 * DetectionQualityTest} (JSON, CSV, free text and logs, as checks sample them): one operation scans
 * every sample once, on one thread (one core). Run with {@code mvn -B -Pbench -DskipTests test}
 * (see docs/benchmarks.md); {@link #main} prints the figure in MB of UTF-8 text per second per
 * core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PersonalDataScanBenchmark {
  private final PersonalDataScanner scanner = new PersonalDataScanner();
  private String[] texts;

  @Setup
  public void setUp() {
    texts = CorpusGenerator.standard().stream().map(Sample::text).toArray(String[]::new);
  }

  @Benchmark
  public int scanCorpus() {
    int found = 0;
    for (String t : texts) {
      found += scanner.scan(t).size();
    }
    return found;
  }

  /** Bytes of the corpus as UTF-8, what a reply body weighs on the wire. */
  static long corpusBytes() {
    List<Sample> corpus = CorpusGenerator.standard();
    return corpus.stream().mapToLong(s -> s.text().getBytes(StandardCharsets.UTF_8).length).sum();
  }

  /** Runs the benchmark (JMH options may be passed, e.g. {@code -f 2 -wi 5}) and prints MB/s. */
  public static void main(String[] args) throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options.parent(new CommandLineOptions(args));
    options.include(PersonalDataScanBenchmark.class.getName() + ".scanCorpus");
    Collection<RunResult> results = new Runner(options.build()).run();
    long bytes = corpusBytes();
    for (RunResult r : results) {
      double score = r.getPrimaryResult().getScore();
      double error = r.getPrimaryResult().getScoreError();
      System.out.printf(
          "%nPersonal-data scanner: %.1f MB/s per core (± %.1f, 99.9%% CI) on the generated corpus"
              + " (%,d samples, %.2f MB of JSON, CSV, HL7, SQL, free text and logs), one thread.%n",
          score * bytes / 1e6,
          (Double.isNaN(error) ? 0 : error) * bytes / 1e6,
          CorpusGenerator.SIZE + CorpusGenerator.POSITIONAL_SIZE,
          bytes / 1e6);
    }
  }
}
