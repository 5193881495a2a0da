package dev.periksa.pii;

import com.fasterxml.jackson.core.JsonFactory;
import dev.periksa.pii.corpus.CorpusGenerator;
import dev.periksa.pii.corpus.Sample;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The personal-data scanner in a fresh JVM, as a scan of a target runs it: the first pass over a
 * typical mix of replies (the development corpus, 4,200 JSON, CSV, HL7, SQL, free-text and log
 * replies, 3.06 MB, in the generator's order) and the first reply of it alone (a JSON record),
 * class loading, static initialisers and the JIT's warm-up included. Runs N fresh {@code java}
 * processes (default 10) one after the other, each with only the scanner's own class path (its
 * classes and Jackson's) and the JVM's defaults, and prints each run and the medians. Not a test:
 * it prints figures. {@code mvn -B -Pbench -DskipTests test -pl periksa-tests -am
 * -Dbench.main=dev.periksa.pii.ColdScanBenchmark -Dbench.args=10} (see docs/benchmarks.md); JVM
 * options after the count go to each fresh JVM ({@code -Dbench.args="10 -XX:TieredStopAtLevel=1"}).
 */
public final class ColdScanBenchmark {
  private ColdScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--child")) {
      child(Path.of(args[1]));
      return;
    }
    int runs = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : 10;
    List<String> jvmOptions =
        args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.of();
    Path mix = Files.createTempFile("periksa-cold-mix", ".bin");
    try {
      long bytes = writeMix(mix);
      String classPath =
          String.join(
              File.pathSeparator,
              location(PersonalDataScanner.class),
              location(JsonFactory.class),
              location(ColdScanBenchmark.class));
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      double[] first = new double[runs];
      double[] pass = new double[runs];
      double[] cpu = new double[runs];
      System.out.printf(
          "Cold personal-data scan: %d fresh JVMs%s, each scanning the development corpus once"
              + " (%,d replies, %.2f MB) in the generator's order%n",
          runs,
          jvmOptions.isEmpty() ? "" : " (" + String.join(" ", jvmOptions) + ")",
          CorpusGenerator.SIZE + CorpusGenerator.POSITIONAL_SIZE,
          bytes / 1e6);
      for (int r = 0; r < runs; r++) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(
            List.of(
                "-cp", classPath, ColdScanBenchmark.class.getName(), "--child", mix.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
          out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        if (p.waitFor() != 0) {
          throw new IllegalStateException("run " + (r + 1) + " failed: " + out);
        }
        String[] f = out.split(" ");
        first[r] = Double.parseDouble(f[0]);
        pass[r] = Double.parseDouble(f[1]);
        cpu[r] = Double.parseDouble(f[2]);
        System.out.printf(
            "  run %2d: first reply %7.1f ms, first pass %7.1f ms = %6.2f MB/s (main thread CPU"
                + " %.0f ms)%n",
            r + 1, first[r], pass[r], bytes / 1e3 / pass[r], cpu[r]);
      }
      double passMedian = median(pass);
      System.out.printf(
          "  median: first reply %.1f ms; first pass %.1f ms = %.2f MB/s (main thread CPU %.0f"
              + " ms = %.2f MB/s)%n",
          median(first),
          passMedian,
          bytes / 1e3 / passMedian,
          median(cpu),
          bytes / 1e3 / median(cpu));
    } finally {
      Files.deleteIfExists(mix);
    }
  }

  /** Writes the mix as length-prefixed UTF-8; returns its bytes. */
  private static long writeMix(Path file) throws IOException {
    List<Sample> corpus = CorpusGenerator.standard();
    long bytes = 0;
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(corpus.size());
      for (Sample s : corpus) {
        byte[] b = s.text().getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
        bytes += b.length;
      }
    }
    return bytes;
  }

  private static String location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /**
   * In the fresh JVM: reads the mix (touching none of the scanner's classes), then times the first
   * scan of the first reply and of the whole mix; prints "first-ms pass-ms cpu-ms".
   */
  private static void child(Path file) throws IOException {
    List<String> texts = new ArrayList<>();
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        texts.add(new String(b, StandardCharsets.UTF_8));
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    PersonalDataScanner scanner = new PersonalDataScanner();
    int found = scanner.scan(texts.get(0)).size();
    long t1 = System.nanoTime();
    for (int i = 1; i < texts.size(); i++) {
      found += scanner.scan(texts.get(i)).size();
    }
    long t2 = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime() - cpu0;
    if (found == 0) {
      throw new IllegalStateException("nothing found");
    }
    System.out.println((t1 - t0) / 1e6 + " " + (t2 - t0) / 1e6 + " " + cpu / 1e6);
  }
}
