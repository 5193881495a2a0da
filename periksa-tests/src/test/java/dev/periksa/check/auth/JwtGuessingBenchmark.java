package dev.periksa.check.auth;

import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
 * How fast AUT-3's offline dictionary guesses an HS256 secret: one thread (one core) runs {@link
 * JwtDictionary#find} over {@value #GUESSES} wordlist candidates against a token shaped like the
 * lab API's (header, five claims), signed with a secret that is not in the list, so every guess
 * misses. Run with {@code mvn -B -Pbench -DskipTests test} (see docs/benchmarks.md); {@link #main}
 * prints the figure in guesses per second per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class JwtGuessingBenchmark {
  /** Candidates per benchmark call; one operation is one guess. */
  static final int GUESSES = 1024;

  private byte[] signingInput;
  private byte[] signature;
  private List<byte[]> candidates;

  @Setup
  public void setUp() {
    String header = Base64URL.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").toString();
    long now = System.currentTimeMillis() / 1000;
    String claims =
        Base64URL.encode(
                "{\"iss\":\"https://ehac.lab/api\",\"sub\":\"traveller-a\",\"role\":\"traveller\","
                    + "\"iat\":"
                    + now
                    + ",\"exp\":"
                    + (now + 900)
                    + "}")
            .toString();
    signingInput = (header + "." + claims).getBytes(StandardCharsets.US_ASCII);
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    signature = TokenForge.hmac("HmacSHA256", secret, signingInput);
    List<byte[]> words = JwtDictionary.shipped().keys();
    candidates = new ArrayList<>(GUESSES);
    for (int i = 0; i < GUESSES; i++) {
      candidates.add(words.get(i % words.size()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(GUESSES)
  public int hs256Guesses() {
    int found = JwtDictionary.find("HmacSHA256", signingInput, signature, candidates);
    if (found >= 0) {
      throw new IllegalStateException("a random 256-bit secret cannot be in the wordlist");
    }
    return found;
  }

  /**
   * Runs the benchmark (JMH options may be passed, e.g. {@code -f 2 -wi 5}) and prints the rate.
   */
  public static void main(String[] args) throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options.parent(new CommandLineOptions(args));
    options.include(JwtGuessingBenchmark.class.getName() + ".hs256Guesses");
    Collection<RunResult> results = new Runner(options.build()).run();
    for (RunResult r : results) {
      double score = r.getPrimaryResult().getScore();
      double error = r.getPrimaryResult().getScoreError();
      System.out.printf(
          "%nAUT-3 offline HS256 guessing: %,.0f guesses per second per core (± %,.0f, 99.9%%"
              + " CI); the shipped wordlist of %,d secrets takes %.2f ms per captured token.%n",
          score,
          Double.isNaN(error) ? 0 : error,
          JwtDictionary.shipped().size(),
          JwtDictionary.shipped().size() / score * 1000);
    }
  }
}
