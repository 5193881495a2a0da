package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.testing.KibanaDocs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kibana's documented replies (see {@link KibanaDocs}), and what counts as a login wall. */
class KibanaRepliesTest {

  private static HttpReply reply(int status, String body, Map<String, List<String>> headers) {
    return new HttpReply(status, headers, body.getBytes(StandardCharsets.UTF_8), true);
  }

  private static HttpReply redirect(String location) {
    return reply(302, "", Map.of("location", List.of(location)));
  }

  @Test
  void loginWallsAreRefusals() {
    assertTrue(KibanaReplies.loginWall(reply(401, KibanaDocs.UNAUTHORIZED, Map.of())));
    assertTrue(KibanaReplies.loginWall(reply(403, "", Map.of())));
    assertTrue(KibanaReplies.loginWall(redirect("/login?next=%2Fapp%2Fhome")));
    assertTrue(KibanaReplies.loginWall(redirect("/app/login?nextUrl=%2F")));
    assertTrue(KibanaReplies.loginWall(redirect("https://kibana.example/kibana/login")));
    assertFalse(KibanaReplies.loginWall(redirect("/app/home")));
    assertFalse(KibanaReplies.loginWall(redirect("not a uri with spaces")));
    assertFalse(KibanaReplies.loginWall(reply(302, "", Map.of())));
    assertFalse(KibanaReplies.loginWall(reply(200, KibanaDocs.STATUS, Map.of())));
  }

  @Test
  void statusAndViewsParse() {
    var banner =
        KibanaReplies.status(reply(200, KibanaDocs.STATUS, Map.of("kbn-name", List.of("kibana"))))
            .orElseThrow();
    assertEquals(new KibanaReplies.Banner("Kibana", "8.19.0", "available"), banner);
    var osd =
        KibanaReplies.status(
                reply(200, KibanaDocs.STATUS_V7, Map.of("osd-name", List.of("dashboards"))))
            .orElseThrow();
    assertEquals("OpenSearch Dashboards", osd.product());
    assertEquals("green", osd.overall());
    assertEquals(
        "Kibana",
        KibanaReplies.status(reply(200, KibanaDocs.STATUS_REDACTED, Map.of()))
            .orElseThrow()
            .describe(),
        "a redacted status names no version");
    assertEquals(
        List.of(
            "kibana_sample_data_ecommerce",
            "kibana_sample_data_flights",
            "kibana_sample_data_logs"),
        KibanaReplies.views(reply(200, KibanaDocs.DATA_VIEWS, Map.of()), 5).orElseThrow().stream()
            .map(KibanaReplies.View::title)
            .toList());
    assertEquals(
        List.of("ehac-travellers*"),
        KibanaReplies.views(reply(200, KibanaDocs.FIND_EHAC, Map.of()), 1).orElseThrow().stream()
            .map(KibanaReplies.View::title)
            .toList(),
        "at most as many views as asked");
    assertEquals(
        "my-pattern-*",
        KibanaReplies.views(reply(200, KibanaDocs.FIND_DOCUMENTED, Map.of()), 5)
            .orElseThrow()
            .get(0)
            .title());
    assertEquals(2L, KibanaReplies.total(reply(200, KibanaDocs.FIND_EHAC, Map.of())).orElseThrow());
    assertTrue(KibanaReplies.views(reply(200, "{\"data\":[]}", Map.of()), 5).isEmpty());
    assertTrue(KibanaReplies.status(reply(200, "{\"status\":{}}", Map.of())).isEmpty());
    assertTrue(
        KibanaReplies.status(reply(200, "{\"status\":{\"overall\":{\"state\":\"\"}}}", Map.of()))
            .isEmpty(),
        "an empty state names no status");
  }

  @Test
  void aSecuredKibanaIsKnownByItsNameAndItsOwnError() {
    HttpReply refused = reply(401, KibanaDocs.UNAUTHORIZED, Map.of("kbn-name", List.of("kibana")));
    assertTrue(KibanaReplies.unauthorized(refused));
    assertTrue(KibanaReplies.identifies(refused));
    assertFalse(
        KibanaReplies.unauthorized(reply(401, KibanaDocs.UNAUTHORIZED, Map.of())),
        "without Kibana's name header a 401 could be anyone's");
    assertFalse(
        KibanaReplies.unauthorized(
            reply(401, "<html>401</html>", Map.of("kbn-name", List.of("kibana")))));
    assertTrue(KibanaReplies.identifies(reply(200, KibanaDocs.STATUS, Map.of())));
  }
}
