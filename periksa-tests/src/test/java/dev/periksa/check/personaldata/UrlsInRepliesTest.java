package dev.periksa.check.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parsing of URLs out of replies and judging their query strings (the check is proven in its IT).
 */
class UrlsInRepliesTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  /** A NIK of the lab's structure that is no lab traveller's (district 26 is never generated). */
  private static final String NIK = "3273264508010007";

  private static ProbeResponse reply(Map<String, List<String>> headers, String body) {
    return new ProbeResponse(
        "GET http://127.0.0.1/x",
        URI.create("http://127.0.0.1/x"),
        200,
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        false,
        Duration.ZERO);
  }

  private UrlsInReplies.Offending judge(String url) {
    return UrlsInReplies.judge(scanner, new UrlsInReplies.Found("test", url));
  }

  @Test
  void findsUrlsInHeadersJsonAndHtml() {
    List<UrlsInReplies.Found> json =
        UrlsInReplies.in(
            reply(
                Map.of(
                    "location", List.of("/a?x=1"),
                    "link", List.of("</p?page=2>; rel=\"next\"")),
                "{\"qr\":\"/api/v1/verify?nik="
                    + NIK
                    + "\",\"site\":\"see https://ex.ample/q?a=b\","
                    + "\"name\":\"Budi\"}"));
    assertEquals(
        List.of("/a?x=1", "/p?page=2", "/api/v1/verify?nik=" + NIK, "https://ex.ample/q?a=b"),
        json.stream().map(UrlsInReplies.Found::url).toList());
    List<UrlsInReplies.Found> html =
        UrlsInReplies.in(
            reply(
                Map.of(),
                "<a href=\"/card?nik="
                    + NIK
                    + "&amp;lang=id\">card</a>"
                    + "<form action='/search'></form>"));
    assertEquals(
        List.of("/card?nik=" + NIK + "&lang=id", "/search"),
        html.stream().map(UrlsInReplies.Found::url).toList());
  }

  @Test
  void aNikNamedByItsParameterIsPersonalDataAndShownMasked() {
    UrlsInReplies.Offending o = judge("/api/v1/verify?nik=" + NIK + "&id=EHAC-00000101");
    assertNotNull(o);
    assertEquals(Map.of(PiiType.NIK, 1), o.counts());
    assertEquals("/api/v1/verify?nik=3273••••••••0007&id=EHAC-00000101", o.masked());
    UrlsInReplies.Offending email = judge("https://x.example/r?email=budi%40mail.example");
    assertNotNull(email);
    assertTrue(email.counts().containsKey(PiiType.EMAIL), email.counts().toString());
  }

  @Test
  void orderNumbersPagesAndIdsAreNot() {
    // Sixteen digits that fail the NIK's structure (province 99, month 13).
    assertNull(judge("/orders?order=9912011399990001"));
    assertNull(judge("/orders/9912011399990001?expand=items"));
    assertNull(judge("/api/v1/travellers?page=2&size=20"));
    assertNull(judge("/api/v1/verify/Zx81mQ0aP3kT7uVw9yBc2d"));
    assertNull(judge("/api/v1/travellers/EHAC-00000101"));
  }

  @Test
  void theCanaryCountsAnywhereInTheUrl() {
    UrlsInReplies.Offending o = judge("/api/v1/search/" + Canary.NIK);
    assertNotNull(o);
    assertTrue(o.canary());
    assertEquals(Map.of(PiiType.NIK, 1), o.counts());
    assertEquals("/api/v1/search/" + Canary.masked(), o.masked());
    UrlsInReplies.Offending q = judge("/api/v1/search?q=" + Canary.NIK);
    assertEquals("/api/v1/search?q=" + Canary.masked(), q.masked());
  }
}
