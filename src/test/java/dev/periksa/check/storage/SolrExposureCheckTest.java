package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.probe.ProbeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Solr's base URL and the parsing of its replies (canned; the IT proves the check on Solr). */
class SolrExposureCheckTest {

  private static ProbeResponse reply(int status, String body) {
    return new ProbeResponse(
        "GET x",
        URI.create("http://127.0.0.1/"),
        status,
        Map.of(),
        body.getBytes(StandardCharsets.UTF_8),
        false,
        Duration.ZERO);
  }

  @Test
  void aUrlWithoutAPathMeansSlashSolr() {
    assertEquals(
        URI.create("http://h:8983/solr"), SolrExposureCheck.base(URI.create("http://h:8983")));
    assertEquals(
        URI.create("http://h:8983/solr"), SolrExposureCheck.base(URI.create("http://h:8983/")));
    assertEquals(
        URI.create("http://h:8983/solr"),
        SolrExposureCheck.base(URI.create("http://h:8983/solr/")));
    assertEquals(
        URI.create("https://h/search/solr"),
        SolrExposureCheck.base(URI.create("https://h/search/solr")));
  }

  @Test
  void theCoreListingGivesNamesAndCounts() {
    String body =
        "{\"responseHeader\":{\"status\":0,\"QTime\":5},\"initFailures\":{},\"status\":{"
            + "\"a\":{\"name\":\"a\",\"index\":{\"numDocs\":3,\"sizeInBytes\":100}},"
            + "\"b\":{\"name\":\"b\",\"index\":{\"numDocs\":0,\"sizeInBytes\":69}}}}";
    assertEquals(
        List.of(
            new SolrExposureCheck.CoreInfo("a", 3, 100),
            new SolrExposureCheck.CoreInfo("b", 0, 69)),
        SolrExposureCheck.CoreInfo.listing(reply(200, body)).orElseThrow());
  }

  @Test
  void anythingElseIsNoListingAndNoBanner() {
    for (String body :
        List.of(
            "{}",
            "[]",
            "{\"responseHeader\":{},\"status\":{\"a\":{\"index\":{}}}}",
            "{\"lucene\":{\"solr-spec-version\":\"9\"}}",
            "<html>Solr Admin</html>")) {
      assertTrue(SolrExposureCheck.CoreInfo.listing(reply(200, body)).isEmpty(), body);
      assertTrue(SolrExposureCheck.Banner.of(reply(200, body)).isEmpty(), body);
    }
    String info =
        "{\"responseHeader\":{\"status\":0},\"lucene\":{\"solr-spec-version\":\"9.10.1\","
            + "\"lucene-spec-version\":\"9.12.3\"}}";
    assertTrue(SolrExposureCheck.Banner.of(reply(200, info)).isPresent());
    assertTrue(SolrExposureCheck.Banner.of(reply(401, info)).isEmpty(), "only a 2xx is a banner");
  }
}
