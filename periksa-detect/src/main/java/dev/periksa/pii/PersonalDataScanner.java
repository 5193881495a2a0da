package dev.periksa.pii;

import static dev.periksa.pii.Lexicon.ADDRESS;
import static dev.periksa.pii.Lexicon.EMAIL;
import static dev.periksa.pii.Lexicon.NAME;
import static dev.periksa.pii.Lexicon.PHONE;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds personal data in replies: JSON, XML and YAML (field names are context, {@link Tree}), HL7
 * v2 messages (segment and field positions are context, {@link Hl7}), SQL dumps (column and table
 * names are context, {@link SqlDump}), CSV with a header row (column names are context) and free
 * text (words nearby are context).
 *
 * <p>Detectors: NIK (province, birth date with the +40 rule, regency, district and serial checked),
 * Indonesian mobile numbers (and any number a label calls a phone), passports, BPJS Kesehatan
 * cards, medical record numbers, ICD-10 codes, test results, birth dates, emails, US SSNs, payment
 * cards (Luhn and issuer range), IBANs (mod 97) and JWTs; names and addresses where a field or
 * column says so. Each match has a type, a confidence and a span into the scanned text. How each
 * decides is documented in {@link TextScanner}.
 *
 * <p>Health-record formats nest their values: FHIR writes {@code
 * "name":[{"family":..,"given":[..]}]} and identifiers as {@code {"system": ".../nik", "value":
 * ..}}, DICOM JSON {@code "00100010":{"Value":[{"Alphabetic":..}]}}. A leaf whose own name says
 * nothing (an array element, or a holder such as {@code value}, {@code text}, {@code code}) takes
 * its meaning from the enclosing field names, the sibling {@code system} URL or identifier type
 * code; a FHIR resource that is not a person (Organization, Location...) holds no personal names,
 * addresses or phones.
 *
 * <p>Stateless and thread-safe.
 */
public final class PersonalDataScanner {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Finds personal data in a reply body: JSON, XML, HL7 v2, a SQL dump, CSV or YAML when it parses
   * as such, else free text.
   */
  public List<PiiMatch> scan(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String t = text.stripLeading();
    // "[2024-03-01 10:00:02] INFO ..." opens like a JSON array but is a log.
    if ((t.startsWith("{") || t.startsWith("[")) && !LogLines.timestamped(t)) {
      List<PiiMatch> json = scanJson(text);
      if (json != null) {
        return resolve(json);
      }
    }
    if (t.startsWith("<")) {
      List<PiiMatch> xml = Xml.scan(text);
      if (xml != null) {
        return resolve(xml);
      }
    }
    // The text's characters, copied once for the readers below (none of them writes to them).
    char[] chars = text.toCharArray();
    // Positional formats before CSV: an HL7 message is '|'-delimited and a dump may hold commas on
    // every line, but both are recognised by their own syntax (MSH header, SQL statements).
    List<PiiMatch> positional = Hl7.scan(text);
    if (positional == null) {
      positional = SqlDump.scan(text, chars);
    }
    if (positional != null) {
      return resolve(positional);
    }
    List<PiiMatch> csv = Csv.scan(text, chars);
    if (csv != null) {
      return resolve(csv);
    }
    List<PiiMatch> yaml = Yaml.scan(text);
    if (yaml != null) {
      return resolve(yaml);
    }
    // In markup, a label and its value sit in different elements ("<dt>No. Paspor</dt>
    // <dd>B1234567</dd>"): the tags are read as blanks, so the text keeps its offsets.
    String readable = Markup.blankTags(text);
    List<PiiMatch> found = new ArrayList<>();
    char[] readableChars = readable == text ? chars : readable.toCharArray();
    TextScanner scanner = TextScanner.of(readable, readableChars, found);
    try {
      // Table cells under a column header are read with it, like CSV cells; the rest as text.
      List<int[]> cells =
          readable == text
              ? FixedWidth.read(text, scanner, found)
              : HtmlTables.read(text, readable, scanner, found);
      if (readable == text) {
        cells = IdentityForms.valueColumn(text, scanner, found, cells); // an ID card's columns
      }
      int from = 0;
      for (int[] c : cells) {
        scanner.scan(from, c[0], 0);
        from = c[1];
      }
      scanner.scan(from, readable.length(), 0);
      if (readable.indexOf('@') >= 0) {
        MailHeaders.scan(readable, 0, readable.length(), found);
      }
      if (readable.indexOf("<<") >= 0) {
        Mrz.scan(readable, found); // a passport's machine-readable zone
      }
    } finally {
      scanner.release();
    }
    found =
        LogLines.apply(
            readable, readableChars, found); // key=value fields and JSON payloads of log lines
    return resolve(found);
  }

  /**
   * A JSON value embedded in a text at [from, to) (a log line's payload), walked as a whole JSON
   * reply is; offsets into the text; null when it is not JSON. Uses this thread's {@link
   * TextScanner}: not to be called while it scans another text.
   */
  static List<PiiMatch> embeddedJson(String text, int from, int to) {
    List<PiiMatch> inner = new PersonalDataScanner().scanJson(text.substring(from, to));
    if (inner == null) {
      return null;
    }
    List<PiiMatch> out = new ArrayList<>(inner.size());
    for (PiiMatch m : inner) {
      out.add(new PiiMatch(m.type(), m.start() + from, m.end() + from, m.confidence()));
    }
    return out;
  }

  /** Counts of each type found. */
  public Map<PiiType, Integer> count(List<PiiMatch> matches) {
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    for (PiiMatch m : matches) {
      counts.merge(m.type(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Walks JSON leaf values with their field names. JSON cut short (a list cut at the body cap) or
   * broken part-way keeps what its complete leaves said, with their field names, and the rest is
   * read as free text; null when the text is not JSON from its first token.
   */
  private List<PiiMatch> scanJson(String text) {
    List<PiiMatch> found = new ArrayList<>();
    char[] chars = text.toCharArray();
    // Strings are read as their text reads: escapes blanked ("NIK : ...\nNama : ..." as lines)
    // and tags inside them (a FHIR narrative's XHTML) too, offsets kept.
    String readable = Markup.blankTags(JsonEscapes.blank(text));
    TextScanner scanner =
        TextScanner.of(readable, readable == text ? chars : readable.toCharArray(), found);
    Tree tree = new Tree(text, scanner, found, readable != text);
    int read = 0;
    try (JsonParser p = JSON.createParser(chars)) {
      JsonToken tok;
      while (true) {
        try {
          tok = p.nextToken();
        } catch (IOException e) {
          return read == 0 ? null : tail(text, p, scanner, found);
        }
        if (tok == null) {
          break;
        }
        read++;
        if (tok == JsonToken.START_OBJECT || tok == JsonToken.START_ARRAY) {
          tree.open(p.currentName());
          continue;
        }
        if (tok == JsonToken.END_OBJECT || tok == JsonToken.END_ARRAY) {
          tree.close();
          continue;
        }
        if (!tok.isScalarValue()) {
          continue;
        }
        int offset = (int) p.currentTokenLocation().getCharOffset();
        if (offset < 0) {
          return null;
        }
        int start;
        int end;
        if (tok == JsonToken.VALUE_STRING) {
          start = offset + 1;
          end = closingQuote(text, start);
          if (end < 0) {
            // A string cut by the end of the text: the JSON stops here.
            return read == 0 ? null : tail(text, p, scanner, found);
          }
        } else {
          start = offset;
          end = offset + p.getText().length();
        }
        tree.leaf(p.currentName(), start, end, p.getText(), tok == JsonToken.VALUE_STRING);
      }
    } catch (IOException e) {
      return read == 0 ? null : found;
    } finally {
      scanner.release();
    }
    if (text.indexOf("<<") >= 0) {
      Mrz.scan(text, found); // a passport's machine-readable zone, in one value or two
    }
    return found;
  }

  /** JSON cut or broken part-way: what follows its last complete leaf is read as free text. */
  private static List<PiiMatch> tail(
      String text, JsonParser p, TextScanner scanner, List<PiiMatch> found) {
    int from = (int) Math.max(0, Math.min(text.length(), p.currentTokenLocation().getCharOffset()));
    from = Math.max(from, lastEnd(found));
    scanner.scan(from, text.length(), 0);
    return found;
  }

  private static int lastEnd(List<PiiMatch> found) {
    int end = 0;
    for (PiiMatch m : found) {
      end = Math.max(end, m.end());
    }
    return end;
  }

  /** Names and addresses, matched as a whole value where the field or column says so. */
  static void wholeValue(
      String text, int start, int end, String value, int ctx, List<PiiMatch> found) {
    // A field that names only a role ("pasien", "dokter_dpjp", "wali") holds that person's name.
    if ((ctx & Lexicon.PERSON) != 0
        && (ctx & Lexicon.MEANINGFUL & ~(Lexicon.PERSON | Lexicon.HOLDER)) == 0) {
      ctx |= NAME;
    }
    // "kontak_darurat", "emergency_contact" hold the person or their number: a known name there
    // is the person's.
    boolean contact =
        (ctx & Lexicon.PERSON) != 0
            && (ctx & Lexicon.MEANINGFUL & ~(Lexicon.PERSON | Lexicon.HOLDER)) == PHONE;
    if (((ctx & (NAME | ADDRESS)) == 0 && !contact) || value == null) {
      return;
    }
    int s = start;
    int e = end;
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e - s < 2) {
      return;
    }
    // A value from a URL or a form body writes its spaces as %20.
    String v = value.strip().replace("%20", " ");
    if (contact) {
      if (personName(v) && Names.anyKnown(v)) {
        int[] span = nameSpan(text, s, e);
        found.add(new PiiMatch(PiiType.NAME, span[0], span[1], 0.8));
      }
      return;
    }
    if ((ctx & NAME) != 0 && (ctx & (EMAIL | PHONE)) == 0 && personName(v) && !roleOnly(v)) {
      int[] span = nameSpan(text, s, e);
      found.add(new PiiMatch(PiiType.NAME, span[0], span[1], 0.9));
    } else if ((ctx & ADDRESS) != 0
        && (ctx & EMAIL) == 0
        && v.length() > 3
        && v.indexOf('@') < 0
        && Starts.anyLetter(v)) {
      int[] span = streetSpan(text, s, e);
      if (span[1] - span[0] > 3) {
        found.add(new PiiMatch(PiiType.ADDRESS, span[0], span[1], 0.9));
      }
    }
  }

  /**
   * The street part of an address value: what a person writes on the first line, up to the first
   * comma or line break, but a house number, block or RT/RW after a comma belongs to it ("Jl. Mawar
   * No. 5, RT 003/RW 005, Kel. Menteng, Jakarta" is "Jl. Mawar No. 5, RT 003/RW 005"); the
   * kelurahan, kecamatan, city, province and postcode are not the street.
   */
  static int[] streetSpan(String text, int s, int e) {
    int end = s;
    while (end < e) {
      char c = text.charAt(end);
      if (c == '\n' || c == '\r') {
        break;
      }
      if (c == ',' || c == ';') {
        int k = end + 1;
        while (k < e && text.charAt(k) == ' ') {
          k++;
        }
        if (!streetContinues(text, k, e)) {
          break;
        }
      }
      end++;
    }
    end = afterRtRw(text, s, end);
    while (end > s
        && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
      end--;
    }
    return new int[] {s, end};
  }

  /**
   * A street line without commas or RT/RW ends with its house number: "Jl. Mawar No. 5 Sukajadi
   * Bandung" is "Jl. Mawar No. 5", unless a block or RT follows.
   */
  private static int afterHouseNumber(String text, int s, int e) {
    for (int k = s + 1; k + 3 < e; k++) {
      if (text.charAt(k - 1) != ' ' || !text.regionMatches(true, k, "no", 0, 2)) {
        continue;
      }
      int d = k + 2;
      if (d < e && text.charAt(d) == '.') {
        d++;
      }
      while (d < e && text.charAt(d) == ' ') {
        d++;
      }
      int n = d;
      while (n < e && (Character.isDigit(text.charAt(n)) || text.charAt(n) == '/')) {
        n++;
      }
      if (n == d) {
        continue;
      }
      if (n < e && Character.isLetter(text.charAt(n))) {
        n++; // "No. 5A"
      }
      int w = n;
      while (w < e && text.charAt(w) == ' ') {
        w++;
      }
      if (w == n || w >= e || !Character.isUpperCase(text.charAt(w))) {
        return e;
      }
      for (String part : new String[] {"rt", "rw", "blok", "blk", "kav", "gg", "lt", "lantai"}) {
        if (text.regionMatches(true, w, part, 0, part.length())
            && (w + part.length() >= e || !Character.isLetter(text.charAt(w + part.length())))) {
          return e;
        }
      }
      return n;
    }
    return e;
  }

  /**
   * A street line written without commas ends with its RT/RW: "Jl. Mawar No. 5 RT 03 RW 04
   * Sukajadi" is "Jl. Mawar No. 5 RT 03 RW 04"; the words after the RW's number are the kelurahan
   * and the town.
   */
  private static int afterRtRw(String text, int s, int e) {
    int rw = -1;
    for (int k = s; k + 2 < e; k++) {
      if ((k == s || text.charAt(k - 1) == ' ' || text.charAt(k - 1) == '/')
          && text.regionMatches(true, k, "rw", 0, 2)
          && !Character.isLetter(text.charAt(k + 2))) {
        rw = k + 2;
      }
    }
    if (rw < 0) {
      return afterHouseNumber(text, s, e);
    }
    int k = rw;
    while (k < e && (text.charAt(k) == ' ' || text.charAt(k) == '.' || text.charAt(k) == ':')) {
      k++;
    }
    int d = k;
    while (d < e && (Character.isDigit(text.charAt(d)) || text.charAt(d) == '/')) {
      d++;
    }
    if (d == k) {
      return e;
    }
    int w = d;
    while (w < e && text.charAt(w) == ' ') {
      w++;
    }
    return w < e && Character.isLetter(text.charAt(w)) ? d : e;
  }

  /** Words after a comma that still belong to the street line: number, block, RT/RW. */
  private static final String[] STREET_PARTS = {"no.", "no ", "nomor", "blok", "rt", "rw", "gg."};

  private static boolean streetContinues(String text, int k, int e) {
    int digits = 0;
    while (k + digits < e && Character.isDigit(text.charAt(k + digits))) {
      digits++;
    }
    if (digits > 0) {
      return digits <= 4; // "Jl. Pemuda, 12" a house number; "10115 Berlin" a postcode
    }
    for (String p : STREET_PARTS) {
      if (text.regionMatches(true, k, p, 0, p.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A value made only of words that name a role or relation ("KEPALA KELUARGA", "ANAK", "Istri"),
   * written where a name would stand: no one's name.
   */
  private static boolean roleOnly(String v) {
    if ((Lexicon.field(v) & Lexicon.PERSON) == 0) {
      return false;
    }
    for (String w : words(v)) {
      if (!w.isEmpty() && (Lexicon.field(w) & (Lexicon.MEANINGFUL | Lexicon.NEUTRAL)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Honorifics and roles written out, needing no period: "Ibu Sari", "Bidan Sari". */
  private static final Set<String> UNABBREVIATED =
      Set.of(
          "bapak",
          "ibu",
          "bu",
          "pak",
          "mas",
          "mbak",
          "miss",
          "kak",
          "bang",
          "dokter",
          "bidan",
          "perawat",
          "suster",
          "ners",
          "nurse",
          "apoteker",
          "analis");

  /**
   * Honorifics and titles before a name, outside its span ("Ny. Siti Rahayu" is "Siti Rahayu"): the
   * abbreviated ones (with their period) and those written out.
   */
  private static final Set<String> HONORIFICS = honorifics();

  private static Set<String> honorifics() {
    Set<String> all =
        new java.util.HashSet<>(
            Set.of(
                "tn", "ny", "nn", "bpk", "sdr", "sdri", "an", "dr", "drg", "prof", "h", "hj", "ns",
                "drs", "dra", "ir", "mr", "mrs", "ms", "apt", "bd", "mx"));
    all.addAll(UNABBREVIATED);
    return Set.copyOf(all);
  }

  /**
   * The name itself inside a name value: without the honorifics before it ("Tn.", "dr.") and the
   * degrees after a comma (", Sp.PD", ", S.Kep, M.Kes").
   */
  static int[] nameSpan(String text, int s, int e) {
    // Looked for within the value only: a search to the end of the text would make a long
    // document with many names and no comma quadratic.
    int cut = s;
    while (cut < e && text.charAt(cut) != ',') {
      cut++;
    }
    if (cut > s && cut < e && degrees(text.substring(cut + 1, e))) {
      e = cut;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
    }
    // Degrees written without a comma: "Andi Wijaya Sp.PD", "Rina Kusuma S.Kep".
    for (int n = 0; n < 3; n++) {
      int sp = e - 1;
      while (sp > s && text.charAt(sp) != ' ') {
        sp--;
      }
      if (sp <= s || !degree(text, sp + 1, e)) {
        break;
      }
      e = sp;
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
    }
    while (true) {
      int w = s;
      while (w < e && Character.isLetter(text.charAt(w))) {
        w++;
      }
      if (w == s || w >= e) {
        break;
      }
      String word = text.substring(s, w).toLowerCase(Locale.ROOT);
      int next = w;
      if (next < e && text.charAt(next) == '.') {
        next++;
      } else if (!UNABBREVIATED.contains(word)) {
        break; // an abbreviation needs its period ("Dr." yes, "Dra" the name no)
      }
      if (!HONORIFICS.contains(word) || next >= e || text.charAt(next) != ' ') {
        break;
      }
      int rest = next;
      while (rest < e && text.charAt(rest) == ' ') {
        rest++;
      }
      if (rest >= e) {
        break;
      }
      s = rest;
    }
    return new int[] {s, e};
  }

  /** Whether text[s, e) is one degree: letters, a period, letters ("Sp.PD", "S.Kep", "Sp.A(K)"). */
  private static boolean degree(String text, int s, int e) {
    if (e - s < 3 || e - s > 10 || !Character.isLetter(text.charAt(s))) {
      return false;
    }
    int dot = text.indexOf('.', s);
    if (dot < 0 || dot >= e - 1 || !Character.isLetter(text.charAt(dot + 1))) {
      return false;
    }
    for (int k = s; k < e; k++) {
      char c = text.charAt(k);
      if (!Character.isLetter(c) && c != '.' && c != '(' && c != ')') {
        return false;
      }
    }
    return true;
  }

  private static final java.util.regex.Pattern DEGREE =
      java.util.regex.Pattern.compile("[A-Za-z.]+");

  /** Whether what follows a comma is academic or medical degrees: "Sp.PD", " S.Kep, M.Kes". */
  private static boolean degrees(String tail) {
    String[] parts = tail.split(",");
    for (String p : parts) {
      String t = p.strip();
      if (t.isEmpty() || t.length() > 12 || !DEGREE.matcher(t).matches() || t.indexOf('.') < 0) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> NAME_PARTICLES =
      Set.of(
          "van", "der", "den", "de", "la", "le", "bin", "binti", "da", "von", "al", "el", "di",
          "dos", "del", "y");
  private static final Set<String> TITLES =
      Set.of("dr.", "dr", "drg.", "prof.", "ir.", "h.", "hj.", "mr.", "mrs.", "ms.", "ns.");

  /**
   * A duty or a unit, written where a name would be after a role ("Dokter Jaga", "Perawat IGD",
   * "Dokter Spesialis", "Petugas Piket"): what is left once the role is cut is no name.
   */
  private static final Set<String> DUTY_WORDS =
      Set.of(
          "jaga",
          "piket",
          "igd",
          "ugd",
          "icu",
          "poli",
          "ruangan",
          "bangsal",
          "shift",
          "konsulen",
          "spesialis",
          "pengganti",
          "umum",
          "jaga.",
          "pj",
          "dpjp",
          "on-call",
          "oncall",
          "triase",
          "triage",
          "duty",
          "charge");

  private static final Set<String> NOT_PERSON_WORDS =
      Set.of(
          "rs",
          "rsud",
          "rsu",
          "rsia",
          "rumah",
          "sakit",
          "klinik",
          "clinic",
          "puskesmas",
          "hospital",
          "apotek",
          "apotik",
          "toko",
          "pharmacy",
          "farma",
          "lab",
          "laboratorium",
          "laboratory",
          "pt",
          "cv",
          "tbk",
          "dinas",
          "kementerian",
          "ministry",
          "universitas",
          "university",
          "bank",
          "medical",
          "center",
          "centre",
          "health",
          "hotel",
          "inc",
          "ltd",
          "corp",
          "database",
          "server",
          "test",
          "tes");

  /**
   * The words of a value between white space, '^' and ',' (the separators of {@code [\s^,]+}),
   * without the empty ones; read in place, with no regular expression per value. The callers skip
   * empty words, which a split on that expression gives at the start.
   */
  static List<String> words(String v) {
    List<String> out = new ArrayList<>(4);
    int s = -1;
    for (int i = 0; i <= v.length(); i++) {
      boolean sep = i == v.length() || nameSeparator(v.charAt(i));
      if (sep && s >= 0) {
        out.add(v.substring(s, i));
        s = -1;
      } else if (!sep && s < 0) {
        s = i;
      }
    }
    return out;
  }

  /** White space as {@code \s} means it (ASCII), '^' and ','. */
  private static boolean nameSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '^'
        || c == ',';
  }

  /** Whether a name is an organisation's: it holds a word such as RSUD, Klinik, PT, Hospital. */
  static boolean organisationName(String v) {
    for (String w : words(v)) {
      if (NOT_PERSON_WORDS.contains(w.toLowerCase(Locale.ROOT).replace(".", ""))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a value is written like a person's name: a few capitalised words, no digits. */
  static boolean personName(String v) {
    if (v.length() > 80) {
      return false;
    }
    boolean allUpper = v.equals(v.toUpperCase(Locale.ROOT));
    int words = 0;
    int letters = 0;
    for (String w : words(v)) {
      if (w.isEmpty()) {
        continue;
      }
      String lw = w.toLowerCase(Locale.ROOT);
      if (NOT_PERSON_WORDS.contains(lw.replace(".", "")) || DUTY_WORDS.contains(lw)) {
        return false;
      }
      if (TITLES.contains(lw)) {
        continue;
      }
      for (int i = 0; i < w.length(); i++) {
        char c = w.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
        } else if (c != '.' && c != '\'' && c != '-' && c != '’') {
          return false;
        }
      }
      if (!Character.isUpperCase(w.charAt(0)) && !allUpper && !NAME_PARTICLES.contains(lw)) {
        return false;
      }
      words++;
    }
    return words >= 1 && words <= 6 && letters >= 2;
  }

  private static int closingQuote(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Longer first, then more confident, then earlier. A class rather than a chain of lambdas: no
   * lambda bootstrap in a fresh JVM's first scan.
   */
  private static final Comparator<PiiMatch> PREFERRED =
      new Comparator<>() {
        @Override
        public int compare(PiiMatch a, PiiMatch b) {
          int c = Integer.compare(-(a.end() - a.start()), -(b.end() - b.start()));
          if (c == 0) {
            c = Double.compare(-a.confidence(), -b.confidence());
          }
          return c != 0 ? c : Integer.compare(a.start(), b.start());
        }
      };

  /**
   * As the ordered-map path of {@link #resolve}, cluster by cluster: spans are ordered by start and
   * cut into clusters of spans that overlap one another directly or through others; a span's fate
   * depends only on the spans it overlaps, all in its cluster, so each cluster is resolved alone
   * (most hold one span, kept as it is; a span found twice is a cluster of two), in the same order
   * of preference and, between equals, of finding. Null when a span is empty (the map path keeps
   * one of two empty spans at one place).
   */
  private static List<PiiMatch> byClusters(List<PiiMatch> found) {
    int n = found.size();
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      PiiMatch m = found.get(i);
      if (m.end() <= m.start()) {
        return null;
      }
      keys[i] = ((long) m.start() << 32) | i; // by start, then by order of finding
    }
    java.util.Arrays.sort(keys);
    List<PiiMatch> out = new ArrayList<>(n);
    int c = 0;
    while (c < n) {
      PiiMatch first = found.get((int) keys[c]);
      int maxEnd = first.end();
      int d = c + 1;
      while (d < n && found.get((int) keys[d]).start() < maxEnd) {
        maxEnd = Math.max(maxEnd, found.get((int) keys[d]).end());
        d++;
      }
      if (d == c + 1) {
        out.add(first);
      } else {
        int[] order = new int[d - c];
        for (int k = c; k < d; k++) {
          order[k - c] = (int) keys[k];
        }
        java.util.Arrays.sort(order); // order of finding, which the stable sort below keeps
        List<PiiMatch> cluster = new ArrayList<>(order.length);
        for (int i : order) {
          cluster.add(found.get(i));
        }
        out.addAll(resolveByMap(cluster));
      }
      c = d;
    }
    return out;
  }

  /** Keeps the most specific match where spans overlap: longer first, then more confident. */
  private static List<PiiMatch> resolve(List<PiiMatch> found) {
    if (found.size() < 2) {
      return found;
    }
    if (FastPath.on) {
      List<PiiMatch> resolved = byClusters(found);
      if (resolved != null) {
        return resolved;
      }
    }
    return resolveByMap(found);
  }

  /** The greedy choice over all spans, longest first, with an ordered map of the kept ones. */
  private static List<PiiMatch> resolveByMap(List<PiiMatch> found) {
    List<PiiMatch> sorted = new ArrayList<>(found);
    sorted.sort(PREFERRED);
    // Kept spans never overlap, so the one starting just before and the one just after are the
    // only candidates for a clash.
    TreeMap<Integer, PiiMatch> kept = new TreeMap<>();
    for (PiiMatch m : sorted) {
      Map.Entry<Integer, PiiMatch> before = kept.floorEntry(m.start());
      Map.Entry<Integer, PiiMatch> after = kept.ceilingEntry(m.start());
      if ((before == null || !before.getValue().overlaps(m))
          && (after == null || !after.getValue().overlaps(m))) {
        kept.put(m.start(), m);
      }
    }
    return new ArrayList<>(kept.values());
  }
}
