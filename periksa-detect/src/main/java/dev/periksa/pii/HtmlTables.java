package dev.periksa.pii;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Test results in HTML tables. A lab report lists one test a row, the patient's outcome under a
 * result column ("Hasil", "Result") and the value it is compared with under a reference column
 * ("Nilai Rujukan", "Reference Range"). Read without its tags a row is only "HBsAg Non Reaktif Non
 * Reaktif": the header alone says which outcome is the patient's. So the header row of each table
 * is read, as a CSV header is: an outcome in a result column is a result (the outcome alone, as in
 * any result cell), and what the free-text reading took for a result in a reference column is
 * dropped.
 *
 * <p>The header is the first row of {@code <th>} cells, or a first row naming a result or reference
 * column; {@code colspan} is followed. Tags are found in one pass; stateless.
 */
final class HtmlTables {
  private HtmlTables() {}

  /** Longest tag read, as in {@link Markup}. */
  private static final int MAX_TAG = 512;

  /** One open table: its columns once the header is read, and the row being read. */
  private static final class Table {
    int[] classes;
    boolean[] reference;
    int rows;
    final List<int[]> row = new ArrayList<>(); // start, end, header (0/1), colspan
    int cellStart = -1;
    boolean cellHeader;
    int cellSpan = 1;
  }

  /**
   * The matches of the free-text reading of {@code readable} (the HTML with its tags blanked, same
   * offsets), corrected by the tables' columns.
   */
  static List<PiiMatch> apply(String html, String readable, List<PiiMatch> found) {
    if (html.indexOf("<t", 0) < 0 && html.indexOf("<T", 0) < 0) {
      return found;
    }
    List<int[]> resultCells = new ArrayList<>(); // start, end, column classes
    List<int[]> referenceCells = new ArrayList<>();
    Deque<Table> open = new ArrayDeque<>();
    int n = html.length();
    for (int i = html.indexOf('<'); i >= 0 && i + 1 < n; i = html.indexOf('<', i + 1)) {
      int close = -1;
      for (int k = i + 1; k < n && k - i <= MAX_TAG; k++) {
        char c = html.charAt(k);
        if (c == '>') {
          close = k;
          break;
        }
        if (c == '<') {
          break;
        }
      }
      if (close < 0) {
        continue;
      }
      boolean closing = html.charAt(i + 1) == '/';
      int ns = i + (closing ? 2 : 1);
      int ne = ns;
      while (ne < close && Character.isLetterOrDigit(html.charAt(ne))) {
        ne++;
      }
      char t0 = ns < ne ? html.charAt(ns) : 0;
      // Only table elements matter, and all their names start with a t.
      String name =
          (t0 == 't' || t0 == 'T') && ne - ns <= 5
              ? html.substring(ns, ne).toLowerCase(Locale.ROOT)
              : "";
      Table top = open.peek();
      switch (name) {
        case "table" -> {
          if (!closing) {
            open.push(new Table());
          } else if (top != null) {
            endRow(top, i, readable, resultCells, referenceCells);
            open.pop();
          }
        }
        case "tr", "thead", "tbody", "tfoot" -> {
          if (top != null) {
            endRow(top, i, readable, resultCells, referenceCells);
          }
        }
        case "td", "th" -> {
          if (top != null) {
            endCell(top, i);
            if (!closing) {
              top.cellStart = close + 1;
              top.cellHeader = name.equals("th");
              top.cellSpan = colspan(html, ne, close);
            }
          }
        }
        default -> {}
      }
      i = close;
    }
    if (resultCells.isEmpty() && referenceCells.isEmpty()) {
      return found;
    }
    referenceCells.sort((a, b) -> Integer.compare(a[0], b[0])); // a nested table ends first
    List<PiiMatch> out = new ArrayList<>(found.size() + resultCells.size());
    for (PiiMatch m : found) {
      if (m.type() != PiiType.TEST_RESULT || !inside(m, referenceCells)) {
        out.add(m);
      }
    }
    List<PiiMatch> cells = new ArrayList<>();
    TextScanner scanner = TextScanner.of(readable, readable.toCharArray(), cells);
    try {
      for (int[] c : resultCells) {
        scanner.scan(c[0], c[1], c[2]);
      }
    } finally {
      scanner.release();
    }
    for (PiiMatch m : cells) {
      if (m.type() == PiiType.TEST_RESULT) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Whether m overlaps one of the cells, sorted by start: the last cell starting before its end (a
   * cell's own nested table aside, cells do not overlap).
   */
  private static boolean inside(PiiMatch m, List<int[]> cells) {
    int lo = 0;
    int hi = cells.size() - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cells.get(mid)[0] < m.end()) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && cells.get(last)[1] > m.start();
  }

  private static void endCell(Table t, int at) {
    if (t.cellStart >= 0 && at >= t.cellStart) {
      t.row.add(new int[] {t.cellStart, at, t.cellHeader ? 1 : 0, t.cellSpan});
    }
    t.cellStart = -1;
  }

  /** Ends the row being read: its cells make the header, or are read under it. */
  private static void endRow(
      Table t, int at, String readable, List<int[]> resultCells, List<int[]> referenceCells) {
    endCell(t, at);
    if (t.row.isEmpty()) {
      return;
    }
    if (t.classes == null) {
      header(t, readable);
    } else {
      int col = 0;
      for (int[] c : t.row) {
        if (col < t.classes.length) {
          if (t.reference[col]) {
            referenceCells.add(new int[] {c[0], c[1]});
          } else if (resultColumn(t.classes[col])) {
            resultCells.add(new int[] {c[0], c[1], t.classes[col]});
          }
        }
        col += c[3];
      }
    }
    t.rows++;
    t.row.clear();
  }

  /**
   * Takes the row as the header when all its cells are {@code <th>}, or when it is the first row
   * and one of its cells names a result or reference column.
   */
  private static void header(Table t, String readable) {
    boolean allTh = true;
    boolean names = false;
    int width = 0;
    for (int[] c : t.row) {
      allTh &= c[2] == 1;
      String h = readable.substring(c[0], c[1]).strip();
      names |= resultColumn(Lexicon.field(h)) || TestNames.referenceHeader(h);
      width += c[3];
    }
    if (!allTh && !(t.rows == 0 && names)) {
      return;
    }
    int[] classes = new int[width];
    boolean[] reference = new boolean[width];
    int col = 0;
    for (int[] c : t.row) {
      String h = readable.substring(c[0], c[1]).strip();
      if (h.length() <= 40) {
        for (int k = col; k < col + c[3]; k++) {
          classes[k] = Lexicon.field(h);
          reference[k] = TestNames.referenceHeader(h);
        }
      }
      col += c[3];
    }
    t.classes = classes;
    t.reference = reference;
  }

  /**
   * A column of outcomes: "Hasil", "Result", "Hasil PCR", "Interpretasi"; not one naming the test
   * ("Pemeriksaan", "Jenis Tes").
   */
  private static boolean resultColumn(int classes) {
    return (classes & Lexicon.TEST_WEAK) != 0
        || ((classes & Lexicon.TEST) != 0 && (classes & Lexicon.OBJECT) == 0);
  }

  /** The colspan attribute of a cell's tag, 1 to 64; 1 when absent or unreadable. */
  private static int colspan(String html, int from, int close) {
    int at = from;
    while (at + 7 <= close && !html.regionMatches(true, at, "colspan", 0, 7)) {
      at++;
    }
    if (at + 7 > close) {
      return 1;
    }
    int k = at + 7;
    while (k < close && !Character.isDigit(html.charAt(k))) {
      if (html.charAt(k) != '=' && html.charAt(k) != '"' && html.charAt(k) != '\'') {
        return 1;
      }
      k++;
    }
    int v = 0;
    while (k < close && Character.isDigit(html.charAt(k)) && v < 64) {
      v = v * 10 + (html.charAt(k) - '0');
      k++;
    }
    return Math.max(1, Math.min(v, 64));
  }
}
