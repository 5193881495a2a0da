package dev.periksa.pii;

import java.util.Locale;

/**
 * HTML read as a person reads the page: the tags between a label and its value are not there.
 * {@link #blankTags} replaces every tag, and the line breaks that only separate one tag from the
 * next, with spaces, so offsets into the result are offsets into the original and a value found in
 * it is the original's. Only HTML: in XML the element names are the labels ({@code <nik>…</nik>})
 * and attributes hold values ({@code <family value="…"/>}), so XML is read as it is; so is text
 * with fewer than two closing tags.
 */
final class Markup {
  private Markup() {}

  /** Longest tag blanked: longer runs between '<' and '>' are text (or a broken tag). */
  private static final int MAX_TAG = 512;

  /** Elements only HTML has: presentation, whose names say nothing of the value. */
  private static final String[] HTML_TAGS = {
    "<td", "<th", "<dd", "<dt", "<tr", "<div", "<span", "<p>", "<p ", "<br", "<table", "<html",
    "<body", "<li>", "<li ", "<strong", "<b>", "<em>", "<label"
  };

  static String blankTags(String text) {
    if (closingTags(text) < 2 || !html(text)) {
      return text;
    }
    char[] cs = text.toCharArray();
    int n = cs.length;
    int i = 0;
    int lastTagEnd = -1;
    while (i < n) {
      char c = cs[i];
      if (c == '<' && i + 1 < n && tagStart(cs[i + 1])) {
        int close = -1;
        for (int k = i + 1; k < n && k - i <= MAX_TAG; k++) {
          if (cs[k] == '>') {
            close = k;
            break;
          }
          if (cs[k] == '<') {
            break;
          }
        }
        if (close > 0) {
          if (lastTagEnd >= 0) {
            // Only white space since the last tag: a layout break, not a sentence's.
            boolean blank = true;
            for (int k = lastTagEnd; k < i && blank; k++) {
              blank = Character.isWhitespace(cs[k]);
            }
            if (blank) {
              for (int k = lastTagEnd; k < i; k++) {
                cs[k] = ' ';
              }
            }
          }
          for (int k = i; k <= close; k++) {
            cs[k] = ' ';
          }
          i = close + 1;
          lastTagEnd = i;
          continue;
        }
      }
      i++;
    }
    return new String(cs);
  }

  private static boolean html(String text) {
    String head = text.length() > 65536 ? text.substring(0, 65536) : text;
    String lower = head.toLowerCase(Locale.ROOT);
    for (String t : HTML_TAGS) {
      if (lower.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean tagStart(char c) {
    return c == '/' || c == '!' || c == '?' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int closingTags(String text) {
    int count = 0;
    for (int at = text.indexOf("</"); at >= 0 && count < 2; at = text.indexOf("</", at + 2)) {
      count++;
    }
    return count;
  }
}
