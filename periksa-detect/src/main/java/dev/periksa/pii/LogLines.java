package dev.periksa.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Application log lines read as their formats mean them. A log line (one that opens with a
 * timestamp, names a log level, or holds several logfmt pairs) writes fields as {@code key=value},
 * {@code key="quoted value"} or {@code key: value}: each value is read with its key as context, as
 * a JSON value is with its field name ({@code patient="Budi Santoso"} is a name, {@code
 * trace_id=...} nothing personal). A JSON object in the line ({@code payload={"nama":...}}, {@code
 * body: {...}}) is walked as a whole JSON reply is, with its own field names, at its offsets in the
 * line. The rest of the line keeps its free-text reading.
 *
 * <p>What the free-text reading found inside a value read this way is replaced by the value's own
 * reading. Keys that say nothing ({@code msg}, {@code took}, {@code ERROR}) leave their value to
 * the free text; so does a key that only names a test ({@code PCR: positif}, {@code HIV=negatif}):
 * that is a test's name written with its outcome. Stateless; one pass over each line.
 */
final class LogLines {
  private LogLines() {}

  /** A timestamp opening the line: ISO 8601, Apache/nginx, Go, syslog, or a bare time. */
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "\\[?(?:\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"
              + "|\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}"
              + "|\\d{2}/[A-Za-z]{3}/\\d{4}:\\d{2}:\\d{2}"
              + "|[A-Z][a-z]{2} +\\d{1,2} \\d{2}:\\d{2}:\\d{2}"
              + "|\\d{2}:\\d{2}:\\d{2})");

  /** Characters looked at for a log level, a word of its own near the start of the line. */
  private static final int LEVEL_WINDOW = 100;

  private static final int MAX_KEY = 64;

  /**
   * The free-text matches of {@code text}, with the fields and JSON objects of its log lines read
   * in their place.
   *
   * @param chars the text's characters, read, never written
   */
  static List<PiiMatch> apply(String text, char[] chars, List<PiiMatch> found) {
    if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
      return found;
    }
    List<int[]> fields = new ArrayList<>(); // value start, end, key classes
    List<int[]> objects = new ArrayList<>(); // JSON start, end
    Matcher timestamp = TIMESTAMP.matcher(text);
    int n = text.length();
    int ls = 0;
    while (ls < n) {
      int le = text.indexOf('\n', ls);
      if (le < 0) {
        le = n;
      }
      int end = le > ls && text.charAt(le - 1) == '\r' ? le - 1 : le;
      if (logLine(text, ls, end, timestamp)) {
        pairs(text, ls, end, fields, objects);
      }
      ls = le + 1;
    }
    if (fields.isEmpty() && objects.isEmpty()) {
      return found;
    }
    // Each JSON object is walked on its own (the scanner serves one text at a time), then the
    // fields.
    List<PiiMatch> read = new ArrayList<>();
    List<int[]> regions = new ArrayList<>();
    for (int[] o : objects) {
      List<PiiMatch> json = PersonalDataScanner.embeddedJson(text, o[0], o[1]);
      if (json != null) {
        read.addAll(json);
        regions.add(o);
      }
    }
    TextScanner scanner = TextScanner.of(text, chars, read);
    try {
      for (int[] f : fields) {
        int ctx = f[2];
        if ((ctx & (Lexicon.OBJECT | Lexicon.NEG)) != 0 && (ctx & Lexicon.PERSON) == 0) {
          // A thing's name or number (host=, lab=, order_id=): no person's name, address or phone.
          ctx = (ctx & ~TextScanner.PERSONAL_FIELDS) | Lexicon.NOT_PERSONAL;
        }
        PersonalDataScanner.wholeValue(text, f[0], f[1], text.substring(f[0], f[1]), ctx, read);
        scanner.scan(f[0], f[1], ctx);
        regions.add(f);
      }
    } finally {
      scanner.release();
    }
    // Regions never overlap one another: sorted by start, their ends are sorted too.
    regions.sort(Starts.ORDER);
    List<PiiMatch> out = new ArrayList<>(found.size() + read.size());
    for (PiiMatch m : found) {
      if (!overlapsAny(m, regions)) {
        out.add(m);
      }
    }
    out.addAll(read);
    return out;
  }

  /** Whether m overlaps one of the sorted, disjoint regions: the last starting before its end. */
  private static boolean overlapsAny(PiiMatch m, List<int[]> regions) {
    int lo = 0;
    int hi = regions.size() - 1;
    int last = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (regions.get(mid)[0] < m.end()) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return last >= 0 && regions.get(last)[1] > m.start();
  }

  /** Whether the text opens with a log timestamp ("[2024-03-01 10:00:02]", which no JSON does). */
  static boolean timestamped(String text) {
    return TIMESTAMP.matcher(text).lookingAt();
  }

  /**
   * Whether text[ls, le) is a log line: it opens with a timestamp, a log level stands near its
   * start, or it holds at least two logfmt pairs and no markup.
   */
  private static boolean logLine(String text, int ls, int le, Matcher timestamp) {
    int s = ls;
    while (s < le && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
      s++;
    }
    if (le - s < 8) {
      return false;
    }
    char c0 = text.charAt(s);
    if ((c0 == '[' || (c0 >= '0' && c0 <= '9') || (c0 >= 'A' && c0 <= 'Z'))
        && (!FastPath.on || mayOpenTimestamp(text, s, le))) {
      timestamp.region(s, le);
      if (timestamp.lookingAt()) {
        return true;
      }
    }
    if (level(text, s, Math.min(le, s + LEVEL_WINDOW))) {
      return true;
    }
    boolean equals = false;
    for (int i = s; i < le; i++) {
      char c = text.charAt(i);
      if (c == '<') {
        return false; // markup: name="..." pairs there are attributes, read with their elements
      }
      equals |= c == '=';
    }
    if (!equals) {
      return false;
    }
    int logfmt = 0;
    for (int i = s; i < le && logfmt < 2; i++) {
      if (boundary(text, ls, i) && Character.isLetter(text.charAt(i))) {
        int j = keyEnd(text, i, le);
        if (j < le - 1
            && text.charAt(j) == '='
            && !Character.isWhitespace(text.charAt(j + 1))
            && text.charAt(j + 1) != '=') {
          logfmt++;
        }
        i = j;
      }
    }
    return logfmt >= 2;
  }

  /**
   * Whether a {@link #TIMESTAMP} can open text[s, le), by its first characters: without its
   * bracket, every form but syslog's opens with two digits, syslog's with a month's three letters
   * ("Mar") and a space.
   */
  private static boolean mayOpenTimestamp(String text, int s, int le) {
    char c0 = text.charAt(s);
    if (c0 >= 'A' && c0 <= 'Z') {
      return s + 3 < le
          && lowerAscii(text.charAt(s + 1))
          && lowerAscii(text.charAt(s + 2))
          && text.charAt(s + 3) == ' ';
    }
    return c0 == '[' || (s + 1 < le && text.charAt(s + 1) >= '0' && text.charAt(s + 1) <= '9');
  }

  private static boolean lowerAscii(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Whether a log level word (upper case, a word of its own) or "level=" stands in [s, e). */
  private static boolean level(String text, int s, int e) {
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (c < 'A' || c > 'Z' || (i > s && keyChar(text.charAt(i - 1)))) {
        if (c == 'l' && text.startsWith("level=", i) && (i == s || !keyChar(text.charAt(i - 1)))) {
          return true;
        }
        continue;
      }
      int j = i;
      while (j < e && j - i <= 8 && text.charAt(j) >= 'A' && text.charAt(j) <= 'Z') {
        j++;
      }
      // Every level word has four to eight letters: no other run is looked up.
      if (j - i >= 4
          && j - i <= 8
          && (j >= text.length() || !keyChar(text.charAt(j)))
          && LEVELS.contains(text.substring(i, j))) {
        return true;
      }
      i = j;
    }
    return false;
  }

  private static final java.util.Set<String> LEVELS =
      java.util.Set.of(
          "INFO", "WARN", "WARNING", "ERROR", "DEBUG", "TRACE", "FATAL", "NOTICE", "CRITICAL");

  private static boolean boundary(String text, int ls, int i) {
    if (i == ls) {
      return true;
    }
    char p = text.charAt(i - 1);
    return p == ' ' || p == '\t' || p == '[' || p == '(' || p == ',' || p == ';' || p == '|';
  }

  private static boolean keyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  private static int keyEnd(String text, int i, int le) {
    int j = i;
    while (j < le && j - i < MAX_KEY && keyChar(text.charAt(j))) {
      j++;
    }
    return j;
  }

  /** Finds the fields and JSON objects of one log line, left to right. */
  private static void pairs(String text, int ls, int le, List<int[]> fields, List<int[]> objects) {
    int i = ls;
    // Once an object runs unclosed to the line's end, no later one is tried: one pass per line.
    boolean json = true;
    while (i < le) {
      char c = text.charAt(i);
      if (!boundary(text, ls, i)) {
        i++;
        continue;
      }
      if (c == '{' || c == '[') {
        int e = json ? jsonEnd(text, i, le) : -1;
        if (e > 0) {
          objects.add(new int[] {i, e});
          i = e;
        } else {
          json &= e != UNCLOSED;
          i++;
        }
        continue;
      }
      if (!Character.isLetter(c) && c != '_') {
        i++;
        continue;
      }
      int j = keyEnd(text, i, le);
      char sep = j < le ? text.charAt(j) : 0;
      int v = j + 1;
      if (sep == ':') {
        // "key: value", "key:\"value\"", "body: {...}"; not "https://", "10:30".
        int spaces = 0;
        while (v < le && text.charAt(v) == ' ' && spaces < 3) {
          v++;
          spaces++;
        }
        if (v >= le || (spaces == 0 && text.charAt(v) != '"' && text.charAt(v) != '{')) {
          i = j;
          continue;
        }
      } else if (sep != '=' || v >= le || Character.isWhitespace(text.charAt(v))) {
        i = Math.max(j, i + 1);
        continue;
      }
      char first = text.charAt(v);
      if ((first == '{' || first == '[') && json) {
        int e = jsonEnd(text, v, le);
        if (e > 0) {
          objects.add(new int[] {v, e});
          i = e;
          continue;
        }
        json = e != UNCLOSED;
      }
      int[] value = value(text, v, le);
      if (value == null) {
        i = j + 1;
        continue;
      }
      int classes = Lexicon.field(text.substring(i, j));
      if (field(classes)) {
        fields.add(new int[] {value[0], value[1], classes});
        i = value[2];
      } else {
        i = j + 1; // the value says what it says as free text
      }
    }
  }

  /**
   * Whether a key gives its value a meaning: it says something, and not only which test it is
   * ("PCR: positif" is a test's name with its outcome).
   */
  private static boolean field(int classes) {
    if ((classes & Lexicon.MEANINGFUL) == 0) {
      return false;
    }
    return (classes & Lexicon.MEANINGFUL & ~Lexicon.TEST) != 0;
  }

  /**
   * The value at v: {value start, value end, where reading goes on}, or null. Quoted values run to
   * their closing quote. Unquoted ones run to the next pair, comma, semicolon, pipe or tab: logfmt
   * would quote a value with spaces, but loggers write "phone=(+62) 812 3456 7890 took=12ms" too.
   */
  private static int[] value(String text, int v, int le) {
    char q = text.charAt(v);
    if (q == '"' || q == '\'') {
      for (int k = v + 1; k < le; k++) {
        char c = text.charAt(k);
        if (c == '\\') {
          k++;
        } else if (c == q) {
          return k > v + 1 ? new int[] {v + 1, k, k + 1} : null;
        }
      }
      return null;
    }
    int k = v;
    while (k < le) {
      char c = text.charAt(k);
      if (c == ','
          || c == ';'
          || c == '|'
          || c == '\t'
          || (c == ' ' && nextPair(text, k + 1, le))) {
        break;
      }
      k++;
    }
    int e = k;
    while (e > v && ",;)]}.'\" ".indexOf(text.charAt(e - 1)) >= 0) {
      e--;
    }
    return e > v ? new int[] {v, e, k} : null;
  }

  /** Whether a "key=" or "key: " pair starts at i. */
  private static boolean nextPair(String text, int i, int le) {
    if (i >= le || !Character.isLetter(text.charAt(i))) {
      return false;
    }
    int j = keyEnd(text, i, le);
    if (j + 1 >= le) {
      return false;
    }
    char c = text.charAt(j);
    return (c == '=' && !Character.isWhitespace(text.charAt(j + 1)))
        || (c == ':' && text.charAt(j + 1) == ' ');
  }

  /**
   * End of the JSON object or array opening at s within the line (strings and escapes followed); -1
   * when none opens there, {@link #UNCLOSED} when it runs to the line's end. An array counts only
   * when it holds objects or strings ("[{", "[\""), not "[INFO]".
   */
  private static int jsonEnd(String text, int s, int le) {
    int k = s + 1;
    while (k < le && text.charAt(k) == ' ') {
      k++;
    }
    if (k >= le) {
      return -1;
    }
    char next = text.charAt(k);
    if (text.charAt(s) == '{' ? next != '"' && next != '}' : next != '{' && next != '"') {
      return -1;
    }
    int depth = 0;
    boolean inString = false;
    for (k = s; k < le; k++) {
      char c = text.charAt(k);
      if (inString) {
        if (c == '\\') {
          k++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return k + 1;
        }
      }
    }
    return UNCLOSED;
  }

  private static final int UNCLOSED = -2;
}
