package dev.periksa.product;

import static dev.periksa.testing.DocumentedReplies.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3's documents (and Google Cloud Storage's XML listing, Azure's errors, which share them), on
 * replies copied from the products' public documentation; the check, discovery and rule 120101 are
 * proven against the lab's s3proxy.
 */
class S3RepliesTest {

  private static HttpReply ok(String body) {
    return HttpReply.of(200, body);
  }

  private static HttpReply reply(int status, String body, Map<String, List<String>> headers) {
    return new HttpReply(status, headers, body.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void listObjectsSampleIsAListingOfItsBucketOnly() {
    S3Replies.Listing l = S3Replies.listing(ok(S3_LIST_OBJECTS), "bucket").orElseThrow();
    assertEquals(
        List.of(
            new S3Replies.Entry("my-image.jpg", 434234),
            new S3Replies.Entry("my-third-image.jpg", 64994)),
        l.objects());
    assertFalse(l.truncated());
    assertTrue(
        S3Replies.listing(ok(S3_LIST_OBJECTS), "ehac-exports").isEmpty(),
        "a listing that names another bucket is not this bucket's listing");
    assertEquals("bucket", S3Replies.listing(ok(S3_LIST_OBJECTS)).orElseThrow().bucket());
    assertTrue(S3Replies.listing(reply(403, S3_LIST_OBJECTS, Map.of())).isEmpty(), "2xx only");
  }

  @Test
  void listBucketsAndErrors() {
    assertEquals(
        List.of("quotes", "samples"), S3Replies.buckets(ok(S3_LIST_BUCKETS)).orElseThrow());
    StoreError e = S3Replies.error(reply(403, S3_ACCESS_DENIED, Map.of())).orElseThrow();
    assertEquals("AccessDenied", e.code());
    assertEquals("Access Denied", e.message());
    assertEquals(
        "NoSuchBucket",
        S3Replies.error(reply(404, S3_NO_SUCH_BUCKET, Map.of())).orElseThrow().code());
    assertTrue(S3Replies.error(reply(404, S3_LIST_OBJECTS, Map.of())).isEmpty());
    assertTrue(S3Replies.error(ok(S3_ACCESS_DENIED)).isEmpty(), "a 2xx is no error");
    assertTrue(S3Replies.buckets(ok(S3_ACCESS_DENIED)).isEmpty());
    assertTrue(S3Replies.buckets(ok(S3_LIST_OBJECTS)).isEmpty());
    assertTrue(S3Replies.listing(ok(S3_ACCESS_DENIED), "bucket").isEmpty());
    assertTrue(S3Replies.listingShape(ok(S3_LIST_OBJECTS)));
    assertFalse(S3Replies.listingShape(ok(S3_LIST_BUCKETS)));
  }

  @Test
  void anEmptyBucketListIsStillOne() {
    String none =
        "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>x"
            + "</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>";
    assertEquals(List.of(), S3Replies.buckets(ok(none)).orElseThrow());
    assertTrue(
        S3Replies.buckets(ok("<ListAllMyBucketsResult><Owner/></ListAllMyBucketsResult>"))
            .isEmpty(),
        "without a Buckets element it is not S3's document");
  }

  @Test
  void namesAreReadAsXmlNotAsText() {
    String escaped =
        "<ListAllMyBucketsResult><Buckets><Bucket><Name>a&amp;b</Name></Bucket></Buckets>"
            + "</ListAllMyBucketsResult>";
    assertEquals(List.of("a&b"), S3Replies.buckets(ok(escaped)).orElseThrow());
  }

  @Test
  void truncatedOrForeignXmlIsNoListing() {
    String cut = S3_LIST_OBJECTS.substring(0, S3_LIST_OBJECTS.length() / 2);
    assertTrue(S3Replies.listing(ok(cut), "bucket").isEmpty());
    byte[] whole = S3_LIST_OBJECTS.getBytes(StandardCharsets.UTF_8);
    assertTrue(
        S3Replies.listing(new HttpReply(200, Map.of(), whole, false), "bucket").isEmpty(),
        "a reply the reader cut is not read, even where the cut left well-formed XML");
    assertTrue(S3Replies.listing(ok("<html><body>bucket</body></html>"), "bucket").isEmpty());
    assertTrue(S3Replies.listing(ok("<p>ListBucketResult</p>")).isEmpty());
    assertTrue(S3Replies.listing(ok("{\"Name\":\"bucket\"}"), "bucket").isEmpty());
    assertTrue(S3Replies.listing(ok(""), "bucket").isEmpty());
    // A Contents without a Key is not S3's format.
    assertTrue(
        S3Replies.listing(
                ok(
                    "<ListBucketResult><Name>bucket</Name><Contents><Size>3</Size></Contents>"
                        + "</ListBucketResult>"),
                "bucket")
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
    assertTrue(S3Replies.listing(ok(xxe), "bucket").isEmpty());
    assertTrue(
        SafeXml.parse(xxe.getBytes(StandardCharsets.UTF_8)).isEmpty(),
        "a DOCTYPE is refused outright");
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
            + "<Error><Code>&c;</Code></Error>";
    assertTrue(S3Replies.error(reply(403, laughs, Map.of())).isEmpty());
  }

  @Test
  void deepNestingIsNotRead() {
    String deep =
        "<ListBucketResult><Name>b</Name>"
            + "<x>".repeat(SafeXml.MAX_DEPTH + 1)
            + "</x>".repeat(SafeXml.MAX_DEPTH + 1)
            + "</ListBucketResult>";
    assertTrue(S3Replies.listing(ok(deep)).isEmpty());
  }

  @Test
  void gcsXmlApiListingUsesItsOwnNamespace() {
    S3Replies.Listing l = S3Replies.listing(ok(GCS_XML_LIST), "travel-maps").orElseThrow();
    assertEquals(2, l.objects().size());
    assertEquals("europe/france/cannes.jpg", l.objects().get(0).key());
    assertEquals(2L * 5061631, l.objects().stream().mapToLong(S3Replies.Entry::size).sum());
  }

  @Test
  void azureErrorsShareTheFormat() {
    assertEquals(
        "PublicAccessNotPermitted",
        S3Replies.error(reply(409, AZURE_PUBLIC_ACCESS_NOT_PERMITTED, Map.of()))
            .orElseThrow()
            .code());
    assertTrue(
        S3Replies.error(reply(404, AZURE_RESOURCE_NOT_FOUND, Map.of()))
            .orElseThrow()
            .message()
            .startsWith("The specified resource does not exist."));
  }

  @Test
  void s3ItselfIsKnownByItsErrorCodeAndRequestId() {
    Map<String, List<String>> amz = Map.of("x-amz-request-id", List.of("4442587FB7D0A2F9"));
    assertTrue(S3Replies.ownError(reply(403, S3_ACCESS_DENIED, amz)));
    assertTrue(S3Replies.identifies(reply(403, S3_ACCESS_DENIED, amz)));
    assertTrue(S3Replies.identifies(ok(S3_LIST_BUCKETS)));
    assertFalse(
        S3Replies.ownError(
            reply(403, "<Error><Code>AccessDenied</Code><Message>x</Message></Error>", Map.of())),
        "without S3's request id an XML error could be anyone's");
    assertFalse(
        S3Replies.ownError(reply(409, AZURE_PUBLIC_ACCESS_NOT_PERMITTED, amz)),
        "not one of the codes S3 gives a stranger");
    assertFalse(S3Replies.identifies(ok(S3_LIST_OBJECTS)), "a bucket page is not a root");
  }
}
