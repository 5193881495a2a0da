package dev.periksa.pii;

import static dev.periksa.pii.Lexicon.ADDRESS;
import static dev.periksa.pii.Lexicon.DIAGNOSIS;
import static dev.periksa.pii.Lexicon.EMAIL;
import static dev.periksa.pii.Lexicon.MEANINGFUL;
import static dev.periksa.pii.Lexicon.MRN;
import static dev.periksa.pii.Lexicon.NAME;
import static dev.periksa.pii.Lexicon.NEG;
import static dev.periksa.pii.Lexicon.NUMBER_TYPES;
import static dev.periksa.pii.Lexicon.OBJECT;
import static dev.periksa.pii.Lexicon.PASSPORT;
import static dev.periksa.pii.Lexicon.PERSON;
import static dev.periksa.pii.Lexicon.PHONE;
import static dev.periksa.pii.Lexicon.SSN;
import static dev.periksa.pii.Lexicon.TEST;
import static dev.periksa.pii.Lexicon.TEST_WEAK;
import static dev.periksa.pii.TextScanner.PERSONAL_FIELDS;

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
 * Finds personal data in replies: JSON (field names are context), CSV with a header row (column
 * names are context) and free text (words nearby are context).
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

  /** FHIR resources about a person; any other resource type holds no personal fields. */
  private static final Set<String> PERSON_RESOURCES =
      Set.of("Patient", "Person", "RelatedPerson", "Practitioner", "PractitionerRole");

  /**
   * FHIR Reference fields that point at a person: their {@code display} is that person's name,
   * whatever resource holds the reference (an Observation's subject is a patient).
   */
  private static final Set<String> PERSON_REFERENCES =
      Set.of(
          "subject",
          "patient",
          "performer",
          "requester",
          "recorder",
          "asserter",
          "author",
          "beneficiary",
          "subscriber",
          "individual",
          "practitioner",
          "participant",
          "attester",
          "informant",
          "sender",
          "enterer",
          "verifier",
          "collector",
          "interpreter");

  /** Enclosing field names looked at for a holder leaf. */
  private static final int ENCLOSING_NAMES = 3;

  /** Finds personal data in a reply body: JSON or CSV when it parses as such, else free text. */
  public List<PiiMatch> scan(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String t = text.stripLeading();
    if (t.startsWith("{") || t.startsWith("[")) {
      List<PiiMatch> json = scanJson(text);
      if (json != null) {
        return resolve(json);
      }
    }
    List<PiiMatch> csv = Csv.scan(text);
    if (csv != null) {
      return resolve(csv);
    }
    // In markup, a label and its value sit in different elements ("<dt>No. Paspor</dt>
    // <dd>B1234567</dd>"): the tags are read as blanks, so the text keeps its offsets.
    String readable = Markup.blankTags(text);
    List<PiiMatch> found = new ArrayList<>();
    TextScanner scanner = TextScanner.of(readable, readable.toCharArray(), found);
    try {
      scanner.scan(0, readable.length(), 0);
    } finally {
      scanner.release();
    }
    return resolve(found);
  }

  /** Counts of each type found. */
  public Map<PiiType, Integer> count(List<PiiMatch> matches) {
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    for (PiiMatch m : matches) {
      counts.merge(m.type(), 1, Integer::sum);
    }
    return counts;
  }

  /** One open JSON object or array, with what its content has said about it so far. */
  private static final class Frame {
    final String name;
    final int classes;
    String resourceType;
    int hint;

    /** The object's own bare name is an organisation's ("nama": "RSUD Tarakan"). */
    boolean organisation;

    Frame(String name) {
      this.name = name;
      this.classes = name == null ? 0 : Lexicon.field(name);
    }
  }

  /**
   * Walks JSON leaf values with their field names. JSON cut short (a list cut at the body cap) or
   * broken part-way keeps what its complete leaves said, with their field names, and the rest is
   * read as free text; null when the text is not JSON from its first token.
   */
  private List<PiiMatch> scanJson(String text) {
    List<PiiMatch> found = new ArrayList<>();
    char[] chars = text.toCharArray();
    TextScanner scanner = TextScanner.of(text, chars, found);
    List<Frame> frames = new ArrayList<>();
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
          frames.add(new Frame(p.currentName()));
          continue;
        }
        if (tok == JsonToken.END_OBJECT || tok == JsonToken.END_ARRAY) {
          if (!frames.isEmpty()) {
            frames.remove(frames.size() - 1);
          }
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
        String field = p.currentName();
        String value = p.getText();
        if (!frames.isEmpty() && field != null && tok == JsonToken.VALUE_STRING) {
          remember(frames, field, value);
        }
        leaf(text, start, end, field, value, frames, scanner, found);
      }
    } catch (IOException e) {
      return read == 0 ? null : found;
    } finally {
      scanner.release();
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

  /** Notes what a leaf says about its object: a FHIR resource type, system URL or type code. */
  private static void remember(List<Frame> frames, String field, String value) {
    Frame top = frames.get(frames.size() - 1);
    switch (field) {
      case "resourceType" -> top.resourceType = value;
      case "system" ->
          top.hint |= Lexicon.field(value) & (NUMBER_TYPES | DIAGNOSIS | Lexicon.ID_ANY | EMAIL);
      case "code" -> {
        // An identifier's type: {"type":{"coding":[{"code":"MR"}]}, "value": ...}.
        int hint =
            switch (value) {
              case "MR" -> MRN;
              case "SS", "SB" -> SSN;
              case "PPN" -> PASSPORT;
              default -> 0;
            };
        if (hint != 0) {
          for (int i = frames.size() - 1; i > 0 && i >= frames.size() - 4; i--) {
            if ("type".equals(frames.get(i).name)) {
              frames.get(i - 1).hint |= hint;
              break;
            }
          }
        }
      }
      default -> {}
    }
  }

  private static void leaf(
      String text,
      int start,
      int end,
      String field,
      String value,
      List<Frame> frames,
      TextScanner scanner,
      List<PiiMatch> found) {
    int own = Lexicon.field(field);
    if ("display".equals(field) && personReference(frames)) {
      // The display of a reference to a person is that person's name.
      wholeValue(text, start, end, value, NAME | PERSON, found);
      return;
    }
    boolean holder = field == null || field.isEmpty() || (own & Lexicon.HOLDER) != 0;
    own &= ~Lexicon.HOLDER;
    int ctx = own;
    Frame top = frames.isEmpty() ? null : frames.get(frames.size() - 1);
    if (holder) {
      ctx |= enclosing(frames);
      if (top != null) {
        ctx |= top.hint;
      }
    }
    if (personalBlocked(field, own, ctx, frames)) {
      // What the field holds is a thing's or an organisation's: no person's data in its text.
      ctx = (ctx & ~PERSONAL_FIELDS) | Lexicon.NOT_PERSONAL;
    } else if (top != null
        && !holder
        && (own & NAME) != 0
        && (own & ~NAME & MEANINGFUL) == 0
        && value != null
        && organisationName(value)) {
      // A record named for an organisation holds its address and phone, not a person's.
      top.organisation = true;
    }
    wholeValue(text, start, end, value, ctx, found);
    if (text.regionMatches(start, value, 0, value.length()) && end - start == value.length()) {
      scanner.scan(start, end, ctx);
    }
  }

  /** Whether the innermost object is a FHIR Reference held by a field that names a person. */
  private static boolean personReference(List<Frame> frames) {
    for (int i = frames.size() - 1; i >= 0 && i >= frames.size() - 2; i--) {
      String name = frames.get(i).name;
      if (name != null) {
        return PERSON_REFERENCES.contains(name);
      }
    }
    return false;
  }

  /** Classes of the nearest enclosing field names that say something. */
  private static int enclosing(List<Frame> frames) {
    int named = 0;
    for (int i = frames.size() - 1; i >= 0 && named < ENCLOSING_NAMES; i--) {
      Frame f = frames.get(i);
      if (f.name != null) {
        named++;
        if ((f.classes & MEANINGFUL) != 0) {
          return f.classes;
        }
      }
    }
    return 0;
  }

  /**
   * Whether a name, address, phone or email here belongs to something other than a person: a field
   * about a thing ({@code rs_nama}, {@code nama_obat}, {@code ip_address}), a bare {@code
   * nama}/{@code name} inside a thing ({@code items[].name}, {@code diagnosa_utama.nama}), or a
   * FHIR resource that is not a person.
   */
  private static boolean personalBlocked(String field, int own, int ctx, List<Frame> frames) {
    if ((ctx & PERSONAL_FIELDS) == 0) {
      return false;
    }
    if ((own & NAME) != 0
        && (own & (OBJECT | NEG | DIAGNOSIS | TEST | TEST_WEAK)) == 0
        && !bareName(field)) {
      return false; // nama_lengkap, first_name, nama_direktur: a person's name whatever holds it
    }
    if (!frames.isEmpty() && frames.get(frames.size() - 1).organisation && (own & PERSON) == 0) {
      return true;
    }
    // FHIR nests a resource's fields a few levels deep; a bound keeps deep documents linear.
    for (int i = frames.size() - 1; i >= 0 && i >= frames.size() - 16; i--) {
      String rt = frames.get(i).resourceType;
      if (rt != null) {
        if (!PERSON_RESOURCES.contains(rt)) {
          return true;
        }
        break;
      }
    }
    if ((own & (OBJECT | NEG)) != 0 && (own & PERSON) == 0) {
      return true;
    }
    if ((own & PERSON) != 0) {
      return false;
    }
    int named = 0;
    for (int i = frames.size() - 1; i >= 0 && named < 2; i--) {
      Frame f = frames.get(i);
      if (f.name == null) {
        continue;
      }
      named++;
      if ((f.classes & PERSON) != 0) {
        return false;
      }
      // A thing's object (a drug, a hospital, a diagnosis) names the thing in its bare "nama".
      // Words that only say a number is no person's (order, invoice, kasus, kunjungan) name a
      // record about a person: the names in it are that person's.
      if ((f.classes & (OBJECT | DIAGNOSIS | TEST | TEST_WEAK)) != 0) {
        return true;
      }
    }
    return false;
  }

  /** A field called just "nama"/"name": it names whatever its object is. */
  private static boolean bareName(String field) {
    return field == null
        || field.equalsIgnoreCase("nama")
        || field.equalsIgnoreCase("name")
        || field.equalsIgnoreCase("nm");
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
    String v = value.strip();
    if (contact) {
      if (personName(v) && Names.anyKnown(v)) {
        int[] span = nameSpan(text, s, e);
        found.add(new PiiMatch(PiiType.NAME, span[0], span[1], 0.8));
      }
      return;
    }
    if ((ctx & NAME) != 0 && (ctx & (EMAIL | PHONE)) == 0 && personName(v)) {
      int[] span = nameSpan(text, s, e);
      found.add(new PiiMatch(PiiType.NAME, span[0], span[1], 0.9));
    } else if ((ctx & ADDRESS) != 0
        && (ctx & EMAIL) == 0
        && v.length() > 3
        && v.indexOf('@') < 0
        && v.chars().anyMatch(Character::isLetter)) {
      found.add(new PiiMatch(PiiType.ADDRESS, s, e, 0.9));
    }
  }

  /** Honorifics and titles before a name: outside its span ("Ny. Siti Rahayu" is "Siti Rahayu"). */
  private static final Set<String> HONORIFICS =
      Set.of(
          "tn", "ny", "nn", "bpk", "bapak", "ibu", "bu", "pak", "sdr", "sdri", "an", "dr", "drg",
          "prof", "h", "hj", "ns", "drs", "dra", "ir", "mr", "mrs", "ms", "miss", "mas", "mbak",
          "kak", "bang");

  /**
   * The name itself inside a name value: without the honorifics before it ("Tn.", "dr.") and the
   * degrees after a comma (", Sp.PD", ", S.Kep, M.Kes").
   */
  static int[] nameSpan(String text, int s, int e) {
    int cut = text.indexOf(',', s);
    if (cut > s && cut < e && degrees(text.substring(cut + 1, e))) {
      e = cut;
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
      } else if (!Set.of("bapak", "ibu", "bu", "pak", "mas", "mbak", "miss", "kak", "bang")
          .contains(word)) {
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

  /** Whether what follows a comma is academic or medical degrees: "Sp.PD", " S.Kep, M.Kes". */
  private static boolean degrees(String tail) {
    String[] parts = tail.split(",");
    for (String p : parts) {
      String t = p.strip();
      if (t.isEmpty() || t.length() > 12 || !t.matches("[A-Za-z.]+") || t.indexOf('.') < 0) {
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

  private static final java.util.regex.Pattern NAME_SEPARATORS =
      java.util.regex.Pattern.compile("[\\s^,]+");

  /** Whether a name is an organisation's: it holds a word such as RSUD, Klinik, PT, Hospital. */
  static boolean organisationName(String v) {
    for (String w : NAME_SEPARATORS.split(v)) {
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
    for (String w : NAME_SEPARATORS.split(v)) {
      if (w.isEmpty()) {
        continue;
      }
      String lw = w.toLowerCase(Locale.ROOT);
      if (NOT_PERSON_WORDS.contains(lw.replace(".", ""))) {
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

  /** Keeps the most specific match where spans overlap: longer first, then more confident. */
  private static List<PiiMatch> resolve(List<PiiMatch> found) {
    if (found.size() < 2) {
      return found;
    }
    List<PiiMatch> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt((PiiMatch m) -> -(m.end() - m.start()))
            .thenComparingDouble(m -> -m.confidence())
            .thenComparingInt(PiiMatch::start));
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
