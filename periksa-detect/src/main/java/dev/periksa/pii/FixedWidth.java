package dev.periksa.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables laid out with spaces: the member list of a family card read from a scan, a report printed
 * as text, a console's query output. Columns are separated by two or more spaces (or tabs); a
 * header line names them ("No Nama Lengkap NIK Tanggal Lahir"), and each following line with as
 * many cells is a record whose cells are read with their column's name as context, as CSV cells
 * are. Lines that do not fit are left to the caller, to be read as free text.
 */
final class FixedWidth {
  private FixedWidth() {}

  /** Reads the cells of space-aligned tables; returns the spans read (sorted, disjoint). */
  static List<int[]> read(String text, TextScanner scanner, List<PiiMatch> found) {
    List<int[]> read = new ArrayList<>();
    if (text.indexOf("  ") < 0 && text.indexOf('\t') < 0 && text.indexOf('|') < 0) {
      return read;
    }
    int n = text.length();
    int[] header = null; // column classes of the table being read
    int line = 0;
    while (line < n) {
      int eol = text.indexOf('\n', line);
      if (eol < 0) {
        eol = n;
      }
      int end = eol > line && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
      List<int[]> cells = cells(text, line, end);
      if (header != null && rule(text, cells)) {
        line = eol + 1; // a Markdown table's rule under its header
        continue;
      }
      if (header != null && cells.size() == header.length) {
        for (int i = 0; i < cells.size(); i++) {
          Csv.cell(text, cells.get(i), header[i], scanner, found);
          read.add(cells.get(i));
        }
      } else {
        header = cells.size() >= 3 ? header(text, cells) : null;
      }
      line = eol + 1;
    }
    return read;
  }

  /** The classes of a header line's columns, or null when the line names no columns. */
  private static int[] header(String text, List<int[]> cells) {
    int[] classes = new int[cells.size()];
    int named = 0;
    for (int i = 0; i < cells.size(); i++) {
      int[] c = cells.get(i);
      String cell = text.substring(c[0], c[1]);
      if (cell.length() > 30 || Starts.anyDigit(cell)) {
        return null;
      }
      classes[i] = Lexicon.field(cell);
      if ((classes[i] & Lexicon.RESULT) != 0) {
        return null;
      }
      if ((classes[i] & (Lexicon.MEANINGFUL | Lexicon.HOLDER)) != 0) {
        named++;
      }
    }
    return named * 3 >= cells.size() * 2 ? classes : null;
  }

  /** Whether every cell is a rule of dashes and colons ("|---|:--:|"). */
  private static boolean rule(String text, List<int[]> cells) {
    if (cells.isEmpty()) {
      return false;
    }
    for (int[] c : cells) {
      for (int i = c[0]; i < c[1]; i++) {
        char ch = text.charAt(i);
        if (ch != '-' && ch != ':' && ch != '=') {
          return false;
        }
      }
      if (c[1] == c[0]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The cells of a line: runs separated by two or more spaces or a tab; in a line with a vertical
   * bar (a Markdown or console table, an OCR'd ruled table), the runs between bars instead, the
   * empty ends outside the first and last bar left out.
   */
  private static List<int[]> cells(String text, int s, int e) {
    int bar = text.indexOf('|', s);
    if (bar >= 0 && bar < e) {
      return barCells(text, s, e);
    }
    List<int[]> cells = new ArrayList<>();
    int i = s;
    while (i < e) {
      while (i < e && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      if (i >= e) {
        break;
      }
      int start = i;
      while (i < e) {
        char c = text.charAt(i);
        if (c == '\t' || (c == ' ' && i + 1 < e && text.charAt(i + 1) == ' ')) {
          break;
        }
        i++;
      }
      int end = i;
      while (end > start && text.charAt(end - 1) == ' ') {
        end--;
      }
      cells.add(new int[] {start, end});
    }
    return cells;
  }

  private static List<int[]> barCells(String text, int s, int e) {
    List<int[]> cells = new ArrayList<>();
    int from = s;
    while (from <= e) {
      int bar = text.indexOf('|', from);
      int to = bar < 0 || bar > e ? e : bar;
      int a = from;
      int b = to;
      while (a < b && (text.charAt(a) == ' ' || text.charAt(a) == '\t')) {
        a++;
      }
      while (b > a && (text.charAt(b - 1) == ' ' || text.charAt(b - 1) == '\t')) {
        b--;
      }
      boolean outerEnd = (from == s || to == e) && a == b;
      if (!outerEnd) {
        cells.add(new int[] {a, b});
      }
      from = to + 1;
    }
    return cells;
  }
}
