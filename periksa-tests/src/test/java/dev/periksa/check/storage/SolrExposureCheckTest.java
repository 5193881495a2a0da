package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Solr's base URL (its replies' parsing: {@code SolrRepliesTest}; the IT proves the check). */
class SolrExposureCheckTest {

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
}
