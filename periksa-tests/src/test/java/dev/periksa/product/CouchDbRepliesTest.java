package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** CouchDB's replies as its API documentation shows them. */
class CouchDbRepliesTest {

  private static HttpReply reply(int status, String body) {
    return HttpReply.of(status, body);
  }

  @Test
  void theWelcomeBannerNamesVersionAndVendor() {
    String welcome =
        "{\"couchdb\":\"Welcome\",\"version\":\"3.3.3\",\"git_sha\":\"40afbcfc7\","
            + "\"uuid\":\"x\",\"features\":[\"access-ready\"],"
            + "\"vendor\":{\"name\":\"The Apache Software Foundation\"}}";
    assertEquals(
        new CouchDbReplies.Banner("3.3.3", "The Apache Software Foundation"),
        CouchDbReplies.welcome(reply(200, welcome)).orElseThrow());
    assertTrue(CouchDbReplies.identifies(reply(200, welcome)));
    assertTrue(CouchDbReplies.welcome(reply(401, welcome)).isEmpty());
    assertTrue(CouchDbReplies.welcome(reply(200, "{\"couchdb\":\"Welcome\"}")).isEmpty());
    assertTrue(CouchDbReplies.welcome(reply(200, "<h1>couchdb Welcome</h1>")).isEmpty());
  }

  @Test
  void theDatabaseListIsAnArrayOfNamesOnly() {
    assertEquals(
        List.of("_users", "ehac"),
        CouchDbReplies.databases(reply(200, "[\"_users\",\"ehac\"]")).orElseThrow());
    assertTrue(CouchDbReplies.databases(reply(200, "[\"a\",1]")).isEmpty());
    assertTrue(CouchDbReplies.databases(reply(200, "{\"a\":1}")).isEmpty());
    assertTrue(CouchDbReplies.databases(reply(401, "[\"a\"]")).isEmpty());
    assertEquals(
        OptionalLong.of(226),
        CouchDbReplies.documentCount(reply(200, "{\"db_name\":\"ehac\",\"doc_count\":226}")));
    assertTrue(CouchDbReplies.documentCount(reply(200, "{\"doc_count\":\"226\"}")).isEmpty());
  }

  @Test
  void couchDbsOwnErrors() {
    String unauthorized = "{\"error\":\"unauthorized\",\"reason\":\"You are not a server admin.\"}";
    assertTrue(CouchDbReplies.refusal(reply(401, unauthorized)));
    assertTrue(CouchDbReplies.refusal(reply(403, "{\"error\":\"forbidden\",\"reason\":\"x\"}")));
    assertFalse(CouchDbReplies.refusal(reply(500, unauthorized)));
    assertFalse(CouchDbReplies.refusal(reply(401, "{\"error\":\"Unauthorized\"}")));
    assertEquals("You are not a server admin.", CouchDbReplies.reason(reply(401, unauthorized)));
    String missing = "{\"error\":\"not_found\",\"reason\":\"Database does not exist.\"}";
    assertTrue(CouchDbReplies.notFound(reply(404, missing)));
    assertFalse(CouchDbReplies.notFound(reply(404, "{\"error\":\"not_found\"}")));
    assertFalse(CouchDbReplies.notFound(reply(200, missing)));
  }
}
