package dev.periksa.pii;

/**
 * A JSON text as a scanner reads it: each escape inside a string written as blanks then the
 * character it stands for ({@code \n} as a space and a line break, {@code \u00e9} as five spaces
 * and é), so the copy has the original's length and offsets. Text in a string value (an OCR
 * service's {@code "text":"NIK : 3174...\nNama : BUDI"}, a note with line breaks) is then read as
 * its lines, as it would be outside JSON. Stateless.
 */
final class JsonEscapes {
  private JsonEscapes() {}

  /** The readable copy; the text itself when it holds no backslash. */
  static String blank(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    char[] out = text.toCharArray();
    int n = out.length;
    boolean inString = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!inString) {
        inString = c == '"';
        continue;
      }
      if (c == '"') {
        inString = false;
      } else if (c == '\\' && i + 1 < n) {
        char x = text.charAt(i + 1);
        out[i] = ' ';
        if (x == 'u' && i + 5 < n && hex(text, i + 2, i + 6)) {
          char d = (char) Integer.parseInt(text.substring(i + 2, i + 6), 16);
          for (int k = i + 1; k < i + 5; k++) {
            out[k] = ' ';
          }
          out[i + 5] = Character.isSurrogate(d) || Character.isISOControl(d) ? ' ' : d;
          i += 5;
        } else {
          out[i + 1] =
              switch (x) {
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'b', 'f' -> ' ';
                default -> x; // \" \\ \/
              };
          i++;
        }
      }
    }
    return new String(out);
  }

  private static boolean hex(String t, int s, int e) {
    for (int k = s; k < e; k++) {
      if (Character.digit(t.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
