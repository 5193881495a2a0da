package dev.periksa.pii;

import java.util.List;

/**
 * The machine-readable zone of a passport's data page (ICAO Doc 9303, TD3: two lines of 44
 * characters), as OCR reads it:
 *
 * <pre>
 * P&lt;IDNSANTOSO&lt;&lt;BUDI&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;
 * C1234567&lt;8IDN8508174M3001012&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt;06
 * </pre>
 *
 * The second line is read only when the check digits of its document number and birth date hold
 * (weights 7, 3, 1; '&lt;' counts 0, letters 10 to 35), which filler, other text and a misread zone
 * do not pass. It gives the passport number as written without its filler (a PASSPORT) and the
 * birth date YYMMDD (a BIRTH_DATE). The first line above it gives the holder's name: primary and
 * secondary identifiers joined by "&lt;&lt;" are one field, like HL7's FAMILY^GIVEN, so one NAME
 * from its first letter to its last, without the filler after it. Expiry date, sex, nationality and
 * the optional data are not reported. Stateless.
 */
final class Mrz {
  private Mrz() {}

  private static final int LINE = 44;

  /**
   * Finds TD3 zones in text[0, length) and adds their passport number, birth date and name. A
   * zone's line is a run of its characters (A-Z, 0-9, '&lt;'), alone on its line or quoted in a
   * JSON or log line; a scan may put a space inside it or drop a few of its filler characters: a
   * run is read without its spaces, and a second line of 40 to 46 characters is taken when its
   * fields up to the birth date's check digit hold. The run before it is its first line.
   */
  static void scan(String text, List<PiiMatch> out) {
    int n = text.length();
    int[] prev = null;
    String prevLine = null;
    int i = 0;
    while (i < n) {
      if (!zone(text.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      int chars = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (zone(c)) {
          chars++;
        } else if (c != ' ' || i + 1 >= n || !zone(text.charAt(i + 1)) || chars >= LINE - 4) {
          break; // a space ends a run as long as a line: the next line follows on the same line
        }
        i++;
      }
      if (i - s < LINE - 14 || i - s > 64) {
        continue;
      }
      int[] at = new int[i - s];
      StringBuilder line = new StringBuilder(i - s);
      for (int k = s; k < i; k++) {
        if (text.charAt(k) != ' ') {
          at[line.length()] = k;
          line.append(text.charAt(k));
        }
      }
      String l = line.toString();
      if (l.length() >= LINE - 4 && l.length() <= LINE + 2 && secondLine(l)) {
        out.add(new PiiMatch(PiiType.PASSPORT, at[0], at[numberEnd(l) - 1] + 1, 0.95));
        out.add(new PiiMatch(PiiType.BIRTH_DATE, at[13], at[18] + 1, 0.9));
        if (prev != null) {
          name(prevLine, prev, out);
        }
      }
      prev = at;
      prevLine = l;
    }
  }

  private static boolean zone(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
  }

  /** Whether a line is a TD3 second line with valid check digits up to the birth date's. */
  private static boolean secondLine(String t) {
    boolean filler = false;
    for (int k = 0; k < t.length(); k++) {
      char c = t.charAt(k);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && c != '<') {
        return false;
      }
      filler |= c == '<';
    }
    if (!filler) {
      return false; // an upper-case hash or key: a zone pads its optional data with '<'
    }
    if (t.charAt(0) == '<' || !digit(t.charAt(9)) || !digit(t.charAt(19))) {
      return false;
    }
    for (int k = 10; k < 13; k++) {
      char c = t.charAt(k);
      if (!(c >= 'A' && c <= 'Z') && c != '<') {
        return false; // the nationality: three letters
      }
    }
    for (int k = 13; k < 19; k++) {
      if (!digit(t.charAt(k))) {
        return false;
      }
    }
    int month = (t.charAt(15) - '0') * 10 + (t.charAt(16) - '0');
    int day = (t.charAt(17) - '0') * 10 + (t.charAt(18) - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return false;
    }
    return check(t, 0, 9) == t.charAt(9) - '0' && check(t, 13, 19) == t.charAt(19) - '0';
  }

  /** End of the document number: nine characters without the filler after it. */
  private static int numberEnd(String t) {
    int e = 9;
    while (e > 1 && t.charAt(e - 1) == '<') {
      e--;
    }
    return e;
  }

  /**
   * The holder's name on a TD3 first line (read without spaces; at[i] is the text offset of its
   * i-th character): "P", the type's second character, the issuing state's three letters, then
   * SURNAME&lt;&lt;GIVEN&lt;NAMES padded with '&lt;'.
   */
  private static void name(String t, int[] at, List<PiiMatch> out) {
    if (t.length() < 30 || t.length() > LINE + 4 || t.charAt(0) != 'P') {
      return;
    }
    for (int k = 1; k < t.length(); k++) {
      char c = t.charAt(k);
      if (!(c >= 'A' && c <= 'Z') && c != '<') {
        return;
      }
    }
    int a = 5;
    while (a < t.length() && t.charAt(a) == '<') {
      a++;
    }
    int b = t.length();
    while (b > a && t.charAt(b - 1) == '<') {
      b--;
    }
    if (b - a >= 2) {
      out.add(new PiiMatch(PiiType.NAME, at[a], at[b - 1] + 1, 0.9));
    }
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The ICAO 9303 check digit of t[s, e). */
  private static int check(String t, int s, int e) {
    int[] weights = {7, 3, 1};
    int sum = 0;
    for (int k = s; k < e; k++) {
      char c = t.charAt(k);
      int v = c == '<' ? 0 : digit(c) ? c - '0' : c - 'A' + 10;
      sum += v * weights[(k - s) % 3];
    }
    return sum % 10;
  }
}
