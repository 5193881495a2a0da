package dev.periksa.pii;

import java.util.Locale;
import java.util.Map;

/**
 * How a test result is written around its outcome word ("positif", "Non Reaktif", "Not Detected").
 *
 * <ul>
 *   <li>{@link #nameStart}: a lab writes a test's name and its outcome together ("Rapid Test
 *       Antibodi non-reaktif", "Swab PCR SARS-CoV-2: POSITIF", "NS1 Dengue positif", "Anti-HCV =
 *       Negatif"); the result is then the name with its outcome. The name is the contiguous run of
 *       words that name tests, analytes, specimens and the diseases tested for, joined by single
 *       spaces, hyphens or slashes ("IgM/IgG", "HIV-1/2"); a label before it ("Hasil", "Result",
 *       "Pemeriksaan") is no part of it.
 *   <li>{@link #generalUse}: "negatif palsu", "false positive", "kontrol positif", "positive
 *       predictive value" speak of a test's behaviour, not a person's outcome.
 *   <li>{@link #referenceValue}: "Nilai rujukan: Negatif", "Reference range: Negative" is the value
 *       a result is compared with, not a result.
 * </ul>
 *
 * <p>Stateless; each method reads a bounded number of characters around the outcome word.
 */
final class TestNames {
  private TestNames() {}

  /** A method or analyte: names a test alone ("PCR", "HBsAg", "NS1", "Widal", "Swab"). */
  private static final int SPECIFIC = 1;

  /** What is tested for or in ("SARS", "COVID", "dengue", "urine"): names a test with another. */
  private static final int QUALIFIER = 2;

  /** "tes", "test", "uji": names a test only with a qualifier ("tes malaria", "test pack"). */
  private static final int GENERIC = 3;

  private static final Map<String, Integer> WORDS = new java.util.HashMap<>();

  private static void put(int kind, String... words) {
    for (String w : words) {
      WORDS.put(w, kind);
    }
  }

  static {
    // Methods, antigens and antibodies, and the panels Indonesian labs report qualitatively:
    // COVID-19 (PCR/TCM/antigen), dengue (NS1, IgM/IgG), typhoid (Widal), hepatitis B/C (HBsAg,
    // anti-HBs, anti-HCV), syphilis (VDRL, TPHA, RPR), malaria RDT, TB (TCM/GeneXpert, BTA
    // smear; GeneXpert reports "MTB not detected"), HIV, pregnancy (hCG test pack) and drug
    // screening (narkoba/NAPZA panels).
    put(
        SPECIFIC,
        "pcr",
        "naat",
        "lamp",
        "tcm",
        "genexpert",
        "xpert",
        "antigen",
        "antibodi",
        "antibody",
        "antibodies",
        "igm",
        "igg",
        "iga",
        "ns1",
        "hiv",
        "hbsag",
        "hbs",
        "hbeag",
        "hcv",
        "vdrl",
        "tpha",
        "rpr",
        "widal",
        "tubex",
        "rdt",
        "bta",
        "afb",
        "mtb",
        "swab",
        "rapid",
        "elisa",
        "serologi",
        "serology",
        "hcg",
        "amfetamin",
        "amphetamine",
        "metamfetamin",
        "methamphetamine",
        "morfin",
        "morphine",
        "opiat",
        "opiate",
        "thc",
        "kokain",
        "cocaine",
        "benzodiazepin",
        "benzodiazepine",
        "mdma");
    put(
        QUALIFIER,
        "sars",
        "cov",
        "covid",
        "rt",
        "rna",
        "dna",
        "ag",
        "ab",
        "anti",
        "dengue",
        "malaria",
        "plasmodium",
        "sifilis",
        "syphilis",
        "treponema",
        "typhi",
        "salmonella",
        "tb",
        "rif",
        "influenza",
        "flu",
        "nasofaring",
        "orofaring",
        "nasopharyngeal",
        "urine",
        "urin",
        "sputum",
        "darah",
        "blood",
        "kehamilan",
        "pregnancy",
        "narkoba",
        "napza",
        "drug",
        "drugs",
        "molekuler",
        "molecular",
        "toxoplasma",
        "rubella",
        "cmv",
        "hsv");
    put(GENERIC, "tes", "test", "uji", "screening", "skrining", "pack", "testpack", "kit");
  }

  /** Words in a result's name at most; bounds the look back. */
  private static final int MAX_WORDS = 8;

  private static final int MAX_WORD = 24;

  private static boolean alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean digits(char[] cs, int s, int e) {
    for (int k = s; k < e; k++) {
      if (cs[k] < '0' || cs[k] > '9') {
        return false;
      }
    }
    return true;
  }

  private static int kind(char[] cs, int s, int e) {
    Integer k = WORDS.get(new String(cs, s, e - s).toLowerCase(Locale.ROOT));
    return k == null ? 0 : k;
  }

  /**
   * Start of the test name written right before the outcome word at s ("Swab PCR: " before
   * "POSITIF"), or s when none is: only one space between them, or a colon or "=" with at most two
   * spaces either side. The name needs a word that names a test alone, or a generic one with a
   * qualifier ("tes narkoba"); "COVID-19 positif" names a disease, not a test.
   */
  static int nameStart(char[] cs, int from, int s) {
    int k = s;
    int spaces = 0;
    while (k > from && cs[k - 1] == ' ' && spaces <= 2) {
      k--;
      spaces++;
    }
    if (k > from && (cs[k - 1] == ':' || cs[k - 1] == '=')) {
      if (spaces > 2) {
        return s;
      }
      k--;
      spaces = 0;
      while (k > from && cs[k - 1] == ' ' && spaces <= 2) {
        k--;
        spaces++;
      }
      if (spaces > 2) {
        return s;
      }
    } else if (spaces != 1) {
      return s;
    }
    // Words of the name, nearest first, each with whether a hyphen or slash joins it to the next;
    // a short parenthesis inside the name ("Malaria RDT (Pf/Pan)", "Anti-HIV (rapid 1)") is one.
    int[] ws = new int[MAX_WORDS];
    int[] we = new int[MAX_WORDS];
    boolean[] joined = new boolean[MAX_WORDS];
    boolean[] paren = new boolean[MAX_WORDS];
    int n = 0;
    int end = k;
    while (n < MAX_WORDS && end > from) {
      int st = end;
      if (cs[end - 1] == ')') {
        st = parenOpen(cs, from, end);
        if (st < 0) {
          break;
        }
        paren[n] = true;
      } else {
        while (st > from && alnum(cs[st - 1]) && end - st <= MAX_WORD) {
          st--;
        }
        if (st == end || end - st > MAX_WORD) {
          break;
        }
      }
      ws[n] = st;
      we[n] = end;
      n++;
      if (st - 1 <= from) {
        break;
      }
      char sep = cs[st - 1];
      if (sep == '_' || sep == '.' && st - 2 >= from && alnum(cs[st - 2])) {
        return s; // an identifier ("hasil_pcr=positif", "lab.pcr: positif") is a field's name
      }
      if (sep != ' ' && sep != '-' && sep != '/') {
        break;
      }
      joined[n - 1] = sep != ' ';
      end = st - 1;
    }
    int taken = 0;
    boolean specific = false;
    boolean generic = false;
    boolean qualifier = false;
    for (int i = 0; i < n; i++) {
      int kind = paren[i] ? 0 : kind(cs, ws[i], we[i]);
      if (kind == 0) {
        // A number joined to the word before it ("COVID-19", "SARS-CoV-2", "HIV-1/2"), or a
        // parenthesis after a name word: part of the name when the name goes on before it.
        boolean number = joined[i] && we[i] - ws[i] <= 2 && digits(cs, ws[i], we[i]);
        if ((number || (paren[i] && !joined[i])) && i + 1 < n) {
          continue;
        }
        break;
      }
      specific |= kind == SPECIFIC;
      generic |= kind == GENERIC;
      qualifier |= kind == QUALIFIER;
      taken = i + 1;
    }
    return taken > 0 && (specific || (generic && qualifier)) ? ws[taken - 1] : s;
  }

  /**
   * Start of the short parenthesis closing at end ("(Pf/Pan)", "(rapid 1)"): letters, digits,
   * spaces, slashes, hyphens, dots, at most 24 characters; or -1.
   */
  private static int parenOpen(char[] cs, int from, int end) {
    for (int k = end - 2; k >= from && end - k <= 26; k--) {
      char c = cs[k];
      if (c == '(') {
        return k < end - 2 ? k : -1;
      }
      if (!alnum(c) && c != ' ' && c != '/' && c != '-' && c != '.') {
        return -1;
      }
    }
    return -1;
  }

  /** Words that make an outcome word a test's behaviour when right before it. */
  private static final java.util.Set<String> GENERAL_BEFORE =
      java.util.Set.of("false", "true", "kontrol", "control", "kasus", "cases");

  /** Words that make an outcome word a count when a few words before it. */
  private static final java.util.Set<String> COUNTS = java.util.Set.of("kasus", "cases", "jumlah");

  /** Words that make an outcome word a test's behaviour, or a count, when right after it. */
  private static final java.util.Set<String> GENERAL_AFTER =
      java.util.Set.of(
          "palsu",
          "semu",
          "rate",
          "rates",
          "predictive",
          "likelihood",
          "control",
          "controls",
          "kontrol",
          "cases",
          "kasus");

  /**
   * Whether the outcome word at [s, e) speaks of a test's behaviour or of counts: "hasil negatif
   * palsu", "false positive rate", "kontrol positif", "positive predictive value", "kasus positif".
   */
  static boolean generalUse(char[] cs, int from, int to, int s, int e) {
    // The words just before, joined by spaces or hyphens: "false positive", and counts a few words
    // back ("kasus COVID-19 positif", "jumlah pasien positif").
    int b = s;
    for (int words = 0; words < 3 && b > from && (cs[b - 1] == ' ' || cs[b - 1] == '-'); words++) {
      int ws = b - 1;
      while (ws > from && alnum(cs[ws - 1]) && b - 1 - ws < MAX_WORD) {
        ws--;
      }
      String w = lower(cs, ws, b - 1);
      if ((words == 0 && GENERAL_BEFORE.contains(w)) || COUNTS.contains(w)) {
        return true;
      }
      b = ws;
    }
    if (e < to && (cs[e] == ' ' || cs[e] == '-')) {
      int we = e + 1;
      while (we < to && alnum(cs[we]) && we - e - 1 < MAX_WORD) {
        we++;
      }
      return GENERAL_AFTER.contains(lower(cs, e + 1, we));
    }
    return false;
  }

  /** Words that label a reference value: "Nilai rujukan", "Nilai normal", "Reference range". */
  private static final java.util.Set<String> REFERENCE =
      java.util.Set.of(
          "rujukan",
          "normal",
          "reference",
          "referensi",
          "ref",
          "range",
          "rentang",
          "kisaran",
          "expected");

  /** Words looked at before an outcome for a reference label. */
  private static final int REFERENCE_WORDS = 3;

  /**
   * Whether the outcome word at s is a reference value: a reference label stands among the few
   * words before it, in the same clause (no line break, comma, semicolon, cell or sentence break
   * between) and no test's name nearer. "Nilai rujukan: Negatif", "(Rujukan: Non Reaktif)", "Ref.
   * range negative".
   */
  static boolean referenceValue(char[] cs, int from, int s) {
    int k = s;
    int words = 0;
    while (k > from && words < REFERENCE_WORDS && s - k < 48) {
      char c = cs[k - 1];
      if (c == '\n' || c == '\r' || c == ',' || c == ';' || c == '|' || c == '\t' || c == '{') {
        return false;
      }
      if (c == '.' && k < cs.length && cs[k] == ' ' && k - 2 >= from && alnum(cs[k - 2])) {
        // "Ref. range" abbreviates; "...positif. Negatif" ends a sentence: the word decides.
        int ws = k - 1;
        while (ws > from && alnum(cs[ws - 1])) {
          ws--;
        }
        if (!REFERENCE.contains(lower(cs, ws, k - 1))) {
          return false;
        }
      }
      if (!alnum(c)) {
        k--;
        continue;
      }
      int we = k;
      while (k > from && alnum(cs[k - 1]) && we - k < MAX_WORD) {
        k--;
      }
      words++;
      String w = lower(cs, k, we);
      if (REFERENCE.contains(w)) {
        return true;
      }
      Integer kind = WORDS.get(w);
      if (kind != null && kind == SPECIFIC) {
        return false; // "pasien rujukan PCR positif": a referred patient's own result
      }
    }
    return false;
  }

  /**
   * Whether a column header or field name names a reference value ("Nilai Rujukan", "Nilai Normal",
   * "Reference Range", "ref_range").
   */
  static boolean referenceHeader(String header) {
    for (String w : header.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (REFERENCE.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static String lower(char[] cs, int s, int e) {
    return e <= s ? "" : new String(cs, s, e - s).toLowerCase(Locale.ROOT);
  }
}
