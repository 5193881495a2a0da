package dev.periksa.pii;

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
import static dev.periksa.pii.Lexicon.SSN;
import static dev.periksa.pii.Lexicon.TEST;
import static dev.periksa.pii.Lexicon.TEST_WEAK;
import static dev.periksa.pii.PersonalDataScanner.organisationName;
import static dev.periksa.pii.PersonalDataScanner.wholeValue;
import static dev.periksa.pii.TextScanner.PERSONAL_FIELDS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The document model the tree-shaped formats share: JSON objects and arrays, XML elements. A reader
 * walks its document and reports each node it opens and closes and each leaf value with its field
 * name and span; the tree gives every leaf the context a person reading the record would: its own
 * field name, and for a holder leaf ({@code value}, {@code text}, an array element) the enclosing
 * names, a sibling {@code system} URL, identifier type code or a sibling that names the type
 * ({@code {"jenis":"paspor","nomor":...}}); a FHIR resource that is not a person holds no personal
 * names, addresses or phones, and a record named for an organisation holds its address and phone,
 * not a person's.
 *
 * <p>Health-record formats nest their values: FHIR writes {@code
 * "name":[{"family":..,"given":[..]}]} (XML: {@code <name><family value=".."/></name>}) and
 * identifiers as {@code {"system": ".../nik", "value": ..}}, DICOM JSON {@code
 * "00100010":{"Value":[{"Alphabetic":..}]}}.
 */
final class Tree {
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
          "interpreter",
          "resultsInterpreter",
          "actor",
          "generalPractitioner",
          "agent",
          "who",
          "recipient",
          "requestor",
          "orderer",
          "assessor",
          "reporter",
          "authenticator",
          "legalAuthenticator",
          "dataEnterer",
          "careManager",
          "party",
          "other",
          "verifiedWith",
          "responsibleParty",
          "policyHolder",
          "owner",
          "member",
          "receiver",
          "supervisor",
          "witness");

  /** Parts of any resource that hold a person: Organization.contact, a Claim's payee party. */
  private static final Set<String> PERSON_PARTS = Set.of("contact", "party");

  /** Enclosing field names looked at for a holder leaf. */
  private static final int ENCLOSING_NAMES = 3;

  /** Fields whose value names the type of a sibling number: {"jenis":"paspor","nomor":"..."}. */
  private static final Set<String> TYPE_FIELDS =
      Set.of(
          "jenis",
          "tipe",
          "type",
          "kind",
          "jenis_identitas",
          "jenisidentitas",
          "jenis_id",
          "id_type",
          "idtype",
          "identity_type",
          "document_type",
          "jenis_dokumen",
          "tipe_identitas");

  /** Whether a field names the type of its sibling number ("jenis", "id_type"). */
  static boolean typeField(String field) {
    return field != null && TYPE_FIELDS.contains(field.toLowerCase(java.util.Locale.ROOT));
  }

  /** What a type field's value ("paspor", "KTP", "email") says its sibling number is. */
  static int typeHint(String value) {
    return value == null || value.length() > 40
        ? 0
        : Lexicon.field(value) & (NUMBER_TYPES | Lexicon.ID_ANY | EMAIL);
  }

  private final String text;
  private final TextScanner scanner;
  private final List<PiiMatch> found;
  private final List<Frame> frames = new ArrayList<>();

  Tree(String text, TextScanner scanner, List<PiiMatch> found) {
    this(text, scanner, found, false);
  }

  /**
   * @param blanked the scanner reads a copy of the text with its escapes blanked ({@link
   *     JsonEscapes}): a string value with escapes is read there at its own offsets
   */
  Tree(String text, TextScanner scanner, List<PiiMatch> found, boolean blanked) {
    this.text = text;
    this.scanner = scanner;
    this.found = found;
    this.blanked = blanked;
  }

  private final boolean blanked;

  /** Opens an object, array or element, named by its field (null for an array element). */
  void open(String name) {
    frames.add(new Frame(name));
  }

  /** Opens a FHIR resource written as an element ({@code <Patient>}): its type is its name. */
  void openResource(String name) {
    Frame f = new Frame(name);
    f.resourceType = name;
    frames.add(f);
  }

  void close() {
    if (!frames.isEmpty()) {
      frames.remove(frames.size() - 1);
    }
  }

  /**
   * A leaf value at [start, end) of the text under its field name; {@code value} is the value as
   * the format decodes it (the span is read only when the text holds it unchanged).
   */
  void leaf(String field, int start, int end, String value, boolean string) {
    if (!frames.isEmpty() && field != null && string) {
      remember(frames, field, value);
    }
    leaf(text, start, end, field, value, frames, scanner, found, blanked);
  }

  /** One open JSON object or array, with what its content has said about it so far. */
  private static final class Frame {
    final String name;
    final int classes;
    String resourceType;
    int hint;

    /**
     * What a questionnaire item's question says its answers are ({"text":"Tanggal lahir",
     * "answer":[{"valueDate":...}]}).
     */
    int question;

    /** The object's own bare name is an organisation's ("nama": "RSUD Tarakan"). */
    boolean organisation;

    /** A {@code reference} in this object points at a person's resource. */
    boolean personTarget;

    Frame(String name) {
      this.name = name;
      this.classes = name == null ? 0 : Lexicon.field(name);
    }
  }

  /** Notes what a leaf says about its object: a FHIR resource type, system URL or type code. */
  private static void remember(List<Frame> frames, String field, String value) {
    Frame top = frames.get(frames.size() - 1);
    switch (field) {
      case "resourceType" -> top.resourceType = value;
      case "linkId", "text", "prefix" -> {
        // A questionnaire item's question names its answers, as a label names a value.
        if (value != null && value.length() <= 60) {
          top.question |= Lexicon.field(value) & (PERSONAL_FIELDS | NUMBER_TYPES | DIAGNOSIS);
        }
      }
      case "url" -> {
        // An extension for a person's name: mothersMaidenName, a parent's or a nickname.
        String u = value == null ? "" : value.toLowerCase(java.util.Locale.ROOT);
        if (u.endsWith("maidenname") || u.endsWith("mothersname") || u.endsWith("-nickname")) {
          top.hint |= NAME | Lexicon.PERSON;
        }
      }
      case "reference" -> {
        // "Practitioner/N10000001" or a full URL ending so: the resource type before the id.
        int slash = value == null ? -1 : value.lastIndexOf('/');
        top.personTarget |=
            slash > 0
                && PERSON_RESOURCES.contains(
                    value.substring(value.lastIndexOf('/', slash - 1) + 1, slash));
      }
      case "system" ->
          top.hint |=
              Lexicon.field(value)
                  & (NUMBER_TYPES | DIAGNOSIS | Lexicon.ID_ANY | EMAIL | Lexicon.NEG);
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
      default -> {
        if (typeField(field)) {
          // A sibling that names the type: the value's own words say which number it is.
          top.hint |= typeHint(value);
        }
      }
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
      List<PiiMatch> found,
      boolean blanked) {
    int own = Lexicon.field(field);
    if ("system".equals(field)) {
      return; // a namespace URL ("http://sys-ids.kemkes.go.id/mrn/100000004"): no one's data
    }
    if (titleParts(field, frames)) {
      return; // a name's prefix ("dr.") or suffix ("Sp.PD"): titles and degrees, no name
    }
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
    boolean answered = false;
    if (field != null && field.startsWith("value") && frames.size() >= 3) {
      // QuestionnaireResponse: item { text, answer: [ { valueX } ] }. The question, not the
      // enclosing "item" or resource, says what the answer is: the respondent's own data.
      Frame answers = frames.get(frames.size() - 2);
      int question = frames.get(frames.size() - 3).question;
      if ("answer".equals(answers.name) && question != 0) {
        ctx = own | question;
        answered = true;
      }
    }
    if (top != null && (top.hint & NAME) != 0 && field != null && field.startsWith("value")) {
      ctx = (ctx & ~Lexicon.TEST_WEAK) | top.hint; // an extension's valueString that is a name
    }
    if (!answered && personalBlocked(field, own, ctx, frames)) {
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
    if (blanked
        || text.regionMatches(start, value, 0, value.length()) && end - start == value.length()) {
      scanner.scan(start, end, ctx);
    }
  }

  /** Whether the leaf is a FHIR HumanName's prefix or suffix (the field or its array). */
  private static boolean titleParts(String field, List<Frame> frames) {
    String name = field;
    if ((name == null || name.isEmpty()) && !frames.isEmpty()) {
      name = frames.get(frames.size() - 1).name;
    }
    return "prefix".equals(name) || "suffix".equals(name);
  }

  /**
   * Whether the innermost object is a FHIR Reference to a person: held by a field that names one,
   * or with a {@code reference} before the display that points at a person's resource
   * ("Practitioner/N10000001").
   */
  private static boolean personReference(List<Frame> frames) {
    if (!frames.isEmpty() && frames.get(frames.size() - 1).personTarget) {
      return true;
    }
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
      String part = frames.get(i).name;
      if (part != null && PERSON_PARTS.contains(part)) {
        break; // an organisation's contact person: a person's name and number
      }
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
      if ((f.classes & PERSON) != 0 && (f.classes & OBJECT) == 0) {
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
}
