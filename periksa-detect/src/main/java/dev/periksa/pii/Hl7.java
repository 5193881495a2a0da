package dev.periksa.pii;

import static dev.periksa.pii.Lexicon.BANK;
import static dev.periksa.pii.Lexicon.BIRTH;
import static dev.periksa.pii.Lexicon.BPJS;
import static dev.periksa.pii.Lexicon.CARD;
import static dev.periksa.pii.Lexicon.DIAGNOSIS;
import static dev.periksa.pii.Lexicon.EMAIL;
import static dev.periksa.pii.Lexicon.MRN;
import static dev.periksa.pii.Lexicon.NAME;
import static dev.periksa.pii.Lexicon.NIK;
import static dev.periksa.pii.Lexicon.NPWP;
import static dev.periksa.pii.Lexicon.NUMBER_TYPES;
import static dev.periksa.pii.Lexicon.PASSPORT;
import static dev.periksa.pii.Lexicon.PATIENT_ID;
import static dev.periksa.pii.Lexicon.PERSON;
import static dev.periksa.pii.Lexicon.PHONE;
import static dev.periksa.pii.Lexicon.SSN;
import static dev.periksa.pii.Lexicon.TEST_WEAK;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * HL7 v2.x messages, read by position: a value's meaning is its segment and field number (PID-5 is
 * the patient's name, PID-7 the birth date), not a label beside it.
 *
 * <p>The MSH segment defines the separators: MSH-1 is the field separator, MSH-2 the component,
 * repetition, escape and subcomponent characters (default {@code ^~\&}). Segments end at a carriage
 * return (the standard), a line feed or both. Each field is read by its data type: a person's name
 * (XPN, and the name components of an XCN) is one span from the family name through the given and
 * middle names, separators included, without the prefix and degree components; an address (XAD)
 * contributes its street component only, since city, state and postal code are separate components;
 * an identifier (CX) is typed by its identifier type code (HL7 table 0203: MR, NI, NNIDN, PPN,
 * SS...) or, failing that, by its assigning authority; a birth date (DTM) is the date part of the
 * timestamp. Numbers, dates and codes are checked as everywhere else ({@link TextScanner} with the
 * field's meaning as context); names and addresses go through {@link
 * PersonalDataScanner#wholeValue}.
 *
 * <p>Escape sequences ({@code \F\}, {@code \.br\}, {@code \X0D\}...) are read as blanks, so spans
 * stay offsets into the original text. Fields no table here names are read as free text, except
 * timestamps; the MSH segment (applications, facilities, control ids) is not read. Lines that are
 * not segments, and the text before the first MSH, are read as free text. A message cut short keeps
 * what its complete fields say.
 *
 * <p>Stateless and thread-safe.
 */
final class Hl7 {
  private Hl7() {}

  /** What a field holds, by position. */
  private enum Kind {
    /** Not personal, or of no detected type: not read. */
    SKIP,
    /** Free text (TX, FT, comments): read as text. */
    TEXT,
    /** Identifiers of the patient (CX): without a type code, the hospital's number. */
    PATIENT_ID,
    /** Identifiers of another person (CX): typed by code or authority only. */
    PERSON_ID,
    /** A person's name (XPN). */
    NAME,
    /** A person with an id (XCN: id^family^given...). */
    XCN,
    /** A name with its date range (NDL: the person is subcomponents of the first component). */
    NDL,
    /** A person's address (XAD). */
    ADDRESS,
    /** A person's phone or e-mail (XTN). */
    PHONE,
    /** A birth date (DTM). */
    BIRTH,
    /** A social security number, which Indonesian systems also fill with the NIK. */
    SSN,
    /** A diagnosis (CE/CWE: code^text^coding system): the code is an ICD-10 code. */
    DIAGNOSIS,
    /** A coded reason (CE/CWE): the code is a diagnosis only when its system says ICD-10. */
    CODED,
    /** An insurance number: a JKN-KIS card number, if shaped like one. */
    INSURANCE_ID,
    /** OBX-5: read by the value type in OBX-2. */
    OBX_VALUE
  }

  /** Kinds by segment id, indexed by field number; absent fields are read as free text. */
  private static final Map<String, Kind[]> FIELDS = new HashMap<>();

  private static void put(String segment, Kind kind, int... fields) {
    Kind[] kinds = FIELDS.get(segment);
    if (kinds == null) {
      kinds = new Kind[64];
      FIELDS.put(segment, kinds);
    }
    for (int f : fields) {
      kinds[f] = kind;
    }
  }

  static {
    // Positions from the HL7 v2.5.1 standard, chapters 2 (MSH, EVN), 3 (PID, PD1, NK1, PV1, PV2,
    // MRG, DG1, GT1, IN1, IN2, ROL), 4 (ORC, OBR), 7 (OBX, SPM) and 10 (AIP).
    put("PID", Kind.SKIP, 1, 8, 10, 12, 15, 16, 17, 18, 20, 22, 23, 24, 25, 26, 27, 28, 29, 30);
    put("PID", Kind.PATIENT_ID, 2, 3, 4, 21);
    put("PID", Kind.NAME, 5, 6, 9);
    put("PID", Kind.BIRTH, 7);
    put("PID", Kind.ADDRESS, 11);
    put("PID", Kind.PHONE, 13, 14);
    put("PID", Kind.SSN, 19);
    put("PD1", Kind.XCN, 4);
    put("MRG", Kind.PATIENT_ID, 1, 2, 4);
    put("MRG", Kind.SKIP, 3, 5, 6);
    put("MRG", Kind.NAME, 7);
    put("NK1", Kind.SKIP, 1, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    put("NK1", Kind.NAME, 2, 30);
    put("NK1", Kind.ADDRESS, 4, 32);
    put("NK1", Kind.PHONE, 5, 6, 31);
    put("NK1", Kind.BIRTH, 16);
    put("NK1", Kind.PERSON_ID, 33);
    put("NK1", Kind.SSN, 37);
    put("PV1", Kind.SKIP, 1, 2, 3, 4, 5, 6, 10, 11, 18, 19, 39, 44, 45, 50);
    put("PV1", Kind.XCN, 7, 8, 9, 17, 52);
    put("PV2", Kind.CODED, 3);
    put("EVN", Kind.SKIP, 1, 2, 3, 4, 6, 7);
    put("EVN", Kind.XCN, 5);
    put("ORC", Kind.SKIP, 1, 2, 3, 4, 5, 9, 15, 17, 21, 22, 23, 24);
    put("ORC", Kind.XCN, 10, 11, 12, 19);
    put("OBR", Kind.SKIP, 1, 2, 3, 4, 6, 7, 8, 14, 17, 18, 19, 20, 21, 22, 24, 25);
    put("OBR", Kind.TEXT, 13);
    put("OBR", Kind.XCN, 16, 28);
    put("OBR", Kind.CODED, 31);
    put("OBR", Kind.NDL, 32, 33, 34, 35);
    // OBX-7, the reference range, is never a result; OBX-23 to 24 are the performing lab.
    put("OBX", Kind.SKIP, 1, 2, 3, 4, 6, 7, 8, 10, 11, 12, 13, 14, 15, 17, 18, 19, 23, 24);
    put("OBX", Kind.OBX_VALUE, 5);
    put("OBX", Kind.XCN, 16, 25);
    put("NTE", Kind.TEXT, 3);
    put("NTE", Kind.SKIP, 1, 2, 4);
    // DG1-2 (coding method, "I10") and DG1-4 (description) are not diagnosis codes.
    put("DG1", Kind.SKIP, 1, 2, 4, 5, 6);
    put("DG1", Kind.DIAGNOSIS, 3);
    put("DG1", Kind.XCN, 16);
    put("GT1", Kind.PERSON_ID, 2);
    put("GT1", Kind.NAME, 3, 4);
    put("GT1", Kind.ADDRESS, 5);
    put("GT1", Kind.PHONE, 6, 7);
    put("GT1", Kind.BIRTH, 8);
    put("GT1", Kind.SSN, 12);
    // IN1-3 to 5 and 7 are the insurer (id, name, address, phone), not a person.
    put("IN1", Kind.SKIP, 1, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 15, 17);
    put("IN1", Kind.INSURANCE_ID, 2, 36);
    put("IN1", Kind.NAME, 6, 16);
    put("IN1", Kind.BIRTH, 18);
    put("IN1", Kind.ADDRESS, 19);
    put("IN1", Kind.PERSON_ID, 49);
    put("IN2", Kind.SSN, 2);
    put("ROL", Kind.XCN, 4);
    put("AIP", Kind.XCN, 3);
    put("SPM", Kind.SKIP, 1, 2, 3, 4, 17, 18);
  }

  /** Segments that are not read at all: headers and acknowledgements. */
  private static final Set<String> SKIPPED_SEGMENTS =
      Set.of("MSH", "FHS", "BHS", "FTS", "BTS", "MSA", "ERR", "SFT", "UAC");

  /**
   * Identifier type codes of HL7 table 0203 and their classes; -1 for identifiers of no detected
   * type (visit, account, licence and provider numbers).
   */
  private static final Map<String, Integer> TYPE_CODES = new HashMap<>();

  static {
    for (String c : new String[] {"MR", "MRN", "MRT"}) {
      TYPE_CODES.put(c, MRN);
    }
    // The national person identifier: in Indonesia the NIK (NNIDN, ISO 3166 "IDN").
    for (String c : new String[] {"NI", "NNIDN", "NIK", "KTP"}) {
      TYPE_CODES.put(c, NIK);
    }
    TYPE_CODES.put("PPN", PASSPORT);
    TYPE_CODES.put("SS", SSN);
    TYPE_CODES.put("SB", SSN);
    // National health plan and health card numbers: in Indonesia the JKN-KIS card.
    for (String c : new String[] {"NH", "HC", "JHN", "JKN", "BPJS"}) {
      TYPE_CODES.put(c, BPJS);
    }
    TYPE_CODES.put("BA", BANK);
    TYPE_CODES.put("BC", CARD);
    TYPE_CODES.put("TAX", NPWP);
    TYPE_CODES.put("NPWP", NPWP);
    // The patient's number in the hospital that assigns it: what a medical record number is.
    for (String c : new String[] {"PI", "PT", "PN", "U"}) {
      TYPE_CODES.put(c, PATIENT_ID);
    }
    for (String c :
        new String[] {
          "DL", "AN", "ANON", "VN", "EN", "EI", "PEN", "NPI", "LN", "MD", "DN", "PRN", "XX", "FI",
          "ACSN", "PLAC", "FILL", "BR", "RRI", "SR", "DR", "WC", "MC", "MA"
        }) {
      TYPE_CODES.put(c, -1);
    }
  }

  /** Address types (HL7 table 0190) that are not a person's home: firm, office, birth hospital. */
  private static final Set<String> NOT_HOME = Set.of("B", "O", "BDL", "BI");

  /** The separators one MSH defines. */
  private record Seps(char field, char comp, char rep, char esc, char sub) {}

  /** One line: a segment (seps set) or free text (seps null). */
  private record Line(int start, int end, Seps seps, boolean header) {}

  /** The matches, or null when the text holds no HL7 v2 message header. */
  static List<PiiMatch> scan(String text) {
    if (!text.contains("MSH")) {
      return null;
    }
    char[] cs = text.toCharArray();
    List<Line> lines = lines(cs);
    if (lines == null) {
      return null;
    }
    String readable = new String(cs);
    List<PiiMatch> found = new ArrayList<>();
    TextScanner scanner = TextScanner.of(readable, cs, found);
    try {
      Reader r = new Reader(readable, cs, scanner, found);
      for (Line l : lines) {
        if (l.seps == null) {
          scanner.scan(l.start, l.end, 0);
        } else if (!l.header) {
          r.segment(l.start, l.end, l.seps);
        }
      }
    } finally {
      scanner.release();
    }
    return found;
  }

  /**
   * Splits the text into lines and finds the segments; blanks escape sequences in cs. Null when no
   * message header is found.
   */
  private static List<Line> lines(char[] cs) {
    List<Line> lines = new ArrayList<>();
    Seps seps = null;
    int n = cs.length;
    int i = 0;
    while (i < n) {
      int eol = i;
      while (eol < n && cs[eol] != '\r' && cs[eol] != '\n') {
        eol++;
      }
      int s = i;
      // MLLP frames a message with VT (0x0b) before and FS (0x1c) after.
      while (s < eol && (Character.isWhitespace(cs[s]) || cs[s] == 0x0b)) {
        s++;
      }
      int e = eol;
      while (e > s && (Character.isWhitespace(cs[e - 1]) || cs[e - 1] == 0x1c)) {
        e--;
      }
      i = eol + 1;
      if (s >= e) {
        continue;
      }
      Seps own = header(cs, s, e);
      if (own == null && !segment(cs, s, e, seps)) {
        // A header after other words on its line ("received: MSH|^~\&|..."): the words are text.
        int k = embeddedHeader(cs, s, e);
        if (k > s) {
          lines.add(new Line(s, k, null, false));
          s = k;
          own = header(cs, s, e);
        }
      }
      if (own != null) {
        seps = own;
        lines.add(new Line(s, e, seps, true));
      } else if (segment(cs, s, e, seps)) {
        blankEscapes(cs, s + 3, e, seps);
        lines.add(new Line(s, e, seps, false));
      } else {
        lines.add(new Line(s, e, null, false));
      }
    }
    return seps == null ? null : lines;
  }

  /** Where an MSH header starts inside a line, after a non-word character; or -1. */
  private static int embeddedHeader(char[] cs, int s, int e) {
    for (int k = s + 1; k + 3 < e; k++) {
      if (cs[k] == 'M'
          && cs[k + 1] == 'S'
          && cs[k + 2] == 'H'
          && !Character.isLetterOrDigit(cs[k - 1])
          && header(cs, k, e) != null) {
        return k;
      }
    }
    return -1;
  }

  /**
   * The separators of a message, file or batch header at s ({@code MSH|^~\&|...}), or null: a field
   * separator that is no letter, digit or space, then one to five distinct encoding characters up
   * to the next field separator or the end of the line.
   */
  private static Seps header(char[] cs, int s, int e) {
    if (e - s < 5 || !headerId(cs, s)) {
      return null;
    }
    char fs = cs[s + 3];
    if (Character.isLetterOrDigit(fs) || Character.isWhitespace(fs)) {
      return null;
    }
    int k = s + 4;
    while (k < e && cs[k] != fs) {
      char c = cs[k];
      if (Character.isLetterOrDigit(c) || Character.isWhitespace(c) || k - s - 4 >= 5) {
        return null;
      }
      k++;
    }
    int count = k - s - 4;
    if (count < 1) {
      return null;
    }
    char comp = cs[s + 4];
    char rep = count > 1 ? cs[s + 5] : '~';
    char esc = count > 2 ? cs[s + 6] : '\\';
    char sub = count > 3 ? cs[s + 7] : '&';
    if (comp == rep || comp == esc || comp == sub || rep == esc || rep == sub || esc == sub) {
      return null;
    }
    return new Seps(fs, comp, rep, esc, sub);
  }

  private static boolean headerId(char[] cs, int s) {
    String id = new String(cs, s, 3);
    return id.equals("MSH") || id.equals("FHS") || id.equals("BHS");
  }

  /** Whether a line is a segment of the current message: three capitals or digits, a separator. */
  private static boolean segment(char[] cs, int s, int e, Seps seps) {
    if (seps == null || e - s < 3) {
      return false;
    }
    for (int k = s; k < s + 3; k++) {
      char c = cs[k];
      if (!((c >= 'A' && c <= 'Z') || (k > s && c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return e == s + 3 || cs[s + 3] == seps.field;
  }

  /** Longest escape sequence read as one ({@code \X0D0A\}, {@code \.sp5\}, {@code \Zxx\}). */
  private static final int MAX_ESCAPE = 32;

  /**
   * Replaces each escape sequence of a segment (escape character, a few characters, escape
   * character, within one field) by blanks.
   */
  private static void blankEscapes(char[] cs, int s, int e, Seps seps) {
    for (int k = s; k < e; k++) {
      if (cs[k] != seps.esc) {
        continue;
      }
      int close = -1;
      for (int j = k + 1; j < e && j - k <= MAX_ESCAPE; j++) {
        if (cs[j] == seps.esc) {
          close = j;
          break;
        }
        if (cs[j] == seps.field) {
          break;
        }
      }
      if (close > k + 1) {
        for (int j = k; j <= close; j++) {
          cs[j] = ' ';
        }
        k = close;
      }
    }
  }

  /** Reads the fields of segments; one per scan. */
  private static final class Reader {
    private final String text;
    private final char[] cs;
    private final TextScanner scanner;
    private final List<PiiMatch> found;
    private Seps seps;

    Reader(String text, char[] cs, TextScanner scanner, List<PiiMatch> found) {
      this.text = text;
      this.cs = cs;
      this.scanner = scanner;
      this.found = found;
    }

    void segment(int s, int e, Seps seps) {
      this.seps = seps;
      String id = text.substring(s, s + 3);
      if (SKIPPED_SEGMENTS.contains(id) || e <= s + 4) {
        return;
      }
      int[] fields = split(s + 4, e, seps.field);
      Kind[] kinds = FIELDS.get(id);
      // NK1 may name an organisation (NK1-13) instead of a person: its address and phone.
      boolean organisation = id.equals("NK1") && !blank(part(fields, 13)) && blank(part(fields, 2));
      String valueType = id.equals("OBX") ? strip(part(fields, 2)).toUpperCase(Locale.ROOT) : "";
      String codingMethod = id.equals("DG1") ? strip(part(fields, 2)) : "";
      for (int f = 1; 2 * f <= fields.length; f++) {
        int fs = fields[2 * f - 2];
        int fe = fields[2 * f - 1];
        if (fe <= fs) {
          continue;
        }
        Kind kind = kinds == null || f >= kinds.length ? null : kinds[f];
        if (kind == null) {
          if (!timestamp(fs, fe)) {
            scanner.scan(fs, fe, 0);
          }
          continue;
        }
        if (organisation && (kind == Kind.ADDRESS || kind == Kind.PHONE)) {
          continue;
        }
        if (kind == Kind.SKIP) {
          continue;
        }
        if (kind == Kind.TEXT) {
          scanner.scan(fs, fe, 0);
          continue;
        }
        if (kind == Kind.OBX_VALUE && (valueType.equals("TX") || valueType.equals("FT"))) {
          scanner.scan(fs, fe, 0);
          continue;
        }
        int[] reps = split(fs, fe, seps.rep);
        for (int r = 0; r < reps.length; r += 2) {
          if (reps[r + 1] > reps[r]) {
            value(kind, reps[r], reps[r + 1], valueType, codingMethod);
          }
        }
      }
    }

    /** One repetition of a field. */
    private void value(Kind kind, int s, int e, String valueType, String codingMethod) {
      switch (kind) {
        case PATIENT_ID -> identifier(s, e, true);
        case PERSON_ID -> identifier(s, e, false);
        case NAME -> name(split(s, e, seps.comp), 1, 3);
        case XCN -> person(s, e);
        case NDL -> {
          int[] c = split(s, e, seps.comp);
          name(split(c[0], c[1], seps.sub), 2, 4);
        }
        case ADDRESS -> address(s, e);
        case PHONE -> phone(s, e);
        case BIRTH -> birth(s, e);
        case SSN -> {
          int[] c = split(s, e, seps.comp);
          scan(c, 1, SSN | NIK);
        }
        case DIAGNOSIS -> coded(s, e, true, codingMethod);
        case CODED -> coded(s, e, false, "");
        case INSURANCE_ID -> {
          int[] c = split(s, e, seps.comp);
          for (int k = 0; k < c.length; k += 2) {
            bpjs(c[k], c[k + 1]);
          }
        }
        case OBX_VALUE -> observation(s, e, valueType);
        default -> {}
      }
    }

    /**
     * A CX identifier: ID^check digit^check digit scheme^assigning authority^identifier type code.
     * The ID component is typed by the type code, else by the authority ("DUKCAPIL", "BPJS");
     * without a type code, a patient's identifier is the hospital's number for the patient.
     */
    private void identifier(int s, int e, boolean patient) {
      int[] c = split(s, e, seps.comp);
      int[] id = trimmed(c, 1);
      if (id[1] <= id[0] || bpjs(id[0], id[1])) {
        return;
      }
      String type = strip(part(c, 5)).toUpperCase(Locale.ROOT);
      Integer known = TYPE_CODES.get(type);
      int cls = known == null ? 0 : known;
      if (cls == 0 && type.startsWith("NN") && type.length() == 5) {
        cls = -1; // another country's national identifier
      }
      if (cls == 0) {
        String authority = text.substring(part(c, 4)[0], part(c, 4)[1]);
        cls = authority(authority + " " + type);
      }
      if (cls == 0 && type.isEmpty() && patient) {
        cls = PATIENT_ID;
      }
      if (cls == PATIENT_ID && !patient) {
        cls = 0;
      }
      if (cls < 0) {
        return;
      }
      if (cls == MRN) {
        // The type code says it: the number as the hospital writes it.
        if (mrn(id[0], id[1])) {
          found.add(new PiiMatch(PiiType.MEDICAL_RECORD_NUMBER, id[0], id[1], 0.9));
        }
        return;
      }
      scanner.scan(id[0], id[1], cls);
    }

    /** Classes an assigning authority or unknown type code names: "DUKCAPIL", "BPJS", "RM". */
    private static int authority(String words) {
      String upper = words.toUpperCase(Locale.ROOT);
      // Dukcapil, the civil registry of the Ministry of Home Affairs, issues the NIK.
      if (upper.contains("DUKCAPIL") || upper.contains("KEMENDAGRI")) {
        return NIK;
      }
      return Lexicon.field(words) & (NUMBER_TYPES | PATIENT_ID);
    }

    /** A medical record number as written: one token with a digit, of a plausible length. */
    private boolean mrn(int s, int e) {
      if (e - s < 3 || e - s > 30) {
        return false;
      }
      boolean digit = false;
      for (int k = s; k < e; k++) {
        char c = cs[k];
        if (Character.isWhitespace(c)) {
          return false;
        }
        digit |= c >= '0' && c <= '9';
      }
      return digit;
    }

    /** A JKN-KIS card number alone in a component: labelled wherever it occurs. */
    private boolean bpjs(int s, int e) {
      int[] t = trim(s, e);
      if (SqlDump.bpjsCard(text, t[0], t[1])) {
        found.add(new PiiMatch(PiiType.BPJS, t[0], t[1], 0.85));
        return true;
      }
      return false;
    }

    /**
     * A name from components first..last (1-based) of a split: one span from the first non-empty to
     * the last non-empty, separators included (FAMILY^GIVEN).
     */
    private void name(int[] c, int first, int last) {
      int s = -1;
      int e = -1;
      for (int k = first; k <= last && 2 * k <= c.length; k++) {
        int[] t = trim(c[2 * k - 2], c[2 * k - 1]);
        if (t[1] > t[0]) {
          if (s < 0) {
            s = t[0];
          }
          e = t[1];
        }
      }
      if (s >= 0) {
        emitName(s, e);
      }
    }

    private void emitName(int s, int e) {
      // The separators stand between name parts: read as spaces when judging the name.
      String value = text.substring(s, e).replace(seps.comp, ' ').replace(seps.sub, ' ');
      PersonalDataScanner.wholeValue(text, s, e, value, NAME | PERSON, found);
    }

    /**
     * An XCN: ID^family^given^middle^suffix^prefix^degree... The name is family through middle; an
     * ID that is a NIK is read as one. A lone first component of words is a name written in the
     * wrong place.
     */
    private void person(int s, int e) {
      int[] c = split(s, e, seps.comp);
      int[] id = trimmed(c, 1);
      boolean named = false;
      for (int k = 2; k <= 4 && 2 * k <= c.length; k++) {
        named |= !blank(part(c, k));
      }
      if (named) {
        name(c, 2, 4);
        if (id[1] > id[0]) {
          scanner.scan(id[0], id[1], 0);
        }
      } else if (id[1] > id[0] && !hasDigit(id[0], id[1])) {
        emitName(id[0], id[1]);
      } else if (id[1] > id[0]) {
        scanner.scan(id[0], id[1], 0);
      }
    }

    /**
     * An XAD: street^other designation^city^state^zip^country^address type... Only the street is a
     * home address; a firm's or office's address (type B, O) is not a person's.
     */
    private void address(int s, int e) {
      int[] c = split(s, e, seps.comp);
      if (NOT_HOME.contains(strip(part(c, 7)).toUpperCase(Locale.ROOT))) {
        return;
      }
      int[] street = trimmed(c, 1);
      if (street[1] > street[0]) {
        String value = text.substring(street[0], street[1]).replace(seps.sub, ' ');
        PersonalDataScanner.wholeValue(
            text, street[0], street[1], value, Lexicon.ADDRESS | PERSON, found);
      }
    }

    /**
     * An XTN: number as written^use code^equipment type^e-mail^country^area^local^...^unformatted
     * number (12). A fax (equipment FX) is not a person's phone.
     */
    private void phone(int s, int e) {
      int[] c = split(s, e, seps.comp);
      if (strip(part(c, 3)).equalsIgnoreCase("FX")) {
        return;
      }
      int[] number = trimmed(c, 1);
      if (number[1] > number[0]) {
        boolean mail = text.substring(number[0], number[1]).indexOf('@') >= 0;
        scanner.scan(number[0], number[1], mail ? EMAIL : PHONE);
      }
      scan(c, 4, EMAIL);
      scan(c, 12, PHONE);
    }

    /** A DTM birth date: YYYYMMDD[HHMM[SS]]...: the date part only. */
    private void birth(int s, int e) {
      int[] c = split(s, e, seps.comp);
      int[] t = trimmed(c, 1);
      if (t[1] - t[0] >= 8 && date(t[0])) {
        boolean rest = t[1] == t[0] + 8 || "0123456789.+-".indexOf(cs[t[0] + 8]) >= 0;
        if (rest) {
          found.add(new PiiMatch(PiiType.BIRTH_DATE, t[0], t[0] + 8, 0.9));
          return;
        }
      }
      if (t[1] - t[0] > 10
          && cs[t[0] + 4] == '-'
          && cs[t[0] + 7] == '-'
          && (cs[t[0] + 10] == 'T' || cs[t[0] + 10] == ' ')) {
        // ISO 8601 with its time ("1985-11-17T00:00:00"): the date part.
        int y = number(t[0], 4);
        int m = number(t[0] + 5, 2);
        int d = number(t[0] + 8, 2);
        if (y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
          found.add(new PiiMatch(PiiType.BIRTH_DATE, t[0], t[0] + 10, 0.9));
          return;
        }
      }
      if (t[1] > t[0]) {
        scanner.scan(t[0], t[1], BIRTH); // a date written another way ("1985-11-17")
      }
    }

    /** The n digits at s as a number, or -1. */
    private int number(int s, int n) {
      int v = 0;
      for (int k = s; k < s + n; k++) {
        if (cs[k] < '0' || cs[k] > '9') {
          return -1;
        }
        v = v * 10 + (cs[k] - '0');
      }
      return v;
    }

    /** Whether YYYYMMDD at s is a calendar date a living person may be born on. */
    private boolean date(int s) {
      for (int k = s; k < s + 8; k++) {
        if (cs[k] < '0' || cs[k] > '9') {
          return false;
        }
      }
      int y = Integer.parseInt(text.substring(s, s + 4));
      int m = Integer.parseInt(text.substring(s + 4, s + 6));
      int d = Integer.parseInt(text.substring(s + 6, s + 8));
      if (y < 1890 || Years.future(y)) {
        return false;
      }
      try {
        LocalDate.of(y, m, d);
        return true;
      } catch (DateTimeException ex) {
        return false;
      }
    }

    /**
     * A CE/CWE code^text^coding system^alternate code^alternate text^alternate system: a code is a
     * diagnosis when its system is ICD-10; in DG1 also when no system says otherwise (the ICD-10
     * shape is checked). The text is a description, and "I10" names the system: neither is.
     */
    private void coded(int s, int e, boolean diagnosisSegment, String codingMethod) {
      int[] c = split(s, e, seps.comp);
      String system = strip(part(c, 3));
      if (system.isEmpty()) {
        system = codingMethod;
      }
      if (icd10(system) || (diagnosisSegment && !icd9(system))) {
        scan(c, 1, DIAGNOSIS);
      }
      if (icd10(strip(part(c, 6)))) {
        scan(c, 4, DIAGNOSIS); // the alternate code, when its own system is ICD-10
      }
    }

    /**
     * OBX-5 by its value type: a coded or string value holds the outcome (TEST_RESULT), a number or
     * a date nothing of a detected type; the person types are read as in PID.
     */
    private void observation(int s, int e, String valueType) {
      switch (valueType) {
        case "CE", "CWE", "CNE", "CF" -> {
          int[] c = split(s, e, seps.comp);
          for (int k = 1; k <= 4; k += 3) {
            if (icd10(strip(part(c, k + 2)))) {
              scan(c, k, DIAGNOSIS);
            } else {
              scan(c, k, TEST_WEAK);
              scan(c, k + 1, TEST_WEAK);
            }
          }
        }
        case "ST", "IS", "ID", "" -> scanner.scan(s, e, TEST_WEAK);
        case "XPN" -> name(split(s, e, seps.comp), 1, 3);
        case "XCN" -> person(s, e);
        case "XAD" -> address(s, e);
        case "XTN" -> phone(s, e);
        case "CX" -> identifier(s, e, false);
        default -> {} // NM, SN, DT, TS, DTM, TM, ED, RP...: quantities, dates, data
      }
    }

    /** Scans component k (1-based) of a split with the given classes. */
    private void scan(int[] c, int k, int classes) {
      int[] t = trimmed(c, k);
      if (t[1] > t[0]) {
        scanner.scan(t[0], t[1], classes);
      }
    }

    /** Whether text[s, e) is an HL7 timestamp: YYYYMMDD[HH[MM[SS[.S]]]][+/-ZZZZ]. */
    private boolean timestamp(int s, int e) {
      int k = s;
      while (k < e && cs[k] >= '0' && cs[k] <= '9') {
        k++;
      }
      int digits = k - s;
      if (digits < 8 || digits > 14 || !date(s)) {
        return false;
      }
      if (k < e && cs[k] == '.') {
        k++;
        while (k < e && cs[k] >= '0' && cs[k] <= '9') {
          k++;
        }
      }
      if (k < e && (cs[k] == '+' || cs[k] == '-')) {
        k += 5;
      }
      return k == e;
    }

    private boolean hasDigit(int s, int e) {
      for (int k = s; k < e; k++) {
        if (cs[k] >= '0' && cs[k] <= '9') {
          return true;
        }
      }
      return false;
    }

    /** Boundaries of the parts of text[s, e) between separators: s0, e0, s1, e1... */
    private int[] split(int s, int e, char sep) {
      int count = 1;
      for (int k = s; k < e; k++) {
        if (cs[k] == sep) {
          count++;
        }
      }
      int[] out = new int[2 * count];
      int at = s;
      int i = 0;
      for (int k = s; k <= e; k++) {
        if (k == e || cs[k] == sep) {
          out[i++] = at;
          out[i++] = k;
          at = k + 1;
        }
      }
      return out;
    }

    /** Part k (1-based) of a split, or an empty span. */
    private static int[] part(int[] parts, int k) {
      if (2 * k > parts.length) {
        return new int[] {0, 0};
      }
      return new int[] {parts[2 * k - 2], parts[2 * k - 1]};
    }

    private int[] trimmed(int[] parts, int k) {
      int[] p = part(parts, k);
      return trim(p[0], p[1]);
    }

    private int[] trim(int s, int e) {
      while (s < e && Character.isWhitespace(cs[s])) {
        s++;
      }
      while (e > s && Character.isWhitespace(cs[e - 1])) {
        e--;
      }
      return new int[] {s, e};
    }

    private boolean blank(int[] span) {
      int[] t = trim(span[0], span[1]);
      return t[1] <= t[0];
    }

    private String strip(int[] span) {
      return text.substring(span[0], span[1]).strip();
    }
  }

  /** Whether a coding system names ICD-10 (I10, I10C, ICD10CM, an ICD-10 URL); not I10P (PCS). */
  static boolean icd10(String system) {
    String s = system.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return (s.startsWith("I10") && !s.startsWith("I10P"))
        || (s.contains("ICD10") && !s.contains("PCS"));
  }

  /** Whether a coding system names ICD-9 (I9, I9C, ICD9CM): procedures and old diagnoses. */
  static boolean icd9(String system) {
    String s = system.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return s.startsWith("I9") || s.contains("ICD9");
  }
}
