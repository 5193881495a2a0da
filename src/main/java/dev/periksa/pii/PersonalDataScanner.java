package dev.periksa.pii;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in replies. JSON-aware: a field name is the best context, so {@code {"nik":
 * "3174..."}} is a NIK and {@code {"paspor": "B1234567"}} a passport; free text falls back to
 * patterns, structural validation and context words nearby.
 *
 * <p>Health-record formats nest their values: FHIR writes {@code
 * "name":[{"family":..,"given":[..]}]} and DICOM JSON {@code
 * "00100010":{"Value":[{"Alphabetic":..}]}}. A leaf whose own name says nothing (an array element,
 * or a generic holder such as {@code text}, {@code display}, {@code value}) takes its meaning from
 * the nearest enclosing field names instead.
 *
 * <p>This is the first set of detectors (NIK, passport, phone, test results, and names, addresses,
 * birth dates and emails where a field name says so). It is stateless and thread-safe.
 */
public final class PersonalDataScanner {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int CONTEXT_WINDOW = 40;

  private static final Pattern DIGITS16 = Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");
  private static final Pattern PHONE =
      Pattern.compile("(?<![0-9+])(\\+62|62|0)[ -]?8[0-9]{2}(?:[ -]?[0-9]){6,10}(?![0-9])");
  private static final Pattern PASSPORT =
      Pattern.compile("(?<![A-Za-z0-9])[A-Z]{1,2}[0-9]{6,7}(?![A-Za-z0-9])");
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");

  /** A compact JWS/JWT: base64url JSON header and payload, and a signature that may be empty. */
  private static final Pattern JWT_TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

  private static final Pattern RESULT_WORD =
      Pattern.compile(
          "(?i)(?<![a-z])(non[- ]?reaktif|reaktif|positif|negatif|positive|negative|not detected|detected)(?![a-z])");
  private static final Pattern RESULT_CONTEXT =
      Pattern.compile("(?i)(pcr|antigen|swab|hasil|covid|sars|test result|rapid)");
  private static final Pattern PASSPORT_CONTEXT = Pattern.compile("(?i)(paspor|passport)");
  private static final Pattern NIK_CONTEXT =
      Pattern.compile("(?i)(nik|ktp|nomor induk kependudukan)");
  private static final Pattern PHONE_CONTEXT =
      Pattern.compile("(?i)(telp|telepon|phone|hp|whatsapp|wa)");
  private static final Pattern DATE_LIKE =
      Pattern.compile("[0-9]{1,4}[-/. ][0-9A-Za-z]{1,9}[-/. ][0-9]{1,4}.*");

  // Field names (normalised: lower case, non-alphanumerics to '_') that say what a value is.
  private static final Set<String> NIK_FIELDS =
      Set.of("nik", "no_nik", "nomor_nik", "ktp", "no_ktp", "nomor_ktp", "nik_ktp", "national_id");
  private static final Set<String> PASSPORT_FIELDS =
      Set.of(
          "paspor",
          "no_paspor",
          "nomor_paspor",
          "passport",
          "passport_no",
          "passport_number",
          "passportnumber",
          "no_passport",
          "00100020"); // DICOM PatientID: a traveller's may be a passport number
  private static final Set<String> PHONE_FIELDS =
      Set.of(
          "no_hp",
          "hp",
          "telp",
          "no_telp",
          "telepon",
          "phone",
          "phone_number",
          "mobile",
          "whatsapp",
          "no_wa",
          "nomor_hp",
          "handphone",
          "telephone",
          "telecom", // FHIR ContactPoint list
          "00102154"); // DICOM PatientTelephoneNumbers
  private static final Set<String> NAME_FIELDS =
      Set.of(
          "nama",
          "nama_lengkap",
          "nama_pasien",
          "nama_pelaku_perjalanan",
          "name",
          "full_name",
          "fullname",
          "first_name",
          "last_name",
          "given_name",
          "family_name",
          "patient_name",
          "traveller_name",
          "traveler_name",
          "00100010"); // DICOM PatientName
  private static final Set<String> ADDRESS_FIELDS =
      Set.of(
          "alamat",
          "alamat_lengkap",
          "alamat_domisili",
          "address",
          "home_address",
          "street",
          "domisili",
          "00101040"); // DICOM PatientAddress
  private static final Set<String> BIRTH_FIELDS =
      Set.of(
          "tgl_lahir",
          "tanggal_lahir",
          "birth_date",
          "birthdate",
          "date_of_birth",
          "dob",
          "00100030"); // DICOM PatientBirthDate, written YYYYMMDD
  private static final Pattern DICOM_DATE =
      Pattern.compile("(19|20)[0-9]{2}(0[1-9]|1[0-2])[0-3][0-9]");
  private static final Set<String> EMAIL_FIELDS = Set.of("email", "e_mail", "surel");
  private static final Set<String> RESULT_FIELDS =
      Set.of(
          "hasil",
          "hasil_tes",
          "hasil_test",
          "hasil_lab",
          "hasil_pcr",
          "hasil_swab",
          "test_result",
          "result",
          "covid_result",
          "status_covid",
          "interpretation",
          "valuecodeableconcept", // FHIR Observation.value[x]
          "valuestring");

  /**
   * Leaf names that say nothing alone ("" is an array element): FHIR's CodeableConcept, HumanName,
   * Address and ContactPoint parts and DICOM JSON's person-name parts.
   */
  private static final Set<String> HOLDER_FIELDS =
      Set.of(
          "",
          "text",
          "display",
          "value",
          "family",
          "given",
          "line",
          "alphabetic",
          "ideographic",
          "phonetic");

  /** Enclosing field names looked at for a holder leaf. */
  private static final int ENCLOSING_NAMES = 3;

  /** Finds personal data in a reply body: JSON when it parses as JSON, otherwise free text. */
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
    List<PiiMatch> found = new ArrayList<>();
    scanText(text, 0, text.length(), found);
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

  /** Walks JSON leaf values with their field names; null when the text is not complete JSON. */
  private List<PiiMatch> scanJson(String text) {
    List<PiiMatch> found = new ArrayList<>();
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken tok;
      while ((tok = p.nextToken()) != null) {
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
            return null;
          }
        } else {
          start = offset;
          end = offset + p.getText().length();
        }
        String field = normalise(p.currentName());
        String value = p.getText();
        boolean exact =
            text.regionMatches(start, value, 0, value.length()) && end - start == value.length();
        PiiType byField = byField(field, value);
        if (byField == null && HOLDER_FIELDS.contains(field)) {
          byField = byEnclosingField(p.getParsingContext(), value);
        }
        if (byField != null) {
          found.add(new PiiMatch(byField, start, end, 0.95));
        }
        if (exact) {
          scanText(text, start, end, found);
        }
      }
    } catch (IOException e) {
      return null;
    }
    return found;
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

  static String normalise(String field) {
    if (field == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = Character.toLowerCase(field.charAt(i));
      b.append(Character.isLetterOrDigit(c) ? c : '_');
    }
    return b.toString();
  }

  /** What the nearest enclosing field names say a holder leaf is, e.g. "name" for "given". */
  private static PiiType byEnclosingField(JsonStreamContext leaf, String value) {
    int named = 0;
    for (JsonStreamContext c = leaf.getParent(); c != null && named < ENCLOSING_NAMES; ) {
      if (c.inObject() && c.getCurrentName() != null) {
        named++;
        PiiType t = byField(normalise(c.getCurrentName()), value);
        if (t != null) {
          return t;
        }
      }
      c = c.getParent();
    }
    return null;
  }

  /** What the field name says the value is, if the value fits that type at all. */
  private static PiiType byField(String field, String value) {
    if (field.isEmpty() || value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (NIK_FIELDS.contains(field) && v.matches("[0-9]{16}")) {
      return PiiType.NIK;
    }
    if (PASSPORT_FIELDS.contains(field) && v.matches("[A-Za-z]{1,2} ?[0-9]{6,8}")) {
      return PiiType.PASSPORT;
    }
    if (PHONE_FIELDS.contains(field) && v.replaceAll("[ ()+.-]", "").matches("[0-9]{8,15}")) {
      return PiiType.PHONE;
    }
    if (NAME_FIELDS.contains(field) && v.chars().anyMatch(Character::isLetter)) {
      return PiiType.NAME;
    }
    if (ADDRESS_FIELDS.contains(field) && v.length() > 3) {
      return PiiType.ADDRESS;
    }
    if (BIRTH_FIELDS.contains(field)
        && (DATE_LIKE.matcher(v).matches() || DICOM_DATE.matcher(v).matches())) {
      return PiiType.BIRTH_DATE;
    }
    if (EMAIL_FIELDS.contains(field) && EMAIL.matcher(v).matches()) {
      return PiiType.EMAIL;
    }
    if (RESULT_FIELDS.contains(field) && RESULT_WORD.matcher(v).find()) {
      return PiiType.TEST_RESULT;
    }
    return null;
  }

  /** Pattern detectors over text[from, to), with context words looked up around each candidate. */
  private static void scanText(String text, int from, int to, List<PiiMatch> out) {
    Matcher m = DIGITS16.matcher(text).region(from, to);
    while (m.find()) {
      if (Nik.isValid(m.group())) {
        double conf = near(NIK_CONTEXT, text, m.start(), m.end()) ? 0.95 : 0.8;
        out.add(new PiiMatch(PiiType.NIK, m.start(), m.end(), conf));
      }
    }
    m = PHONE.matcher(text).region(from, to);
    while (m.find()) {
      boolean bareCountryCode = m.group(1).equals("62");
      boolean context = near(PHONE_CONTEXT, text, m.start(), m.end());
      if (!bareCountryCode || context) {
        out.add(new PiiMatch(PiiType.PHONE, m.start(), m.end(), context ? 0.95 : 0.8));
      }
    }
    m = PASSPORT.matcher(text).region(from, to);
    while (m.find()) {
      if (near(PASSPORT_CONTEXT, text, m.start(), m.end())) {
        out.add(new PiiMatch(PiiType.PASSPORT, m.start(), m.end(), 0.85));
      }
    }
    m = JWT_TOKEN.matcher(text).region(from, to);
    while (m.find()) {
      out.add(new PiiMatch(PiiType.JWT, m.start(), m.end(), 0.99));
    }
    m = EMAIL.matcher(text).region(from, to);
    while (m.find()) {
      out.add(new PiiMatch(PiiType.EMAIL, m.start(), m.end(), 0.9));
    }
    m = RESULT_WORD.matcher(text).region(from, to);
    while (m.find()) {
      if (near(RESULT_CONTEXT, text, m.start(), m.end())) {
        out.add(new PiiMatch(PiiType.TEST_RESULT, m.start(), m.end(), 0.8));
      }
    }
  }

  private static boolean near(Pattern context, String text, int start, int end) {
    int from = Math.max(0, start - CONTEXT_WINDOW);
    int to = Math.min(text.length(), end + CONTEXT_WINDOW / 2);
    Matcher c = context.matcher(text).region(from, to);
    while (c.find()) {
      if (c.end() <= start || c.start() >= end) {
        // A context word must stand on its own, not be part of a longer word ("whatsapp" yes,
        // "hpx" no): check the characters on both sides.
        boolean leftOk = c.start() == 0 || !Character.isLetter(text.charAt(c.start() - 1));
        boolean rightOk = c.end() >= text.length() || !Character.isLetter(text.charAt(c.end()));
        if (leftOk && rightOk) {
          return true;
        }
      }
    }
    return false;
  }

  /** Keeps the most specific match where spans overlap: longer first, then more confident. */
  private static List<PiiMatch> resolve(List<PiiMatch> found) {
    List<PiiMatch> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt((PiiMatch m) -> -(m.end() - m.start()))
            .thenComparingDouble(m -> -m.confidence())
            .thenComparingInt(PiiMatch::start));
    List<PiiMatch> kept = new ArrayList<>();
    for (PiiMatch m : sorted) {
      boolean clash = false;
      for (PiiMatch k : kept) {
        if (k.overlaps(m)) {
          clash = true;
          break;
        }
      }
      if (!clash) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparingInt(PiiMatch::start));
    return kept;
  }
}
