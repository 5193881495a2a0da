package dev.periksa.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV and other delimited exports with a header row: each cell is scanned with its column name as
 * context, as a JSON value is with its field name. Comma, semicolon, tab and pipe delimiters;
 * quoted cells may hold delimiters, doubled quotes and line breaks.
 */
final class Csv {
  private Csv() {}

  private static final char[] DELIMITERS = {',', ';', '\t', '|'};

  /**
   * The matches, or null when the text does not look like a delimited table with a header.
   *
   * @param chars the text's characters, read, never written
   */
  static List<PiiMatch> scan(String text, char[] chars) {
    // Comment lines ("# exported 2024-05-01") may stand before the header and between records.
    int start = 0;
    while (start < text.length() && text.charAt(start) == '#') {
      int eol = text.indexOf('\n', start);
      if (eol < 0) {
        return null;
      }
      start = eol + 1;
    }
    int firstEol = text.indexOf('\n', start);
    if (firstEol < 0 || firstEol == text.length() - 1) {
      return null;
    }
    char delimiter = delimiter(text, start, firstEol);
    if (delimiter == 0) {
      return null;
    }
    List<int[]> header = new ArrayList<>();
    int at = record(chars, start, delimiter, header);
    if (header.size() < 2 || !looksLikeHeader(text, header)) {
      return null;
    }
    // Prose with a comma per line is no table: most records must have the header's width.
    List<List<int[]>> records = new ArrayList<>();
    List<List<int[]>> comments = new ArrayList<>();
    int fitting = 0;
    while (at < text.length()) {
      List<int[]> cells = new ArrayList<>();
      at = record(chars, at, delimiter, cells);
      if (cells.size() == 1 && cells.get(0)[1] == cells.get(0)[0]) {
        continue; // a blank line
      }
      if (text.charAt(cells.get(0)[0]) == '#') {
        comments.add(cells); // read as text, not counted against the table's shape
        continue;
      }
      records.add(cells);
      if (cells.size() == header.size()) {
        fitting++;
      }
    }
    if (fitting == 0 || fitting * 10 < records.size() * 9) {
      return null;
    }
    if (keyValueList(text, header, records)) {
      return null;
    }
    int[] classes = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      int[] h = header.get(i);
      classes[i] = Lexicon.field(text.substring(h[0], h[1]));
    }
    List<PiiMatch> found = new ArrayList<>();
    TextScanner scanner = TextScanner.of(text, chars, found);
    try {
      int[] orgClasses = organisationClasses(classes);
      boolean orgTable = organisationTable(classes);
      int typeColumn = -1;
      for (int i = 0; i < header.size() && typeColumn < 0; i++) {
        int[] h = header.get(i);
        if (Tree.typeField(text.substring(h[0], h[1]).strip())) {
          typeColumn = i;
        }
      }
      for (List<int[]> cells : records) {
        if (cells.size() == header.size()) {
          int[] row = orgTable || namedForOrganisation(text, cells, classes) ? orgClasses : classes;
          // "jenis;nomor" = "PASPOR;B1234567": the type column says what the number is.
          int hint = 0;
          if (typeColumn >= 0) {
            int[] t = cells.get(typeColumn);
            hint = Tree.typeHint(text.substring(t[0], t[1]));
          }
          for (int i = 0; i < cells.size(); i++) {
            int k = row[i];
            if (hint != 0 && i != typeColumn && (k & Lexicon.MEANINGFUL & ~Lexicon.HOLDER) == 0) {
              k |= hint;
            }
            cell(text, cells.get(i), k, scanner, found);
          }
        } else {
          scanner.scan(cells.get(0)[0], cells.get(cells.size() - 1)[1], 0);
        }
      }
      for (List<int[]> cells : comments) {
        scanner.scan(cells.get(0)[0], cells.get(cells.size() - 1)[1], 0);
      }
      if (start > 0) {
        scanner.scan(0, start, 0);
      }
    } finally {
      scanner.release();
    }
    return found;
  }

  /**
   * Whether a table is a register of facilities, pharmacies or companies ("nama_faskes,alamat,
   * telp"): it has no column of a person's (name, identity numbers, birth date, test outcome) and
   * opens with the organisation's name. Its rows' address, phone and mailbox are the
   * organisations', not a person's; in another table a row is an organisation's when its name names
   * one ({@link #namedForOrganisation}).
   */
  static boolean organisationTable(int[] classes) {
    boolean personColumn = false;
    boolean orgColumn = false;
    for (int i = 0; i < classes.length; i++) {
      int k = classes[i];
      boolean thing = (k & (Lexicon.OBJECT | Lexicon.NEG)) != 0 && (k & Lexicon.PERSON) == 0;
      if (personColumn(k)) {
        personColumn = true;
      } else if (thing && i <= 1 && ((k & Lexicon.NAME) != 0 || i == 0)) {
        // "nama_faskes" after at most a code, or "faskes" first: the record's subject. A
        // hospital's name further along is where a patient was seen.
        orgColumn = true;
      } else if ((k & (Lexicon.RESULT | Lexicon.TEST | Lexicon.TEST_WEAK | Lexicon.DIAGNOSIS))
          != 0) {
        personColumn = true; // a test's outcome, a diagnosis: a person's
      }
    }
    return orgColumn && !personColumn;
  }

  /** Whether a record's name column names an organisation ("nama": "Apotek Kimia Farma 23"). */
  static boolean namedForOrganisation(String text, List<int[]> cells, int[] classes) {
    for (int i = 0; i < classes.length; i++) {
      int[] c = cells.get(i);
      if (personColumn(classes[i])
          && (classes[i] & Lexicon.NAME) != 0
          && c[1] > c[0]
          && PersonalDataScanner.organisationName(text.substring(c[0], c[1]))) {
        return true;
      }
    }
    return false;
  }

  private static boolean personColumn(int k) {
    return (k & (Lexicon.NAME | Lexicon.OBJECT)) == Lexicon.NAME
        || (k & (Lexicon.PERSON | PERSON_IDS)) != 0;
  }

  /** Columns only a person's record has: identity, birth, record and insurance numbers. */
  private static final int PERSON_IDS =
      Lexicon.NIK | Lexicon.BIRTH | Lexicon.MRN | Lexicon.BPJS | Lexicon.PASSPORT | Lexicon.SSN;

  /** The column classes of an organisation's record: its contact columns are no person's. */
  private static int[] organisationClasses(int[] classes) {
    int[] out = classes.clone();
    for (int i = 0; i < out.length; i++) {
      if ((out[i] & TextScanner.PERSONAL_FIELDS) != 0) {
        out[i] = (out[i] & ~TextScanner.PERSONAL_FIELDS) | Lexicon.NOT_PERSONAL;
      }
    }
    return out;
  }

  static void cell(String text, int[] c, int classes, TextScanner scanner, List<PiiMatch> found) {
    if (c[1] <= c[0]) {
      return;
    }
    int ctx = classes;
    if ((ctx & (Lexicon.OBJECT | Lexicon.NEG)) != 0 && (ctx & Lexicon.PERSON) == 0) {
      ctx = (ctx & ~TextScanner.PERSONAL_FIELDS) | Lexicon.NOT_PERSONAL;
    }
    // A whole value is a name or an address only where the column says name, address or whose
    // (PersonalDataScanner.wholeValue returns at once otherwise): no copy of the cell elsewhere.
    if ((ctx & (Lexicon.NAME | Lexicon.ADDRESS | Lexicon.PERSON)) != 0) {
      String value = text.substring(c[0], c[1]);
      PersonalDataScanner.wholeValue(text, c[0], c[1], value, ctx, found);
    }
    scanner.scan(c[0], c[1], ctx);
  }

  /**
   * A form written as "label ; value" lines ("Nama ; BUDI", "Alamat ; JL. MAWAR") is a list of
   * fields, not a table: every line's first cell, the first line's included, is a field's label.
   */
  private static boolean keyValueList(String text, List<int[]> header, List<List<int[]>> records) {
    if (header.size() > 3 || !label(text, header.get(0))) {
      return false;
    }
    for (List<int[]> r : records) {
      if (!label(text, r.get(0))) {
        return false;
      }
    }
    return true;
  }

  private static boolean label(String text, int[] cell) {
    String c = text.substring(cell[0], cell[1]).strip();
    return !c.isEmpty() && c.length() <= 30 && (Lexicon.field(c) & Lexicon.MEANINGFUL) != 0;
  }

  /**
   * The delimiter the first line uses most, outside quotes (the first of {@link #DELIMITERS} on a
   * tie); 0 if none. One pass counts all of them: whether a character is quoted depends on the
   * quotes alone.
   */
  private static char delimiter(String text, int start, int eol) {
    int[] counts = new int[DELIMITERS.length];
    boolean quoted = false;
    for (int i = start; i < eol; i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        for (int d = 0; d < DELIMITERS.length; d++) {
          if (c == DELIMITERS[d]) {
            counts[d]++;
          }
        }
      }
    }
    char best = 0;
    int bestCount = 0;
    for (int d = 0; d < DELIMITERS.length; d++) {
      if (counts[d] > bestCount) {
        best = DELIMITERS[d];
        bestCount = counts[d];
      }
    }
    return best;
  }

  /**
   * A header names columns: short cells of a few words, none a bare number or holding a long
   * number, most with letters, none ending a sentence.
   */
  private static boolean looksLikeHeader(String text, List<int[]> cells) {
    int withLetters = 0;
    for (int[] c : cells) {
      if (c[1] - c[0] > 40) {
        return false;
      }
      // The cell without its surrounding white space (String.strip's bounds).
      int s = c[0];
      int e = c[1];
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (words(text, s, e) > 5
          || digitRun(text, s, e, 4)
          || (e - s > 4 && text.charAt(e - 1) == '.')) {
        return false;
      }
      boolean letters = false;
      boolean onlyDigits = c[1] > c[0];
      for (int i = c[0]; i < c[1]; i++) {
        char ch = text.charAt(i);
        letters |= Character.isLetter(ch);
        onlyDigits &= Character.isDigit(ch);
      }
      if (onlyDigits) {
        return false;
      }
      if (letters) {
        withLetters++;
      }
    }
    return withLetters * 2 >= cells.size();
  }

  /**
   * Words of text[s, e), which neither starts nor ends with white space: one more than its runs of
   * white space ({@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return), as
   * splitting at them counts.
   */
  private static int words(String text, int s, int e) {
    int n = 1;
    boolean inSpace = false;
    for (int i = s; i < e; i++) {
      char ch = text.charAt(i);
      boolean sp = ch == ' ' || (ch >= '\t' && ch <= '\r');
      if (sp && !inSpace) {
        n++;
      }
      inSpace = sp;
    }
    return n;
  }

  /** Whether text[s, e) holds {@code min} ASCII digits in a row. */
  private static boolean digitRun(String text, int s, int e, int min) {
    int run = 0;
    for (int i = s; i < e; i++) {
      char ch = text.charAt(i);
      run = ch >= '0' && ch <= '9' ? run + 1 : 0;
      if (run >= min) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads one record of the text's characters from position at into cell spans (inside quotes for
   * quoted cells) and returns where the next record starts.
   */
  private static int record(char[] cs, int at, char delimiter, List<int[]> cells) {
    int i = at;
    int n = cs.length;
    while (true) {
      if (i < n && cs[i] == '"') {
        int start = i + 1;
        int j = start;
        while (j < n) {
          if (cs[j] == '"') {
            if (j + 1 < n && cs[j + 1] == '"') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        cells.add(new int[] {start, Math.min(j, n)});
        i = Math.min(j + 1, n);
        while (i < n && cs[i] != delimiter && cs[i] != '\n') {
          i++;
        }
      } else {
        int start = i;
        while (i < n && cs[i] != delimiter && cs[i] != '\n') {
          i++;
        }
        int end = i;
        if (end > start && cs[end - 1] == '\r') {
          end--;
        }
        cells.add(new int[] {start, end});
      }
      if (i >= n) {
        return n;
      }
      if (cs[i] == '\n') {
        return i + 1;
      }
      i++; // the delimiter
    }
  }
}
