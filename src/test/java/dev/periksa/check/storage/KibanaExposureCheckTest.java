package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.probe.ProbeResponse;
import dev.periksa.testing.KibanaDocs;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing Kibana's documented replies, and what counts as a login wall. */
class KibanaExposureCheckTest {

  private static ProbeResponse reply(int status, String body, Map<String, List<String>> headers) {
    return new ProbeResponse(
        "GET x",
        URI.create("http://127.0.0.1/"),
        status,
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        false,
        Duration.ZERO);
  }

  private static ProbeResponse redirect(String location) {
    return reply(302, "", Map.of("location", List.of(location)));
  }

  @Test
  void loginWallsAreRefusals() {
    assertTrue(KibanaExposureCheck.refused(reply(401, KibanaDocs.UNAUTHORIZED, Map.of())));
    assertTrue(KibanaExposureCheck.refused(reply(403, "", Map.of())));
    assertTrue(KibanaExposureCheck.refused(redirect("/login?next=%2Fapp%2Fhome")));
    assertTrue(KibanaExposureCheck.refused(redirect("/app/login?nextUrl=%2F")));
    assertTrue(KibanaExposureCheck.refused(redirect("https://kibana.example/kibana/login")));
    assertFalse(KibanaExposureCheck.refused(redirect("/app/home")));
    assertFalse(KibanaExposureCheck.refused(redirect("not a uri with spaces")));
    assertFalse(KibanaExposureCheck.refused(reply(302, "", Map.of())));
    assertFalse(KibanaExposureCheck.refused(reply(200, KibanaDocs.STATUS, Map.of())));
  }

  @Test
  void statusAndViewsParse() {
    var banner =
        KibanaExposureCheck.Banner.of(
                reply(200, KibanaDocs.STATUS, Map.of("kbn-name", List.of("kibana"))))
            .orElseThrow();
    assertEquals(new KibanaExposureCheck.Banner("Kibana", "8.19.0", "available"), banner);
    var osd =
        KibanaExposureCheck.Banner.of(
                reply(200, KibanaDocs.STATUS_V7, Map.of("osd-name", List.of("dashboards"))))
            .orElseThrow();
    assertEquals("OpenSearch Dashboards", osd.product());
    assertEquals("green", osd.overall());
    assertEquals(
        List.of(
            "kibana_sample_data_ecommerce",
            "kibana_sample_data_flights",
            "kibana_sample_data_logs"),
        KibanaExposureCheck.View.listing(reply(200, KibanaDocs.DATA_VIEWS, Map.of()))
            .orElseThrow()
            .stream()
            .map(KibanaExposureCheck.View::title)
            .toList());
    assertTrue(KibanaExposureCheck.View.listing(reply(200, "{\"data\":[]}", Map.of())).isEmpty());
    assertTrue(KibanaExposureCheck.Banner.of(reply(200, "{\"status\":{}}", Map.of())).isEmpty());
  }
}
