package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.evidence.Redactor;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiCategory;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.Endpoint;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads API replies as records, for the authorization checks: which records a reply holds, which
 * ids and field names they carry, what personal data is in them, and ids next to a known one.
 * Values read here stay in memory; evidence gets only what the redactor lets through.
 */
final class ApiRecords {
  private ApiRecords() {}

  /** Field names under which APIs commonly return a page of records. */
  private static final List<String> LIST_FIELDS =
      List.of("data", "items", "results", "records", "content", "entries", "rows", "travellers");

  private static final Pattern TRAILING_NUMBER = Pattern.compile("^(.*?)([0-9]+)$");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A random name no real API defines, to see how a server answers what it does not know. */
  static String invented() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "periksa-" + HexFormat.of().formatHex(b);
  }

  /**
   * The records a JSON reply holds: the elements of a top-level array or of a list field such as
   * {@code data}; otherwise the object itself. Non-object elements are skipped.
   */
  static List<JsonNode> records(JsonNode j) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode list = listOf(j);
    if (list != null) {
      for (JsonNode e : list) {
        if (e.isObject()) {
          out.add(e);
        }
      }
    } else if (j != null && j.isObject() && !j.isEmpty()) {
      out.add(j);
    }
    return out;
  }

  /** Whether the reply is a list of records (a top-level array or a list field). */
  static boolean isList(JsonNode j) {
    return listOf(j) != null;
  }

  private static JsonNode listOf(JsonNode j) {
    if (j == null) {
      return null;
    }
    if (j.isArray()) {
      return j;
    }
    if (j.isObject()) {
      for (String f : LIST_FIELDS) {
        if (j.path(f).isArray()) {
          return j.get(f);
        }
      }
    }
    return null;
  }

  /** Null, {@code {}}, {@code []}, or an object whose every value is null or empty. */
  static boolean empty(JsonNode j) {
    if (j == null || j.isNull() || j.isMissingNode()) {
      return true;
    }
    if (j.isValueNode()) {
      return j.asText().isEmpty();
    }
    for (JsonNode v : j) {
      if (!empty(v)) {
        return false;
      }
    }
    return true;
  }

  /** Every scalar value in a JSON tree, as text. */
  static Set<String> values(JsonNode j) {
    Set<String> out = new LinkedHashSet<>();
    collect(j, out);
    return out;
  }

  private static void collect(JsonNode j, Set<String> out) {
    if (j == null) {
      return;
    }
    if (j.isValueNode()) {
      if (!j.isNull()) {
        out.add(j.asText());
      }
      return;
    }
    for (JsonNode v : j) {
      collect(v, out);
    }
  }

  /** The top-level field names of a record. */
  static Set<String> fields(JsonNode record) {
    Set<String> out = new LinkedHashSet<>();
    if (record != null && record.isObject()) {
      for (Iterator<String> it = record.fieldNames(); it.hasNext(); ) {
        out.add(it.next());
      }
    }
    return out;
  }

  /** Whether a record has at least half the field names of a known record of the same API. */
  static boolean sameShape(JsonNode record, JsonNode known) {
    Set<String> mine = fields(record);
    Set<String> theirs = fields(known);
    if (theirs.isEmpty() || mine.isEmpty()) {
      return false;
    }
    long common = theirs.stream().filter(mine::contains).count();
    return common * 2 >= theirs.size();
  }

  /**
   * A pattern for ids shaped like the given ones: each digit may be any digit, everything else is
   * kept, so {@code EHAC-00000101} gives {@code EHAC-[0-9]{8}}.
   */
  static Optional<Pattern> idShape(List<String> ids) {
    Set<String> shapes = new LinkedHashSet<>();
    for (String id : ids) {
      if (id == null || id.isEmpty() || id.chars().noneMatch(Character::isDigit)) {
        continue;
      }
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        b.append(Character.isDigit(c) ? "[0-9]" : Pattern.quote(String.valueOf(c)));
      }
      shapes.add(b.toString());
    }
    if (shapes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Pattern.compile(String.join("|", shapes)));
  }

  /** The id {@code delta} away from a numbered id, keeping its width ({@code EHAC-00000100}). */
  static Optional<String> neighbour(String id, int delta) {
    Matcher m = TRAILING_NUMBER.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    String digits = m.group(2);
    if (digits.length() > 18) {
      return Optional.empty();
    }
    long n = Long.parseLong(digits) + delta;
    if (n < 0) {
      return Optional.empty();
    }
    String s = Long.toString(n);
    if (s.length() < digits.length()) {
      s = "0".repeat(digits.length() - s.length()) + s;
    }
    return Optional.of(m.group(1) + s);
  }

  /**
   * Where a path template of an endpoint lives, as text ({@code {id}} is not legal in a URI): the
   * location of a finding about every record behind it.
   */
  static String location(Endpoint e, String template) {
    String base = e.url().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + (template.startsWith("/") ? template : "/" + template);
  }

  /** Counts of personal data in a text, by type (credentials such as tokens not counted). */
  static Map<PiiType, Integer> personalData(PersonalDataScanner scanner, String text) {
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    scanner
        .count(scanner.scan(text))
        .forEach(
            (k, v) -> {
              if (k.category() != PiiCategory.CREDENTIAL) {
                counts.put(k, v);
              }
            });
    return counts;
  }

  /**
   * The personal values themselves (kept in memory only), to tell one person's data from another.
   */
  static Set<String> personalValues(PersonalDataScanner scanner, String text) {
    Set<String> out = new LinkedHashSet<>();
    for (PiiMatch m : scanner.scan(text)) {
      if (m.type().category() != PiiCategory.CREDENTIAL) {
        out.add(m.type() + ":" + text.substring(m.start(), m.end()));
      }
    }
    return out;
  }

  /** Counts keyed by type name, for evidence facts. */
  static Map<String, Integer> named(Map<PiiType, Integer> counts) {
    return Redactor.named(counts);
  }

  /** Adds counts into a running total. */
  static void add(Map<PiiType, Integer> total, Map<PiiType, Integer> more) {
    more.forEach((k, v) -> total.merge(k, v, Integer::sum));
  }

  /** Labels of the types present, for a finding's title. */
  static String labels(Map<PiiType, Integer> counts) {
    List<String> out = new ArrayList<>();
    counts.forEach(
        (k, v) -> {
          if (v != null && v > 0) {
            out.add(k.label());
          }
        });
    return String.join(", ", out);
  }

  /** The challenge and status facts of a reply: status, WWW-Authenticate, Location. */
  static Map<String, Object> replyFacts(ProbeResponse r) {
    Map<String, Object> facts = new LinkedHashMap<>();
    r.header("www-authenticate").ifPresent(h -> facts.put("challenge", challenge(h)));
    r.header("location").ifPresent(h -> facts.put("redirect", h));
    return facts;
  }

  /** Only the scheme and realm of a challenge: the rest may carry error details. */
  private static String challenge(String h) {
    int space = h.indexOf(' ');
    return space < 0 ? h : h.substring(0, space);
  }
}
