package dev.periksa.pii;

import java.util.ArrayList;
import java.util.List;

/**
 * YAML (fixtures, configuration, exports) read as the tree it is: a key's value is read with the
 * key as its field name and the keys it is nested under as enclosing names, as a JSON value is
 * ({@link Tree}); list items ({@code - nama: …}) are array elements. Block mappings and sequences
 * by indentation, quoted and plain scalars, comments. Block scalars ({@code |}, {@code >}), flow
 * collections and anything that is not a key or an item are read as free text. The text is YAML
 * when most of its lines are keys or list items.
 */
final class Yaml {
  private Yaml() {}

  /** One open mapping or list item: the column of its key or dash. */
  private record Level(int indent, boolean item) {}

  /** The matches, or null when the text does not look like YAML. */
  static List<PiiMatch> scan(String text) {
    if (!looksLikeYaml(text)) {
      return null;
    }
    List<PiiMatch> found = new ArrayList<>();
    TextScanner scanner = TextScanner.of(text, text.toCharArray(), found);
    try {
      Tree tree = new Tree(text, scanner, found);
      List<Level> open = new ArrayList<>();
      int n = text.length();
      int line = 0;
      int blockIndent = -1; // inside a block scalar: lines indented deeper than this are text
      while (line < n) {
        int eol = text.indexOf('\n', line);
        if (eol < 0) {
          eol = n;
        }
        int end = eol > line && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
        int i = line;
        while (i < end && text.charAt(i) == ' ') {
          i++;
        }
        int indent = i - line;
        if (blockIndent >= 0) {
          if (i == end || indent > blockIndent) {
            scanner.scan(i, end, 0);
            line = eol + 1;
            continue;
          }
          blockIndent = -1;
        }
        if (i == end
            || text.charAt(i) == '#'
            || text.startsWith("---", i)
            || text.startsWith("...", i)) {
          line = eol + 1;
          continue;
        }
        boolean item = text.startsWith("- ", i) || (i + 1 == end && text.charAt(i) == '-');
        if (item) {
          close(open, tree, indent, true);
          tree.open(null);
          open.add(new Level(indent, true));
          i = Math.min(end, i + 2);
          while (i < end && text.charAt(i) == ' ') {
            i++;
          }
          indent = i - line;
          if (i == end) {
            line = eol + 1;
            continue;
          }
        } else {
          close(open, tree, indent, false);
        }
        int colon = keyEnd(text, i, end);
        if (colon < 0) {
          if (item) {
            scalar(text, tree, null, i, end); // "- Budi Santoso": an element of a list
          } else {
            scanner.scan(i, end, 0);
          }
          line = eol + 1;
          continue;
        }
        String key = unquote(text.substring(i, colon));
        int v = colon + 1;
        while (v < end && text.charAt(v) == ' ') {
          v++;
        }
        if (v >= end || text.charAt(v) == '#') {
          tree.open(key); // a nested mapping or list follows
          open.add(new Level(indent, false));
        } else if (text.charAt(v) == '|' || text.charAt(v) == '>') {
          blockIndent = indent;
        } else if (text.charAt(v) == '{' || text.charAt(v) == '[') {
          scanner.scan(v, end, Lexicon.field(key) & ~Lexicon.HOLDER);
        } else {
          scalar(text, tree, key, v, end);
        }
        line = eol + 1;
      }
      while (!open.isEmpty()) {
        open.remove(open.size() - 1);
        tree.close();
      }
    } finally {
      scanner.release();
    }
    return found;
  }

  /**
   * Closes the levels a line at this column ends: deeper ones, and at the same column a key's
   * sibling or the list's previous item (a dash may stand at its key's column).
   */
  private static void close(List<Level> open, Tree tree, int indent, boolean item) {
    while (!open.isEmpty()) {
      Level top = open.get(open.size() - 1);
      if (top.indent() > indent || (top.indent() == indent && (top.item() || !item))) {
        open.remove(open.size() - 1);
        tree.close();
      } else {
        break;
      }
    }
  }

  /** A scalar at [s, end): quotes and a trailing comment are not part of it. */
  private static void scalar(String text, Tree tree, String key, int s, int end) {
    int e = end;
    char q = text.charAt(s);
    if ((q == '"' || q == '\'') && s + 1 < end) {
      int close = text.indexOf(q, s + 1);
      if (close > 0 && close < end) {
        s = s + 1;
        e = close;
      }
    } else {
      int comment = text.indexOf(" #", s);
      if (comment > 0 && comment < e) {
        e = comment;
      }
    }
    while (e > s && text.charAt(e - 1) == ' ') {
      e--;
    }
    if (e > s) {
      tree.leaf(key, s, e, text.substring(s, e), true);
    }
  }

  /**
   * The end of a key at i: a plain key of letters, digits, {@code _ - .} (or a quoted one) and a
   * colon followed by a space or the line's end; -1 otherwise.
   */
  private static int keyEnd(String text, int i, int end) {
    int k = i;
    if (k < end && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
      int close = text.indexOf(text.charAt(k), k + 1);
      if (close < 0 || close >= end) {
        return -1;
      }
      k = close + 1;
    } else {
      if (k >= end || !(Character.isLetter(text.charAt(k)) || text.charAt(k) == '_')) {
        return -1;
      }
      while (k < end) {
        char c = text.charAt(k);
        if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
          k++;
        } else {
          break;
        }
      }
    }
    if (k < end && text.charAt(k) == ':' && (k + 1 == end || text.charAt(k + 1) == ' ')) {
      return k;
    }
    return -1;
  }

  private static String unquote(String key) {
    if (key.length() >= 2 && (key.charAt(0) == '"' || key.charAt(0) == '\'')) {
      return key.substring(1, key.length() - 1);
    }
    return key;
  }

  /** Headers that make a text an e-mail (RFC 5322), whose "key: value" lines are not YAML. */
  private static final String[] MAIL_HEADERS = {"from:", "subject:", "message-id:", "received:"};

  /** Most lines are keys or list items, at least three of them keys; not an e-mail. */
  static boolean looksLikeYaml(String text) {
    int n = Math.min(text.length(), 65536);
    int lines = 0;
    int keys = 0;
    int items = 0;
    int line = 0;
    while (line < n) {
      int eol = text.indexOf('\n', line);
      if (eol < 0) {
        eol = text.length();
      }
      int end = eol > line && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
      int i = line;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      if (i < end && text.charAt(i) == '\t') {
        return false; // YAML indents with spaces only
      }
      for (String h : MAIL_HEADERS) {
        if (i == line && text.regionMatches(true, i, h, 0, h.length())) {
          return false;
        }
      }
      if (i < end && text.charAt(i) != '#' && !text.startsWith("---", i)) {
        lines++;
        if (text.startsWith("- ", i)) {
          items++;
          i += 2;
        }
        if (keyEnd(text, i, end) > 0) {
          keys++;
        }
      }
      line = eol + 1;
    }
    return keys >= 3 && (keys + items) * 10 >= lines * 8;
  }
}
