package dev.periksa.check.storage;

import static dev.periksa.testing.DocumentedReplies.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.check.storage.ObjectListing.StoredObject;
import dev.periksa.product.StoreError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parsers of Azure, Google Cloud Storage's JSON API and Firebase replies, on replies copied
 * from each product's public documentation (S3's format: {@code
 * dev.periksa.product.S3RepliesTest}).
 */
class StoreRepliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode j(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void gcsJsonListNamesItsBucketInEveryItem() throws Exception {
    ObjectListing l = StoreReplies.gcsListing(j(GCS_JSON_LIST), "travel-maps").orElseThrow();
    assertEquals(2, l.objects().size());
    assertEquals(new StoredObject("europe/france/paris.jpg", 5061631), l.objects().get(1));
    assertFalse(l.truncated());
    assertTrue(StoreReplies.gcsListing(j(GCS_JSON_LIST), "ehac-exports").isEmpty());
    assertTrue(
        StoreReplies.gcsListing(j("{\"kind\":\"storage#objects\",\"nextPageToken\":\"t\"}"), "b")
            .orElseThrow()
            .truncated());
    assertTrue(
        StoreReplies.gcsListing(j("{\"kind\":\"storage#buckets\",\"items\":[]}"), "b").isEmpty());
    assertTrue(StoreReplies.gcsListing(j(GCS_JSON_401), "b").isEmpty());
  }

  @Test
  void gcsJsonErrors() throws Exception {
    StoreError e = StoreReplies.gcsError(j(GCS_JSON_401)).orElseThrow();
    assertEquals("required", e.code());
    assertEquals("Login Required", e.message());
    assertEquals("notFound", StoreReplies.gcsError(j(GCS_JSON_404)).orElseThrow().code());
    assertTrue(StoreReplies.gcsError(j(GCS_JSON_LIST)).isEmpty());
    assertTrue(StoreReplies.gcsError(j("{\"error\":\"Permission denied\"}")).isEmpty());
  }

  @Test
  void azureListingsInBothDocumentedFormats() {
    ObjectListing old = StoreReplies.azureListing(b(AZURE_LIST_OLD), "mycontainer").orElseThrow();
    assertEquals(
        List.of(new StoredObject("blob1.txt", 100), new StoredObject("blob3.txt", 16384)),
        old.objects());
    ObjectListing modern =
        StoreReplies.azureListing(b(AZURE_LIST_MODERN), "mycontainer").orElseThrow();
    assertEquals(List.of(new StoredObject("blob-name", 100)), modern.objects());
    assertTrue(StoreReplies.azureListing(b(AZURE_LIST_MODERN), "other").isEmpty());
    assertTrue(StoreReplies.azureListing(b(AZURE_LIST_OLD), "container").isEmpty());
    assertTrue(
        StoreReplies.azureListing(b(AZURE_LIST_MALFORMED), "mycontainer").isEmpty(),
        "the documentation's own unclosed <Properties> is not XML");
    assertTrue(StoreReplies.azureListing(b(S3_LIST_OBJECTS), "bucket").isEmpty());
  }

  @Test
  void firebaseShallowReadsAndErrors() throws Exception {
    assertEquals(
        List.of("dinosaurs", "scores"),
        StoreReplies.firebaseShallow(j(FIREBASE_SHALLOW_ROOT)).orElseThrow());
    assertTrue(
        StoreReplies.firebaseShallow(j(FIREBASE_DINOSAURS)).isEmpty(),
        "a deep read is not a shallow one");
    assertTrue(StoreReplies.firebaseShallow(j(FIREBASE_NULL)).isEmpty());
    assertEquals(
        "Permission denied",
        StoreReplies.firebaseError(j(FIREBASE_PERMISSION_DENIED)).orElseThrow().message());
    assertTrue(StoreReplies.firebaseError(j(GCS_JSON_401)).isEmpty());
    assertTrue(StoreReplies.firebaseError(j("{\"error\":\"x\",\"data\":1}")).isEmpty());
  }
}
