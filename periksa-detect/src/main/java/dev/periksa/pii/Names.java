package dev.periksa.pii;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A gazetteer of common given names and surnames, Indonesian and international ({@code names.txt}
 * beside this class; its header says where the names come from). It is evidence, not a detector:
 * where the words around a run of capitalised words leave open whether it is a person ("pasien Budi
 * Santoso" against "pasien Umum"), one known name among them decides.
 *
 * <p>Loaded once; immutable; a lookup reads the word in place, without a copy.
 */
final class Names {
  private Names() {}

  private static final WordTable NAMES = load();

  /** Names in the gazetteer. */
  static int size() {
    return NAMES.size();
  }

  /**
   * Whether cs[s, e) is a known name, in any case; a hyphenated or apostrophised word
   * ("Anne-Marie", "O'Brien", "Karo-Karo") also when one of its parts is.
   */
  static boolean known(char[] cs, int s, int e) {
    if (e - s < 2 || e - s > 32) {
      return false;
    }
    if (NAMES.get(cs, s, e) != 0) {
      return true;
    }
    int part = s;
    for (int i = s; i <= e; i++) {
      if (i == e || cs[i] == '-' || cs[i] == '\'' || cs[i] == '’') {
        if (part > s || i < e) {
          if (i - part >= 2 && NAMES.get(cs, part, i) != 0) {
            return true;
          }
        }
        part = i + 1;
      }
    }
    return false;
  }

  /** Whether any word of a value is a known name. */
  static boolean anyKnown(String value) {
    char[] cs = value.toCharArray();
    int i = 0;
    while (i < cs.length) {
      if (!Character.isLetter(cs[i])) {
        i++;
        continue;
      }
      int j = i;
      while (j < cs.length
          && (Character.isLetter(cs[j])
              || ((cs[j] == '-' || cs[j] == '\'')
                  && j + 1 < cs.length
                  && Character.isLetter(cs[j + 1])))) {
        j++;
      }
      if (known(cs, i, j)) {
        return true;
      }
      i = j;
    }
    return false;
  }

  private static WordTable load() {
    Map<String, Integer> words = new HashMap<>();
    try (InputStream in = Names.class.getResourceAsStream("names.txt")) {
      if (in == null) {
        throw new IllegalStateException("names.txt is missing beside " + Names.class.getName());
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && w.charAt(0) != '#') {
          words.put(w.toLowerCase(Locale.ROOT), 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WordTable(words);
  }
}
