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
    if (text.indexOf("  ") < 0 && text.indexOf('\t') < 0) {
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

  /** The cells of a line: runs separated by two or more spaces or a tab. */
  private static List<int[]> cells(String text, int s, int e) {
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
}
