package dev.periksa.pii.gate;

import java.util.List;
import java.util.Random;

/**
 * The gate corpus's only source of randomness: {@link Random}, whose algorithm the Java
 * specification fixes, so the same seed gives the same corpus on every JVM.
 */
final class GateRng {
  private final Random random;

  GateRng(long seed) {
    this.random = new Random(seed);
  }

  /** SplitMix64's finaliser: spreads neighbouring document numbers over distant seeds. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  int between(int lo, int hiInclusive) {
    return lo + random.nextInt(hiInclusive - lo + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  String pick(String... items) {
    return items[random.nextInt(items.length)];
  }

  /** n decimal digits, the first possibly 0. */
  String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  /** n decimal digits, the first not 0. */
  String digitsNz(int n) {
    return (char) ('1' + random.nextInt(9)) + digits(n - 1);
  }

  String letters(int n, String alphabet) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
