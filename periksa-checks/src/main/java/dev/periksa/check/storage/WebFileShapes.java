package dev.periksa.check.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file served by a web tier must look like before a check believes it is that file: a
 * directory listing, a {@code .env}, a {@code .git/config}, a backup, a table of records. A page
 * that merely mentions these names (a soft 404, a look-alike) fails these shapes.
 */
final class WebFileShapes {
  private WebFileShapes() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  // ---------------------------------------------------------------- directory listings

  /** A directory index page: its title and the paths of the entries it links. */
  record Listing(String title, List<String> entries) {}

  private static final Pattern TITLE = Pattern.compile("(?is)<(title|h1)[^>]*>(.*?)</\\1>");
  private static final Pattern LISTING_TITLE =
      Pattern.compile("(?i)^\\s*(index of |directory listing for |directory: |[^<]*- /)");
  private static final Pattern HREF =
      Pattern.compile("(?i)<a\\s[^>]*?href\\s*=\\s*[\"']([^\"'<>]+)[\"']");

  /**
   * Reads an index page of {@code dir} (a path ending in '/'): Apache and nginx ("Index of /x"),
   * Jetty ("Directory: /x"), Python ("Directory listing for /x") and IIS ("host - /x"). It must
   * name the directory it lists and link at least one entry inside it.
   */
  static Optional<Listing> listing(String html, String dir) {
    if (html == null || !dir.endsWith("/")) {
      return Optional.empty();
    }
    String title = null;
    Matcher t = TITLE.matcher(html);
    while (t.find()) {
      String s = t.group(2).replaceAll("<[^>]*>", "").strip();
      if (LISTING_TITLE.matcher(s).find() && namesDirectory(s, dir)) {
        title = s;
        break;
      }
    }
    if (title == null) {
      return Optional.empty();
    }
    Set<String> entries = new LinkedHashSet<>();
    Matcher h = HREF.matcher(html);
    while (h.find()) {
      String href = h.group(1).replace("&amp;", "&").strip();
      if (href.startsWith("?") || href.startsWith("#") || href.contains("://")) {
        continue;
      }
      String path = resolve(dir, href);
      if (path != null && path.startsWith(dir) && path.length() > dir.length()) {
        entries.add(path);
      }
    }
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Listing(title, List.copyOf(entries)));
  }

  private static boolean namesDirectory(String title, String dir) {
    String bare = dir.length() > 1 ? dir.substring(0, dir.length() - 1) : dir;
    String lower = title.toLowerCase(Locale.ROOT);
    return lower.contains(dir.toLowerCase(Locale.ROOT))
        || lower.endsWith(bare.toLowerCase(Locale.ROOT));
  }

  /** The absolute path an href of a page at {@code dir} points to, without query or fragment. */
  static String resolve(String dir, String href) {
    try {
      URI u = URI.create("http://h" + dir).resolve(href).normalize();
      String p = u.getRawPath();
      return p == null || p.isEmpty() ? null : p;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- .env

  /** One KEY=VALUE line of a .env: its name, whether it looks like a credential and is set. */
  record EnvEntry(String key, boolean secret) {}

  private static final Pattern ENV_LINE =
      Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.\\-]*)\\s*=\\s*(.*)$");
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i)(pass(word|wd|phrase)?($|[_.\\-])|(^|[_.\\-])pwd($|[_.\\-])|secret|token|credential"
              + "|private[_.\\-]?key|api[_.\\-]?key|access[_.\\-]?key|auth[_.\\-]?token|authorization"
              + "|(^|[_.\\-])dsn($|[_.\\-])|(^|[_.\\-])salt($|[_.\\-])|(^|[_.\\-])key($|[_.\\-]))");

  /** Shell variables whose names look like credentials and never are. */
  private static final java.util.Set<String> NOT_SECRETS = java.util.Set.of("pwd", "oldpwd");

  private static final Pattern URL_WITH_USERINFO =
      Pattern.compile("(?i)^[a-z][a-z0-9+.\\-]*://[^/@\\s]+@");

  /**
   * Reads a .env: every line that is not blank or a comment must be {@code KEY=VALUE}; values are
   * only looked at to tell whether a credential is set, and never kept.
   *
   * @param truncated whether the text was cut by a size cap (its last line is then ignored)
   */
  static Optional<List<EnvEntry>> env(String text, boolean truncated) {
    if (text == null || text.isBlank() || text.stripLeading().startsWith("<")) {
      return Optional.empty();
    }
    String[] lines = text.split("\r?\n", -1);
    int last = truncated ? lines.length - 1 : lines.length;
    List<EnvEntry> out = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = ENV_LINE.matcher(line);
      if (!m.matches()) {
        return Optional.empty();
      }
      String value = unquote(m.group(2).strip());
      boolean set = !value.isEmpty();
      boolean secret = set && (secretName(m.group(1)) || URL_WITH_USERINFO.matcher(value).find());
      out.add(new EnvEntry(m.group(1), secret));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static String unquote(String v) {
    if (v.length() >= 2
        && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** Whether a property or variable name looks like it holds a credential. */
  static boolean secretName(String name) {
    return !NOT_SECRETS.contains(name.toLowerCase(Locale.ROOT)) && SECRET_NAME.matcher(name).find();
  }

  // ---------------------------------------------------------------- .git/config

  /** A remote of a git config, its URL with any credentials masked. */
  record Remote(String name, String maskedUrl, boolean credentials) {}

  /** A git config: its section names and remotes. */
  record GitConfig(List<String> sections, List<Remote> remotes) {
    boolean credentials() {
      return remotes.stream().anyMatch(Remote::credentials);
    }
  }

  private static final Pattern SECTION =
      Pattern.compile("^\\[([A-Za-z0-9.\\-]+)(?:\\s+\"([^\"]*)\")?]$");
  private static final Pattern GIT_KEY = Pattern.compile("^([A-Za-z][A-Za-z0-9\\-]*)\\s*(=.*)?$");
  private static final Pattern HTTP_USERINFO =
      Pattern.compile("(?i)^(https?|ftps?)://([^/@\\s]+)@(.*)$");

  /**
   * Reads a {@code .git/config}: it must have a {@code [core]} section, and every other line must
   * be a section header or a {@code key = value}. A remote URL with user information over HTTP(S)
   * carries a credential (a password or a token as the user name).
   */
  static Optional<GitConfig> gitConfig(String text, boolean truncated) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String[] lines = text.split("\r?\n", -1);
    int last = truncated ? lines.length - 1 : lines.length;
    List<String> sections = new ArrayList<>();
    List<Remote> remotes = new ArrayList<>();
    String section = null;
    String subsection = null;
    for (int i = 0; i < last; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      Matcher s = SECTION.matcher(line);
      if (s.matches()) {
        section = s.group(1).toLowerCase(Locale.ROOT);
        subsection = s.group(2);
        sections.add(subsection == null ? section : section + " \"" + subsection + "\"");
        continue;
      }
      Matcher k = GIT_KEY.matcher(line);
      if (section == null || !k.matches()) {
        return Optional.empty();
      }
      if ("remote".equals(section) && "url".equalsIgnoreCase(k.group(1)) && k.group(2) != null) {
        String url = k.group(2).substring(1).strip();
        Matcher u = HTTP_USERINFO.matcher(url);
        boolean creds = u.matches();
        String masked = creds ? u.group(1) + "://••••••@" + u.group(3) : url;
        remotes.add(new Remote(subsection == null ? "" : subsection, masked, creds));
      }
    }
    if (!sections.contains("core")) {
      return Optional.empty();
    }
    return Optional.of(new GitConfig(sections, remotes));
  }

  // ---------------------------------------------------------------- backups

  /** What the first bytes of a backup say it is. */
  record Backup(String format, boolean database, String firstEntry) {}

  /**
   * Recognises a backup from its first bytes: a SQL dump (mysqldump, pg_dump plain or custom), a
   * ZIP, gzip, 7-Zip or tar archive, a SQL Server backup (MTF "TAPE") or a SQLite database.
   */
  static Optional<Backup> backup(byte[] head) {
    if (head == null || head.length < 4) {
      return Optional.empty();
    }
    if (starts(head, 'P', 'K', 3, 4) || starts(head, 'P', 'K', 5, 6)) {
      return Optional.of(new Backup("ZIP archive", false, zipFirstEntry(head)));
    }
    if ((head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return Optional.of(new Backup("gzip archive", false, null));
    }
    if (starts(head, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
      return Optional.of(new Backup("7-Zip archive", false, null));
    }
    if (head.length >= 262 && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return Optional.of(new Backup("tar archive", false, null));
    }
    if (starts(head, 'P', 'G', 'D', 'M', 'P')) {
      return Optional.of(new Backup("PostgreSQL custom-format dump", true, null));
    }
    if (starts(head, 'T', 'A', 'P', 'E')) {
      return Optional.of(new Backup("SQL Server backup (MTF)", true, null));
    }
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("SQLite format 3\0")) {
      return Optional.of(new Backup("SQLite database", true, null));
    }
    String lead = text.stripLeading();
    if (lead.startsWith("-- MySQL dump") || lead.startsWith("-- MariaDB dump")) {
      return Optional.of(new Backup("MySQL dump", true, null));
    }
    if (lead.startsWith("--\n-- PostgreSQL database dump")
        || lead.startsWith("-- PostgreSQL database dump")) {
      return Optional.of(new Backup("PostgreSQL dump", true, null));
    }
    boolean sqlStart =
        lead.startsWith("--")
            || lead.startsWith("/*")
            || lead.regionMatches(true, 0, "SET ", 0, 4)
            || lead.regionMatches(true, 0, "CREATE ", 0, 7)
            || lead.regionMatches(true, 0, "DROP ", 0, 5)
            || lead.regionMatches(true, 0, "INSERT ", 0, 7);
    String upper = text.toUpperCase(Locale.ROOT);
    if (sqlStart
        && (upper.contains("CREATE TABLE") || upper.contains("INSERT INTO"))
        && !upper.contains("<HTML")) {
      return Optional.of(new Backup("SQL dump", true, null));
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** The name of the first entry of a ZIP, from its local file header, if the bytes hold it. */
  private static String zipFirstEntry(byte[] b) {
    if (b.length < 30 || b[2] != 3) {
      return null;
    }
    int nameLength = (b[26] & 0xff) | (b[27] & 0xff) << 8;
    if (nameLength == 0 || 30 + nameLength > b.length) {
      return null;
    }
    return new String(b, 30, nameLength, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- tables of records

  /**
   * Up to {@code max} records of a CSV export or of a SQL dump's INSERT statements, each as a JSON
   * object keyed by its column names, so the personal-data scanner reads a column name as the best
   * context for its value. Empty when the text is neither.
   *
   * @param truncated whether the text was cut (a Range request or a size cap): the last, possibly
   *     partial, line or row is then left out
   */
  static List<String> records(String text, boolean truncated, int max) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> sql = sqlRecords(text, max);
    if (!sql.isEmpty()) {
      return sql;
    }
    return csvRecords(text, truncated, max);
  }

  private static List<String> csvRecords(String text, boolean truncated, int max) {
    String[] lines = text.split("\r?\n", -1);
    int last = truncated || text.endsWith("\n") ? lines.length - 1 : lines.length;
    if (last < 2) {
      return List.of();
    }
    char sep = delimiter(lines[0]);
    List<String> header = splitCsv(lines[0], sep);
    if (header.size() < 2 || header.stream().anyMatch(h -> h.isBlank() || h.length() > 64)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 1; i < last && out.size() < max; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> cells = splitCsv(lines[i], sep);
      if (cells.size() != header.size()) {
        return out.isEmpty() ? List.of() : out;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < header.size(); k++) {
        row.put(header.get(k).strip(), cells.get(k));
      }
      out.add(json(row));
    }
    return out;
  }

  private static char delimiter(String header) {
    char best = ',';
    long count = header.chars().filter(c -> c == ',').count();
    for (char c : new char[] {';', '\t', '|'}) {
      long n = header.chars().filter(x -> x == c).count();
      if (n > count) {
        best = c;
        count = n;
      }
    }
    return best;
  }

  /** Splits one CSV line (RFC 4180 quoting, no embedded line breaks). */
  static List<String> splitCsv(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }

  private static final Pattern CREATE_TABLE =
      Pattern.compile(
          "(?is)CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?[`\"]?([\\w.]+)[`\"]?\\s*\\((.*?)\\)\\s*(?:ENGINE|;|WITH|TABLESPACE)");
  private static final Pattern COLUMN_DEF =
      Pattern.compile("^\\s*[`\"]?([A-Za-z_][\\w]*)[`\"]?\\s+\\w");
  private static final Pattern INSERT =
      Pattern.compile(
          "(?is)INSERT INTO\\s+[`\"]?([\\w.]+)[`\"]?\\s*(\\(([^)]*)\\))?\\s*VALUES\\s*");

  private static List<String> sqlRecords(String text, int max) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    Matcher c = CREATE_TABLE.matcher(text);
    while (c.find()) {
      List<String> cols = new ArrayList<>();
      for (String def : c.group(2).split(",\\s*\\n")) {
        Matcher m = COLUMN_DEF.matcher(def);
        String up = def.strip().toUpperCase(Locale.ROOT);
        if (m.find()
            && !up.startsWith("PRIMARY")
            && !up.startsWith("KEY")
            && !up.startsWith("UNIQUE")
            && !up.startsWith("CONSTRAINT")
            && !up.startsWith("INDEX")
            && !up.startsWith("FOREIGN")) {
          cols.add(m.group(1));
        }
      }
      tables.put(c.group(1).toLowerCase(Locale.ROOT), cols);
    }
    List<String> out = new ArrayList<>();
    Matcher ins = INSERT.matcher(text);
    while (ins.find() && out.size() < max) {
      List<String> cols;
      if (ins.group(3) != null) {
        cols = new ArrayList<>();
        for (String n : ins.group(3).split(",")) {
          cols.add(n.strip().replaceAll("[`\"]", ""));
        }
      } else {
        cols = tables.get(ins.group(1).toLowerCase(Locale.ROOT));
      }
      if (cols == null || cols.isEmpty()) {
        continue;
      }
      int at = ins.end();
      while (out.size() < max) {
        List<String> tuple = new ArrayList<>();
        int end = tuple(text, at, tuple);
        if (end < 0) {
          break;
        }
        if (tuple.size() == cols.size()) {
          Map<String, String> row = new LinkedHashMap<>();
          for (int k = 0; k < cols.size(); k++) {
            row.put(cols.get(k), tuple.get(k));
          }
          out.add(json(row));
        }
        at = end;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
          at++;
        }
        if (at >= text.length() || text.charAt(at) != ',') {
          break;
        }
        at++;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
          at++;
        }
      }
    }
    return out;
  }

  /** Parses one {@code (v1, 'v2', NULL)} tuple at {@code at}; the index after it, or -1. */
  private static int tuple(String s, int at, List<String> out) {
    if (at >= s.length() || s.charAt(at) != '(') {
      return -1;
    }
    int i = at + 1;
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < s.length()) {
          cell.append(s.charAt(i + 1));
          i += 2;
          continue;
        }
        if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          cell.append('\'');
          i += 2;
          continue;
        }
        if (c == '\'') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',' || c == ')') {
        String v = cell.toString().strip();
        out.add(!wasQuoted && v.equalsIgnoreCase("NULL") ? "" : v);
        cell.setLength(0);
        wasQuoted = false;
        if (c == ')') {
          return i + 1;
        }
      } else {
        cell.append(c);
      }
      i++;
    }
    return -1;
  }

  private static String json(Map<String, String> row) {
    try {
      return JSON.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
