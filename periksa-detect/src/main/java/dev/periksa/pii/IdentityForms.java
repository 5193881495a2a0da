package dev.periksa.pii;

import java.util.List;

/**
 * Identity documents as OCR reads them (the e-KTP, the family card KK, the passport's data page):
 * helpers for {@link TextScanner} where a scan's layout or its misread characters hide a labelled
 * value. Stateless; every look-around is bounded.
 */
final class IdentityForms {
  private IdentityForms() {}

  /** How far a label cell may start before its label phrase ("Tempat/" before "Tgl Lahir"). */
  private static final int CELL_LEAD = 8;

  /** How far left of its label a value printed under the label may start. */
  private static final int ALIGN_SLACK = 4;

  private static boolean space(char c) {
    return c == ' ' || c == '\t' || c == '\u00a0';
  }

  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  /** Whether a column gap (two spaces or a tab) ends just before k. */
  private static boolean gapBefore(char[] cs, int lineStart, int k) {
    return k > lineStart
        && (cs[k - 1] == '\t' || (cs[k - 1] == ' ' && k - 2 >= lineStart && cs[k - 2] == ' '));
  }

  /**
   * The cell printed under a label cell, as [start, end) packed into a long ({@code start << 32 |
   * end}), or -1. The label phrase [ls, le) must be a cell of its own line: at the line's start or
   * after a column gap (with at most a short word before the phrase, "Tempat/" of "Tempat/Tgl
   * Lahir"), and nothing after it but a colon before the line ends, or a column gap before the next
   * label. The value is on the next non-blank line: its first cell when the label is the first on
   * its line, else the cell that starts under the label. Cells are separated by column gaps, as a
   * scan keeps a form's layout.
   */
  static long cellBelow(char[] cs, int from, int to, int ls, int le) {
    int lineStart = ls;
    while (lineStart > from && !lineBreak(cs[lineStart - 1]) && ls - lineStart < 200) {
      lineStart--;
    }
    if (lineStart > from && !lineBreak(cs[lineStart - 1])) {
      return -1;
    }
    int cell = ls;
    while (cell > lineStart && !gapBefore(cs, lineStart, cell) && ls - cell <= CELL_LEAD) {
      cell--;
    }
    if (cell > lineStart && !gapBefore(cs, lineStart, cell)) {
      return -1;
    }
    for (int k = cell; k < ls; k++) {
      char c = cs[k];
      if (!Character.isLetter(c) && c != '/' && c != ' ' && c != '.') {
        return -1;
      }
    }
    boolean first = true;
    for (int k = lineStart; k < cell && first; k++) {
      first = space(cs[k]);
    }
    // After the label: a colon at most, then the line's end; or a column gap (no colon).
    int q = le;
    boolean colon = false;
    int spaces = 0;
    while (q < to && (space(cs[q]) || cs[q] == ':' || cs[q] == '.')) {
      colon |= cs[q] == ':';
      spaces = space(cs[q]) ? spaces + 1 : 0;
      q++;
    }
    boolean lineEnds = q >= to || lineBreak(cs[q]);
    if (!lineEnds && (colon || spaces < 2)) {
      return -1;
    }
    while (q < to && !lineBreak(cs[q])) {
      q++;
    }
    // The next line that holds something (one blank line at most between).
    int next = -1;
    for (int n = 0; n < 2 && q < to; n++) {
      if (cs[q] == '\r' && q + 1 < to && cs[q + 1] == '\n') {
        q++;
      }
      q++;
      int s = q;
      while (q < to && !lineBreak(cs[q])) {
        q++;
      }
      for (int k = s; k < q; k++) {
        if (!space(cs[k])) {
          next = s;
          break;
        }
      }
      if (next >= 0) {
        break;
      }
    }
    if (next < 0) {
      return -1;
    }
    int nextEnd = q;
    int col = cell - lineStart;
    int width = le - cell;
    int k = next;
    while (k < nextEnd) {
      while (k < nextEnd && space(cs[k])) {
        k++;
      }
      if (k >= nextEnd) {
        break;
      }
      int s = k;
      while (k < nextEnd
          && !(cs[k] == '\t' || (cs[k] == ' ' && k + 1 < nextEnd && cs[k + 1] == ' '))) {
        k++;
      }
      int c = s - next;
      if (first || (c >= col - ALIGN_SLACK && c < col + width)) {
        return ((long) s << 32) | k;
      }
      if (c >= col + width) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * End of a NIK at p that a scan misread (letters for digits: O for 0, I or l for 1, S for 5, B
   * for 8, Z for 2, G for 6), or -1. Read only after a NIK's own label, with at most two letters
   * among sixteen characters, and only when the digits so read have a NIK's structure: a number
   * that identifies the card's holder, spoilt by the scan, is still the holder's NIK.
   */
  static int misreadNik(char[] cs, int p, int to) {
    if (p + 16 > to || (p + 16 < to && Character.isLetterOrDigit(cs[p + 16]))) {
      return -1;
    }
    if (p > 0 && Character.isLetterOrDigit(cs[p - 1])) {
      return -1;
    }
    StringBuilder d = new StringBuilder(16);
    int letters = 0;
    for (int k = p; k < p + 16; k++) {
      char c = cs[k];
      char r = digitFor(c);
      if (r == 0) {
        return -1;
      }
      letters += r != c ? 1 : 0;
      d.append(r);
    }
    if (letters == 0 || letters > 2 || !Character.isDigit(cs[p])) {
      return -1;
    }
    return Nik.isValid(d) ? p + 16 : -1;
  }

  /** The digit OCR most often misreads as the character, the digit itself, or 0 for neither. */
  private static char digitFor(char c) {
    if (c >= '0' && c <= '9') {
      return c;
    }
    switch (c) {
      case 'O':
      case 'o':
      case 'D':
        return '0';
      case 'I':
      case 'l':
        return '1';
      case 'Z':
        return '2';
      case 'S':
        return '5';
      case 'G':
        return '6';
      case 'B':
        return '8';
      default:
        return 0;
    }
  }

  /**
   * After a form's label at [.., keyEnd): the end of the same label in a second language written
   * after a slash ("Nama Lengkap/Full Name", "Tempat Lahir/Place of Birth"), as bilingual documents
   * such as the passport print it; or keyEnd when none follows. The second label must say the same
   * thing or nothing else: a name label's second half names no other field.
   */
  static int otherLanguage(String text, char[] cs, int keyEnd, int to) {
    int k = keyEnd;
    while (k < to && cs[k] == ' ' && k - keyEnd < 2) {
      k++;
    }
    if (k >= to || cs[k] != '/') {
      return keyEnd;
    }
    k++;
    while (k < to && cs[k] == ' ' && k - keyEnd < 4) {
      k++;
    }
    int s = k;
    while (k < to && k - s < 30 && (Character.isLetter(cs[k]) || cs[k] == ' ' || cs[k] == '.')) {
      k++;
    }
    int e = k;
    while (e > s && cs[e - 1] == ' ') {
      e--;
    }
    if (e == s) {
      return keyEnd;
    }
    int classes = Lexicon.field(text.substring(s, e)) & Lexicon.MEANINGFUL;
    int key = Lexicon.field(text.substring(keyStartOf(cs, keyEnd), keyEnd)) & Lexicon.MEANINGFUL;
    return classes != 0 && (classes & ~key) == 0 ? e : keyEnd;
  }

  /** Start of the line holding position k. */
  private static int keyStartOf(char[] cs, int k) {
    int s = k;
    while (s > 0 && !lineBreak(cs[s - 1]) && k - s < 40) {
      s--;
    }
    while (s < k && space(cs[s])) {
      s++;
    }
    return s;
  }

  /**
   * The name in a family card's member row read without its columns: the line [ls, nik) opens with
   * the row's number, then the member's name in capitals, then the NIK. Only a line of that shape,
   * only upper-case words that read as a person's name and are no label, role or organisation.
   */
  static void memberName(String text, char[] cs, int ls, int nik, List<PiiMatch> out) {
    int k = ls;
    while (k < nik && space(cs[k])) {
      k++;
    }
    int n = k;
    while (k < nik && Character.isDigit(cs[k]) && k - n < 2) {
      k++;
    }
    if (k == n || k >= nik || Character.isDigit(cs[k])) {
      return;
    }
    if (cs[k] == '.') {
      k++;
    }
    int s = k;
    while (s < nik && space(cs[s])) {
      s++;
    }
    if (s == k) {
      return;
    }
    int e = nik;
    while (e > s && space(cs[e - 1])) {
      e--;
    }
    if (e - s < 3 || nik - e < 1) {
      return;
    }
    String v = text.substring(s, e);
    if (!v.equals(v.toUpperCase(java.util.Locale.ROOT))
        || !PersonalDataScanner.personName(v)
        || PersonalDataScanner.organisationName(v)
        || (Lexicon.field(v) & Lexicon.MEANINGFUL) != 0) {
      return;
    }
    out.add(new PiiMatch(PiiType.NAME, s, e, 0.8));
  }
}
