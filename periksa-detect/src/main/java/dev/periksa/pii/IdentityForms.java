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

  /** The longest line of a form that {@link #cellBelow} reads. */
  private static final int MAX_LINE = 300;

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
      if (++q - le > MAX_LINE) {
        return -1; // no form's line: a long text's labels would each read to its end
      }
    }
    // The next line that holds something (one blank line at most between).
    int next = -1;
    for (int n = 0; n < 2 && q < to; n++) {
      if (cs[q] == '\r' && q + 1 < to && cs[q + 1] == '\n') {
        q++;
      }
      q++;
      int s = q;
      while (q < to && !lineBreak(cs[q]) && q - s < MAX_LINE) {
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
   * for 8, Z for 2, G for 6; or a space put inside it), or -1. Read only after a NIK's own label,
   * with at most two letters and two spaces among its sixteen digits, and only when the digits so
   * read have a NIK's structure: a number that identifies the card's holder, spoilt by the scan, is
   * still the holder's NIK.
   */
  static int misreadNik(char[] cs, int p, int to) {
    if (p > 0 && Character.isLetterOrDigit(cs[p - 1])) {
      return -1;
    }
    StringBuilder d = new StringBuilder(16);
    int letters = 0;
    int spaces = 0;
    int k = p;
    while (d.length() < 16 && k < to) {
      char c = cs[k];
      if (c == ' ' && k > p && k + 1 < to && cs[k - 1] != ' ' && digitFor(cs[k + 1]) != 0) {
        spaces++; // "317405170890 0002": a space the scan put inside the number
        k++;
        continue;
      }
      char r = digitFor(c);
      if (r == 0) {
        return -1;
      }
      letters += r != c ? 1 : 0;
      d.append(r);
      k++;
    }
    if (d.length() < 16 || (k < to && Character.isLetterOrDigit(cs[k]))) {
      return -1;
    }
    if (letters + spaces == 0 || letters > 2 || spaces > 2 || !Character.isDigit(cs[p])) {
      return -1;
    }
    return Nik.isValid(d) ? k : -1;
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
    // "Surname/Nama Keluarga": a family's name is still a name label ("keluarga" names a person).
    return classes != 0 && (classes & ~(key | Lexicon.PERSON)) == 0 ? e : keyEnd;
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

  /**
   * A form read one column after the other, as OCR often reads an ID card: a block of label lines
   * ("NIK", "Nama", "Tempat/Tgl Lahir", "Alamat"...) and then, in the same order, a block of as
   * many value lines each opening with the form's colon (": 3174...", ": BUDI SANTOSO"). Each value
   * is read as a cell under its label's name, as a table's cells are; only with three values or
   * more, no more than the label lines (the values go with the last labels: a heading may stand
   * over them), every label line short and free of digits and colons, and at least two of the
   * labels naming a personal field. Returns the spans already read, sorted and disjoint: those of
   * {@code cells} and the values read here.
   */
  static List<int[]> valueColumn(
      String text, TextScanner scanner, List<PiiMatch> found, List<int[]> cells) {
    if (text.indexOf(':') < 0) {
      return cells;
    }
    List<int[]> lines = new java.util.ArrayList<>();
    int n = text.length();
    for (int ls = 0; ls < n; ) {
      int le = text.indexOf('\n', ls);
      if (le < 0) {
        le = n;
      }
      int s = ls;
      int e = le;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (e > s) {
        lines.add(new int[] {s, e});
      }
      ls = le + 1;
    }
    List<int[]> values = new java.util.ArrayList<>();
    List<Integer> classes = new java.util.ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      int labels = 0;
      int personal = 0;
      while (i + labels < lines.size() && labelLine(text, lines.get(i + labels))) {
        int[] l = lines.get(i + labels);
        int c = Lexicon.field(text.substring(l[0], l[1]));
        personal += (c & PERSONAL) != 0 ? 1 : 0;
        labels++;
      }
      if (labels < 3 || personal < 2) {
        i += Math.max(labels, 1);
        continue;
      }
      int v = i + labels;
      int count = 0;
      while (v + count < lines.size() && text.charAt(lines.get(v + count)[0]) == ':') {
        count++;
      }
      // Lines over the labels (the card's heading, "PROVINSI ...") read as label lines too: the
      // values belong to the last labels.
      int first = v - count;
      personal = 0;
      for (int k = first; k < v && count >= 3; k++) {
        int[] l = lines.get(k);
        personal += (Lexicon.field(text.substring(l[0], l[1])) & PERSONAL) != 0 ? 1 : 0;
      }
      if (count >= 3 && count <= labels && personal >= 2) {
        for (int k = 0; k < count; k++) {
          int[] l = lines.get(first + k);
          int[] val = lines.get(v + k);
          int s = val[0] + 1;
          while (s < val[1] && text.charAt(s) == ' ') {
            s++;
          }
          values.add(new int[] {s, val[1]});
          classes.add(Lexicon.field(text.substring(l[0], l[1])));
        }
      }
      i = v + count;
    }
    if (values.isEmpty()) {
      return cells;
    }
    List<int[]> merged = new java.util.ArrayList<>(cells);
    int c = 0; // values and cells are both in text order
    for (int k = 0; k < values.size(); k++) {
      int[] val = values.get(k);
      while (c < cells.size() && cells.get(c)[1] <= val[0]) {
        c++;
      }
      boolean overlaps = c < cells.size() && cells.get(c)[0] < val[1];
      if (!overlaps) {
        Csv.cell(text, val, classes.get(k), scanner, found);
        merged.add(val);
      }
    }
    merged.sort((a, b) -> Integer.compare(a[0], b[0]));
    return merged;
  }

  /** The fields whose labels make a block of label lines a form's. */
  private static final int PERSONAL =
      Lexicon.NAME | Lexicon.NIK | Lexicon.BIRTH | Lexicon.ADDRESS | Lexicon.PASSPORT;

  /** A form's label alone on its line: short, letters and label punctuation only. */
  private static boolean labelLine(String text, int[] l) {
    if (l[1] - l[0] > 30 || !Character.isLetter(text.charAt(l[0]))) {
      return false;
    }
    for (int k = l[0]; k < l[1]; k++) {
      char c = text.charAt(k);
      if (!Character.isLetter(c) && c != ' ' && c != '/' && c != '.' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /**
   * The label a value line opening with the form's colon belongs to when the label stands alone on
   * the line above ("Nama" over ": BUDI SANTOSO", as OCR breaks a card's line), packed as {@code
   * start << 32 | end}; or -1.
   */
  static long keyAbove(char[] cs, int from, int colon) {
    int k = colon;
    while (k > from && space(cs[k - 1])) {
      k--;
    }
    if (k <= from || !lineBreak(cs[k - 1])) {
      return -1;
    }
    k--;
    if (cs[k] == '\n' && k > from && cs[k - 1] == '\r') {
      k--;
    }
    int e = k;
    while (e > from && space(cs[e - 1])) {
      e--;
    }
    int s = e;
    while (s > from && !lineBreak(cs[s - 1]) && e - s <= 30) {
      s--;
    }
    while (s < e && space(cs[s])) {
      s++;
    }
    if (e - s > 30 || e == s || (s > from && !lineBreak(cs[s - 1]) && !space(cs[s - 1]))) {
      return -1;
    }
    for (int x = s; x < e; x++) {
      char c = cs[x];
      if (!Character.isLetter(c) && c != ' ' && c != '/' && c != '.' && c != '-') {
        return -1;
      }
    }
    return Character.isLetter(cs[s]) ? ((long) s << 32) | e : -1;
  }
}
