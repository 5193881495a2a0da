package dev.periksa.certificate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The byte forms of a certificate. The signed bytes are the payload's canonical form: JSON with
 * every object's members sorted by name (Java {@code String.compareTo}, i.e. UTF-16 code units), no
 * whitespace between tokens, strings escaped only where JSON requires ({@code \"}, {@code \\},
 * {@code \b \f \n \r \t}, other characters below U+0020 as {@code \}{@code u00XX} with upper-case
 * hex; everything else as itself), UTF-8. Numbers are integers only. For the values a certificate
 * holds this is the same as {@code jq -cjS} and as RFC 8785 (JCS).
 */
public final class Canonical {
  private static final ObjectMapper COMPACT = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper();

  private Canonical() {}

  /** The canonical bytes of a JSON value (see the class comment). */
  public static byte[] bytes(JsonNode node) {
    try {
      return COMPACT.writeValueAsBytes(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The form {@code certificate.json} is written in: the same members in the order given, indented
   * by two spaces, {@code \n} line ends and a final newline, so rewriting a file Periksa wrote
   * gives the same bytes.
   */
  public static byte[] file(JsonNode node) {
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return (PRETTY.writer(pp).writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy with every object's members sorted by name; refuses non-integral numbers. */
  public static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (String n : names) {
        out.set(n, sorted(node.get(n)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        out.add(sorted(it.next()));
      }
      return out;
    }
    if (node.isNumber() && !node.isIntegralNumber()) {
      throw new IllegalArgumentException("a certificate holds integers only: " + node);
    }
    return node;
  }

  /** A plain value (maps, lists, strings, integers, booleans, null) as a sorted JSON tree. */
  public static JsonNode tree(Map<String, ?> value) {
    return sorted(COMPACT.valueToTree(value));
  }
}
