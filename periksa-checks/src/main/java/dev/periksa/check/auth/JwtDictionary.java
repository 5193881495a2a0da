package dev.periksa.check.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The offline dictionary test of an HMAC-signed JWT: every secret of a shipped wordlist is tried
 * against the signature of one captured token, on this machine only. Nothing here sends a request:
 * a wordlist is never tried against a live login.
 */
public final class JwtDictionary {
  /** The shipped list of well-known JWT secrets and weak passwords. */
  public static final String WORDLIST = "/wordlists/jwt-secrets.txt";

  private final List<String> words;
  private final List<byte[]> keys;

  private JwtDictionary(List<String> words) {
    this.words = List.copyOf(words);
    List<byte[]> k = new ArrayList<>(words.size());
    for (String w : words) {
      k.add(w.getBytes(StandardCharsets.UTF_8));
    }
    this.keys = List.copyOf(k);
  }

  /** The shipped wordlist. */
  public static JwtDictionary shipped() {
    return Holder.SHIPPED;
  }

  private static final class Holder {
    static final JwtDictionary SHIPPED = new JwtDictionary(load(WORDLIST));
  }

  /** A dictionary of the given secrets (for tests). */
  public static JwtDictionary of(List<String> words) {
    return new JwtDictionary(words);
  }

  public int size() {
    return words.size();
  }

  /** The candidate secrets as bytes (UTF-8), in list order. */
  public List<byte[]> keys() {
    return keys;
  }

  /**
   * What a search found: the secret (kept in memory only; reports show {@link #masked()}), how many
   * candidates were tried and how long it took.
   */
  public record Result(Optional<String> secret, int tried, long nanos) {
    public String masked() {
      return secret.map(JwtDictionary::mask).orElse("");
    }
  }

  /** Tries every secret against the captured token's signature; empty when it is not an HMAC. */
  public Optional<Result> crack(TokenForge.Captured token) {
    Optional<String> mac = TokenForge.macAlgorithm(token.alg());
    if (mac.isEmpty()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    int i = find(mac.get(), token.signingInput(), token.signature().decode(), keys);
    long nanos = System.nanoTime() - start;
    return Optional.of(
        new Result(
            i < 0 ? Optional.empty() : Optional.of(words.get(i)), i < 0 ? size() : i + 1, nanos));
  }

  /**
   * The hot loop: the index of the first key whose HMAC of {@code signingInput} equals {@code
   * signature}, or -1. One {@link Mac} re-keyed per candidate, the cost of one offline guess; the
   * benchmark measures exactly this.
   */
  public static int find(
      String macAlgorithm, byte[] signingInput, byte[] signature, List<byte[]> keys) {
    Mac mac;
    try {
      mac = Mac.getInstance(macAlgorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(macAlgorithm + " is missing from this JDK", e);
    }
    for (int i = 0; i < keys.size(); i++) {
      byte[] k = keys.get(i);
      if (k.length == 0) {
        continue;
      }
      try {
        mac.init(new SecretKeySpec(k, macAlgorithm));
      } catch (GeneralSecurityException e) {
        continue;
      }
      // Not constant-time on purpose: this runs offline against a captured token, not a server.
      if (Arrays.equals(mac.doFinal(signingInput), signature)) {
        return i;
      }
    }
    return -1;
  }

  /** How a found secret is reported: its first character, a mask and its length. */
  public static String mask(String secret) {
    if (secret == null || secret.isEmpty()) {
      return "•••";
    }
    int n = secret.codePointCount(0, secret.length());
    return new String(Character.toChars(secret.codePointAt(0)))
        + "••• ("
        + n
        + (n == 1 ? " character)" : " characters)");
  }

  /** One secret a line; {@code #} starts a comment line; a line is taken as is otherwise. */
  static List<String> load(String resource) {
    try (InputStream in = JwtDictionary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (seen.add(line)) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
