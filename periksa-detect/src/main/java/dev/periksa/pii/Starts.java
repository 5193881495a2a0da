package dev.periksa.pii;

import java.util.Comparator;

/**
 * Small helpers written as plain code rather than lambdas or streams, which cost a bootstrap (some
 * milliseconds each) in a fresh JVM's first scan: spans ordered by start, and character tests of a
 * value.
 */
final class Starts {
  private Starts() {}

  /** {@code int[]} spans ordered by their start, {@code [0]}. */
  static final Comparator<int[]> ORDER =
      new Comparator<>() {
        @Override
        public int compare(int[] a, int[] b) {
          return Integer.compare(a[0], b[0]);
        }
      };

  /** As {@code s.chars().anyMatch(Character::isDigit)}. */
  static boolean anyDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** As {@code s.chars().anyMatch(Character::isLetter)}. */
  static boolean anyLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
