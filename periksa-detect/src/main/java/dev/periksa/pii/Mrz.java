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

  /** Finds TD3 zones in text[0, length) and adds their passport number, birth date and name. */
  static void scan(String text, List<PiiMatch> out) {
    int n = text.length();
    int ls = 0;
    int prevStart = -1;
    int prevEnd = -1;
    while (ls < n) {
      int le = text.indexOf('\n', ls);
      if (le < 0) {
        le = n;
      }
      int s = ls;
      int e = le;
      while (s < e && text.charAt(s) == ' ') {
        s++;
      }
      while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\r')) {
        e--;
      }
      if (e - s == LINE && secondLine(text, s)) {
        out.add(new PiiMatch(PiiType.PASSPORT, s, numberEnd(text, s), 0.95));
        out.add(new PiiMatch(PiiType.BIRTH_DATE, s + 13, s + 19, 0.9));
        if (prevStart >= 0) {
          name(text, prevStart, prevEnd, out);
        }
      }
      prevStart = s;
      prevEnd = e;
      ls = le + 1;
    }
  }

  /** Whether a 44-character line at s is a TD3 second line with valid check digits. */
  private static boolean secondLine(String t, int s) {
    for (int k = s; k < s + LINE; k++) {
      char c = t.charAt(k);
      if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z') && c != '<') {
        return false;
      }
    }
    if (t.charAt(s) == '<' || !digit(t.charAt(s + 9)) || !digit(t.charAt(s + 19))) {
      return false;
    }
    for (int k = s + 10; k < s + 13; k++) {
      char c = t.charAt(k);
      if (!(c >= 'A' && c <= 'Z') && c != '<') {
        return false; // the nationality: three letters
      }
    }
    for (int k = s + 13; k < s + 19; k++) {
      if (!digit(t.charAt(k))) {
        return false;
      }
    }
    int month = (t.charAt(s + 15) - '0') * 10 + (t.charAt(s + 16) - '0');
    int day = (t.charAt(s + 17) - '0') * 10 + (t.charAt(s + 18) - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return false;
    }
    return check(t, s, s + 9) == t.charAt(s + 9) - '0'
        && check(t, s + 13, s + 19) == t.charAt(s + 19) - '0';
  }

  /** End of the document number at s: nine characters without the filler after it. */
  private static int numberEnd(String t, int s) {
    int e = s + 9;
    while (e > s && t.charAt(e - 1) == '<') {
      e--;
    }
    return e;
  }

  /**
   * The holder's name on a TD3 first line at [s, e): "P", the type's second character, the issuing
   * state's three letters, then SURNAME&lt;&lt;GIVEN&lt;NAMES padded with '&lt;'.
   */
  private static void name(String t, int s, int e, List<PiiMatch> out) {
    if (e - s != LINE || t.charAt(s) != 'P') {
      return;
    }
    for (int k = s + 1; k < e; k++) {
      char c = t.charAt(k);
      if (!(c >= 'A' && c <= 'Z') && c != '<') {
        return;
      }
    }
    int a = s + 5;
    while (a < e && t.charAt(a) == '<') {
      a++;
    }
    int b = e;
    while (b > a && t.charAt(b - 1) == '<') {
      b--;
    }
    if (b - a >= 2) {
      out.add(new PiiMatch(PiiType.NAME, a, b, 0.9));
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
