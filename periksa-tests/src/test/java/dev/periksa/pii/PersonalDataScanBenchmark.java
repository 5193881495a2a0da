package dev.periksa.pii;

import dev.periksa.pii.corpus.CorpusGenerator;
import dev.periksa.pii.corpus.Sample;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
 * Warm throughput of {@link PersonalDataScanner#scan} on one thread (one core), per input: {@code
 * corpus}, the generated corpus of {@link DetectionQualityTest} (JSON, CSV, free text and logs, as
 * checks sample them; one operation scans every sample once), and three large replies of {@link
 * LargeInputs} ({@code json}, an 8 MB JSON export with base64 attachments; {@code csv}, an 8 MB
 * patient register; {@code log}, an 8 MB application log; one operation scans one). Run with {@code
 * mvn -B -Pbench -DskipTests test -Dbench.main=dev.periksa.pii.PersonalDataScanBenchmark} (see
 * docs/benchmarks.md); {@link #main} prints the figures in MB of UTF-8 text per second per core.
 * {@code -Dbench.args="-p input=corpus"} runs one input. Eight warm-up iterations: on a shared
 * 2-core machine the JIT takes that long to settle on the corpus.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class PersonalDataScanBenchmark {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  @Param({"corpus", "json", "csv", "log"})
  public String input;

  private String[] texts;

  @Setup
  public void setUp() {
    texts = texts(input);
  }

  @Benchmark
  public int scan() {
    int found = 0;
    for (String t : texts) {
      found += scanner.scan(t).size();
    }
    return found;
  }

  private static final java.util.Map<String, String> LABELS =
      java.util.Map.of(
          "json", "a JSON export", "csv", "a CSV patient register", "log", "an application log");

  /** The texts one operation scans. */
  static String[] texts(String input) {
    return switch (input) {
      case "corpus" -> CorpusGenerator.standard().stream().map(Sample::text).toArray(String[]::new);
      case "json" -> new String[] {LargeInputs.json()};
      case "csv" -> new String[] {LargeInputs.csv()};
      case "log" -> new String[] {LargeInputs.log()};
      default -> throw new IllegalArgumentException("no input " + input);
    };
  }

  /** Bytes of the texts as UTF-8, what a reply body weighs on the wire. */
  static long bytes(String[] texts) {
    long bytes = 0;
    for (String t : texts) {
      bytes += t.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  /** Runs the benchmark (JMH options may be passed, e.g. {@code -f 2 -wi 5}) and prints MB/s. */
  public static void main(String[] args) throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options.parent(new CommandLineOptions(args));
    options.include(PersonalDataScanBenchmark.class.getName() + ".scan$");
    Collection<RunResult> results = new Runner(options.build()).run();
    System.out.println();
    for (RunResult r : results) {
      String input = r.getParams().getParam("input");
      String[] texts = texts(input);
      long bytes = bytes(texts);
      double score = r.getPrimaryResult().getScore();
      double error = r.getPrimaryResult().getScoreError();
      System.out.printf(
          "Personal-data scanner, %-6s: %6.1f MB/s per core (± %.1f, 99.9%% CI), %s, one thread.%n",
          input,
          score * bytes / 1e6,
          (Double.isNaN(error) ? 0 : error) * bytes / 1e6,
          input.equals("corpus")
              ? String.format(
                  "generated corpus (%,d samples, %.2f MB of JSON, CSV, free text and logs)",
                  texts.length, bytes / 1e6)
              : String.format("one %.2f MB reply (%s)", bytes / 1e6, LABELS.get(input)));
    }
  }
}
