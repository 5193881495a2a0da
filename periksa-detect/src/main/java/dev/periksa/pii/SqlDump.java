package dev.periksa.pii;

import static dev.periksa.pii.Lexicon.BPJS;
import static dev.periksa.pii.Lexicon.DIAGNOSIS;
import static dev.periksa.pii.Lexicon.EMAIL;
import static dev.periksa.pii.Lexicon.HOLDER;
import static dev.periksa.pii.Lexicon.MEANINGFUL;
import static dev.periksa.pii.Lexicon.NAME;
import static dev.periksa.pii.Lexicon.NEG;
import static dev.periksa.pii.Lexicon.NUMBER_TYPES;
import static dev.periksa.pii.Lexicon.OBJECT;
import static dev.periksa.pii.Lexicon.PERSON;
import static dev.periksa.pii.TextScanner.PERSONAL_FIELDS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQL dumps and statements (mysqldump, pg_dump, statements in logs): each value of a row is read
 * with its column name as context, as a CSV cell is with its header.
 *
 * <p>Read: {@code INSERT [INTO] t (cols) VALUES (..), (..)}, {@code REPLACE INTO}, {@code INSERT
 * INTO t SET col = ..}, {@code INSERT INTO t VALUES (..)} whose columns an earlier {@code CREATE
 * TABLE t (..)} of the same text names, and PostgreSQL {@code COPY t (cols) FROM stdin;} blocks
 * (tab-separated rows up to {@code \.}; {@code \N} is NULL). Strings are quoted '..' with '' or, as
 * MySQL writes them, \' inside; identifiers bare, `quoted`, "quoted" or [quoted], schema-qualified
 * or not. A row whose values do not match its columns in number is read without column names.
 *
 * <p>A table is context too: a row of a table of things ({@code obat}, {@code produk}, {@code
 * rumah_sakit}, {@code faskes}) or of diagnoses holds no person's name, address or phone, unless
 * its column says whose ({@code nama_pasien}); nor does a row whose bare name column holds an
 * organisation's name ("RSUD Tarakan"). A column that says nothing alone ({@code nomor}) takes the
 * number type its table names ({@code kartu_bpjs}).
 *
 * <p>Schema statements (CREATE TABLE: column names, types, defaults) are not personal data and are
 * not read; comments and every other statement are read as free text. A dump cut short keeps what
 * its complete values say.
 *
 * <p>Stateless and thread-safe.
 */
final class SqlDump {
  private SqlDump() {}

  /** Table names whose rows are people's accounts, though "user" alone names a thing in fields. */
  private static final Set<String> PEOPLE_TABLES = Set.of("user", "users", "pengguna");

  /** Words that open a table element that is no column. */
  private static final Set<String> CONSTRAINTS =
      Set.of(
          "primary",
          "key",
          "index",
          "unique",
          "constraint",
          "foreign",
          "check",
          "fulltext",
          "spatial",
          "exclude",
          "like",
          "period");

  /** The matches, or null when the text holds no INSERT, COPY or CREATE TABLE statement. */
  static List<PiiMatch> scan(String text) {
    return scan(text, text.toCharArray());
  }

  /** As {@link #scan(String)}, with the text's characters (read, never written). */
  static List<PiiMatch> scan(String text, char[] cs) {
    if (!mayHoldStatement(text, cs)) {
      return null;
    }
    List<PiiMatch> found = new ArrayList<>();
    TextScanner scanner = TextScanner.of(text, cs, found);
    try {
      return new Reader(text, cs, scanner, found).read() ? found : null;
    } finally {
      scanner.release();
    }
  }

  /**
   * A quick test before any parsing: a statement keyword starts a word. Reads the characters from
   * the array (a String's charAt checks its index and, for a text outside Latin-1, its coder on
   * every call).
   */
  private static boolean mayHoldStatement(String text, char[] cs) {
    for (int i = 0; i + 4 <= cs.length; i++) {
      char c = (char) (cs[i] | 0x20);
      if ((c == 'i' || c == 'r' || c == 'c')
          && (i == 0 || !letterOrDigit(cs[i - 1]))
          && (keyword(text, cs, i, "insert")
              || keyword(text, cs, i, "replace")
              || keyword(text, cs, i, "copy")
              || keyword(text, cs, i, "create"))) {
        return true;
      }
    }
    return false;
  }

  /** Character.isLetterOrDigit, with ASCII answered without its tables. */
  private static boolean letterOrDigit(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return Character.isLetterOrDigit(c);
  }

  /**
   * {@code text.regionMatches(true, i, word, 0, word.length())} for a lower-case ASCII word, read
   * from the array: ASCII letters compared by their case bit, any other character left to
   * regionMatches (some non-ASCII letters change case to an ASCII one, as dotless i to I).
   */
  private static boolean keyword(String text, char[] cs, int i, String word) {
    int n = word.length();
    if (i + n > cs.length) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      char c = cs[i + k];
      if (c >= 0x80) {
        return text.regionMatches(true, i, word, 0, n);
      }
      if ((c | 0x20) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether text[s, e) is a JKN-KIS card number: 13 digits starting 000, alone. The shape is the
   * card's (no other common identifier is 13 digits with three leading zeros), so it is read as one
   * wherever it stands alone in a field.
   */
  static boolean bpjsCard(String text, int s, int e) {
    if (e - s != 13 || !text.startsWith("000", s)) {
      return false;
    }
    for (int k = s; k < e; k++) {
      char c = text.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A value of a row: where it is and what it is. */
  private record Value(int start, int end, int kind) {}

  private static final int STRING = 0;
  private static final int BARE = 1;
  private static final int EXPRESSION = 2;
  private static final int NULL = 3;

  /** Parses one text; one per scan. */
  private static final class Reader {
    private final String text;
    private final char[] cs;
    private final int n;
    private final TextScanner scanner;
    private final List<PiiMatch> found;
    private final Map<String, List<String>> tables = new HashMap<>();

    /** MySQL escapes with a backslash; PostgreSQL's standard strings do not. */
    private final boolean backslash;

    /** The last identifier read, unquoted, without its schema. */
    private String ident;

    /**
     * Characters passed over by quote, comment and expression scans. A statement that fails to
     * parse may have scanned to the end of the text (an unclosed quote); once that work exceeds a
     * few times the text's length no further statement is tried, which keeps the reader linear.
     */
    private long work;

    Reader(String text, char[] cs, TextScanner scanner, List<PiiMatch> found) {
      this.text = text;
      this.cs = cs;
      this.n = cs.length;
      this.scanner = scanner;
      this.found = found;
      this.backslash =
          !(text.contains("standard_conforming_strings = on")
              || text.contains("PostgreSQL database dump"));
    }

    /** Reads statements, and the text between them as free text; false if none was read. */
    boolean read() {
      boolean any = false;
      int gap = 0;
      int i = 0;
      while (i < n) {
        char c = (char) (cs[i] | 0x20);
        if ((c != 'i' && c != 'r' && c != 'c') || (i > 0 && identChar(cs[i - 1]))) {
          i++;
          continue;
        }
        int end = -1;
        if (word(i, "insert") > 0) {
          end = insert(word(i, "insert"));
        } else if (word(i, "replace") > 0) {
          end = insert(word(i, "replace"));
        } else if (word(i, "copy") > 0) {
          end = copy(word(i, "copy"));
        } else if (word(i, "create") > 0) {
          end = create(word(i, "create"));
        }
        if (end < 0) {
          if (work > 4L * n + 4096) {
            break;
          }
          i++;
          continue;
        }
        any = true;
        if (i > gap) {
          scanner.scan(gap, i, 0);
        }
        gap = end;
        i = end;
      }
      if (any && gap < n) {
        scanner.scan(gap, n, 0);
      }
      return any;
    }

    // ----------------------------------------------------------------- statements

    /** After INSERT or REPLACE: [modifiers] [INTO] table [(cols)] VALUES rows | SET pairs. */
    private int insert(int p) {
      p = ws(p);
      for (String m : new String[] {"low_priority", "delayed", "high_priority", "ignore"}) {
        if (word(p, m) > 0) {
          p = ws(word(p, m));
        }
      }
      if (word(p, "into") > 0) {
        p = ws(word(p, "into"));
      }
      p = name(p);
      if (p < 0) {
        return -1;
      }
      String table = ident;
      p = ws(p);
      List<String> columns = null;
      if (p < n && cs[p] == '(') {
        columns = new ArrayList<>();
        p = columnList(p + 1, columns);
        if (p < 0) {
          return -1;
        }
        p = ws(p);
      }
      int tableClasses = tableClasses(table);
      if (word(p, "set") > 0 && columns == null) {
        return set(ws(word(p, "set")), tableClasses);
      }
      int v = word(p, "values");
      if (v < 0) {
        v = word(p, "value");
      }
      if (v < 0) {
        return -1;
      }
      p = ws(v);
      if (p >= n || cs[p] != '(') {
        return -1;
      }
      if (columns == null) {
        columns = tables.get(key(table));
      }
      int[] classes = classes(columns);
      while (p < n && cs[p] == '(') {
        List<Value> row = new ArrayList<>();
        p = row(p + 1, row);
        if (p >= n && (n == 0 || cs[n - 1] != ')')) {
          emitRow(row, classes, tableClasses, true);
          return n; // cut short: the values read so far, by position
        }
        emitRow(row, classes, tableClasses, false);
        p = ws(p);
        if (p < n && cs[p] == ',') {
          p = ws(p + 1);
        } else {
          break;
        }
      }
      return statementEnd(p);
    }

    /** MySQL's INSERT ... SET col = value, ...: each value with its column. */
    private int set(int p, int tableClasses) {
      List<Value> values = new ArrayList<>();
      List<String> columns = new ArrayList<>();
      while (true) {
        int q = name(p);
        if (q < 0) {
          break;
        }
        String column = ident;
        q = ws(q);
        if (q >= n || cs[q] != '=') {
          break;
        }
        int e = value(ws(q + 1), values);
        columns.add(column);
        p = ws(e);
        if (p < n && cs[p] == ',') {
          p = ws(p + 1);
        } else {
          break;
        }
      }
      if (values.isEmpty()) {
        return -1;
      }
      emitRow(values, classes(columns), tableClasses, false);
      return statementEnd(p);
    }

    /** After COPY: table [(cols)] FROM stdin [options]; then rows up to a line "\.". */
    private int copy(int p) {
      p = ws(p);
      if (word(p, "only") > 0) {
        p = ws(word(p, "only"));
      }
      p = name(p);
      if (p < 0) {
        return -1;
      }
      String table = ident;
      p = ws(p);
      List<String> columns = null;
      if (p < n && cs[p] == '(') {
        columns = new ArrayList<>();
        p = columnList(p + 1, columns);
        if (p < 0) {
          return -1;
        }
        p = ws(p);
      }
      if (word(p, "from") < 0) {
        return -1;
      }
      p = ws(word(p, "from"));
      if (word(p, "stdin") < 0) {
        return -1;
      }
      p = word(p, "stdin");
      int eol = lineEnd(p);
      String options = text.substring(p, eol).toLowerCase(Locale.ROOT);
      boolean csv = options.contains("csv");
      char delimiter = csv ? ',' : '\t';
      int d = options.indexOf("delimiter");
      if (d >= 0) {
        int q = options.indexOf('\'', d);
        if (q >= 0 && q + 1 < options.length()) {
          delimiter =
              options.charAt(q + 1) == '\\' && options.startsWith("\\t", q + 1)
                  ? '\t'
                  : options.charAt(q + 1);
        }
      }
      if (columns == null) {
        columns = tables.get(key(table));
      }
      int[] classes = classes(columns);
      int tableClasses = tableClasses(table);
      int line = eol + 1;
      while (line < n) {
        int end = lineEnd(line);
        int e = end > line && cs[end - 1] == '\r' ? end - 1 : end;
        if (e - line == 2 && cs[line] == '\\' && cs[line + 1] == '.') {
          return Math.min(n, end + 1);
        }
        List<Value> row = new ArrayList<>();
        copyRow(line, e, delimiter, csv, row);
        emitRow(row, classes, tableClasses, end >= n);
        line = end + 1;
      }
      return n;
    }

    /** One COPY row: fields split by the delimiter; \N is NULL; CSV fields may be quoted. */
    private void copyRow(int s, int e, char delimiter, boolean csv, List<Value> row) {
      int at = s;
      while (at <= e) {
        int q = at;
        int vs = at;
        int ve;
        if (csv && q < e && cs[q] == '"') {
          vs = q + 1;
          q = vs;
          while (q < e && !(cs[q] == '"' && (q + 1 >= e || cs[q + 1] != '"'))) {
            q += cs[q] == '"' ? 2 : 1;
          }
          ve = Math.min(q, e);
          while (q < e && cs[q] != delimiter) {
            q++;
          }
        } else {
          while (q < e && cs[q] != delimiter) {
            q++;
          }
          ve = q;
        }
        boolean isNull = (ve - vs == 2 && cs[vs] == '\\' && cs[vs + 1] == 'N') || (csv && ve == vs);
        row.add(new Value(vs, ve, isNull ? NULL : STRING));
        at = q + 1;
      }
    }

    /**
     * After CREATE: [OR REPLACE] [TEMPORARY...] TABLE [IF NOT EXISTS] name (columns...) options;
     * remembers the column names. The schema is not personal: the statement is not read.
     */
    private int create(int p) {
      p = ws(p);
      if (word(p, "or") > 0) {
        p = ws(word(p, "or"));
        if (word(p, "replace") < 0) {
          return -1;
        }
        p = ws(word(p, "replace"));
      }
      for (String m : new String[] {"global", "local", "temporary", "temp", "unlogged"}) {
        if (word(p, m) > 0) {
          p = ws(word(p, m));
        }
      }
      if (word(p, "table") < 0) {
        return -1;
      }
      p = ws(word(p, "table"));
      if (word(p, "if") > 0) {
        int q = ws(word(p, "if"));
        q = word(q, "not") > 0 ? ws(word(q, "not")) : -1;
        q = q > 0 && word(q, "exists") > 0 ? ws(word(q, "exists")) : -1;
        if (q < 0) {
          return -1;
        }
        p = q;
      }
      p = name(p);
      if (p < 0) {
        return -1;
      }
      String table = ident;
      p = ws(p);
      if (p >= n || cs[p] != '(') {
        return -1;
      }
      List<String> columns = new ArrayList<>();
      p++;
      while (p < n) {
        int start = ws(p);
        boolean quoted = start < n && "`\"[".indexOf(cs[start]) >= 0;
        int q = name(start);
        if (q > 0 && (quoted || !CONSTRAINTS.contains(ident.toLowerCase(Locale.ROOT)))) {
          columns.add(ident);
        }
        // To the end of this element: the next comma or the closing parenthesis at depth 0.
        int depth = 0;
        int k = q > 0 ? q : start;
        while (k < n) {
          char c = cs[k];
          if (c == '\'' || c == '"' || c == '`') {
            k = quoteEnd(k);
            continue;
          }
          if (c == '(') {
            depth++;
          } else if (c == ')') {
            if (depth == 0) {
              break;
            }
            depth--;
          } else if (c == ',' && depth == 0) {
            break;
          }
          k++;
        }
        work += k - start;
        if (k >= n) {
          break;
        }
        p = k + 1;
        if (cs[k] == ')') {
          break;
        }
      }
      if (columns.isEmpty()) {
        return -1;
      }
      tables.put(key(table), columns);
      return statementEnd(Math.min(p, n));
    }

    /** Past the statement's ';' when only table options stand before it; else p. */
    private int statementEnd(int p) {
      int k = p;
      while (k < n && cs[k] != ';' && cs[k] != '\n') {
        if (cs[k] == '\'' || cs[k] == '"' || cs[k] == '`') {
          k = quoteEnd(k);
          continue;
        }
        k++;
      }
      return k < n && cs[k] == ';' ? k + 1 : p;
    }

    // ----------------------------------------------------------------- rows

    /** Reads values up to the row's closing parenthesis; returns the position after it. */
    private int row(int p, List<Value> row) {
      p = ws(p);
      if (p < n && cs[p] == ')') {
        return p + 1;
      }
      while (p < n) {
        p = ws(value(ws(p), row));
        if (p >= n) {
          return n;
        }
        if (cs[p] == ',') {
          p++;
        } else if (cs[p] == ')') {
          return p + 1;
        } else {
          // Something this reader does not know: skip to the end of the value.
          p = expressionEnd(p);
          if (p < n && cs[p] == ')') {
            return p + 1;
          }
          p = Math.min(n, p + 1);
        }
      }
      return n;
    }

    /** Reads one value at p into the row; returns where it ends. */
    private int value(int p, List<Value> row) {
      if (p >= n) {
        return n;
      }
      int q = p;
      // String prefixes: E'..' (PostgreSQL escapes), N'..', X'..', B'..', _utf8mb4'..'.
      boolean escapes =
          backslash || ((cs[q] == 'E' || cs[q] == 'e') && q + 1 < n && cs[q + 1] == '\'');
      if (cs[q] == '_') {
        while (q < n && identChar(cs[q])) {
          q++;
        }
      } else if ("EeNnXxBb".indexOf(cs[q]) >= 0 && q + 1 < n && cs[q + 1] == '\'') {
        q++;
      }
      if (q < n && (cs[q] == '\'' || cs[q] == '"')) {
        int end = quoteEnd(q, escapes);
        int close = Math.max(q + 1, end - 1);
        boolean closed = end <= n && end - 1 > q && cs[end - 1] == cs[q];
        int e = ws(end);
        if (e + 1 < n && cs[e] == ':' && cs[e + 1] == ':') {
          int t = name(ws(e + 2)); // a PostgreSQL cast: '1985-07-05'::date
          end = t > 0 ? t : end;
        }
        e = ws(end);
        if (e < n && cs[e] != ',' && cs[e] != ')' && cs[e] != ';') {
          // More than a literal ('a' || 'b', 'x' COLLATE y): read as an expression.
          int x = expressionEnd(p);
          row.add(new Value(p, trimEnd(p, x), EXPRESSION));
          return x;
        }
        row.add(new Value(q + 1, closed ? close : Math.min(close + 1, n), STRING));
        return end;
      }
      int x = expressionEnd(p);
      int e = trimEnd(p, x);
      String token = text.substring(p, e);
      if (token.equalsIgnoreCase("null") || token.equalsIgnoreCase("default")) {
        row.add(new Value(p, e, NULL));
      } else if (token.indexOf('(') >= 0 || token.indexOf('\'') >= 0) {
        row.add(new Value(p, e, EXPRESSION));
      } else {
        row.add(new Value(p, e, BARE));
      }
      return x;
    }

    /** Where the value at p ends: the next ',' or ')' outside parentheses and quotes. */
    private int expressionEnd(int p) {
      int depth = 0;
      int k = p;
      while (k < n) {
        char c = cs[k];
        if (c == '\'' || c == '"' || c == '`') {
          k = quoteEnd(k);
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if ((c == ',' || c == ';') && depth == 0) {
          break;
        }
        k++;
      }
      work += k - p;
      return Math.min(k, n);
    }

    /**
     * Reads one row's values with their columns' classes and the table's; a row cut short by the
     * end of the text has its first values.
     */
    private void emitRow(List<Value> row, int[] classes, int tableClasses, boolean cut) {
      boolean named =
          classes != null && (classes.length == row.size() || (cut && row.size() < classes.length));
      // A row whose bare name is an organisation's ("RSUD Tarakan") holds its address and phone.
      boolean organisation = false;
      for (int j = 0; named && j < row.size(); j++) {
        Value v = row.get(j);
        int own = classes[j];
        if (v.kind == STRING
            && (own & NAME) != 0
            && (own & ~NAME & MEANINGFUL) == 0
            && PersonalDataScanner.organisationName(text.substring(v.start, v.end))) {
          organisation = true;
        }
      }
      // ("jenis", "nomor") = ('PASPOR', 'B1234567'): the type column says what the number is.
      int hint = 0;
      if (named && typeColumn >= 0 && typeColumn < row.size()) {
        Value t = row.get(typeColumn);
        if (t.kind == STRING) {
          hint = Tree.typeHint(text.substring(t.start, t.end));
        }
      }
      for (int j = 0; j < row.size(); j++) {
        Value v = row.get(j);
        if (v.kind == NULL || v.end <= v.start) {
          continue;
        }
        int own = named ? classes[j] : 0;
        if (hint != 0 && j != typeColumn && (own & MEANINGFUL & ~HOLDER) == 0) {
          own |= hint;
        }
        emit(v, own, tableClasses, organisation);
      }
    }

    private void emit(Value v, int own, int tableClasses, boolean organisation) {
      int ctx = own;
      if ((own & MEANINGFUL & ~HOLDER) == 0) {
        ctx |= tableClasses & (NUMBER_TYPES | DIAGNOSIS | EMAIL);
      }
      if (blocked(own, ctx, tableClasses, organisation)) {
        ctx = (ctx & ~PERSONAL_FIELDS) | Lexicon.NOT_PERSONAL;
      }
      if (v.kind != EXPRESSION
          && (own & NEG) == 0
          && (ctx & NUMBER_TYPES & ~BPJS) == 0
          && bpjsCard(text, v.start, v.end)) {
        found.add(new PiiMatch(PiiType.BPJS, v.start, v.end, 0.85));
        return;
      }
      if (v.kind == STRING) {
        // The value as written, unescaped, for judging it as a name.
        String value = text.substring(v.start, v.end).replace("''", "'").replace("\\", "");
        PersonalDataScanner.wholeValue(text, v.start, v.end, value, ctx, found);
      }
      scanner.scan(v.start, v.end, ctx);
    }

    /**
     * Whether a name, address or phone in this column belongs to no person: the column names a
     * thing ({@code nama_obat}), the row is an organisation's, or the table holds things or
     * diagnoses and the column does not say whose.
     */
    private static boolean blocked(int own, int ctx, int table, boolean organisation) {
      if ((ctx & PERSONAL_FIELDS) == 0) {
        return false;
      }
      if (organisation && (own & PERSON) == 0) {
        return true;
      }
      if ((own & (OBJECT | NEG)) != 0 && (own & PERSON) == 0) {
        return true;
      }
      if ((own & PERSON) != 0 || (table & PERSON) != 0) {
        return false;
      }
      return (table & (OBJECT | DIAGNOSIS)) != 0;
    }

    /** The classes of a table name: what its rows are. */
    private static int tableClasses(String table) {
      String[] words = table.toLowerCase(Locale.ROOT).split("[^a-z]+");
      if (words.length > 0 && PEOPLE_TABLES.contains(words[words.length - 1])) {
        return PERSON;
      }
      return Lexicon.field(table);
    }

    /** The column that names the type of a row's number ("jenis"), of the last column list. */
    private int typeColumn = -1;

    private int[] classes(List<String> columns) {
      typeColumn = -1;
      if (columns == null) {
        return null;
      }
      int[] out = new int[columns.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = Lexicon.field(columns.get(i));
        if (typeColumn < 0 && Tree.typeField(columns.get(i))) {
          typeColumn = i;
        }
      }
      return out;
    }

    // ----------------------------------------------------------------- lexing

    /** A column list after '(': names separated by commas, to ')'. Returns the end, or -1. */
    private int columnList(int p, List<String> columns) {
      while (true) {
        p = name(ws(p));
        if (p < 0) {
          return -1;
        }
        columns.add(ident);
        p = ws(p);
        if (p < n && cs[p] == ',') {
          p++;
        } else if (p < n && cs[p] == ')') {
          return p + 1;
        } else {
          return -1;
        }
      }
    }

    /**
     * A possibly qualified identifier at p (schema.table, `db`.`t`, "s"."t", [t]); sets {@link
     * #ident} to its last part. Returns its end, or -1.
     */
    private int name(int p) {
      int q = part(p);
      while (q > 0 && q < n && cs[q] == '.') {
        int r = part(q + 1);
        if (r < 0) {
          break;
        }
        q = r;
      }
      return q;
    }

    private int part(int p) {
      if (p >= n) {
        return -1;
      }
      char c = cs[p];
      if (c == '`' || c == '"' || c == '[') {
        char close = c == '[' ? ']' : c;
        int k = p + 1;
        while (k < n && k - p <= 128 && cs[k] != close) {
          k++;
        }
        if (k >= n || k == p + 1 || cs[k] != close) {
          return -1;
        }
        ident = text.substring(p + 1, k);
        return k + 1;
      }
      if (!Character.isLetter(c) && c != '_') {
        return -1;
      }
      int k = p;
      while (k < n && identChar(cs[k])) {
        k++;
      }
      ident = text.substring(p, k);
      return k;
    }

    private static boolean identChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The end of keyword w at p (any case, a whole word), or -1. */
    private int word(int p, String w) {
      if (p < 0 || p + w.length() > n || !text.regionMatches(true, p, w, 0, w.length())) {
        return -1;
      }
      int e = p + w.length();
      return e < n && identChar(cs[e]) ? -1 : e;
    }

    /** Skips blanks and comments (-- to the line end, /* to *&#47;). */
    private int ws(int p) {
      while (p < n) {
        char c = cs[p];
        if (Character.isWhitespace(c)) {
          p++;
        } else if (c == '-' && p + 1 < n && cs[p + 1] == '-') {
          p = lineEnd(p);
        } else if (c == '/' && p + 1 < n && cs[p + 1] == '*') {
          int k = text.indexOf("*/", p + 2);
          k = k < 0 ? n : k + 2;
          work += k - p;
          p = k;
        } else {
          break;
        }
      }
      return p;
    }

    private int lineEnd(int p) {
      int k = text.indexOf('\n', p);
      k = k < 0 ? n : k;
      work += k - p;
      return k;
    }

    /** The position after the quote that closes the one at p ('' and \' escape), or n. */
    private int quoteEnd(int p) {
      return quoteEnd(p, backslash);
    }

    private int quoteEnd(int p, boolean escapes) {
      char q = cs[p];
      int k = p + 1;
      while (k < n) {
        char c = cs[k];
        if (c == '\\' && escapes && q != '`') {
          k += 2;
        } else if (c == q) {
          if (k + 1 < n && cs[k + 1] == q) {
            k += 2;
          } else {
            work += k + 1 - p;
            return k + 1;
          }
        } else {
          k++;
        }
      }
      work += n - p;
      return n;
    }

    private int trimEnd(int s, int e) {
      while (e > s && Character.isWhitespace(cs[e - 1])) {
        e--;
      }
      return e;
    }

    private static String key(String table) {
      return table.toLowerCase(Locale.ROOT);
    }
  }
}
