package dev.periksa.check.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiCategory;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading replies for the personal-data checks: counts, one-record samples, safe excerpts. */
final class Replies {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Field names under which replies commonly hold a list of records. */
  private static final List<String> LIST_FIELDS =
      List.of("data", "items", "results", "records", "content", "entries", "rows", "hits", "docs");

  private Replies() {}

  /** Personal data in a text by type; credentials (tokens) are another requirement's concern. */
  static Map<PiiType, Integer> personal(PersonalDataScanner scanner, String text) {
    Map<PiiType, Integer> out = new EnumMap<>(PiiType.class);
    for (PiiMatch m : scanner.scan(text)) {
      if (m.type().category() != PiiCategory.CREDENTIAL) {
        out.merge(m.type(), 1, Integer::sum);
      }
    }
    return out;
  }

  /** Whether any identity number or health data is among the counts. */
  static boolean identityOrHealth(Map<PiiType, Integer> counts) {
    return counts.keySet().stream()
        .anyMatch(t -> t.category() == PiiCategory.IDENTITY || t.category() == PiiCategory.HEALTH);
  }

  /** Adds counts into a running total. */
  static void add(Map<PiiType, Integer> total, Map<PiiType, Integer> more) {
    more.forEach((k, v) -> total.merge(k, v, Integer::sum));
  }

  /** Labels of the types present, for titles: "NIK, medical test result". */
  static String labels(Map<PiiType, Integer> counts) {
    List<String> out = new ArrayList<>();
    // In the types' own order, not the order the map was filled in: the labels are part of a
    // finding's title, hence of its fingerprint, which must be the same in every run.
    new java.util.TreeMap<>(counts)
        .forEach(
            (k, v) -> {
              if (v != null && v > 0) {
                out.add(k.label());
              }
            });
    return String.join(", ", out);
  }

  /**
   * One record of a JSON reply, as the sample to scan and show: the first element of a top-level
   * array or of a list field (also one level down, as in {@code hits.hits}), else the object.
   */
  static Optional<String> firstRecord(JsonNode j) {
    JsonNode r = first(j, 0);
    return r == null || r.isEmpty() ? Optional.empty() : Optional.of(r.toString());
  }

  private static JsonNode first(JsonNode j, int depth) {
    if (j == null || j.isNull() || j.isMissingNode()) {
      return null;
    }
    if (j.isArray()) {
      return j.isEmpty() ? null : first(j.get(0), depth + 1);
    }
    if (j.isObject() && j.path("_source").isObject()) {
      return j.get("_source");
    }
    if (j.isObject() && depth < 4) {
      for (String f : LIST_FIELDS) {
        JsonNode l = j.get(f);
        if (l != null && (l.isArray() || (l.isObject() && l.has("hits")))) {
          return first(l, depth + 1);
        }
      }
    }
    return j;
  }

  /**
   * The first data row of CSV text as a JSON object keyed by the header, so field names give the
   * scanner its context (a passport number in a bare CSV line has none); empty when the text is not
   * CSV with a header and consistent rows.
   */
  static Optional<String> csvFirstRow(String text) {
    String[] lines = text.split("\r?\n", 4);
    if (lines.length < 2) {
      return Optional.empty();
    }
    char sep =
        lines[0].chars().filter(c -> c == ';').count()
                > lines[0].chars().filter(c -> c == ',').count()
            ? ';'
            : ',';
    List<String> header = fields(lines[0], sep);
    List<String> row = fields(lines[1], sep);
    if (header.size() < 2 || header.size() != row.size()) {
      return Optional.empty();
    }
    ObjectNode o = JSON.createObjectNode();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (name.isEmpty() || !name.matches("[\\p{L}0-9_ .-]{1,64}")) {
        return Optional.empty();
      }
      o.put(name, row.get(i).strip());
    }
    return Optional.of(o.toString());
  }

  /** The fields of one CSV line; a quoted field may hold the separator and doubled quotes. */
  private static List<String> fields(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  /**
   * A sample of a reply with the canary masked: a JSON reply stays JSON (so field names still give
   * the redactor its context) with each long value cut to its first lines; other text is cut.
   */
  static String excerpt(ProbeResponse r, int max) {
    Optional<JsonNode> j = r.json();
    if (j.isPresent() && j.get().isContainerNode()) {
      return Canary.hide(shorten(j.get().deepCopy(), max / 2).toString());
    }
    return cut(Canary.hide(r.text()), max);
  }

  private static JsonNode shorten(JsonNode j, int max) {
    if (j.isObject()) {
      ObjectNode o = (ObjectNode) j;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        JsonNode v = o.get(n);
        if (v.isTextual() && v.asText().length() > max) {
          o.put(n, firstLines(v.asText(), max));
        } else {
          shorten(v, max);
        }
      }
    } else if (j.isArray()) {
      for (int i = 0; i < j.size(); i++) {
        JsonNode v = j.get(i);
        if (v.isTextual() && v.asText().length() > max) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) j)
              .set(
                  i,
                  com.fasterxml.jackson.databind.node.TextNode.valueOf(
                      firstLines(v.asText(), max)));
        } else {
          shorten(v, max);
        }
      }
    }
    return j;
  }

  private static String firstLines(String s, int max) {
    String[] lines = s.split("\n", 5);
    String head = String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 4)));
    return cut(head, max) + (lines.length > 4 && head.length() <= max ? "\n…" : "");
  }

  /**
   * At most {@code max} characters of a text, cut where no word or number is split (so no part of
   * an identity number survives without the rest that lets the redactor recognise it).
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max;
    while (end > 0 && Character.isLetterOrDigit(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end) + " …";
  }
}
