package dev.periksa.pii.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.corpus.Label;
import dev.periksa.pii.corpus.Sample;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The held-out gate corpus: its size, its labels' sanity, and its frozen content. */
class GateCorpusTest {

  /**
   * SHA-256 of the whole corpus (see {@link #sha256}). The gate corpus is frozen: if this test
   * fails, the corpus changed, and scores on it are no longer comparable. Do not update this
   * constant to make the test pass; restore the generator instead.
   */
  static final String FROZEN_SHA256 =
      "654cd27ea8c897c493484363ff7f17c081f75a8a3ddccb8d273d8fbbb14f8ead";

  static final List<String> FORMATS =
      List.of(
          "letter",
          "html-table",
          "html-dl",
          "log",
          "hl7",
          "fhir-json",
          "fhir-xml",
          "xml",
          "csv",
          "vclaim-json",
          "chat",
          "ktp-ocr",
          "sql",
          "email",
          "yaml");

  /** Real province codes (the first two digits of a NIK). */
  static final Set<String> PROVINCES =
      Set.of(
          "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35",
          "36", "51", "52", "53", "61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76",
          "81", "82", "91", "92", "93", "94");

  static List<Sample> corpus;

  @BeforeAll
  static void generate() {
    corpus = GateCorpus.generate();
  }

  @Test
  void hasThreeThousandSamplesWithUniqueIdsAcrossAllFormats() {
    assertEquals(3000, corpus.size());
    Set<String> ids = new TreeSet<>();
    Map<String, Integer> perFormat = new LinkedHashMap<>();
    for (Sample s : corpus) {
      assertTrue(ids.add(s.id()), "duplicate id " + s.id());
      assertTrue(s.id().startsWith(s.format() + "-"), "id " + s.id() + " does not name its format");
      assertTrue(FORMATS.contains(s.format()), "unknown format " + s.format());
      perFormat.merge(s.format(), 1, Integer::sum);
    }
    for (String f : FORMATS) {
      assertTrue(
          perFormat.getOrDefault(f, 0) >= 100, "format " + f + " has fewer than 100 samples");
    }
    Set<PiiType> seen = new TreeSet<>();
    for (Sample s : corpus) {
      for (Label l : s.labels()) {
        seen.add(l.type());
      }
    }
    for (PiiType t : PiiType.values()) {
      assertTrue(seen.contains(t), "no label of type " + t);
    }
  }

  @Test
  void labelsAreSane() {
    List<String> problems = new ArrayList<>();
    for (Sample s : corpus) {
      int previousEnd = 0;
      for (Label l : s.labels()) {
        String where = s.id() + " " + l;
        if (l.start() < 0 || l.end() > s.text().length() || l.start() >= l.end()) {
          problems.add(where + ": out of bounds");
          continue;
        }
        if (l.start() < previousEnd) {
          problems.add(where + ": overlaps or is out of order");
        }
        previousEnd = l.end();
        String v = s.text().substring(l.start(), l.end());
        if (v.isBlank() || !v.equals(v.strip())) {
          problems.add(where + ": blank or padded [" + v + "]");
        }
        if ("\"'<>,;:|".indexOf(v.charAt(0)) >= 0
            || "\"'<>,;:|".indexOf(v.charAt(v.length() - 1)) >= 0) {
          problems.add(where + ": includes surrounding punctuation [" + v + "]");
        }
        String digits = v.replaceAll("[^0-9]", "");
        switch (l.type()) {
          case NIK:
            if (!v.matches("\\d{16}") || !validNik(v)) {
              problems.add(where + ": not a valid NIK [" + v + "]");
            }
            break;
          case NPWP:
            if (digits.length() != 15 && digits.length() != 16) {
              problems.add(where + ": NPWP without 15 or 16 digits [" + v + "]");
            }
            break;
          case BPJS:
            if (!digits.matches("000\\d{10}")) {
              problems.add(where + ": not a 13-digit JKN card number [" + v + "]");
            }
            break;
          case PAYMENT_CARD:
            if (digits.length() < 13 || digits.length() > 19 || !luhn(digits)) {
              problems.add(where + ": card number fails Luhn [" + v + "]");
            }
            break;
          case BANK_ACCOUNT:
            if (digits.length() < 10 || digits.length() > 16) {
              problems.add(where + ": bank account without 10-16 digits [" + v + "]");
            }
            break;
          case IBAN:
            if (!validIban(v.replace(" ", ""))) {
              problems.add(where + ": IBAN fails mod 97 [" + v + "]");
            }
            break;
          case SSN:
            if (!v.matches("\\d{3}-\\d{2}-\\d{4}")) {
              problems.add(where + ": not an SSN [" + v + "]");
            }
            break;
          case JWT:
            if (!v.matches("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
              problems.add(where + ": not a JWT [" + v + "]");
            }
            break;
          case DIAGNOSIS:
            if (!v.matches("[A-Z]\\d{2}(\\.\\d{1,2})?")) {
              problems.add(where + ": not an ICD-10 code [" + v + "]");
            }
            break;
          case EMAIL:
            if (!v.matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}")) {
              problems.add(where + ": not an e-mail address [" + v + "]");
            }
            break;
          default:
            break;
        }
      }
    }
    if (!problems.isEmpty()) {
      fail(
          problems.size()
              + " label problems, first: "
              + problems.subList(0, Math.min(20, problems.size())));
    }
  }

  @Test
  void isFrozen() {
    String actual = sha256(corpus);
    assertEquals(
        FROZEN_SHA256,
        actual,
        "The gate corpus is frozen and must not change: its SHA-256 is now "
            + actual
            + ". Scores on a changed gate are not comparable; restore the generator"
            + " (GateCorpus and its templates) instead of updating FROZEN_SHA256.");
  }

  @Test
  void generatingTwiceGivesTheSameCorpus() {
    List<Sample> again = GateCorpus.generate();
    assertEquals(corpus, again);
    assertEquals(sha256(corpus), sha256(again));
  }

  @Test
  void printsCounts() {
    Map<String, Map<PiiType, Integer>> labels = new LinkedHashMap<>();
    Map<String, Integer> samples = new LinkedHashMap<>();
    Map<String, Integer> english = new LinkedHashMap<>();
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    for (String f : FORMATS) {
      labels.put(f, new EnumMap<>(PiiType.class));
    }
    for (Sample s : corpus) {
      samples.merge(s.format(), 1, Integer::sum);
      english.merge(s.format(), GateCorpus.english(s) ? 1 : 0, Integer::sum);
      for (Label l : s.labels()) {
        labels.get(s.format()).merge(l.type(), 1, Integer::sum);
        total.merge(l.type(), 1, Integer::sum);
      }
    }
    StringBuilder b = new StringBuilder("Gate corpus: samples (English) and labels per type\n");
    for (String f : FORMATS) {
      b.append(
          String.format(
              java.util.Locale.ROOT,
              "  %-12s %4d (%3d)  %s%n",
              f,
              samples.get(f),
              english.get(f),
              labels.get(f)));
    }
    int all = 0;
    for (int n : total.values()) {
      all += n;
    }
    int en = 0;
    for (int n : english.values()) {
      en += n;
    }
    b.append(
        String.format(
            java.util.Locale.ROOT,
            "  %-12s %4d (%3d)  %s, %d labels%n",
            "total",
            corpus.size(),
            en,
            total,
            all));
    System.out.print(b);
    assertTrue(all > 0);
  }

  // ---------------------------------------------------------------- helpers

  /** SHA-256 over every sample in order: id, format, text, labels (type:start:end). */
  static String sha256(List<Sample> samples) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Sample s : samples) {
        StringBuilder b = new StringBuilder();
        b.append(s.id())
            .append('\u0000')
            .append(s.format())
            .append('\u0000')
            .append(s.text())
            .append('\u0000');
        for (Label l : s.labels()) {
          b.append(l.type().name())
              .append(':')
              .append(l.start())
              .append(':')
              .append(l.end())
              .append(';');
        }
        b.append('\n');
        md.update(b.toString().getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder hex = new StringBuilder();
      for (byte x : md.digest()) {
        hex.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean validNik(String nik) {
    if (!PROVINCES.contains(nik.substring(0, 2))) {
      return false;
    }
    int day = Integer.parseInt(nik.substring(6, 8));
    int month = Integer.parseInt(nik.substring(8, 10));
    if (day > 40) {
      day -= 40;
    }
    int[] lengths = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1
        && month <= 12
        && day >= 1
        && day <= lengths[month - 1]
        && Integer.parseInt(nik.substring(12)) >= 1;
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  static boolean validIban(String iban) {
    if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
      return false;
    }
    String moved = iban.substring(4) + iban.substring(0, 4);
    int m = 0;
    for (char c : moved.toCharArray()) {
      String part = Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10);
      for (char p : part.toCharArray()) {
        m = (m * 10 + (p - '0')) % 97;
      }
    }
    return m == 1;
  }
}
