package dev.periksa.check.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the first bytes of an object into records the personal-data scanner reads best. A CSV row
 * becomes a JSON object keyed by the header, so {@code nik,nama} columns give the scanner the same
 * field-name context as a JSON document (and the redactor masks names it would miss in bare text).
 * JSON arrays, objects and JSON lines are cut into their complete elements; a record cut by the
 * byte range is dropped, never guessed at.
 */
final class ObjectContent {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();

  /** Most records taken from one object's first bytes. */
  static final int MAX_RECORDS = 50;

  /** Longest free-text line kept as a record. */
  static final int MAX_LINE = 200;

  private ObjectContent() {}

  /**
   * What the bytes hold.
   *
   * @param format csv, json, json-lines, text or binary (with a magic-number hint)
   * @param records complete records, each a JSON object or a line of text
   */
  record Parsed(String format, List<String> records) {}

  /**
   * @param key the object's key (its extension is a hint)
   * @param contentType the reply's Content-Type, or empty
   * @param bytes the bytes read from the start of the object
   * @param cut whether the object goes on past these bytes
   */
  static Parsed parse(String key, String contentType, byte[] bytes, boolean cut) {
    String binary = binaryKind(bytes);
    if (binary != null) {
      return new Parsed(binary, List.of());
    }
    String text = utf8(bytes);
    if (text == null) {
      return new Parsed("binary", List.of());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String k = key.toLowerCase(Locale.ROOT);
    String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String t = text.stripLeading();
    if (k.endsWith(".jsonl") || k.endsWith(".ndjson") || looksLikeJsonLines(t)) {
      return new Parsed("json-lines", jsonLines(text, cut));
    }
    if (t.startsWith("{") || t.startsWith("[")) {
      return new Parsed("json", json(t));
    }
    boolean csvHint = k.endsWith(".csv") || k.endsWith(".tsv") || ct.contains("csv");
    List<String> lines = completeLines(text, cut);
    if (!lines.isEmpty()) {
      char sep = separator(lines.get(0));
      if (sep != 0 && (csvHint || consistentColumns(lines, sep))) {
        return new Parsed("csv", csv(lines, sep));
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      if (!l.isBlank() && out.size() < MAX_RECORDS) {
        out.add(l.length() > MAX_LINE ? l.substring(0, MAX_LINE) : l);
      }
    }
    return new Parsed("text", out);
  }

  /** A short name for well-known binary formats, or null when the bytes look like text. */
  private static String binaryKind(byte[] b) {
    if (startsWith(b, "%PDF")) {
      return "binary (PDF)";
    }
    if (startsWith(b, "PK\u0003\u0004")) {
      return "binary (ZIP, XLSX or DOCX)";
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) {
      return "binary (gzip)";
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "binary (JPEG)";
    }
    if (startsWith(b, "\u0089PNG")) {
      return "binary (PNG)";
    }
    for (int i = 0; i < Math.min(b.length, 512); i++) {
      if (b[i] == 0) {
        return "binary";
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] b, String prefix) {
    if (b.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if ((b[i] & 0xff) != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 text, tolerating a multi-byte character cut at the end of the range; null if not. */
  private static String utf8(byte[] b) {
    for (int drop = 0; drop <= Math.min(3, b.length); drop++) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b, 0, b.length - drop))
            .toString();
      } catch (CharacterCodingException e) {
        // Try again without the last byte: the range may end inside a character.
      }
    }
    return null;
  }

  private static List<String> completeLines(String text, boolean cut) {
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    // The last piece is either empty (text ended with a newline) or a line the range cut short.
    if (!lines.isEmpty() && (cut || lines.get(lines.size() - 1).isEmpty())) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static boolean looksLikeJsonLines(String t) {
    String[] ls = t.split("\r?\n", 3);
    return ls.length >= 2
        && ls[0].strip().startsWith("{")
        && ls[0].strip().endsWith("}")
        && ls[1].strip().startsWith("{");
  }

  private static List<String> jsonLines(String text, boolean cut) {
    List<String> out = new ArrayList<>();
    for (String l : completeLines(text, cut)) {
      if (out.size() >= MAX_RECORDS) {
        break;
      }
      try {
        JsonNode n = JSON.readTree(l);
        if (n != null && n.isContainerNode()) {
          out.add(n.toString());
        }
      } catch (IOException e) {
        // Not a JSON line; skip it.
      }
    }
    return out;
  }

  /**
   * Complete elements of a JSON document that may be cut: the elements of a top-level array (or of
   * the first array inside a top-level object, as in {@code {"data": [...]}}), or else each
   * complete top-level field of an object as a one-field record.
   */
  private static List<String> json(String t) {
    List<String> out = new ArrayList<>();
    try (JsonParser p = FACTORY.createParser(t)) {
      p.setCodec(JSON);
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        readElements(p, out);
      } else if (first == JsonToken.START_OBJECT) {
        while (out.size() < MAX_RECORDS && p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if (v == JsonToken.START_ARRAY && out.isEmpty()) {
            readElements(p, out);
            if (!out.isEmpty()) {
              return out;
            }
            continue;
          }
          JsonNode value = p.readValueAsTree();
          ObjectNode rec = JSON.createObjectNode();
          rec.set(field, value);
          out.add(rec.toString());
        }
      }
    } catch (IOException e) {
      // The range ended inside a record: keep the complete ones read so far.
    }
    return out;
  }

  private static void readElements(JsonParser p, List<String> out) throws IOException {
    while (out.size() < MAX_RECORDS) {
      JsonToken t = p.nextToken();
      if (t == null || t == JsonToken.END_ARRAY) {
        return;
      }
      JsonNode n = p.readValueAsTree();
      out.add(n.toString());
    }
  }

  /** The separator the header line uses most (comma, semicolon or tab), or 0 when none. */
  private static char separator(String header) {
    char best = 0;
    int most = 0;
    for (char c : new char[] {',', ';', '\t'}) {
      int n = fields(header, c).size();
      if (n > most) {
        most = n;
        best = c;
      }
    }
    return most >= 2 ? best : 0;
  }

  private static boolean consistentColumns(List<String> lines, char sep) {
    if (lines.size() < 2) {
      return false;
    }
    int n = fields(lines.get(0), sep).size();
    return lines.stream().limit(5).allMatch(l -> fields(l, sep).size() == n);
  }

  private static List<String> csv(List<String> lines, char sep) {
    List<String> header = fields(lines.get(0), sep);
    List<String> out = new ArrayList<>();
    for (int i = 1; i < lines.size() && out.size() < MAX_RECORDS; i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> row = fields(lines.get(i), sep);
      ObjectNode rec = JSON.createObjectNode();
      for (int c = 0; c < row.size(); c++) {
        String name =
            c < header.size() && !header.get(c).isBlank() ? header.get(c) : "column" + (c + 1);
        rec.put(name.strip(), row.get(c));
      }
      out.add(rec.toString());
    }
    return out;
  }

  /** One line's fields, honouring double quotes (RFC 4180) within the line. */
  static List<String> fields(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"' && cur.length() == 0) {
        quoted = true;
      } else if (c == sep) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
