package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bounded JSON reading the product parsers share, and the reply type they take. */
class JsonTest {

  private static Json parse(String s) {
    return Json.parse(s.getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }

  @Test
  void pathsLeadToTheMissingValueNeverToNull() {
    Json j = parse("{\"a\":{\"b\":[1,\"2\",null,true]},\"n\":2.5}");
    assertTrue(j.path("a").path("b").isArray());
    assertEquals(1L, j.path("a").path("b").path(0).asLong(0));
    assertEquals(2L, j.path("a").path("b").path(1).asLong(0), "a whole number in a string");
    assertTrue(j.path("a").path("b").path(2).isNull());
    assertTrue(j.path("a").path("b").path(3).asBoolean(false));
    assertTrue(j.path("a").path("b").path(9).isMissing());
    assertTrue(j.path("x").path("y").path(0).isMissing());
    assertEquals("fallback", j.path("x").asText("fallback"));
    assertTrue(j.path("n").isNumber());
    assertFalse(j.path("n").isIntegral());
    assertTrue(j.has("a"));
    assertFalse(j.path("a").has("zz"));
  }

  @Test
  void writtenBackAsJacksonDatabindWritesATree() throws Exception {
    String in =
        "{ \"name\" : \"Siti \\\"R\\\" Rahayu\", \"nik\":3174096512900001, \"big\":"
            + "123456789012345678901234567890, \"f\": 1.50, \"u\":\"\\u00e9\\u0001/\","
            + " \"l\":[true,false,null,{}], \"e\":[] }";
    assertEquals(new ObjectMapper().readTree(in).toString(), parse(in).toString());
  }

  @Test
  void onlyWholeWellFormedValuesWithinTheBoundsAreRead() {
    assertTrue(Json.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(Json.parse("   ".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertTrue(Json.parse(new byte[0]).isEmpty());
    assertTrue(Json.parse(null).isEmpty());
    assertTrue(Json.parse("<html/>".getBytes(StandardCharsets.UTF_8)).isEmpty());
    assertEquals(
        1L,
        Json.parse("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8))
            .orElseThrow()
            .path("a")
            .asLong(0),
        "what follows the first value is not read, as Jackson's readTree");
    String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
    assertTrue(Json.parse(deep.getBytes(StandardCharsets.UTF_8)).isEmpty());
    String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
    assertTrue(Json.parse(ok.getBytes(StandardCharsets.UTF_8)).isPresent());
    assertTrue(Json.parse(new byte[Json.MAX_BYTES + 1]).isEmpty());
  }

  @Test
  void aReplyMatchesHeadersInLowerCaseAndReadsACutBodyAsNoJson() {
    HttpReply r =
        new HttpReply(
            200,
            Map.of("Content-Type", List.of("application/json")),
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
            true);
    assertEquals("application/json", r.header("content-type").orElseThrow());
    assertEquals("application/json", r.header("CONTENT-TYPE").orElseThrow());
    assertTrue(r.json().isPresent());
    HttpReply cut =
        new HttpReply(200, Map.of(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), false);
    assertTrue(cut.json().isEmpty(), "the rest of the body might say otherwise");
    assertTrue(HttpReply.of(403, "").isRefusal());
    assertFalse(HttpReply.of(302, "").isSuccess());
  }
}
