package dev.periksa.evidence;

import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks personal data at the moment it is captured and keeps only a SHA-256 of raw bytes. Every
 * {@link Evidence} is built here, so nothing raw can reach a report.
 */
public final class Redactor {
  /** The character that stands in for a masked one. */
  public static final char MASK = '•';

  /** Most characters of one sample kept in evidence: one record, row or object, never a body. */
  public static final int MAX_SAMPLE_CHARS = 2048;

  /** Most characters of a raw sample looked at: work stays bounded whatever a check hands in. */
  static final int MAX_SAMPLE_INPUT = 64 * 1024;

  private static final Redactor STANDARD = new Redactor(new PersonalDataScanner());

  private final PersonalDataScanner scanner;

  public Redactor(PersonalDataScanner scanner) {
    this.scanner = scanner;
  }

  /** The redactor every title, reason, fact and sample passes through. */
  public static Redactor standard() {
    return STANDARD;
  }

  /** The scanner behind this redactor. */
  public PersonalDataScanner scanner() {
    return scanner;
  }

  /** Hex SHA-256 of the given bytes. */
  public static String sha256Hex(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The text with every piece of personal data it holds masked. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return redact(text, scanner.scan(text));
  }

  /** The text with the given spans masked, each as its type prescribes. */
  public static String redact(String text, List<PiiMatch> matches) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (PiiMatch m : matches) {
      if (m.start() < at) {
        continue;
      }
      out.append(text, at, m.start());
      out.append(mask(m.type(), text.substring(m.start(), m.end())));
      at = m.end();
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /**
   * Masks one value so that a reader can still tell what it was, keeping at most the first four and
   * last four characters: a NIK keeps its area code and serial ({@code 3174••••••••0001}), a phone
   * its operator prefix and last two digits, a card its issuer digits and last four ({@code 4111
   * •••• •••• 1111}), an IBAN its country and check digits and last four ({@code DE89 •••• ••••
   * •••• •••• 3000}), an SSN, a BPJS card and a medical record number their last digits, a name its
   * initials; health data, birth dates and addresses are masked whole.
   */
  public static String mask(PiiType type, String value) {
    switch (type) {
      case NIK:
        return keep(value, 4, 4);
      case PHONE:
        return keep(value, value.startsWith("+") ? 5 : 4, 2);
      case PASSPORT:
        return keep(value, 1, 0);
      case EMAIL:
        int at = value.indexOf('@');
        int dot = value.lastIndexOf('.');
        return at > 0 && dot > at ? value.charAt(0) + "•••@•••" + value.substring(dot) : "•••";
      case JWT:
        return "eyJ•••(JWT)•••";
      case NAME:
        StringBuilder b = new StringBuilder();
        for (String part : value.strip().split("\\s+")) {
          if (b.length() > 0) {
            b.append(' ');
          }
          b.append(part.isEmpty() ? "" : part.substring(0, 1)).append("•••");
        }
        return b.toString();
      case PAYMENT_CARD:
      case IBAN:
        return keepAlphanumerics(value, 4, 4);
      case SSN:
      case BPJS:
        return keepAlphanumerics(value, 0, 4);
      case MEDICAL_RECORD_NUMBER:
        return maskDigits(value, 2);
      default:
        return "•••";
    }
  }

  private static String keep(String v, int head, int tail) {
    if (v.length() <= head + tail + 2) {
      return String.valueOf(MASK).repeat(Math.max(3, v.length()));
    }
    return v.substring(0, head)
        + String.valueOf(MASK).repeat(v.length() - head - tail)
        + v.substring(v.length() - tail);
  }

  /** Masks every digit but the last few; letters (a hospital's "RM-" prefix) stay. */
  private static String maskDigits(String v, int tail) {
    int digits = 0;
    for (int i = 0; i < v.length(); i++) {
      if (Character.isDigit(v.charAt(i))) {
        digits++;
      }
    }
    if (digits <= tail + 2) {
      return String.valueOf(MASK).repeat(Math.max(3, v.length()));
    }
    StringBuilder out = new StringBuilder(v.length());
    int seen = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isDigit(c)) {
        out.append(seen >= digits - tail ? c : MASK);
        seen++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Masks letters and digits between the first {@code head} and the last {@code tail} of them and
   * keeps separators, so a grouped number keeps its layout; too short a value is masked whole.
   */
  private static String keepAlphanumerics(String v, int head, int tail) {
    int total = 0;
    for (int i = 0; i < v.length(); i++) {
      if (Character.isLetterOrDigit(v.charAt(i))) {
        total++;
      }
    }
    if (total <= head + tail + 2) {
      return String.valueOf(MASK).repeat(Math.max(3, v.length()));
    }
    StringBuilder out = new StringBuilder(v.length());
    int seen = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(seen < head || seen >= total - tail ? c : MASK);
        seen++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Builds evidence from one reply: the raw reply is hashed and dropped; each sample is cut to one
   * record (the first of a JSON list, even one cut at the body cap), scanned, counted and masked,
   * and kept to at most {@link #MAX_SAMPLE_CHARS}; string facts are redacted too, in case a name or
   * label carries data.
   *
   * @param rawReply the whole reply as read, only hashed
   * @param rawSamples excerpts worth showing, masked here
   */
  public Evidence capture(
      String title,
      String request,
      int status,
      byte[] rawReply,
      Map<String, Object> facts,
      List<String> rawSamples) {
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    List<String> samples = new ArrayList<>();
    for (String s : rawSamples) {
      Sample m = sample(s);
      m.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
      samples.add(m.text());
    }
    return new Evidence(
        title,
        request,
        status,
        facts,
        named(counts),
        samples,
        rawReply == null ? "" : sha256Hex(rawReply),
        rawReply == null ? 0 : rawReply.length);
  }

  /**
   * One sample as evidence keeps it.
   *
   * @param text masked, at most {@link #MAX_SAMPLE_CHARS}
   * @param counts personal data found in it, by type
   */
  public record Sample(String text, Map<PiiType, Integer> counts) {}

  /**
   * Cuts a raw excerpt to one record, masks what the detectors find and, in doubt, every other
   * value written like a name or an address (two or more capitalised words, or words with house
   * numbers), then keeps at most {@link #MAX_SAMPLE_CHARS}. Masking twice changes nothing.
   */
  public Sample sample(String raw) {
    if (raw == null || raw.isEmpty()) {
      return new Sample(raw == null ? "" : raw, Map.of());
    }
    String s = raw.length() > MAX_SAMPLE_INPUT ? raw.substring(0, MAX_SAMPLE_INPUT) : raw;
    boolean json = Doubt.json(s);
    if (json) {
      s = Doubt.oneRecord(s);
    }
    List<PiiMatch> ms = scanner.scan(s);
    return new Sample(cut(doubt(redact(s, ms))), scanner.count(ms));
  }

  /**
   * A text as evidence may keep it: what the detectors find masked, and in doubt every value
   * written like a name or an address, at most {@link #MAX_SAMPLE_CHARS}. Applying it twice changes
   * nothing.
   */
  public String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String s = text.length() > MAX_SAMPLE_INPUT ? text.substring(0, MAX_SAMPLE_INPUT) : text;
    return cut(doubt(redact(s)));
  }

  private static String doubt(String masked) {
    return Doubt.json(masked) ? Doubt.maskJson(masked) : Doubt.maskText(masked);
  }

  private static String cut(String s) {
    return s.length() > MAX_SAMPLE_CHARS ? s.substring(0, MAX_SAMPLE_CHARS - 1) + "…" : s;
  }

  /** Evidence that carries only facts and a hash, for replies with nothing worth sampling. */
  public Evidence capture(
      String title, String request, int status, byte[] rawReply, Map<String, Object> facts) {
    return capture(title, request, status, rawReply, facts, List.of());
  }

  /** Facts with every string in them redacted (nested maps and lists too). */
  public Map<String, Object> redactValues(Map<String, Object> facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (facts != null) {
      facts.forEach((k, v) -> out.put(k, redactValue(v)));
    }
    return out;
  }

  private Object redactValue(Object v) {
    if (v instanceof String s) {
      return redact(s);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), redactValue(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(x -> out.add(redactValue(x)));
      return out;
    }
    return v;
  }

  /** Counts keyed by type name, for evidence. */
  public static Map<String, Integer> named(Map<PiiType, Integer> counts) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.forEach((k, v) -> out.put(k.name(), v));
    return out;
  }

  /** The bytes of a text, for hashing. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The severity the personal data in a sample earns: the first {@link SeverityRule} that holds.
   */
  public static Severity severityOf(Map<PiiType, Integer> counts) {
    return SeverityRule.of(counts).severity();
  }
}
