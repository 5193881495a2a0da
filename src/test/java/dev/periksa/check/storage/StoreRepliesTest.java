package dev.periksa.check.storage;

import static dev.periksa.check.storage.DocumentedReplies.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.check.storage.ObjectListing.StoredObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reply parsers, on replies copied from each product's public documentation. */
class StoreRepliesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode j(String s) throws Exception {
    return JSON.readTree(s);
  }

  @Test
  void s3ListObjectsSampleIsAListingOfItsBucketOnly() {
    ObjectListing l = StoreReplies.s3Listing(b(S3_LIST_OBJECTS), "bucket", "s3").orElseThrow();
    assertEquals(
        List.of(
            new StoredObject("my-image.jpg", 434234),
            new StoredObject("my-third-image.jpg", 64994)),
        l.objects());
    assertFalse(l.truncated());
    assertEquals(434234 + 64994, l.totalBytes());
    assertTrue(
        StoreReplies.s3Listing(b(S3_LIST_OBJECTS), "ehac-exports", "s3").isEmpty(),
        "a listing that names another bucket is not this bucket's listing");
  }

  @Test
  void s3ListBucketsAndErrors() {
    assertEquals(
        List.of("quotes", "samples"), StoreReplies.s3Buckets(b(S3_LIST_BUCKETS)).orElseThrow());
    StoreReplies.StoreError e = StoreReplies.xmlError(b(S3_ACCESS_DENIED)).orElseThrow();
    assertEquals("AccessDenied", e.code());
    assertEquals("Access Denied", e.message());
    assertEquals("NoSuchBucket", StoreReplies.xmlError(b(S3_NO_SUCH_BUCKET)).orElseThrow().code());
    assertTrue(StoreReplies.xmlError(b(S3_LIST_OBJECTS)).isEmpty());
    assertTrue(StoreReplies.s3Buckets(b(S3_ACCESS_DENIED)).isEmpty());
    assertTrue(StoreReplies.s3Listing(b(S3_ACCESS_DENIED), "bucket", "s3").isEmpty());
  }

  @Test
  void truncatedOrForeignXmlIsNoListing() {
    String cut = S3_LIST_OBJECTS.substring(0, S3_LIST_OBJECTS.length() / 2);
    assertTrue(StoreReplies.s3Listing(b(cut), "bucket", "s3").isEmpty());
    assertTrue(
        StoreReplies.s3Listing(b("<html><body>bucket</body></html>"), "bucket", "s3").isEmpty());
    assertTrue(StoreReplies.s3Listing(b("{\"Name\":\"bucket\"}"), "bucket", "s3").isEmpty());
    assertTrue(StoreReplies.s3Listing(new byte[0], "bucket", "s3").isEmpty());
    // A Contents without a Key is not S3's format.
    assertTrue(
        StoreReplies.s3Listing(
                b(
                    "<ListBucketResult><Name>bucket</Name><Contents><Size>3</Size></Contents></ListBucketResult>"),
                "bucket",
                "s3")
            .isEmpty());
  }

  @Test
  void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-LOCAL-FILE");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><ListBucketResult><Name>bucket</Name><Contents><Key>&x;</Key>"
            + "<Size>1</Size></Contents></ListBucketResult>";
    assertTrue(StoreReplies.s3Listing(b(xxe), "bucket", "s3").isEmpty());
    assertTrue(SafeXml.parse(b(xxe)).isEmpty(), "a DOCTYPE is refused outright");
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + "<Error><Code>&c;</Code></Error>";
    assertTrue(StoreReplies.xmlError(b(laughs)).isEmpty());
  }

  @Test
  void gcsXmlApiListingUsesItsOwnNamespace() {
    ObjectListing l = StoreReplies.s3Listing(b(GCS_XML_LIST), "travel-maps", "xml").orElseThrow();
    assertEquals(2, l.objects().size());
    assertEquals("europe/france/cannes.jpg", l.objects().get(0).key());
    assertEquals(2L * 5061631, l.totalBytes());
    assertEquals("xml", l.api());
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
    StoreReplies.StoreError e = StoreReplies.gcsError(j(GCS_JSON_401)).orElseThrow();
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
  void azureErrors() {
    assertEquals(
        "PublicAccessNotPermitted",
        StoreReplies.xmlError(b(AZURE_PUBLIC_ACCESS_NOT_PERMITTED)).orElseThrow().code());
    assertTrue(
        StoreReplies.xmlError(b(AZURE_RESOURCE_NOT_FOUND))
            .orElseThrow()
            .message()
            .startsWith("The specified resource does not exist."));
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
