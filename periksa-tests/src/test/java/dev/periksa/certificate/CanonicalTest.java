package dev.periksa.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalTest {
  private static final ObjectMapper M = new ObjectMapper();

  private static String canonical(String json) throws Exception {
    return new String(Canonical.bytes(M.readTree(json)), StandardCharsets.UTF_8);
  }

  @Test
  void membersAreSortedAtEveryDepthAndThereIsNoWhitespace() throws Exception {
    assertEquals(
        "{\"a\":[{\"x\":1,\"y\":2}],\"b\":{\"A\":null,\"a\":true},\"c\":\"v\"}",
        canonical(
            "{ \"c\": \"v\", \"b\": {\"a\": true, \"A\": null}, \"a\": [ {\"y\":2,\"x\":1} ] }"));
  }

  @Test
  void arraysKeepTheirOrder() throws Exception {
    assertEquals("[3,1,2]", canonical("[3, 1, 2]"));
  }

  @Test
  void stringsAreUtf8WithOnlyTheEscapesJsonRequires() throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "e-HAC \"twin\" \\ / é ✓ \n\t\u0001");
    byte[] b = Canonical.bytes(M.valueToTree(m));
    assertArrayEquals(
        "{\"s\":\"e-HAC \\\"twin\\\" \\\\ / é ✓ \\n\\t\\u0001\"}".getBytes(StandardCharsets.UTF_8),
        b);
  }

  @Test
  void theSameValueInAnyMemberOrderGivesTheSameBytes() throws Exception {
    JsonNode a = M.readTree("{\"b\":1,\"a\":{\"d\":[1,{\"f\":1,\"e\":2}],\"c\":\"x\"}}");
    JsonNode b = M.readTree("{\"a\":{\"c\":\"x\",\"d\":[1,{\"e\":2,\"f\":1}]},\"b\":1}");
    assertArrayEquals(Canonical.bytes(a), Canonical.bytes(b));
  }

  @Test
  void nonIntegralNumbersAreRefused() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> Canonical.bytes(M.readTree("{\"a\":1.5}")));
  }

  @Test
  void theFileFormRoundTripsToTheSameBytes() throws Exception {
    JsonNode tree = Canonical.tree(Map.of("z", List.of(1, "two"), "a", Map.of("k", "v")));
    byte[] file = Canonical.file(tree);
    String text = new String(file, StandardCharsets.UTF_8);
    assertEquals(
        "{\n  \"a\" : {\n    \"k\" : \"v\"\n  },\n  \"z\" : [\n    1,\n    \"two\"\n  ]\n}\n",
        text);
    assertArrayEquals(file, Canonical.file(M.readTree(file)));
  }
}
