package dev.periksa.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Reads JSON over Jackson's streaming parser and keeps what parsed before the input ended or broke:
 * a list cut at the body cap still yields its complete records (and the complete fields of the
 * record it was cut in), with their field names, so masking by field name works on it. Nesting is
 * bounded: a reply nested deeper than {@link #MAX_DEPTH} stops there.
 */
public final class LenientJson {
  /** Deepest nesting read; real replies stay far below it. */
  public static final int MAX_DEPTH = 200;

  /** Strict reading with the same bounds, for complete replies. */
  public static final ObjectMapper STRICT =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
              .build());

  private static final JsonFactory FACTORY = STRICT.getFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LenientJson() {}

  /**
   * What parsed.
   *
   * @param tree the values read, containers closed where the input stopped
   * @param complete whether the input was one whole JSON value
   * @param problem why reading stopped early, or empty
   */
  public record Parsed(JsonNode tree, boolean complete, String problem) {}

  /** The whole value when the input is complete JSON; empty otherwise. */
  public static Optional<JsonNode> strict(byte[] body) {
    try {
      return Optional.ofNullable(STRICT.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Why the input is not one complete JSON value, or empty when it is. The reason names the line
   * and column, never the content.
   */
  public static Optional<String> problem(byte[] body) {
    try (JsonParser p = FACTORY.createParser(body)) {
      int depth = 0;
      JsonToken t;
      boolean any = false;
      while ((t = p.nextToken()) != null) {
        any = true;
        if (t.isStructStart()) {
          depth++;
        } else if (t.isStructEnd()) {
          depth--;
        }
        if (depth == 0) {
          if (p.nextToken() != null) {
            return Optional.of("more than one JSON value " + where(p));
          }
          return Optional.empty();
        }
      }
      return Optional.of(any ? "the JSON ends before it closes" : "no JSON value");
    } catch (IOException e) {
      return Optional.of(reason(e));
    }
  }

  /** Reads as much as parses; null tree when not even the first value began. */
  public static Parsed parse(byte[] body) {
    Deque<JsonNode> stack = new ArrayDeque<>();
    JsonNode root = null;
    String field = null;
    try (JsonParser p = FACTORY.createParser(body)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case FIELD_NAME -> field = p.currentName();
          case START_OBJECT, START_ARRAY -> {
            if (stack.size() >= MAX_DEPTH) {
              return new Parsed(root, false, "nested deeper than " + MAX_DEPTH + " levels");
            }
            JsonNode c = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
            if (stack.isEmpty()) {
              root = c;
            } else {
              add(stack.peek(), field, c);
            }
            stack.push(c);
            field = null;
          }
          case END_OBJECT, END_ARRAY -> {
            stack.pop();
            if (stack.isEmpty()) {
              JsonToken after = p.nextToken();
              return after == null
                  ? new Parsed(root, true, "")
                  : new Parsed(root, false, "more than one JSON value " + where(p));
            }
          }
          default -> {
            JsonNode v = scalar(p, t);
            if (stack.isEmpty()) {
              return new Parsed(v, p.nextToken() == null, "");
            }
            add(stack.peek(), field, v);
            field = null;
          }
        }
      }
      return new Parsed(
          root, false, root == null ? "no JSON value" : "the JSON ends before it closes");
    } catch (IOException e) {
      return new Parsed(root, false, reason(e));
    }
  }

  private static void add(JsonNode container, String field, JsonNode v) {
    if (container instanceof ObjectNode o) {
      o.set(field == null ? "" : field, v);
    } else {
      ((ArrayNode) container).add(v);
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }

  private static String where(JsonParser p) {
    var l = p.currentLocation();
    return "(line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
  }

  /** Jackson's reason without the excerpt of the input it quotes (which may be personal data). */
  private static String reason(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
      return "the JSON ends before it closes";
    }
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
        && j.getLocation() != null) {
      return "not valid JSON at line "
          + j.getLocation().getLineNr()
          + ", column "
          + j.getLocation().getColumnNr();
    }
    return "not valid JSON";
  }
}
