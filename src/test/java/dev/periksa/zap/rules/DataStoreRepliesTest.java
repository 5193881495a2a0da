package dev.periksa.zap.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store replies rule 120101 reads. Shapes follow the products' documentation (Elasticsearch and
 * OpenSearch root and {@code _cat/indices}, Amazon S3 ListBuckets / ListObjects, Solr CoreAdmin
 * STATUS); the rule itself is proven against the lab's real OpenSearch, s3proxy and Solr.
 */
class DataStoreRepliesTest {

  @Test
  void searchBannersOfElasticsearchAndOpenSearch() {
    String es =
        "{\"name\":\"node-1\",\"cluster_name\":\"ehac\",\"cluster_uuid\":\"x\",\"version\":{"
            + "\"number\":\"7.10.2\",\"build_flavor\":\"default\",\"lucene_version\":\"8.7.0\"},"
            + "\"tagline\":\"You Know, for Search\"}";
    DataStoreReplies.SearchBanner b = DataStoreReplies.searchBanner(es).orElseThrow();
    assertEquals("Elasticsearch 7.10.2", b.describe());
    assertEquals("ehac", b.cluster());
    String os =
        "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"distribution\":\"opensearch\","
            + "\"number\":\"2.19.6\"},\"tagline\":\"The OpenSearch Project: https://opensearch.org/\"}";
    // OpenSearch 2 has a tagline of its own: its distribution names it.
    assertEquals("OpenSearch 2.19.6", DataStoreReplies.searchBanner(os).orElseThrow().describe());
    String os1 =
        "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"distribution\":\"opensearch\","
            + "\"number\":\"1.3.0\"},\"tagline\":\"You Know, for Search\"}";
    assertEquals("OpenSearch 1.3.0", DataStoreReplies.searchBanner(os1).orElseThrow().describe());
  }

  @Test
  void aPageThatMerelyMentionsTheTaglineIsNoCluster() {
    assertTrue(DataStoreReplies.searchBanner("<h1>You Know, for Search</h1>").isEmpty());
    assertTrue(DataStoreReplies.searchBanner("{\"tagline\":\"You Know, for Search\"}").isEmpty());
    assertTrue(DataStoreReplies.searchBanner("{broken").isEmpty());
  }

  @Test
  void indexListings() {
    DataStoreReplies.Indices i =
        DataStoreReplies.indices(
                "[{\"index\":\"ehac-travellers\",\"docs.count\":\"20000\"},"
                    + "{\"index\":\"ehac-hospitals\",\"docs.count\":\"226\"}]")
            .orElseThrow();
    assertEquals(2, i.indices());
    assertEquals(20226, i.documents());
    assertTrue(DataStoreReplies.indices("{\"tagline\":\"You Know, for Search\"}").isEmpty());
    assertTrue(DataStoreReplies.indices("[{\"name\":\"x\"}]").isEmpty());
    assertEquals(0, DataStoreReplies.indices("[]").orElseThrow().indices());
  }

  @Test
  void s3Listings() {
    String all =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult"
            + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>x</ID></Owner>"
            + "<Buckets><Bucket><Name>ehac-exports</Name><CreationDate>2021-08-01T00:00:00Z"
            + "</CreationDate></Bucket><Bucket><Name>rs</Name></Bucket></Buckets>"
            + "</ListAllMyBucketsResult>";
    assertEquals(List.of("ehac-exports", "rs"), DataStoreReplies.buckets(all).orElseThrow());
    String bucket =
        "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>ehac-exports"
            + "</Name><Prefix></Prefix><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>"
            + "<Contents><Key>travellers-2021-08-01.csv</Key><Size>1</Size></Contents>"
            + "</ListBucketResult>";
    assertEquals(1, DataStoreReplies.objectKeys(bucket).orElseThrow());
    assertTrue(DataStoreReplies.buckets(bucket).isEmpty());
    assertTrue(DataStoreReplies.buckets("<Error><Code>AccessDenied</Code></Error>").isEmpty());
    assertTrue(DataStoreReplies.objectKeys("<p>ListBucketResult</p>").isEmpty());
  }

  @Test
  void solrCoreStatus() {
    String status =
        "{\"responseHeader\":{\"status\":0,\"QTime\":1},\"initFailures\":{},\"status\":{"
            + "\"ehac\":{\"name\":\"ehac\",\"index\":{\"numDocs\":500,\"maxDoc\":500}},"
            + "\"rs\":{\"name\":\"rs\",\"index\":{\"numDocs\":226}}}}";
    DataStoreReplies.Cores c = DataStoreReplies.cores(status).orElseThrow();
    assertEquals(2, c.cores());
    assertEquals(726, c.documents());
    assertTrue(DataStoreReplies.cores("{\"status\":{}}").isEmpty());
    assertTrue(DataStoreReplies.cores("{\"responseHeader\":{},\"status\":\"ok\"}").isEmpty());
  }
}
