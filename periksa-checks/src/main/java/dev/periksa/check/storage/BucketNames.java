package dev.periksa.check.storage;

import dev.periksa.check.TargetContext;
import dev.periksa.product.StoreError;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bucket names to try on an S3-compatible store that does not list its buckets to strangers and for
 * which the profile names none (a store found by discovery, most often): the shipped common words
 * ({@code paths/bucket-names.txt}), alone and joined to the words of the target's own names. A name
 * is kept only when a bucket of that name exists: a refusal (AccessDenied) or a listing, never
 * NoSuchBucket. Bounded by {@link #MAX_TRIES} requests.
 */
public final class BucketNames {
  private BucketNames() {}

  /** Most names asked for on one endpoint. */
  public static final int MAX_TRIES = 60;

  /** The shipped common words, in order. */
  static final List<String> WORDS = load("paths/bucket-names.txt");

  private static final Set<String> NOISE =
      Set.of(
          "the",
          "and",
          "for",
          "twin",
          "test",
          "target",
          "profile",
          "discovery",
          "discovered",
          "declared",
          "legacy",
          "hardened",
          "secure",
          "vulnerable",
          "http",
          "https",
          "www",
          "com",
          "org",
          "net",
          "local",
          "localhost",
          "s3",
          "minio",
          "store",
          "storage");

  /** The names to try, most specific first, at most {@link #MAX_TRIES}. */
  static List<String> guesses(TargetProfile profile, Endpoint e) {
    Set<String> own = new LinkedHashSet<>();
    words(profile.name(), own);
    words(e.name(), own);
    profile.scope().hosts().forEach(h -> words(h, own));
    Set<String> out = new LinkedHashSet<>();
    for (String w : own) {
      for (String word : WORDS) {
        out.add(w + "-" + word);
      }
    }
    out.addAll(WORDS);
    for (String w : own) {
      for (String word : WORDS) {
        out.add(w + word);
      }
    }
    return out.stream().limit(MAX_TRIES).toList();
  }

  private static void words(String text, Set<String> into) {
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (w.length() >= 3 && w.length() <= 30 && !w.matches("\\d+") && !NOISE.contains(w)) {
        into.add(w);
      }
    }
  }

  /**
   * Result of trying the guesses on one endpoint.
   *
   * @param existing the guessed names of buckets that exist there
   * @param tried how many names were asked for
   * @param refusesAll the store refused a bucket that cannot exist, as it refuses any: a refusal
   *     does not tell whether a bucket exists, so only buckets that answered with a listing count
   */
  public record Found(List<String> existing, int tried, boolean refusesAll) {}

  /**
   * The guessed names that exist on an S3-compatible endpoint (at most {@code max}), trying until
   * {@code max} are found or the guesses run out.
   */
  public static Found existingOnS3(TargetContext ctx, Endpoint e, int max) {
    return existing(ctx, e, S3BucketExposureCheck.DIALECT, max);
  }

  static Found existing(TargetContext ctx, Endpoint e, StoreDialect dialect, int max) {
    List<String> out = new ArrayList<>();
    StoreDialect.Listed invented = dialect.list(ctx, e.url(), StoreUrls.invented("periksa-"));
    boolean refusesAll =
        dialect
            .error(invented.response())
            .map(x -> dialect.isRefusal(invented.response(), x))
            .orElse(invented.response().isRefusal());
    int tried = 0;
    for (String name : guesses(ctx.profile(), e)) {
      if (out.size() >= max) {
        break;
      }
      tried++;
      StoreDialect.Listed l = dialect.list(ctx, e.url(), name);
      Optional<StoreError> err = dialect.error(l.response());
      boolean missing =
          l.response().status() == 404
              || err.map(x -> dialect.isMissing(l.response(), x)).orElse(false);
      boolean exists =
          l.listing().isPresent()
              || (!refusesAll && err.map(x -> dialect.isRefusal(l.response(), x)).orElse(false));
      if (exists && !missing) {
        out.add(name);
      }
    }
    return new Found(out, tried, refusesAll);
  }

  private static List<String> load(String resource) {
    InputStream in = BucketNames.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the classpath");
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return List.copyOf(out);
  }
}
