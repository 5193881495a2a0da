package dev.periksa.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTML tables read as a person reads them: a cell under a column header is the value of that column
 * ({@code <th>No. RM</th>} over {@code <td>RM-001234</td>}), as a CSV cell is of its column, so a
 * result column's {@code Positif} is a result and a reference-range column's {@code Negatif} is
 * not. The header is the first row made only of {@code <th>} cells (or the rows in {@code
 * <thead>}); a data row is read cell by cell when its width (with {@code colspan}) is the header's.
 * Everything else in the page, rows of other widths included, is left to the caller to read as free
 * text.
 */
final class HtmlTables {
  private HtmlTables() {}

  /** Longest tag looked at; longer runs are not tags. */
  private static final int MAX_TAG = 512;

  /** One cell: its content span and whether it is a header cell. */
  private record Cell(int start, int end, boolean header, int span) {}

  /**
   * Reads the cells of tables with a header row from the text without tags ({@code readable}, same
   * offsets as {@code html}); returns the spans read that way (sorted, not overlapping), which the
   * caller must not read again as free text.
   */
  static List<int[]> read(String html, String readable, TextScanner scanner, List<PiiMatch> found) {
    List<int[]> read = new ArrayList<>();
    String lower = html.toLowerCase(Locale.ROOT);
    int at = 0;
    while (true) {
      int table = lower.indexOf("<table", at);
      if (table < 0) {
        break;
      }
      int end = lower.indexOf("</table", table);
      if (end < 0) {
        end = html.length();
      }
      // A nested table ends the outer one's reading here: its cells are read on their own.
      int nested = lower.indexOf("<table", table + 6);
      if (nested > 0 && nested < end) {
        end = nested;
      }
      List<List<Cell>> rows = rows(lower, table, end);
      readTable(readable, rows, scanner, found, read);
      at = Math.max(end, table + 6);
    }
    definitions(html, lower, readable, scanner, found, read);
    read.sort(Starts.ORDER);
    return read;
  }

  /**
   * Definition lists: each {@code <dd>} is the value of the {@code <dt>} before it ({@code <dt>Nama
   * Pasien</dt><dd>Budi Santoso</dd>}), read as a field of that name.
   */
  private static void definitions(
      String html,
      String lower,
      String readable,
      TextScanner scanner,
      List<PiiMatch> found,
      List<int[]> read) {
    int label = -1;
    int labelEnd = -1;
    for (int i = lower.indexOf("<d"); i >= 0; i = lower.indexOf("<d", i + 2)) {
      if (i + 3 >= lower.length()) {
        break;
      }
      char k = lower.charAt(i + 2);
      char after = lower.charAt(i + 3);
      if ((k != 't' && k != 'd') || !(after == '>' || after == ' ')) {
        continue;
      }
      int gt = lower.indexOf('>', i);
      if (gt < 0 || gt - i > MAX_TAG) {
        break;
      }
      int close = lower.indexOf(k == 't' ? "</dt" : "</dd", gt);
      int next = lower.indexOf("<d", gt);
      int end = close < 0 ? (next < 0 ? html.length() : next) : close;
      if (next >= 0 && next < end && k == 'd') {
        end = next; // an unclosed <dd> ends at the next term
      }
      if (k == 't') {
        label = gt + 1;
        labelEnd = end;
      } else if (label >= 0 && end > gt + 1) {
        int cls = Lexicon.field(readable.substring(label, labelEnd).strip());
        if ((cls & Lexicon.MEANINGFUL) != 0 && !inside(read, gt + 1)) {
          Csv.cell(readable, new int[] {gt + 1, end}, cls, scanner, found);
          read.add(new int[] {gt + 1, end});
        }
      }
    }
  }

  private static boolean inside(List<int[]> spans, int at) {
    for (int[] s : spans) {
      if (at >= s[0] && at < s[1]) {
        return true;
      }
    }
    return false;
  }

  private static void readTable(
      String readable,
      List<List<Cell>> rows,
      TextScanner scanner,
      List<PiiMatch> found,
      List<int[]> read) {
    int headerRow = -1;
    for (int r = 0; r < rows.size() && headerRow < 0; r++) {
      List<Cell> row = rows.get(r);
      boolean allHeader = row.size() >= 2;
      for (Cell c : row) {
        allHeader &= c.header();
      }
      if (allHeader || (!row.isEmpty() && namesColumns(readable, row))) {
        headerRow = r;
      } else if (!row.isEmpty()) {
        break; // data before any header: a table without column headers
      }
    }
    if (headerRow < 0) {
      labelledRows(readable, rows, scanner, found, read);
      return;
    }
    List<Integer> classes = new ArrayList<>();
    for (Cell h : rows.get(headerRow)) {
      int cls = Lexicon.field(readable.substring(h.start(), h.end()).strip());
      for (int k = 0; k < h.span(); k++) {
        classes.add(cls);
      }
    }
    for (int r = headerRow + 1; r < rows.size(); r++) {
      List<Cell> row = rows.get(r);
      int width = 0;
      for (Cell c : row) {
        width += c.span();
      }
      if (width != classes.size()) {
        continue;
      }
      int col = 0;
      for (Cell c : row) {
        int ctx = classes.get(col);
        col += c.span();
        if (c.end() > c.start()) {
          Csv.cell(readable, new int[] {c.start(), c.end()}, ctx, scanner, found);
          read.add(new int[] {c.start(), c.end()});
        }
      }
    }
  }

  /**
   * A first row of {@code <td>} cells that names columns, as many pages write their header: three
   * or more short cells without digits, each made of words a field name is made of ("Test",
   * "Result", "Reference Range"), none an outcome. A row of two cells is a label and its value.
   */
  private static boolean namesColumns(String readable, List<Cell> row) {
    if (row.size() < 2) {
      return false;
    }
    if (row.size() == 2) {
      // Two cells are a label and its value, unless the second is a field's name too ("Nama |
      // NIK"): then both name columns.
      Cell second = row.get(1);
      String cell = readable.substring(second.start(), second.end()).strip();
      int cls = cell.isEmpty() || cell.length() > 40 ? 0 : Lexicon.field(cell);
      if ((cls & Lexicon.MEANINGFUL) == 0 || (cls & Lexicon.RESULT) != 0) {
        return false;
      }
    }
    int named = 0;
    for (Cell c : row) {
      String cell = readable.substring(c.start(), c.end()).strip();
      if (cell.isEmpty() || cell.length() > 40 || Starts.anyDigit(cell)) {
        return false;
      }
      int cls = Lexicon.field(cell);
      if ((cls & Lexicon.RESULT) != 0) {
        return false;
      }
      if ((cls & Lexicon.MEANINGFUL) != 0) {
        named++;
      }
    }
    return named == row.size();
  }

  /**
   * A table without column headers made of label and value rows ({@code <th>No. RM</th><td>…</td>},
   * {@code <td>Nama</td><td>…</td>}): the second cell is the value of the field the first names.
   */
  private static void labelledRows(
      String readable,
      List<List<Cell>> rows,
      TextScanner scanner,
      List<PiiMatch> found,
      List<int[]> read) {
    for (List<Cell> row : rows) {
      if (row.size() != 2) {
        continue;
      }
      Cell l = row.get(0);
      Cell v = row.get(1);
      String label = readable.substring(l.start(), l.end()).strip();
      if (label.isEmpty() || label.length() > 40 || v.end() <= v.start()) {
        continue;
      }
      if (label.endsWith(":")) {
        label = label.substring(0, label.length() - 1).strip();
      }
      int cls = Lexicon.field(label);
      if ((cls & Lexicon.MEANINGFUL) == 0) {
        continue;
      }
      Csv.cell(readable, new int[] {v.start(), v.end()}, cls, scanner, found);
      read.add(new int[] {v.start(), v.end()});
    }
  }

  /** The rows of the table between from and to: each a list of cells. */
  private static List<List<Cell>> rows(String lower, int from, int to) {
    List<List<Cell>> rows = new ArrayList<>();
    List<Cell> row = null;
    int cellStart = -1;
    boolean cellHeader = false;
    int cellSpan = 1;
    boolean inHead = false;
    int i = lower.indexOf('>', from) + 1;
    if (i <= 0) {
      return rows;
    }
    while (i < to) {
      int lt = lower.indexOf('<', i);
      if (lt < 0 || lt >= to) {
        break;
      }
      int gt = lower.indexOf('>', lt);
      if (gt < 0 || gt - lt > MAX_TAG) {
        i = lt + 1;
        continue;
      }
      String tag = tagName(lower, lt);
      boolean closing = lower.startsWith("</", lt);
      if (tag.equals("thead")) {
        inHead = !closing;
      }
      if (tag.equals("tr") || tag.equals("td") || tag.equals("th")) {
        if (cellStart >= 0 && row != null) {
          row.add(new Cell(cellStart, lt, cellHeader, cellSpan));
          cellStart = -1;
        }
        if (tag.equals("tr") && !closing) {
          row = new ArrayList<>();
          rows.add(row);
        } else if (!closing) {
          if (row == null) {
            row = new ArrayList<>();
            rows.add(row);
          }
          cellStart = gt + 1;
          cellHeader = tag.equals("th") || inHead;
          cellSpan = colspan(lower, lt, gt);
        } else if (tag.equals("tr")) {
          row = null;
        }
      }
      i = gt + 1;
    }
    if (cellStart >= 0 && row != null) {
      row.add(new Cell(cellStart, Math.min(to, lower.length()), cellHeader, cellSpan));
    }
    return rows;
  }

  private static String tagName(String lower, int lt) {
    int k = lt + 1;
    if (k < lower.length() && lower.charAt(k) == '/') {
      k++;
    }
    int s = k;
    while (k < lower.length() && Character.isLetterOrDigit(lower.charAt(k))) {
      k++;
    }
    return lower.substring(s, k);
  }

  /** A cell's colspan, 1 when absent or unreadable; at most 64. */
  private static int colspan(String lower, int lt, int gt) {
    int at = lower.indexOf("colspan", lt);
    if (at < 0 || at > gt) {
      return 1;
    }
    int k = at + 7;
    int n = 0;
    while (k < gt && !Character.isDigit(lower.charAt(k))) {
      k++;
    }
    while (k < gt && Character.isDigit(lower.charAt(k)) && n < 64) {
      n = n * 10 + (lower.charAt(k) - '0');
      k++;
    }
    return Math.max(1, Math.min(64, n));
  }
}
