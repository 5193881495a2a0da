package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Solr's system information, core status and challenge, shaped as Solr 9 answers them; the check,
 * discovery and rule 120101 are proven against the lab's real Solr.
 */
class SolrRepliesTest {

  private static HttpReply reply(int status, String body) {
    return HttpReply.of(status, body);
  }

  @Test
  void theCoreStatusGivesNamesCountsAndSizes() {
    String body =
        "{\"responseHeader\":{\"status\":0,\"QTime\":5},\"initFailures\":{},\"status\":{"
            + "\"a\":{\"name\":\"a\",\"index\":{\"numDocs\":3,\"sizeInBytes\":100}},"
            + "\"b\":{\"name\":\"b\",\"index\":{\"numDocs\":0,\"sizeInBytes\":69}},"
            + "\"c\":{\"index\":{\"numDocs\":723}}}}";
    assertEquals(
        List.of(
            new SolrReplies.Core("a", 3, 100),
            new SolrReplies.Core("b", 0, 69),
            new SolrReplies.Core("c", 723, 0)),
        SolrReplies.cores(reply(200, body)).orElseThrow());
    assertTrue(SolrReplies.cores(reply(401, body)).isEmpty(), "only a 2xx is a core status");
    assertEquals(
        List.of(),
        SolrReplies.cores(reply(200, "{\"responseHeader\":{},\"status\":{}}")).orElseThrow());
  }

  @Test
  void anythingElseIsNoCoreStatusAndNoSystemInformation() {
    for (String body :
        List.of(
            "{}",
            "[]",
            "{\"status\":{}}",
            "{\"responseHeader\":{},\"status\":\"ok\"}",
            "{\"responseHeader\":{},\"status\":{\"a\":{\"index\":{}}}}",
            "{\"responseHeader\":{},\"status\":{\"a\":{\"index\":{\"numDocs\":\"3\"}}}}",
            "{\"lucene\":{\"solr-spec-version\":\"9\"}}",
            "{\"responseHeader\":{},\"lucene\":{\"solr-spec-version\":\"9\"}}",
            "<html>Solr Admin</html>")) {
      assertTrue(SolrReplies.cores(reply(200, body)).isEmpty(), body);
      assertTrue(SolrReplies.systemInfo(reply(200, body)).isEmpty(), body);
    }
  }

  @Test
  void systemInformationNamesSolrAndLucene() {
    String info =
        "{\"responseHeader\":{\"status\":0},\"mode\":\"std\",\"lucene\":{"
            + "\"solr-spec-version\":\"9.10.1\",\"lucene-spec-version\":\"9.12.3\"}}";
    SolrReplies.Banner b = SolrReplies.systemInfo(reply(200, info)).orElseThrow();
    assertEquals(new SolrReplies.Banner("Apache Solr", "9.10.1", "9.12.3", "std"), b);
    assertEquals("Apache Solr 9.10.1", b.describe());
    assertTrue(SolrReplies.systemInfo(reply(401, info)).isEmpty(), "only a 2xx is a banner");
    assertTrue(SolrReplies.identifies(reply(200, info)));
  }

  @Test
  void aSecuredNodeIsKnownByItsRealm() {
    HttpReply challenge =
        new HttpReply(
            401,
            Map.of("WWW-Authenticate", List.of("Basic realm=\"solr\", xBasic")),
            new byte[0],
            true);
    assertTrue(SolrReplies.challenge(challenge));
    assertTrue(SolrReplies.identifies(challenge));
    assertFalse(
        SolrReplies.challenge(
            new HttpReply(
                401,
                Map.of("www-authenticate", List.of("Basic realm=\"admin\"")),
                new byte[0],
                true)));
    assertFalse(SolrReplies.challenge(reply(401, "")));
  }
}
