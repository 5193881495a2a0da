package dev.periksa.pii;

import java.util.Locale;
import java.util.Map;

/**
 * Words (stored in lower case) mapped to non-zero ints, looked up in place in a char array in any
 * case, so that scanning text allocates nothing per word. Open addressing; immutable once built.
 */
final class WordTable {
  private final char[][] keys;
  private final int[] values;
  private final int mask;
  private final int size;

  WordTable(Map<String, Integer> words) {
    int slots = Integer.highestOneBit(Math.max(16, words.size() * 3)) << 1;
    keys = new char[slots][];
    values = new int[slots];
    mask = slots - 1;
    size = words.size();
    // A loop, not forEach with a lambda: no lambda bootstrap in a fresh JVM's first scan.
    for (Map.Entry<String, Integer> e : words.entrySet()) {
      char[] k = e.getKey().toLowerCase(Locale.ROOT).toCharArray();
      int slot = hash(k, 0, k.length) & mask;
      while (keys[slot] != null && !java.util.Arrays.equals(keys[slot], k)) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = k;
      values[slot] |= e.getValue();
    }
  }

  int size() {
    return size;
  }

  /** The value of cs[s, e) read in lower case, or 0 when the word is not in the table. */
  int get(char[] cs, int s, int e) {
    int len = e - s;
    if (len <= 0 || len > 40) {
      return 0;
    }
    int slot = hash(cs, s, e) & mask;
    while (keys[slot] != null) {
      char[] k = keys[slot];
      if (k.length == len) {
        int i = 0;
        while (i < len && lower(cs[s + i]) == k[i]) {
          i++;
        }
        if (i == len) {
          return values[slot];
        }
      }
      slot = (slot + 1) & mask;
    }
    return 0;
  }

  private static int hash(char[] cs, int s, int e) {
    int h = 0;
    for (int i = s; i < e; i++) {
      h = h * 31 + lower(cs[i]);
    }
    return h ^ (h >>> 13);
  }

  /** Character.toLowerCase, with ASCII (most of what is read) answered without its tables. */
  private static char lower(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    return Character.toLowerCase(c);
  }
}
