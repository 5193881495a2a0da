package dev.periksa.pii;

import static dev.periksa.pii.Lexicon.ADDRESS;
import static dev.periksa.pii.Lexicon.BIRTH;
import static dev.periksa.pii.Lexicon.BPJS;
import static dev.periksa.pii.Lexicon.CARD;
import static dev.periksa.pii.Lexicon.DIAGNOSIS;
import static dev.periksa.pii.Lexicon.EMAIL;
import static dev.periksa.pii.Lexicon.ID_ANY;
import static dev.periksa.pii.Lexicon.MEANINGFUL;
import static dev.periksa.pii.Lexicon.MRN;
import static dev.periksa.pii.Lexicon.NAME;
import static dev.periksa.pii.Lexicon.NEG;
import static dev.periksa.pii.Lexicon.NEUTRAL;
import static dev.periksa.pii.Lexicon.NIK;
import static dev.periksa.pii.Lexicon.NUMBER_TYPES;
import static dev.periksa.pii.Lexicon.PASSPORT;
import static dev.periksa.pii.Lexicon.PATIENT_ID;
import static dev.periksa.pii.Lexicon.PHONE;
import static dev.periksa.pii.Lexicon.RESULT;
import static dev.periksa.pii.Lexicon.SSN;
import static dev.periksa.pii.Lexicon.TEST;
import static dev.periksa.pii.Lexicon.TEST_WEAK;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in regions of one text: a whole free text, one JSON value or one CSV cell.
 *
 * <p>Words are read once per region and grouped into label phrases ("No. Kartu JKN-KIS", "Tgl
 * Lahir", a field name). Types that need a label (passport, BPJS, medical record number, ICD-10
 * code, birth date, an unformatted SSN, a foreign phone) are looked for only just after a phrase
 * that names them, in the first value that follows. Types with structure (NIK, Indonesian mobile
 * numbers, card numbers, dashed SSNs, IBANs, emails, JWTs) are found everywhere and then checked
 * against the nearest label: an adjacent "order"/"invoice" label or another type's label wins.
 *
 * <p>Each thread has one instance ({@link #of}), pointed at one text at a time; its arrays and
 * matchers are reused from reply to reply.
 */
final class TextScanner {
  private static final int WINDOW = 40;

  /**
   * Not glued to a preceding token, except through a URL escape ({@code nik%7C3174...} is a query
   * string's "|").
   */
  /**
   * Nothing of a token before: a value starts after a separator, after a URL-encoded character, at
   * a path segment after a word ("wa.me/62…") or after a chat's italics mark ("_0812…_").
   */
  private static final String NB =
      "(?:(?<=%[0-9A-Fa-f]{2})|(?<=[A-Za-z]/)|(?<=(?:^|\\s)_)|(?<![A-Za-z0-9+./\\-_%]))";

  private static final String NA = "(?![A-Za-z0-9]|[.\\-/][A-Za-z0-9])";

  /** 12-19 digits written together, or in groups of 2-6 joined by one kind of separator. */
  private static final Pattern LONG_NUMBER =
      Pattern.compile(NB + "(?:\\d{12,19}|\\d{3,6}([ -])\\d{2,6}(?:\\1\\d{2,6}){0,4})" + NA);

  private static final Pattern ID_PHONE =
      Pattern.compile(
          NB
              + "(?:(?:\\+62|62|0)[ .\u2013-]?8\\d\\d|\\(08\\d\\d\\)|\\(\\+62\\)[ .-]?8\\d\\d"
              + "|\\+62[ .-]?\\(0\\)[ .-]?8\\d\\d|\\+62 ?\\(8\\d\\d\\))"
              + "(?:[ .\u2013-]?\\d){6,9}"
              + NA);

  /** A phone number in international form outside Indonesia: plus, country code, 7-12 digits. */
  private static final Pattern INTL_PHONE =
      Pattern.compile(NB + "\\+[1-9]\\d{0,2}(?: ?\\(0\\))?(?:[ .\u2013-]?\\d){7,12}" + NA);

  private static final Pattern SSN_DASHED = Pattern.compile(NB + "\\d{3}-\\d{2}-\\d{4}" + NA);

  /** A bank account number: 10 to 16 digits, together or in groups joined by one separator. */
  private static final Pattern BANK_ACCOUNT =
      Pattern.compile(NB + "(?:\\d{10,16}|\\d{2,6}([ .-])\\d{2,8}(?:\\1\\d{1,8}){0,3})" + NA);

  /** The 15-digit NPWP as the tax office writes it: 99.999.999.9-999.999. */
  private static final Pattern NPWP_DOTTED =
      Pattern.compile(NB + "\\d{2}\\.\\d{3}\\.\\d{3}\\.\\d-\\d{3}\\.\\d{3}" + NA);

  private static final Pattern JWT_TOKEN =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

  // Values looked for after a label only; each is tried at a token start.
  private static final Pattern ANY_PHONE =
      Pattern.compile(
          "(?:\\(\\+\\d{1,3}\\)|\\+\\d{1,3}(?: ?\\(0\\))?|\\(0\\d{2,4}\\)|62|0"
              + "|\\d{3}(?=[-. ]\\d{3}[-. ]\\d{4}(?!\\d)))(?:[ .-]?\\d){7,13}"
              + NA);

  /**
   * Passport numbers after a passport label: one or two letters and 6 to 8 digits (Indonesia,
   * India, Australia, Japan, Malaysia...), 8 or 9 digits (United States, United Kingdom), two
   * digits, two letters and five digits (France), and nine letters and digits with at least one
   * digit, from the alphabet without vowels and easily confused letters that Germany and the
   * Netherlands use.
   */
  // Letters and digits may be printed apart by a space or a dash ("C 1234567", "AB-1234567").
  private static final Pattern PASSPORT_VALUE =
      Pattern.compile(
          "(?:[A-Z]{1,2}\\d{6,8}[A-Z]?|[A-Z]{1,2}[ -]\\d{6,8}|\\d{8,9}|\\d{2}[A-Z]{2}\\d{5}"
              + "|(?=[0-9A-Z]{0,8}\\d)[C-HJ-NPR-Z][0-9C-HJ-NPR-Z]{8})"
              + NA);

  private static final Pattern PASSPORT_LETTERED = Pattern.compile("[A-Z]{1,2}\\d{6,8}[A-Z]?" + NA);
  private static final Pattern BPJS_VALUE = Pattern.compile("\\d{13}" + NA);

  /**
   * A record number as written: digits in up to five groups, after a prefix of letters ("RM",
   * "MR.", "RM-A-", "RSUD/RM/", "RM#"); after RM, MR or MRN the prefix may end with a space ("RM
   * 0012345"), as those letters abbreviate the number itself.
   */
  private static final Pattern MRN_VALUE =
      Pattern.compile(
          "(?:(?:RM|MR|MRN) (?=\\d)|(?:[A-Za-z]{1,5}[-/.#_]){1,2}(?=\\d)|[A-Za-z]{1,4})?"
              + "\\d+(?:[.\\-/]\\d+){0,4}"
              + NA);

  private static final Pattern SSN_VALUE = Pattern.compile("\\d{3}([- ]?)\\d{2}\\1\\d{4}" + NA);
  private static final Pattern NIK_VALUE =
      Pattern.compile("\\d{4}([ .-]?)\\d{4}\\1\\d{4}\\1\\d{4}" + NA);
  private static final Pattern ICD_VALUE =
      Pattern.compile("[A-Z]\\d[0-9A-Z](?:\\.[0-9A-Z]{1,4}|[0-9A-Z]{1,4})?(?![A-Za-z0-9]|[-/]\\w)");

  private static final String MONTHS =
      "januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember"
          + "|january|february|march|may|june|july|august|october|december"
          + "|jan|feb|mar|apr|jun|jul|agu|agt|ags|aug|sept|sep|okt|oct|nov|des|dec";
  private static final Pattern DATE_VALUE =
      Pattern.compile(
          "(?i)(?:((?:19|20)\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})"
              + "|(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d\\d)"
              + "|(\\d{1,2})(?:st|nd|rd|th)?(?: of)?[ -]?("
              + MONTHS
              + ")\\.?[ -]?(\\d{4})"
              + "|("
              + MONTHS
              + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})"
              + "|((?:19|20)\\d\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])"
              + "|(0[1-9]|[12]\\d|3[01])(0[1-9]|1[0-2])((?:19|20)\\d\\d)"
              // A scan's spacing inside a date ("12 -03-1987", "12-03- 1987"), its hyphens read as
              // en or em dashes, or as spaces ("12 03 1987"): 4-digit years only.
              + "|(\\d{1,2})(?: ?([-/\u2013\u2014]) ?| )(\\d{1,2})(?: ?\\20 ?| )((?:19|20)\\d\\d))"
              + NA);

  private String text;
  private char[] cs;
  private List<PiiMatch> out;

  private Matcher longNumber;
  private Matcher idPhone;
  private Matcher intlPhone;
  private Matcher ssnDashed;
  private Matcher npwpDotted;
  private Matcher bankAccount;

  /** Whether a phrase of the text, or its field, says bank account (set by {@link #phrases}). */
  private boolean bankLabels;

  private Matcher jwt;
  private Matcher anyPhone;
  private Matcher passportValue;
  private Matcher passportLettered;
  private Matcher bpjsValue;
  private Matcher mrnValue;
  private Matcher ssnValue;
  private Matcher nikValue;
  private Matcher icdValue;
  private Matcher dateValue;

  // Cue words of the current region, in order.
  private int[] hitStart = new int[16];
  private int[] hitEnd = new int[16];
  private int[] hitClasses = new int[16];
  private int hits;
  // Result words (positif, not detected...).
  private int[] resStart = new int[8];
  private int[] resEnd = new int[8];
  private int results;
  // Label phrases: runs of adjacent cue words.
  private int[] phStart = new int[16];
  private int[] phEnd = new int[16];
  private int[] phClasses = new int[16];
  private int phrases;

  private int from;
  private int to;
  private int fieldClasses;

  // An anonymous class, not a method reference: no lambda bootstrap in a fresh JVM's first scan.
  private static final ThreadLocal<TextScanner> LOCAL =
      new ThreadLocal<>() {
        @Override
        protected TextScanner initialValue() {
          return new TextScanner();
        }
      };

  private TextScanner() {}

  /**
   * This thread's scanner, pointed at a text: its arrays and matchers are reused from reply to
   * reply, since most replies are small and allocation would dominate. Call {@link #release} after
   * the text is done.
   *
   * @param chars the text's characters, read in place of {@code charAt}
   * @param out where matches go
   */
  static TextScanner of(String text, char[] chars, List<PiiMatch> out) {
    TextScanner t = LOCAL.get();
    t.text = text;
    t.cs = chars;
    t.out = out;
    t.readied = 0; // each matcher is pointed at the text when first used on it (m)
    return t;
  }

  /** Drops the references to the last text, so a large reply is not kept alive by the thread. */
  void release() {
    for (int k = 0; k < readied; k++) {
      ready[k].reset("");
      ready[k] = null;
    }
    readied = 0;
    text = null;
    cs = null;
    out = null;
  }

  /**
   * The matchers pointed at this text so far (at most one per pattern; 17 patterns); the rest read
   * "".
   */
  private final Matcher[] ready = new Matcher[24];

  private int readied;

  private Matcher m(Matcher cached, Pattern p) {
    Matcher x;
    if (cached == null) {
      x = p.matcher(text);
      ready[readied++] = x;
    } else {
      x = cached;
      boolean isReady = false;
      for (int k = 0; k < readied && !isReady; k++) {
        isReady = ready[k] == x;
      }
      if (!isReady) {
        x.reset(text);
        ready[readied++] = x;
      }
    }
    x.useTransparentBounds(true).useAnchoringBounds(false);
    return x;
  }

  /**
   * Scans text[from, to).
   *
   * <p>One pass over the region first counts what the families need, and each runs only where its
   * every match could be (a necessary condition, never a guess; {@link FastPath} and {@code
   * PrefilterTest}): cue words and labelled values (read by {@link #tokenize}, {@link #walkers})
   * everywhere; structured numbers on nine digits, or five and a capital ("RM-0012345"); IBANs on
   * ten digits and a capital; e-mails on an '@'; JWTs on "eyJ"; test results on a result word;
   * names and addresses ({@link ProseNames}) on two letters. Inside a family, a candidate's pattern
   * is tried only where enough digits stand ({@link #digitsJoinedFrom}, {@link #phoneDigits}). A
   * new family states its condition here, or runs everywhere.
   *
   * @param fieldClasses what the field name or column header says the value is; 0 in free text
   */
  void scan(int from, int to, int fieldClasses) {
    this.from = from;
    this.to = to;
    this.fieldClasses = fieldClasses;
    this.outStart = out.size();
    int digits = 0;
    boolean at = false;
    boolean jwtHint = false;
    boolean upper = false;
    int letters = 0; // counted up to two: names and addresses need that many
    for (int i = from; i < to; i++) {
      char c = cs[i];
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '@') {
        at = true;
      } else if (c >= 'a' && c <= 'z') {
        letters++;
        if (c == 'e' && i + 2 < to && cs[i + 1] == 'y' && cs[i + 2] == 'J') {
          jwtHint = true;
        }
      } else if (c >= 'A' && c <= 'Z') {
        letters++;
        upper = true;
      } else if (c > 0x7f && letters < 2 && Character.isLetter(c)) {
        letters++;
      }
    }
    tokenize();
    phrases();
    bankLabels = (fieldClasses & Lexicon.BANK) != 0;
    for (int p = 0; p < phrases && !bankLabels; p++) {
      bankLabels = (phClasses[p] & Lexicon.BANK) != 0;
    }
    walkers();
    if (digits >= 9 || (digits >= 5 && upper)) {
      numbers(); // long numbers, or a record number with its own prefix ("RM-0012345")
    }
    if (digits >= 10 && upper) {
      ibans();
    }
    if (digits >= 2 && upper && (fieldClasses & Lexicon.NOT_PERSONAL) == 0) {
      icdCodes();
    }
    if (digits >= 5 && (fieldClasses & Lexicon.NOT_PERSONAL) == 0) {
      pathRecordNumbers();
    }
    if (at) {
      emails();
    }
    if (jwtHint) {
      jwtMatcher();
    }
    if (results > 0) {
      testResults();
    }
    // Every name ProseNames gives is written like a name (two letters at least, see
    // PersonalDataScanner.personName) and every address holds a street word or a street's name:
    // a region with fewer letters holds neither.
    if (letters >= 2 || !FastPath.on) {
      ProseNames.scan(text, cs, from, to, fieldClasses, out);
    }
  }

  // ------------------------------------------------------------------------- words

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c > 0x7f && Character.isLetter(c));
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private void tokenize() {
    hits = 0;
    results = 0;
    int prevId = -1;
    int prevStart = -1;
    int prevEnd = -1;
    int prev2Id = -1;
    int i = from;
    while (i < to) {
      char c = cs[i];
      if (!letter(c)) {
        i++;
        continue;
      }
      boolean ascii = c < 0x80;
      boolean camel = false;
      int j = i + 1;
      while (j < to) {
        char ch = cs[j];
        if (!letter(ch)) {
          break;
        }
        ascii &= ch < 0x80;
        camel |= ch <= 'Z' && ch >= 'A' && cs[j - 1] >= 'a';
        j++;
      }
      if (j - i > 24 || !ascii) {
        prevId = -1; // no cue word is that long or outside ASCII
        i = j;
        continue;
      }
      int id = Lexicon.id(cs, i, j);
      if (id < 0 && colonAfter(j)) {
        id = Lexicon.ocrId(cs, i, j); // a form's label read from a scan: "Narna :", "NlK :"
      }
      boolean glued =
          (i > 0 && digit(cs[i - 1]))
              || (j < cs.length && digit(cs[j]))
              || (j + 1 < cs.length && (cs[j] == '-' || cs[j] == '/') && digit(cs[j + 1]));
      if (glued && !Lexicon.glueOk(id)) {
        prevId = -1;
        i = j;
        continue;
      }
      boolean adjacent = prevId >= 0 && id >= 0 && joined(prevEnd, i);
      int classes = 0;
      int start = i;
      if (adjacent) {
        int bi = Lexicon.bigram(prevId, id);
        if (bi != 0) {
          classes = bi;
          start = prevStart;
          if (hits > 0 && hitStart[hits - 1] == prevStart) {
            hits--;
          }
          if (results > 0 && resStart[results - 1] == prevStart) {
            results--;
          }
        } else if (id == Lexicon.ID_B && prevId == Lexicon.ID_O && prev2Id == Lexicon.ID_D) {
          classes = BIRTH; // D.O.B.
          start = prevStart - 2;
        }
      }
      if (classes == 0) {
        classes = Lexicon.classes(id);
      }
      if (classes == 0 && camel) {
        classes = camelParts(i, j);
      }
      if ((classes & RESULT) != 0) {
        addResult(start, j);
      } else if (classes != 0) {
        addHit(start, j, classes);
      }
      prev2Id = adjacent ? prevId : -1;
      prevId = id;
      prevStart = i;
      prevEnd = j;
      i = j;
    }
  }

  /** A word like "noHp" or "dateOfBirth": the classes of its camel-case parts. */
  private int camelParts(int i, int j) {
    int classes = 0;
    int k = i;
    for (int x = i + 1; x <= j; x++) {
      if (x == j || (Character.isUpperCase(cs[x]) && Character.isLowerCase(cs[x - 1]))) {
        classes |= Lexicon.classes(Lexicon.id(cs, k, x));
        k = x;
      }
    }
    return classes & ~RESULT;
  }

  /** Whether two words are one expression: only a space, dash, dot or underscore between. */
  private boolean joined(int end, int start) {
    if (start - end > 2) {
      return false;
    }
    for (int k = end; k < start; k++) {
      char c = cs[k];
      if (c != ' ' && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private void addHit(int s, int e, int classes) {
    if (hits == hitStart.length) {
      hitStart = Arrays.copyOf(hitStart, hits * 2);
      hitEnd = Arrays.copyOf(hitEnd, hits * 2);
      hitClasses = Arrays.copyOf(hitClasses, hits * 2);
    }
    hitStart[hits] = s;
    hitEnd[hits] = e;
    hitClasses[hits] = classes;
    hits++;
  }

  private void addResult(int s, int e) {
    if (results == resStart.length) {
      resStart = Arrays.copyOf(resStart, results * 2);
      resEnd = Arrays.copyOf(resEnd, results * 2);
    }
    resStart[results] = s;
    resEnd[results] = e;
    results++;
  }

  /** Groups cue words separated only by label punctuation ("No. HP", "Kartu JKN-KIS:"). */
  private void phrases() {
    phrases = 0;
    for (int h = 0; h < hits; h++) {
      if (phrases > 0
          && labelGap(phEnd[phrases - 1], hitStart[h])
          && !(sentenceBetween(phEnd[phrases - 1], hitStart[h])
              && (hitClasses[h - 1] & MEANINGFUL) != 0)) {
        phEnd[phrases - 1] = hitEnd[h];
        phClasses[phrases - 1] |= hitClasses[h];
        continue;
      }
      if (phrases == phStart.length) {
        phStart = Arrays.copyOf(phStart, phrases * 2);
        phEnd = Arrays.copyOf(phEnd, phrases * 2);
        phClasses = Arrays.copyOf(phClasses, phrases * 2);
      }
      phStart[phrases] = hitStart[h];
      phEnd[phrases] = hitEnd[h];
      phClasses[phrases] = hitClasses[h];
      phrases++;
    }
  }

  private boolean sentenceBetween(int end, int start) {
    return periodBetween(end, start) && Character.isUpperCase(cs[start]);
  }

  /** Whether ". " occurs in text[a, b). */
  private boolean periodBetween(int a, int b) {
    for (int k = a; k + 1 < b; k++) {
      if (cs[k] == '.' && cs[k + 1] == ' ') {
        return true;
      }
    }
    return false;
  }

  private boolean labelGap(int end, int start) {
    if (start - end > 3) {
      return false;
    }
    for (int k = end; k < start; k++) {
      char c = cs[k];
      if (c != ' ' && c != '.' && c != ':' && c != '/' && c != '_' && c != '-' && c != '('
          && c != ')') {
        return false;
      }
    }
    return true;
  }

  private boolean hardStop(int k) {
    char c = cs[k];
    if (c == '\n' || c == '\r' || c == ';' || c == '|' || c == '{' || c == '}' || c == '\t') {
      return true;
    }
    // A sentence ends at ". " before a capitalised word ("...positif. Pasien...").
    return c == '.'
        && k + 3 < to
        && cs[k + 1] == ' '
        && Character.isUpperCase(cs[k + 2])
        && Character.isLowerCase(cs[k + 3]);
  }

  /** Index of the first cue word starting at or after k. */
  private int firstHitFrom(int k) {
    int lo = 0;
    int hi = hits;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (hitStart[mid] < k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Start of the last cue word ending at or before k, or -1. */
  private int lastHitBefore(int k) {
    int best = -1;
    for (int lo = 0, hi = hits - 1; lo <= hi; ) {
      int mid = (lo + hi) >>> 1;
      if (hitEnd[mid] <= k) {
        best = hitStart[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  /** The cue classes of a word starting at k, or 0. */
  private int hitAt(int k) {
    int lo = 0;
    int hi = hits - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (hitStart[mid] < k) {
        lo = mid + 1;
      } else if (hitStart[mid] > k) {
        hi = mid - 1;
      } else {
        return hitClasses[mid];
      }
    }
    return 0;
  }

  // -------------------------------------------------------------- the nearest label

  private int effClasses;
  private boolean effAdjacent;

  /**
   * Finds the label nearest before position s: the closest phrase that says something, if no digit,
   * line break or sentence end stands between and it is at most {@value #WINDOW} characters away;
   * failing that, the field name. Sets {@link #effClasses} and {@link #effAdjacent} (only
   * punctuation between, as in "Invoice: 0812..." or a field's own value).
   */
  private void nearestLabel(int s) {
    effClasses = 0;
    effAdjacent = false;
    int p = lastPhraseBefore(s);
    while (p >= 0 && (phClasses[p] & MEANINGFUL) == 0 && s - phEnd[p] <= WINDOW) {
      p--;
    }
    if (p >= 0 && (phClasses[p] & MEANINGFUL) == 0) {
      return;
    }
    int end = p >= 0 ? phEnd[p] : from;
    int classes = p >= 0 ? phClasses[p] : fieldClasses;
    if (classes == 0 || s - end > WINDOW) {
      return;
    }
    boolean letters = false;
    for (int k = end; k < s; k++) {
      char c = cs[k];
      if (digit(c) || hardStop(k)) {
        return;
      }
      letters |= letter(c);
    }
    effClasses = classes;
    effAdjacent = !letters && s - end <= 4;
  }

  /**
   * Whether the nearest label before s, on its line or the line above with only joiners ("No.",
   * "Nomor") between, says the number is not a person's: a document's heading over its number.
   */
  private boolean negHeading(int s) {
    int p = lastPhraseBefore(s);
    while (p >= 0 && (phClasses[p] & MEANINGFUL) == 0 && s - phEnd[p] <= WINDOW) {
      p--;
    }
    if (p < 0 || (phClasses[p] & NEG) == 0 || s - phEnd[p] > WINDOW) {
      return false;
    }
    int breaks = 0;
    for (int k = phEnd[p]; k < s; k++) {
      char c = cs[k];
      if (c == '\n') {
        breaks++;
      } else if (digit(c) || breaks > 1) {
        return false;
      }
    }
    return breaks == 1;
  }

  private int lastPhraseBefore(int s) {
    int lo = 0;
    int hi = phrases - 1;
    int best = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (phEnd[mid] <= s) {
        best = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ labelled values

  private static final int WALKED =
      PASSPORT | BPJS | MRN | SSN | PHONE | NIK | DIAGNOSIS | BIRTH | ID_ANY | PATIENT_ID;

  private void walkers() {
    walkLabel = -1;
    if ((fieldClasses & WALKED) != 0) {
      walkFrom(from, fieldClasses);
    }
    for (int p = 0; p < phrases; p++) {
      if ((phClasses[p] & WALKED) != 0) {
        walkLabel = phStart[p];
        walkFrom(phEnd[p], phClasses[p]);
      }
    }
  }

  /** Start of the label phrase being walked from, or -1 for a field name. */
  private int walkLabel;

  private static final int[] WALK_ORDER = {
    PATIENT_ID, ID_ANY, NIK, PASSPORT, BPJS, SSN, MRN, PHONE, DIAGNOSIS, BIRTH
  };

  private void walkFrom(int start, int classes) {
    int last = hitAt(lastHitBefore(start));
    if (start > from && (last & Lexicon.OBJECT) != 0 && (last & Lexicon.PERSON) == 0) {
      // "Telp RS", "hospital phone": an organisation's number, not a person's.
      classes &= ~PHONE;
    }
    // One value follows a label; when a label names several types ("BPJS card"), each is tried.
    for (int cls : WALK_ORDER) {
      if ((classes & cls) != 0) {
        walk(cls, classes, start);
      }
    }
  }

  /**
   * Looks for the value of one labelled type in the first value after the label at start; failing
   * that, when the label is a form's cell with nothing after it on its line, in the cell under it
   * on the next line ({@link IdentityForms#cellBelow}): scanned ID cards and passports print a
   * label over its value ("Tanggal Lahir/Date of Birth" over "17 AGT 1985").
   */
  private void walk(int cls, int label, int start) {
    int before = out.size();
    walk(cls, label, start, Math.min(to, start + (cls == DIAGNOSIS ? 64 : 48)));
    // Only the identity card's and passport's own fields are looked for under their label.
    if (out.size() == before && walkLabel >= 0 && (cls & (BIRTH | PASSPORT | NIK)) != 0) {
      long cell = IdentityForms.cellBelow(cs, from, to, walkLabel, start);
      if (cell >= 0) {
        walk(cls, label, (int) (cell >>> 32), (int) cell);
      }
    }
  }

  private void walk(int cls, int label, int start, int limit) {
    boolean lenient = cls == DIAGNOSIS || cls == BIRTH;
    int maxWords = lenient ? 8 : 4;
    int accepted = label | NEUTRAL;
    int words = 0;
    int p = start;
    boolean first = true;
    while (true) {
      while (p < to && skippable(cs[p])) {
        // The period right after a label abbreviates it ("D.O.B. October 2", "Tgl. Lahir").
        if (hardStop(p) && !(first && cs[p] == '.')) {
          return;
        }
        p++;
      }
      first = false;
      if (p >= limit) {
        return;
      }
      if (p > from && letterOrDigit(cs[p - 1])) {
        // Inside a token: move to its end.
        p = Math.max(tokenEnd(p), p + 1);
        continue;
      }
      int end = value(cls, p);
      if (end > 0) {
        listFrom(cls, end);
        return;
      }
      int q = tokenEnd(p);
      boolean hasDigit = false;
      for (int k = p; k < q; k++) {
        hasDigit |= digit(cs[k]);
      }
      if (hasDigit && !lenient) {
        return;
      }
      int cue = hitAt(p) & MEANINGFUL;
      if (cue != 0 && (cue & ~accepted) != 0) {
        int stops = cls == DIAGNOSIS ? (NUMBER_TYPES | BIRTH | NEG | EMAIL) : ~accepted;
        if ((cue & stops & ~accepted) != 0) {
          return;
        }
      }
      if (++words > maxWords) {
        return;
      }
      p = Math.max(q, p + 1);
    }
  }

  /** Values listed after the first: "J18.9, U07.1", "J18.9 dan I10". */
  private void listFrom(int cls, int end) {
    if (cls == DIAGNOSIS) {
      diagnosisLine(end);
      return;
    }
    if (cls != PHONE && cls != PASSPORT && cls != MRN) {
      return;
    }
    int p = end;
    for (int n = 0; n < 8; n++) {
      int q = p;
      while (q < to && (cs[q] == ' ' || cs[q] == ')' || cs[q] == ']')) {
        q++;
      }
      if (q < to && (cs[q] == ',' || cs[q] == '/' || cs[q] == '&')) {
        q++;
      } else if (text.startsWith("dan ", q) || text.startsWith("and ", q)) {
        q += 4;
      } else if (text.startsWith("atau ", q)) {
        q += 5;
      } else {
        return;
      }
      while (q < to && cs[q] == ' ') {
        q++;
      }
      int e = q < to ? value(cls, q) : -1;
      if (e < 0) {
        return;
      }
      p = e;
    }
  }

  /**
   * The rest of a diagnosis line: a line that gave one ICD-10 code lists the others with their
   * descriptions ("J18.9 Pneumonia, sekunder E11.9", "COVID-19 (U07.1); Hipertensi (I10)",
   * "A91#E11.9"); each code written as a token of its own is one, until the line ends or a label of
   * another kind begins.
   */
  private void diagnosisLine(int end) {
    int limit = Math.min(to, end + 200);
    int p = Math.max(end, from + 1);
    while (p < limit) {
      char c = cs[p];
      if (c == '\n' || c == '\r' || (c == '.' && (p + 1 >= to || cs[p + 1] == ' '))) {
        return; // the line or the sentence ends
      }
      if (c >= 'A' && c <= 'Z' && p + 2 < to && digit(cs[p + 1]) && codeStart(p)) {
        int cue = hitAt(p) & MEANINGFUL;
        if ((cue & (NUMBER_TYPES | BIRTH | NEG | EMAIL)) != 0) {
          return;
        }
        int e = value(DIAGNOSIS, p);
        if (e > 0) {
          p = e;
          continue;
        }
      } else if (letter(c) && !letterOrDigit(cs[p - 1]) && hitAt(p) != 0) {
        int cue = hitAt(p) & MEANINGFUL;
        if ((cue & (NUMBER_TYPES | BIRTH | NEG | EMAIL | TEST | TEST_WEAK)) != 0) {
          return;
        }
      }
      p++;
    }
  }

  /** A code standing as a token of its own: after a space, bracket or list separator. */
  private boolean codeStart(int p) {
    if (p == from) {
      return true;
    }
    char b = cs[p - 1];
    return b == ' ' || b == '(' || b == '[' || b == '#' || b == ',' || b == ';' || b == '/'
        || b == ':' || b == '\t' || b == '"' || b == '=';
  }

  private static boolean skippable(char c) {
    return c == ' '
        || c == ':'
        || c == '='
        || c == '#'
        || c == '.'
        || c == ','
        || c == '-'
        || c == '('
        || c == ')'
        || c == '\''
        || c == '"'
        || c == '/'
        || c == '*'
        || c == '['
        || c == ']'
        || c == '\u00a0'
        || c == '\n'
        || c == '\r'
        || c == '\t'
        || c == ';'
        || c == '|'
        || c == '{'
        || c == '}';
  }

  private static boolean letterOrDigit(char c) {
    return digit(c) || letter(c);
  }

  private int tokenEnd(int p) {
    int q = p;
    while (q < to) {
      char c = cs[q];
      if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"'
          || c == '|' || c == '\n' || c == '\r' || c == '\t') {
        break;
      }
      // A key=value pair ends the key at '=' ("icd10=U07.2"), unless it is base64 padding.
      if (c == '=' && q + 1 < to && cs[q + 1] != '=' && !skippable(cs[q + 1])) {
        break;
      }
      if (c == '.' && (q + 1 >= to || cs[q + 1] == ' ')) {
        break;
      }
      q++;
    }
    return q;
  }

  /** Tries the type's value at p; emits it and returns its end, or -1. */
  private int value(int cls, int p) {
    switch (cls) {
      case PATIENT_ID:
        {
          int e = nikAt(p, 0.9);
          if (e > 0) {
            return e;
          }
          if (text.startsWith("RM", p) || text.startsWith("MR", p)) {
            e = mrnAt(p); // rekam medis, medical record
            if (e > 0) {
              return emit(PiiType.MEDICAL_RECORD_NUMBER, p, e, 0.85);
            }
          }
          e = lookingAt(passportLettered = m(passportLettered, PASSPORT_LETTERED), p);
          if (e > 0) {
            return emit(PiiType.PASSPORT, p, e, 0.85);
          }
          e = mrnAt(p);
          return e > 0 ? emit(PiiType.MEDICAL_RECORD_NUMBER, p, e, 0.8) : -1;
        }
      case ID_ANY:
        {
          int e = nikAt(p, 0.95);
          if (e > 0) {
            return e;
          }
          e = lookingAt(passportLettered = m(passportLettered, PASSPORT_LETTERED), p);
          return e > 0 ? emit(PiiType.PASSPORT, p, e, 0.85) : -1;
        }
      case NIK:
        {
          int e = nikAt(p, 0.95);
          if (e < 0) {
            e = IdentityForms.misreadNik(cs, p, to);
            if (e > 0) {
              emit(PiiType.NIK, p, e, 0.85);
            }
          }
          return e;
        }
      case PASSPORT:
        {
          int e = lookingAt(passportValue = m(passportValue, PASSPORT_VALUE), p);
          return e > 0 ? emit(PiiType.PASSPORT, p, e, 0.9) : -1;
        }
      case BPJS:
        {
          int e = lookingAt(bpjsValue = m(bpjsValue, BPJS_VALUE), p);
          return e > 0 ? emit(PiiType.BPJS, p, e, 0.9) : -1;
        }
      case SSN:
        {
          int e = lookingAt(ssnValue = m(ssnValue, SSN_VALUE), p);
          if (e > 0 && Checksums.ssn(digitsOf(p, e))) {
            return emit(PiiType.SSN, p, e, 0.95);
          }
          return -1;
        }
      case MRN:
        {
          int e = mrnAt(p);
          return e > 0 ? emit(PiiType.MEDICAL_RECORD_NUMBER, p, e, 0.9) : -1;
        }
      case PHONE:
        {
          // A mobile or international prefix in parentheses opens the number ("(0812) 3456 7890",
          // "(+62) 812..."); an area code so written is a landline's, most often an office's.
          if (p > from && cs[p - 1] == '(' && (cs[p] == '+' || text.startsWith("08", p))) {
            p--;
          }
          int e = lookingAt(idPhone = m(idPhone, ID_PHONE), p);
          if (e > 0) {
            return emit(PiiType.PHONE, p, e, 0.95);
          }
          e = lookingAt(anyPhone = m(anyPhone, ANY_PHONE), p);
          if (e > 0) {
            int n = digitsOf(p, e).length();
            if (n >= 8 && n <= 15) {
              return emit(PiiType.PHONE, p, e, 0.9);
            }
          }
          return -1;
        }
      case DIAGNOSIS:
        {
          int e = lookingAt(icdValue = m(icdValue, ICD_VALUE), p);
          return e > 0 ? emit(PiiType.DIAGNOSIS, p, e, 0.9) : -1;
        }
      case BIRTH:
        {
          int e = dateAt(p);
          return e > 0 ? emit(PiiType.BIRTH_DATE, p, e, 0.9) : -1;
        }
      default:
        return -1;
    }
  }

  private int lookingAt(Matcher x, int p) {
    x.region(p, to);
    return x.lookingAt() ? x.end() : -1;
  }

  private int nikAt(int p, double confidence) {
    int e = lookingAt(nikValue = m(nikValue, NIK_VALUE), p);
    if (e > 0 && Nik.isValid(digitsOf(p, e))) {
      return emit(PiiType.NIK, p, e, confidence);
    }
    return -1;
  }

  private int mrnAt(int p) {
    int e = lookingAt(mrnValue = m(mrnValue, MRN_VALUE), p);
    if (e < 0) {
      return -1;
    }
    int n = digitsOf(p, e).length();
    // A date after the label ("rekam medis diperbarui 2021-12-14") is no record number; a
    // six-digit number written 12.34.56 is one even if it also reads as a date, and so are eight
    // digits without separators ("27121920"): dates in prose are written with them.
    if (n < 5 || n > 15 || (n == 8 && e - p > n && dateAt(p, false) == e)) {
      return -1;
    }
    return e;
  }

  private int dateAt(int p) {
    return dateAt(p, true);
  }

  /** End of a plausible calendar date at p (a birth date when {@code birth}), or -1. */
  private int dateAt(int p, boolean birth) {
    if (FastPath.on && !mayOpenDate(p)) {
      return -1;
    }
    Matcher x = dateValue = m(dateValue, DATE_VALUE);
    x.region(p, to);
    if (!x.lookingAt()) {
      return -1;
    }
    int y;
    int mo;
    int d;
    if (x.group(1) != null) {
      y = Integer.parseInt(x.group(1));
      mo = Integer.parseInt(x.group(2));
      d = Integer.parseInt(x.group(3));
    } else if (x.group(4) != null) {
      d = Integer.parseInt(x.group(4));
      mo = Integer.parseInt(x.group(5));
      y = Integer.parseInt(x.group(6));
      if (mo > 12 && d <= 12) {
        int t = d; // a US date, MM/DD/YYYY
        d = mo;
        mo = t;
      }
      if (x.group(6).length() == 2) {
        y += y > 30 ? 1900 : 2000;
      }
    } else if (x.group(7) != null) {
      d = Integer.parseInt(x.group(7));
      mo = month(x.group(8));
      y = Integer.parseInt(x.group(9));
    } else if (x.group(10) != null) {
      mo = month(x.group(10));
      d = Integer.parseInt(x.group(11));
      y = Integer.parseInt(x.group(12));
    } else if (x.group(13) != null) {
      y = Integer.parseInt(x.group(13));
      mo = Integer.parseInt(x.group(14));
      d = Integer.parseInt(x.group(15));
    } else if (x.group(16) != null) {
      d = Integer.parseInt(x.group(16)); // DDMMYYYY, as Indonesian forms write it compactly
      mo = Integer.parseInt(x.group(17));
      y = Integer.parseInt(x.group(18));
    } else {
      d = Integer.parseInt(x.group(19));
      mo = Integer.parseInt(x.group(21));
      y = Integer.parseInt(x.group(22));
    }
    if (birth && (y < 1890 || Years.future(y))) {
      return -1;
    }
    try {
      lastDate = LocalDate.of(y, mo, d);
    } catch (DateTimeException e) {
      return -1;
    }
    return x.end();
  }

  /**
   * Whether a date of {@link #DATE_VALUE} can start at p, by its first characters: a date that
   * opens with digits opens with one or two (day or month) followed by a separator, a space or a
   * month's letters, with four (a year) followed by a separator, or with eight (a compact date). A
   * run of any other length, or one followed by anything else, opens no date. Text that opens with
   * no digit is left to the pattern.
   */
  private boolean mayOpenDate(int p) {
    if (p >= to || !digit(cs[p])) {
      return true;
    }
    int q = p + 1;
    while (q < to && digit(cs[q])) {
      q++;
    }
    int n = q - p;
    if (n == 8) {
      return true;
    }
    if (q >= to || (n != 1 && n != 2 && n != 4)) {
      return false;
    }
    char c = cs[q];
    if (c == '-' || c == '/' || c == '.') {
      return true;
    }
    return n != 4 && (c == ' ' || c == '\u2013' || c == '\u2014' || Character.isLetter(c));
  }

  /** The date {@link #dateAt} read last. */
  private LocalDate lastDate;

  /**
   * The rest of a free-text line holding a NIK at [s, e), as a family card's member row reads when
   * a scan loses its columns ("1 AHMAD SUBAGYO 3201011505780003 LAKI-LAKI BOGOR 15-05-1978 ..."): a
   * date on the line that is the birth date the NIK encodes (DDMMYY, 40 added to a woman's day) is
   * that person's birth date; the capitalised words between the row's number and the NIK are the
   * person's name ({@link IdentityForms#memberName}), the card's column order being No, Nama
   * Lengkap, NIK.
   */
  private void nikLine(int s, int e, String nik) {
    int ls = s;
    while (ls > from && cs[ls - 1] != '\n' && s - ls < 120) {
      ls--;
    }
    int le = e;
    while (le < to && cs[le] != '\n' && cs[le] != '\r' && le - e < 160) {
      le++;
    }
    int day = Integer.parseInt(nik.substring(6, 8)) % 40;
    int month = Integer.parseInt(nik.substring(8, 10));
    int yy = Integer.parseInt(nik.substring(10, 12));
    boolean dated = false;
    for (int p = ls; p < le && !dated; p++) {
      if (!digit(cs[p]) || (p > ls && letterOrDigit(cs[p - 1])) || (p >= s && p < e)) {
        continue;
      }
      int de = dateAt(p);
      if (de > 0 && de <= le) {
        if (lastDate.getDayOfMonth() == day
            && lastDate.getMonthValue() == month
            && lastDate.getYear() % 100 == yy) {
          emit(PiiType.BIRTH_DATE, p, de, 0.85);
          dated = true;
        }
        p = de;
      }
    }
    if (dated) {
      IdentityForms.memberName(text, cs, ls, s, out);
    }
  }

  private static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT);
    String[] starts = {
      "jan", "feb", "mar", "apr", "mei", "jun", "jul", "ag", "sep", "o", "nov", "d"
    };
    if (m.startsWith("may")) {
      return 5;
    }
    if (m.startsWith("au")) {
      return 8;
    }
    for (int i = 0; i < starts.length; i++) {
      if (m.startsWith(starts[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  private String digitsOf(int s, int e) {
    StringBuilder b = new StringBuilder(e - s);
    for (int k = s; k < e; k++) {
      char c = cs[k];
      if (digit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private int emit(PiiType type, int s, int e, double confidence) {
    out.add(new PiiMatch(type, s, e, confidence));
    return e;
  }

  // ------------------------------------------------------------------ structured values

  /**
   * NIKs, cards, phones and dashed SSNs. Candidates start at a digit, "+" or "(" that is not glued
   * to a preceding token (a URL escape such as "%7C" does not glue); the patterns are tried only
   * there, which keeps the scan linear.
   */
  private void numbers() {
    int skip = from;
    for (int i = from; i < to; i++) {
      char c = cs[i];
      if (c == 'R' && i >= skip && (freeStart(i) || cs[i - 1] == '/' || cs[i - 1] == '=')) {
        int rm = prefixedRecordNumberAt(i);
        if (rm > 0) {
          skip = rm;
        }
        continue;
      }
      if (i < skip || !(digit(c) || c == '+' || c == '(') || !(freeStart(i) || pathStart(i))) {
        continue;
      }
      // Cheap first-character tests before any pattern: a long number opens with three digits,
      // a dashed SSN has its dash fourth, a mobile number opens with 0, 6, + or (.
      int end = -1;
      if (bankLabels && digit(c) && i + 1 < to && digit(cs[i + 1])) {
        int bank = bankAccountAt(i);
        if (bank > 0) {
          skip = bank;
          continue;
        }
      }
      if (digit(c) && i + 2 < to && digit(cs[i + 1]) && cs[i + 2] == '.') {
        end = Math.max(end, dottedNpwpAt(i));
      }
      if (digit(c) && i + 2 < to && digit(cs[i + 1]) && digit(cs[i + 2])) {
        end = Math.max(end, longNumberAt(i));
        if (i + 3 < to && cs[i + 3] == '-') {
          end = Math.max(end, dashedSsnAt(i));
        }
      }
      if (c == '0' || c == '6' || c == '+' || c == '(') {
        end = Math.max(end, phoneAt(i));
      }
      if (end > 0) {
        skip = end;
      }
    }
  }

  /**
   * ICD-10 codes written without a label in free text: a code with its subcategory ("J18.9",
   * "A15.0", "U07.1": a capital, two digits, a period and one or two characters) is specific enough
   * to stand alone; a code of three characters only in brackets after words, as a description's
   * code is written ("TB paru (A15)", "DBD (A91)"). A label that says the token is something else
   * (a room, a version, an order) keeps it out. Each code found opens a diagnosis line, so the
   * codes listed after it are read too ("J18.9 + E11.9").
   */
  private void icdCodes() {
    int skip = from;
    for (int i = from; i + 2 < to; i++) {
      char c = cs[i];
      if (i < skip || c < 'A' || c > 'Z' || !digit(cs[i + 1]) || !digit(cs[i + 2])) {
        continue;
      }
      if (i > from && !codeStart(i) && cs[i - 1] != '+') {
        continue;
      }
      int e = i + 3;
      boolean sub = e + 1 < to && cs[e] == '.' && letterOrDigit(cs[e + 1]);
      if (sub) {
        e += 2;
        if (e < to && letterOrDigit(cs[e])) {
          e++;
        }
        if (e < to && cs[e] == '.' && e + 1 < to && digit(cs[e + 1])) {
          continue; // "A12.3.4": a version or a section number
        }
      } else if (!(i > from + 1
          && cs[i - 1] == '('
          && e < to
          && cs[e] == ')'
          && letter(cs[i - 2 - (cs[i - 2] == ' ' ? 1 : 0)]))) {
        continue;
      }
      if (e < to
          && (letterOrDigit(cs[e])
              || cs[e] == '-'
              || cs[e] == '/' && e + 1 < to && letterOrDigit(cs[e + 1]))) {
        continue;
      }
      if (covered(i, e)) {
        skip = e;
        continue;
      }
      nearestLabel(i);
      if ((effAdjacent
              && (effClasses & DIAGNOSIS) == 0
              && (effClasses & (NUMBER_TYPES | NEG | BIRTH | EMAIL)) != 0)
          || PLACE_WORDS.contains(wordBefore(i))) {
        skip = e;
        continue;
      }
      emit(PiiType.DIAGNOSIS, i, e, 0.8);
      diagnosisLine(e);
      skip = e;
    }
  }

  /**
   * Record numbers in a URL's path: the segment after one that names the record or the patient in
   * lower case, as REST paths are written ("/rm/0012345", "/rekam-medis/00-12-34-56",
   * "/api/pasien/RM-0012345/hasil"), the value being the whole segment. A FHIR resource's id after
   * "Patient/" (a resource type, capitalised) is the server's, not the record number.
   */
  private void pathRecordNumbers() {
    for (int i = from; i < to; i++) {
      if (cs[i] != '/') {
        continue;
      }
      int a = i + 1;
      int b = a;
      while (b < to && b - a <= 16 && (letter(cs[b]) || cs[b] == '-' || cs[b] == '_')) {
        b++;
      }
      if (b == a || b >= to || cs[b] != '/' || !PATH_RECORDS.contains(pathWord(a, b))) {
        continue;
      }
      int v = b + 1;
      int w = v;
      while (w < to && w - v <= 24 && segmentChar(cs[w])) {
        w++;
      }
      if (w == v
          || (w < to && !(cs[w] == '/' || cs[w] == '?' || cs[w] == '#' || !segmentChar(cs[w])))) {
        continue;
      }
      if (covered(v, w)) {
        continue;
      }
      Matcher x = mrnValue = m(mrnValue, MRN_VALUE);
      x.region(v, w);
      x.useTransparentBounds(false);
      boolean whole = x.lookingAt() && x.end() == w;
      x.useTransparentBounds(true);
      int n = digitsOf(v, w).length();
      if (whole && n >= 5 && n <= 15) {
        emit(PiiType.MEDICAL_RECORD_NUMBER, v, w, 0.8);
      }
      i = w - 1;
    }
  }

  private static boolean segmentChar(char c) {
    return letterOrDigit(c) || c == '-' || c == '.' || c == '_';
  }

  /** A path segment's word, lower case, without '-' and '_'. */
  private String pathWord(int a, int b) {
    StringBuilder w = new StringBuilder(b - a);
    for (int k = a; k < b; k++) {
      if (cs[k] != '-' && cs[k] != '_') {
        w.append(cs[k]);
      }
    }
    return w.toString();
  }

  /** Path segments that name a patient's record: the next segment is its number. */
  private static final java.util.Set<String> PATH_RECORDS =
      java.util.Set.of(
          "rm",
          "mrn",
          "norm",
          "nomr",
          "medrec",
          "rekammedis",
          "rekmed",
          "emr",
          "pasien",
          "patient",
          "patients");

  /** Words before a code that make it a room, a version or a section: "kamar A12.3", "v A1.2". */
  private static final java.util.Set<String> PLACE_WORDS =
      java.util.Set.of(
          "kamar", "ruang", "ruangan", "bed", "bangsal", "lantai", "gedung", "room", "ward",
          "floor", "seat", "kursi", "versi", "version", "v", "build", "rilis", "release", "pasal",
          "bab", "section", "blok", "block", "no", "nomor", "unit", "gate", "loket");

  /** The word (lower case) just before the token at i, across one space, or "". */
  private String wordBefore(int i) {
    int e = i;
    while (e > from && e > i - 3 && (cs[e - 1] == ' ' || cs[e - 1] == '(' || cs[e - 1] == ':')) {
      e--;
    }
    int s = e;
    while (s > from && e - s < 12 && letter(cs[s - 1])) {
      s--;
    }
    return s == e ? "" : text.substring(s, e).toLowerCase(java.util.Locale.ROOT);
  }

  /** Where this range's findings start in {@link #out}. */
  private int outStart;

  /** Whether a finding of this range already covers any of [s, e). */
  private boolean covered(int s, int e) {
    for (int k = outStart, n = out.size(); k < n; k++) {
      PiiMatch m = out.get(k);
      if (m.start() < e && s < m.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A record number written with its own prefix, "RM-0012345" or "RM.2023.0001234" (RM: rekam
   * medis): a medical record number without a label, unless a label says it is something else.
   */
  private int prefixedRecordNumberAt(int i) {
    if (i + 7 >= to || cs[i + 1] != 'M' || !(cs[i + 2] == '-' || cs[i + 2] == '.')) {
      return -1;
    }
    if (!digit(cs[i + 3])) {
      return -1;
    }
    int e = mrnAt(i);
    if (e < 0 || digitsOf(i, e).length() < 5) {
      return -1;
    }
    nearestLabel(i);
    if (effAdjacent && (effClasses & (NEG | (NUMBER_TYPES & ~MRN))) != 0) {
      return e;
    }
    return emit(PiiType.MEDICAL_RECORD_NUMBER, i, e, 0.75);
  }

  /** Whether a colon follows position j after at most a few spaces: j ends a form's label. */
  private boolean colonAfter(int j) {
    int k = j;
    while (k < to && k - j < 8 && cs[k] == ' ') {
      k++;
    }
    return k < to && cs[k] == ':';
  }

  /**
   * A number opening a URL's path segment after a word ("wa.me/6281234567890",
   * "/pasien/3174055708900001") or set in chat italics ("_081234567890_"): a value of its own.
   */
  private boolean pathStart(int i) {
    if (i < from + 2) {
      return false;
    }
    char p = cs[i - 1];
    if (p == '/') {
      return letter(cs[i - 2]);
    }
    return p == '_' && (i - 1 == from || cs[i - 2] == ' ' || cs[i - 2] == '\n');
  }

  private boolean freeStart(int i) {
    if (i == 0) {
      return true;
    }
    char p = cs[i - 1];
    if (!letterOrDigit(p) && p != '+' && p != '.' && p != '/' && p != '-' && p != '_' && p != '%') {
      return true;
    }
    return i >= 3 && cs[i - 3] == '%' && hex(cs[i - 2]) && hex(p);
  }

  private static boolean hex(char c) {
    return digit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
  }

  /**
   * An NPWP written as the tax office writes it, starting at s: the shape alone says what it is. An
   * institution's (first two digits 00 to 03: government, companies) is decided but not personal;
   * so is one a label says is an order or invoice number.
   */
  private int dottedNpwpAt(int s) {
    Matcher x = npwpDotted = m(npwpDotted, NPWP_DOTTED);
    x.region(s, to);
    if (!x.lookingAt()) {
      return -1;
    }
    nearestLabel(s);
    if (effAdjacent && (effClasses & NEG) != 0 && (effClasses & Lexicon.NPWP) == 0) {
      return x.end();
    }
    if (institutionalNpwp(digitsOf(s, x.end()))) {
      return x.end();
    }
    return emit(PiiType.NPWP, s, x.end(), (effClasses & Lexicon.NPWP) != 0 ? 0.95 : 0.85);
  }

  /** A bank account number a label names ("No. Rek", "rekening BCA"), starting at s; or -1. */
  private int bankAccountAt(int s) {
    if (FastPath.on && digitsJoinedFrom(s, true) < 10) {
      return -1; // the pattern's digits are among these: too few for an account either way
    }
    Matcher x = bankAccount = m(bankAccount, BANK_ACCOUNT);
    x.region(s, to);
    if (!x.lookingAt()) {
      return -1;
    }
    int n = digitsOf(s, x.end()).length();
    if (n < 10 || n > 16) {
      return -1;
    }
    nearestLabel(s);
    if ((effClasses & Lexicon.BANK) == 0
        || (effClasses & (NUMBER_TYPES & ~Lexicon.BANK)) != 0
        || (effAdjacent && (effClasses & NEG) != 0)) {
      return -1;
    }
    return emit(PiiType.BANK_ACCOUNT, s, x.end(), 0.9);
  }

  /**
   * Digits from s on, in groups joined by single separators (space, dash, and period when {@code
   * period}): every digit a number written in such groups starting at s can hold.
   */
  private int digitsJoinedFrom(int s, boolean period) {
    int n = 0;
    for (int k = s; k < to; k++) {
      char c = cs[k];
      if (digit(c)) {
        n++;
      } else if (!((c == ' ' || (c == '.' && period) || c == '-')
          && k + 1 < to
          && digit(cs[k + 1]))) {
        break;
      }
    }
    return n;
  }

  /**
   * A 15-digit NPWP whose first two digits say the taxpayer is no person: 00 for government
   * treasurers, 01 to 03 for companies and other bodies (04 to 09 are people).
   */
  static boolean institutionalNpwp(String digits) {
    return digits.length() == 15 && digits.charAt(0) == '0' && digits.charAt(1) <= '3';
  }

  /** A NIK or card number starting at s: the end of what was decided, or -1. */
  private int longNumberAt(int s) {
    if (FastPath.on && digitsJoinedFrom(s, false) < 12) {
      return -1; // fewer than 12 digits: no NIK, card or BPJS number, whatever the pattern says
    }
    Matcher x = longNumber = m(longNumber, LONG_NUMBER);
    x.region(s, to);
    if (!x.lookingAt()) {
      return -1;
    }
    int e = x.end();
    String sep = x.group(1);
    // Groups may run into the next number ("5212 3456 7890 1234 2021"): drop trailing groups
    // until a number is decided or too few digits are left.
    while (!longNumber(s, e)) {
      if (sep == null) {
        return -1;
      }
      int cut = text.lastIndexOf(sep.charAt(0), e - 1);
      if (cut <= s || digitsOf(s, cut).length() < 12) {
        return -1;
      }
      e = cut;
    }
    return e;
  }

  /** Decides one candidate; true when it was taken as a NIK or a card, or as an order number. */
  private boolean longNumber(int s, int e) {
    String d = digitsOf(s, e);
    if (d.length() < 12 || d.length() > 19) {
      return false;
    }
    boolean grouped = d.length() != e - s;
    if (grouped && !consistentGroups(s, e)) {
      return false;
    }
    nearestLabel(s);
    if (effAdjacent && (effClasses & NEG) != 0 && (effClasses & (NIK | CARD)) == 0) {
      return true;
    }
    boolean nikLabel = (effClasses & (NIK | ID_ANY | PATIENT_ID)) != 0;
    boolean cardLabel = (effClasses & CARD) != 0;
    if ((effClasses & Lexicon.NPWP) != 0 && !nikLabel && !cardLabel) {
      // A label says NPWP: 15 digits, or since 2024 a person's NIK serving as the NPWP.
      // Since 2024 an NPWP has 16 digits: a person's NIK, or 0 before the 15 digits of an
      // older NPWP.
      boolean padded = d.length() == 16 && d.charAt(0) == '0';
      if (d.length() == 15 || (d.length() == 16 && (Nik.isValid(d) || padded))) {
        if (!institutionalNpwp(padded ? d.substring(1) : d)) {
          emit(PiiType.NPWP, s, e, 0.9);
        }
        return true;
      }
    }
    if (d.length() == 13 && !grouped && d.startsWith("000")) {
      // A JKN-KIS card number: 13 digits, the first three zeros (BPJS Kesehatan's numbering),
      // distinctive enough without a label, unless a field or label says it is something else.
      int said = effAdjacent ? effClasses : 0;
      said |= fieldClasses;
      // An insurance field ("no_asuransi", <asuransi><nomor>) says BPJS though the insurer
      // itself is an organisation.
      boolean insured = (said & BPJS) != 0 && (said & ((NUMBER_TYPES & ~BPJS) | NEG)) == 0;
      if (insured || (said & ((NUMBER_TYPES & ~BPJS) | Lexicon.OBJECT | NEG)) == 0) {
        emit(PiiType.BPJS, s, e, 0.75);
      }
      return true;
    }
    boolean otherLabel = (effClasses & (NUMBER_TYPES & ~NIK & ~CARD)) != 0;
    boolean card = Checksums.luhn(d) && Checksums.cardRange(d);
    if (d.length() == 16 && Nik.isValid(d) && !nikLabel && negHeading(s)) {
      return true; // "KARTU KELUARGA" over "No. 3174...": the family card's own number
    }
    if (d.length() == 16 && Nik.isValid(d)) {
      // A NIK can pass Luhn too: it is a card only when a label says card, or when written in
      // groups as cards are and nothing says NIK; written that way it is no NIK either way.
      boolean cardLike = !nikLabel && (cardLabel || grouped);
      if (!cardLike && !(otherLabel && !nikLabel)) {
        emit(PiiType.NIK, s, e, nikLabel ? 0.95 : 0.8);
        if (fieldClasses == 0 && !grouped) {
          nikLine(s, e, d);
        }
        return true;
      }
    } else if (d.length() == 16 && !grouped && (fieldClasses & NIK) != 0 && effAdjacent) {
      emit(PiiType.NIK, s, e, 0.6); // a "nik" field holding 16 digits, even mistyped
      return true;
    }
    if (card && !(otherLabel && !cardLabel) && !(nikLabel && !cardLabel)) {
      emit(PiiType.PAYMENT_CARD, s, e, cardLabel ? 0.95 : 0.85);
      return true;
    }
    return false;
  }

  /** Digit groups joined by one kind of separator, each of three to six digits. */
  private boolean consistentGroups(int s, int e) {
    char sep = 0;
    int run = 0;
    for (int k = s; k < e; k++) {
      char c = cs[k];
      if (digit(c)) {
        run++;
        continue;
      }
      if (sep == 0) {
        sep = c;
      } else if (c != sep) {
        return false;
      }
      if (run < 3 || run > 6) {
        return false;
      }
      run = 0;
    }
    return run >= 1 && run <= 6;
  }

  /** An Indonesian mobile number starting at s, unless a label says it is something else. */
  private int phoneAt(int s) {
    if (FastPath.on && !phoneDigits(s)) {
      return -1;
    }
    Matcher x = idPhone = m(idPhone, ID_PHONE);
    x.region(s, to);
    int end;
    if (x.lookingAt()) {
      end = x.end();
    } else if (cs[s] == '+' && !text.startsWith("+62", s)) {
      // A number in international form: the plus and a country code make it a phone whatever
      // the country ("+44 7700 900123", "+1 555 123 4567"); E.164 allows 15 digits at most.
      x = intlPhone = m(intlPhone, INTL_PHONE);
      x.region(s, to);
      if (!x.lookingAt()) {
        return -1;
      }
      end = x.end();
      int n = digitsOf(s, end).length();
      if (n < 10 || n > 15) {
        return -1;
      }
    } else {
      return -1;
    }
    nearestLabel(s);
    if (effAdjacent && (effClasses & NEG) != 0 && (effClasses & PHONE) == 0) {
      return end; // an invoice or order number shaped like a phone
    }
    if ((fieldClasses & Lexicon.NOT_PERSONAL) != 0 && s - from <= 4) {
      return end; // the number of the organisation whose record this is
    }
    boolean phoneLabel = (effClasses & PHONE) != 0;
    if (!phoneLabel && (effClasses & ((NUMBER_TYPES & ~CARD) | ID_ANY | PATIENT_ID)) != 0) {
      return -1; // labelled as another number
    }
    // "%2B62..." is "+62..." in a URL.
    boolean encodedPlus =
        s >= 3 && cs[s - 3] == '%' && cs[s - 2] == '2' && (cs[s - 1] | 0x20) == 'b';
    if (text.startsWith("62", s) && !phoneLabel && !encodedPlus) {
      return -1; // "62..." alone is any number; the plus or a label makes it a phone
    }
    return emit(PiiType.PHONE, s, end, phoneLabel ? 0.95 : 0.8);
  }

  /**
   * Whether the characters from s that a mobile number is written with (digits, space, period,
   * dash, brackets, plus) hold the ten digits every Indonesian mobile number has (0 8xx and six
   * more at least), within the 29 characters the longest such number takes ("+62 (0) 8xx" and nine
   * digits each after a separator).
   */
  private boolean phoneDigits(int s) {
    int n = 0;
    for (int k = s; k < to && k - s < 32; k++) {
      char c = cs[k];
      if (digit(c)) {
        if (++n >= 10) {
          return true;
        }
      } else if (c != ' '
          && c != '.'
          && c != '-'
          && c != '\u2013'
          && c != '('
          && c != ')'
          && c != '+') {
        return false;
      }
    }
    return false;
  }

  /** A dashed US SSN starting at s that the SSA could have issued. */
  private int dashedSsnAt(int s) {
    Matcher x = ssnDashed = m(ssnDashed, SSN_DASHED);
    x.region(s, to);
    if (!x.lookingAt() || !Checksums.ssn(digitsOf(s, x.end()))) {
      return -1;
    }
    nearestLabel(s);
    boolean ssnLabel = (effClasses & SSN) != 0;
    if (!ssnLabel
        && ((effAdjacent && (effClasses & NEG) != 0)
            || (effClasses & (NUMBER_TYPES | ID_ANY | PATIENT_ID | BIRTH)) != 0)) {
      return -1;
    }
    return emit(PiiType.SSN, s, x.end(), ssnLabel ? 0.95 : 0.75);
  }

  /** The two capitals of every IBAN country code, as a table of 26 by 26. */
  private static final boolean[] IBAN_COUNTRIES = new boolean[26 * 26];

  static {
    for (String country : Checksums.IBAN_LENGTHS.keySet()) {
      IBAN_COUNTRIES[(country.charAt(0) - 'A') * 26 + (country.charAt(1) - 'A')] = true;
    }
  }

  private void ibans() {
    for (int i = from; i + 4 < to; i++) {
      char c0 = cs[i];
      if (c0 < 'A' || c0 > 'Z' || (i > 0 && letterOrDigit(cs[i - 1]))) {
        continue;
      }
      char c1 = cs[i + 1];
      if (c1 < 'A' || c1 > 'Z' || !digit(cs[i + 2]) || !digit(cs[i + 3])) {
        continue;
      }
      if (FastPath.on && !IBAN_COUNTRIES[(c0 - 'A') * 26 + (c1 - 'A')]) {
        continue; // no IBAN country: the map lookup below would say so, after a substring
      }
      Integer len = Checksums.IBAN_LENGTHS.get(text.substring(i, i + 2));
      if (len == null) {
        continue;
      }
      StringBuilder compact = new StringBuilder(len);
      int k = i;
      while (k < to && compact.length() < len) {
        char c = cs[k];
        if (digit(c) || (c >= 'A' && c <= 'Z')) {
          compact.append(c);
          k++;
        } else if (c == ' ' && k + 1 < to && letterOrDigit(cs[k + 1]) && k > i) {
          k++;
        } else {
          break;
        }
      }
      if (compact.length() == len
          && (k >= to || !letterOrDigit(cs[k]))
          && Checksums.iban(compact)) {
        emit(PiiType.IBAN, i, k, 0.95);
        i = k;
      }
    }
  }

  private static final java.util.Set<String> FILE_TYPES =
      java.util.Set.of(
          "png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "ico", "css", "js", "json", "pdf",
          "html", "htm", "xml", "zip", "gz", "tar", "txt", "md", "java", "py", "map", "woff",
          "woff2", "ttf", "mp4", "mp3");

  private void emails() {
    for (int at = text.indexOf('@', from); at >= 0 && at < to; at = text.indexOf('@', at + 1)) {
      int s = at;
      while (s > from && at - s < 64 && localChar(cs[s - 1])) {
        s--;
      }
      while (s < at && !letterOrDigit(cs[s])) {
        s++;
      }
      if (s == at) {
        continue;
      }
      int e = at + 1;
      int lastDot = -1;
      while (e < to && (letterOrDigit(cs[e]) || cs[e] == '-' || cs[e] == '.')) {
        if (cs[e] == '.') {
          lastDot = e;
        }
        e++;
      }
      while (e > at + 1 && (cs[e - 1] == '.' || cs[e - 1] == '-')) {
        e--;
      }
      if (lastDot >= e) {
        lastDot = -1;
        for (int k = e - 1; k > at; k--) {
          if (cs[k] == '.') {
            lastDot = k;
            break;
          }
        }
      }
      if (lastDot <= at + 1 || e - lastDot - 1 < 2 || e - lastDot - 1 > 24) {
        continue;
      }
      String tld = text.substring(lastDot + 1, e);
      boolean alpha = true;
      for (int k = 0; k < tld.length(); k++) {
        alpha &= letter(tld.charAt(k)) && tld.charAt(k) < 0x80;
      }
      if (!alpha || FILE_TYPES.contains(tld.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if ((fieldClasses & Lexicon.NOT_PERSONAL) != 0 && s - from <= 4) {
        continue; // the mailbox of the organisation whose record this is
      }
      if (RoleMailboxes.role(text.substring(s, at))
          || RoleMailboxes.branch(text.substring(s, at), text.substring(at + 1, e))) {
        continue; // an institution's mailbox (info@, klaim@): not a person's
      }
      if (messageIdHeader(s)) {
        continue; // <20240301.1234@mail.rs.id> names a message, not a mailbox
      }
      emit(PiiType.EMAIL, s, e, 0.9);
    }
  }

  /** Mail headers whose values are message identifiers (RFC 5322 section 3.6.4). */
  private static final String[] MESSAGE_ID_HEADERS = {
    "message-id:", "in-reply-to:", "references:", "content-id:", "resent-message-id:"
  };

  /** Whether the position is on a header line that holds message identifiers, not mailboxes. */
  private boolean messageIdHeader(int at) {
    int bol = at;
    while (bol > 0 && cs[bol - 1] != '\n' && at - bol < 998) {
      bol--;
    }
    // A folded header continues on lines that start with white space.
    while (bol > 1 && (cs[bol] == ' ' || cs[bol] == '\t') && cs[bol - 1] == '\n') {
      int prev = bol - 1;
      while (prev > 0 && cs[prev - 1] != '\n' && bol - prev < 998) {
        prev--;
      }
      bol = prev;
    }
    for (String h : MESSAGE_ID_HEADERS) {
      if (text.regionMatches(true, bol, h, 0, h.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean localChar(char c) {
    return letterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private void jwtMatcher() {
    Matcher x = jwt = m(jwt, JWT_TOKEN);
    if (FastPath.on) {
      // Every token opens with "eyJ" (a JSON header in base64url): the pattern is tried there
      // only, as find() would find it, rather than at every position of the region.
      int p = from;
      while (p < to) {
        int q = p;
        while (q + 2 < to && !(cs[q] == 'e' && cs[q + 1] == 'y' && cs[q + 2] == 'J')) {
          q++; // searched within the region only, not on to the end of the text
        }
        if (q + 2 >= to) {
          return;
        }
        x.region(q, to);
        if (x.lookingAt()) {
          emit(PiiType.JWT, q, x.end(), 0.99);
          p = x.end();
        } else {
          p = q + 1;
        }
      }
      return;
    }
    x.region(from, to);
    while (x.find()) {
      emit(PiiType.JWT, x.start(), x.end(), 0.99);
    }
  }

  // ------------------------------------------------------------------ test results

  /**
   * A result word is a test result next to a test: a strong test word ("PCR", "antigen", "HIV",
   * "tested") within a short window either side, a test's name right before it, or a bare
   * "hasil"/"result" with nothing but test words between; in a field named for results, the value
   * itself. The span is the test's name with its outcome where they are written together ({@link
   * TestNames#nameStart}); reference values and a test's behaviour ("negatif palsu") are none.
   */
  private void testResults() {
    for (int r = 0; r < results; r++) {
      int s = resStart[r];
      int e = resEnd[r];
      if (aggregate(s) || TestNames.generalUse(cs, from, to, s, e)) {
        continue; // "kasus positif", "negatif palsu": a count or a test's behaviour
      }
      if (TestNames.referenceValue(cs, from, s)) {
        continue; // "Nilai rujukan: Negatif": what a result is compared with
      }
      int name = TestNames.nameStart(cs, from, s);
      if ((fieldClasses & (TEST | TEST_WEAK)) != 0 || name < s || resultContext(s, e)) {
        emit(PiiType.TEST_RESULT, name, e, 0.9);
      }
    }
  }

  private boolean aggregate(int s) {
    int k = s - 1;
    while (k >= from && cs[k] == ' ') {
      k--;
    }
    return k >= from + 4 && text.regionMatches(true, k - 4, "kasus", 0, 5)
        || startsWordAfter(s, "cases")
        || startsWordAfter(s, "kasus");
  }

  private boolean startsWordAfter(int s, String word) {
    int k = s;
    while (k < to && letter(cs[k])) {
      k++;
    }
    while (k < to && cs[k] == ' ') {
      k++;
    }
    return text.regionMatches(true, k, word, 0, word.length());
  }

  private boolean resultContext(int s, int e) {
    int p = lastPhraseBefore(s);
    boolean nearest = true;
    for (; p >= 0 && s - phEnd[p] <= 48; p--) {
      if (stopBetween(phEnd[p], s)) {
        break;
      }
      int c = phClasses[p];
      if ((c & TEST) != 0) {
        return true;
      }
      if ((c & TEST_WEAK) != 0 && nearest && !wordsBetween(phEnd[p], s)) {
        return true;
      }
      if ((c & MEANINGFUL) != 0) {
        nearest = false;
      }
    }
    // "positif COVID-19": a test word right after.
    for (int h = firstHitFrom(e); h < hits && hitStart[h] - e <= 24; h++) {
      if ((hitClasses[h] & TEST) != 0
          && !stopBetween(e, hitStart[h])
          && !periodBetween(e, hitStart[h])) {
        return true;
      }
    }
    return false;
  }

  private boolean stopBetween(int a, int b) {
    for (int k = a; k < b; k++) {
      if (hardStop(k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a word that is not a cue lies between a and b. */
  private boolean wordsBetween(int a, int b) {
    int k = a;
    while (k < b) {
      if (letter(cs[k])) {
        int c = hitAt(k);
        if ((c & ~NEUTRAL) == 0 && (c & TEST) == 0) {
          return true;
        }
        while (k < b && letter(cs[k])) {
          k++;
        }
      } else {
        k++;
      }
    }
    return false;
  }

  /** Field classes that describe a person's record, for callers deciding on whole values. */
  static final int PERSONAL_FIELDS = NAME | ADDRESS | PHONE | EMAIL | BIRTH;
}
