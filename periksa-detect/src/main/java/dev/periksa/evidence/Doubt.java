package dev.periksa.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "In doubt, mask": what a sample keeps of values the detectors did not claim. A value written like
 * a person's name or an address (two or more capitalised words, or words with a house number) is
 * masked word by word ({@code M••• T•••}) unless its field is structural (a resource type, a code,
 * a URL). Evidence shows the shape of what was exposed; it never needs a name to do so.
 */
final class Doubt {
  private static final JsonFactory JSON = new JsonFactory();

  private Doubt() {}

  /** Fields whose values describe structure, never a person. */
  private static final Set<String> STRUCTURAL =
      Set.of(
          "resourcetype",
          "status",
          "system",
          "code",
          "unit",
          "type",
          "id",
          "_id",
          "_index",
          "_type",
          "reference",
          "url",
          "fullurl",
          "version",
          "kind",
          "href",
          "link",
          "method",
          "contenttype",
          "content-type",
          "format",
          "language",
          "mode",
          "search",
          "relation",
          "tagline",
          "build_flavor",
          "build_type",
          "distribution",
          "lucene_version",
          "cluster_name",
          "cluster_uuid",
          "mimetype",
          "encoding",
          "charset",
          "index",
          "uid",
          "etag",
          "key",
          "sort");

  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:)?");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’.\\-]*");
  private static final Pattern CAPITALISED_RUN =
      Pattern.compile("\\b\\p{Lu}[\\p{L}'’.\\-]+(?:[ \\t]+\\p{Lu}[\\p{L}'’.\\-]+)+");
  private static final Pattern URLISH = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*:|^/|^urn:");
  private static final Pattern DATEISH =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$");

  static boolean json(String s) {
    String t = s.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }

  /**
   * The first record of a JSON list (cut or whole) as compact JSON, else the text itself. Only the
   * streaming parser is used (the ZAP add-on carries jackson-core alone).
   */
  static String oneRecord(String s) {
    try (JsonParser p = JSON.createParser(s)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return s;
      }
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
        return s;
      }
      StringWriter w = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.copyCurrentStructure(p);
      }
      return w.toString();
    } catch (IOException e) {
      // The first record itself is cut or broken: the text is masked as it is.
      return s;
    }
  }

  /** Masks, in JSON text, every string value in doubt (keys and structural fields stay). */
  static String maskJson(String s) {
    Matcher m = STRING.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    String key = null;
    int at = 0;
    while (m.find()) {
      if (m.group(2) != null) {
        key = m.group(1);
        continue;
      }
      String value = m.group(1);
      if (inDoubt(key, value)) {
        out.append(s, at, m.start(1)).append(maskWords(value));
        at = m.end(1);
      } else if (value.indexOf(Redactor.MASK) >= 0
          && (key == null || !STRUCTURAL.contains(key.toLowerCase(Locale.ROOT)))) {
        // The detectors claimed part of the value (an address in a note): the rest is in doubt as
        // free text is. Masked words are no capitalised run, so masking twice changes nothing.
        String rest = maskText(value);
        if (!rest.equals(value)) {
          out.append(s, at, m.start(1)).append(rest);
          at = m.end(1);
        }
      }
    }
    out.append(s, at, s.length());
    return out.toString();
  }

  /** Masks, in free text, runs of capitalised words (names, streets, places). */
  static String maskText(String s) {
    Matcher m = CAPITALISED_RUN.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int at = 0;
    while (m.find()) {
      out.append(s, at, m.start()).append(maskWords(m.group()));
      at = m.end();
    }
    out.append(s, at, s.length());
    return out.toString();
  }

  static boolean inDoubt(String key, String value) {
    if (value.isEmpty() || value.indexOf(Redactor.MASK) >= 0) {
      return false;
    }
    if (key != null && STRUCTURAL.contains(key.toLowerCase(Locale.ROOT))) {
      return false;
    }
    String v = value.strip();
    if (URLISH.matcher(v).find() || DATEISH.matcher(v).matches()) {
      return false;
    }
    int words = 0;
    int capitalised = 0;
    Matcher w = WORD.matcher(v);
    while (w.find()) {
      words++;
      if (Character.isUpperCase(w.group().charAt(0)) && w.group().length() > 1) {
        capitalised++;
      }
    }
    boolean digits = v.chars().anyMatch(Character::isDigit);
    return capitalised >= 2 || (digits && words >= 3);
  }

  /** Each word kept as its first letter and a mask; digits masked; punctuation kept. */
  static String maskWords(String v) {
    StringBuilder b = new StringBuilder(v.length());
    boolean inWord = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isLetter(c)) {
        if (!inWord) {
          b.append(c).append("•••");
          inWord = true;
        }
      } else if (Character.isDigit(c)) {
        if (b.length() == 0 || b.charAt(b.length() - 1) != Redactor.MASK) {
          b.append(Redactor.MASK);
        }
        inWord = false;
      } else {
        b.append(c);
        inWord = false;
      }
    }
    return b.toString();
  }
}
