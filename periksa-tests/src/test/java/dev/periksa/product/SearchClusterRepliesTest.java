package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Elasticsearch and OpenSearch replies, shaped as the products document them (root, {@code
 * _cat/indices}, errors); the check, discovery and rule 120101 are proven against the lab's real
 * OpenSearch.
 */
class SearchClusterRepliesTest {

  private static HttpReply reply(int status, String body) {
    return HttpReply.of(status, body);
  }

  @Test
  void bannersOfElasticsearchAndOpenSearch() {
    String es =
        "{\"name\":\"node-1\",\"cluster_name\":\"ehac\",\"cluster_uuid\":\"x\",\"version\":{"
            + "\"number\":\"7.10.2\",\"build_flavor\":\"default\",\"lucene_version\":\"8.7.0\"},"
            + "\"tagline\":\"You Know, for Search\"}";
    SearchClusterReplies.Banner b = SearchClusterReplies.banner(reply(200, es)).orElseThrow();
    assertEquals("Elasticsearch 7.10.2", b.describe());
    assertEquals("ehac", b.cluster());
    String os =
        "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"distribution\":\"opensearch\","
            + "\"number\":\"2.19.6\"},\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}";
    // OpenSearch 2 has a tagline of its own: its distribution names it.
    assertEquals(
        "OpenSearch 2.19.6", SearchClusterReplies.banner(reply(200, os)).orElseThrow().describe());
    String os1 =
        "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"distribution\":\"opensearch\","
            + "\"number\":\"1.3.0\"},\"tagline\":\"You Know, for Search\"}";
    assertEquals(
        "OpenSearch 1.3.0", SearchClusterReplies.banner(reply(200, os1)).orElseThrow().describe());
    assertTrue(SearchClusterReplies.banner(reply(401, es)).isEmpty(), "only a 2xx is a banner");
    assertTrue(
        SearchClusterReplies.banner(
                new HttpReply(200, Map.of(), es.getBytes(StandardCharsets.UTF_8), false))
            .isEmpty(),
        "a cut reply is not read");
  }

  @Test
  void aPageThatMerelyMentionsTheTaglineIsNoCluster() {
    assertTrue(SearchClusterReplies.banner(reply(200, "<h1>You Know, for Search</h1>")).isEmpty());
    assertTrue(
        SearchClusterReplies.banner(reply(200, "{\"tagline\":\"You Know, for Search\"}"))
            .isEmpty());
    assertTrue(
        SearchClusterReplies.banner(
                reply(200, "{\"version\":{\"number\":7},\"tagline\":\"You Know, for Search\"}"))
            .isEmpty(),
        "a version number that is not a string is not the product's");
    assertTrue(SearchClusterReplies.banner(reply(200, "{broken")).isEmpty());
  }

  @Test
  void indexListingsGiveNamesCountsAndSizes() {
    List<SearchClusterReplies.Index> i =
        SearchClusterReplies.indices(
                reply(
                    200,
                    "[{\"index\":\"ehac-travellers\",\"docs.count\":\"20000\","
                        + "\"store.size\":\"1024\"},"
                        + "{\"index\":\"ehac-hospitals\",\"docs.count\":226}]"))
            .orElseThrow();
    assertEquals(
        List.of(
            new SearchClusterReplies.Index("ehac-travellers", 20000, 1024),
            new SearchClusterReplies.Index("ehac-hospitals", 226, 0)),
        i);
    assertTrue(
        SearchClusterReplies.indices(reply(200, "{\"tagline\":\"You Know, for Search\"}"))
            .isEmpty());
    assertTrue(
        SearchClusterReplies.indices(reply(200, "[{\"name\":\"x\"}]")).isEmpty(),
        "every row names its index");
    assertTrue(
        SearchClusterReplies.indices(reply(200, "[{\"index\":\"a\"},\"b\"]")).isEmpty(),
        "every row is an object");
    assertEquals(0, SearchClusterReplies.indices(reply(200, "[]")).orElseThrow().size());
    assertEquals(
        0,
        SearchClusterReplies.indices(reply(200, "[{\"index\":\"a\",\"docs.count\":\"many\"}]"))
            .orElseThrow()
            .get(0)
            .documents(),
        "a count that is not a number counts as none");
    assertTrue(SearchClusterReplies.indices(reply(403, "[]")).isEmpty());
  }

  @Test
  void errorShapes() {
    String notFound =
        "{\"error\":{\"root_cause\":[{\"type\":\"index_not_found_exception\"}],"
            + "\"type\":\"index_not_found_exception\",\"reason\":\"no such index\"},\"status\":404}";
    assertTrue(SearchClusterReplies.notFound(reply(404, notFound)));
    assertFalse(SearchClusterReplies.notFound(reply(404, "{\"error\":\"Not Found\"}")));
    assertFalse(
        SearchClusterReplies.notFound(reply(404, "{\"error\":{\"type\":\"x\"}}")),
        "without a status it is not the product's own error");
    assertEquals(
        "index_not_found_exception",
        SearchClusterReplies.errorType(reply(404, notFound)).orElseThrow());
    String security =
        "{\"error\":{\"root_cause\":[{\"type\":\"security_exception\"}],"
            + "\"type\":\"security_exception\",\"reason\":\"missing authentication credentials\"},"
            + "\"status\":401}";
    assertTrue(SearchClusterReplies.securityRefusal(reply(401, security)));
    assertTrue(SearchClusterReplies.identifies(reply(401, security)));
    assertFalse(SearchClusterReplies.securityRefusal(reply(500, security)));
    assertFalse(SearchClusterReplies.identifies(reply(401, "{\"error\":\"unauthorized\"}")));
  }
}
