package dev.periksa.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Amazon S3 and S3-compatible stores (MinIO, Ceph RGW, s3proxy; Google Cloud Storage's XML API
 * lists in the same format): the bucket list of {@code GET /} ({@code ListAllMyBucketsResult}), a
 * bucket's object listing ({@code ListBucketResult}) and the {@code Error} document, which Azure
 * Blob Storage shares. Each is read with the hardened JDK DOM parser ({@link SafeXml}) and must be
 * the document's root with its documented children: a page that merely mentions {@code
 * ListBucketResult}, or a cut listing, is not one.
 */
public final class S3Replies {
  private S3Replies() {}

  /**
   * Error codes S3 gives a stranger at the root or for a bucket it may not see: with S3's request
   * id, one of these is S3 itself speaking.
   */
  public static final Set<String> STRANGER_ERRORS =
      Set.of(
          "AccessDenied",
          "AllAccessDisabled",
          "NoSuchBucket",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "MissingSecurityHeader",
          "InvalidRequest",
          "AuthorizationHeaderMalformed");

  /** A bucket's listing: the bucket it names, the objects on this page, whether more exist. */
  public record Listing(String bucket, List<Entry> objects, boolean truncated) {
    public Listing {
      objects = List.copyOf(objects);
    }
  }

  /** One listed object: its key, and its size in bytes (-1 when the listing does not say). */
  public record Entry(String key, long size) {}

  /**
   * The bucket names of a 2xx {@code ListAllMyBucketsResult}: a {@code Buckets} element whose every
   * {@code Bucket} has a non-empty {@code Name}.
   */
  public static Optional<List<String>> buckets(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return SafeXml.root(r.xml(), "ListAllMyBucketsResult")
        .flatMap(
            root -> {
              Optional<Element> buckets = SafeXml.child(root, "Buckets");
              if (buckets.isEmpty()) {
                return Optional.empty();
              }
              List<String> names = new ArrayList<>();
              for (Element b : SafeXml.children(buckets.get(), "Bucket")) {
                Optional<String> n = SafeXml.text(b, "Name");
                if (n.isEmpty() || n.get().isEmpty()) {
                  return Optional.empty();
                }
                names.add(n.get());
              }
              return Optional.of(names);
            });
  }

  /**
   * A 2xx {@code ListBucketResult}, whichever bucket it names: the root element, a {@code Name},
   * and every {@code Contents} with a {@code Key}.
   */
  public static Optional<Listing> listing(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return SafeXml.root(r.xml(), "ListBucketResult")
        .flatMap(
            root -> {
              Optional<String> name = SafeXml.text(root, "Name");
              if (name.isEmpty()) {
                return Optional.empty();
              }
              List<Entry> objects = new ArrayList<>();
              for (Element c : SafeXml.children(root, "Contents")) {
                Optional<String> key = SafeXml.text(c, "Key");
                if (key.isEmpty()) {
                  return Optional.empty();
                }
                objects.add(new Entry(key.get(), number(SafeXml.text(c, "Size"))));
              }
              boolean truncated =
                  SafeXml.text(root, "IsTruncated").map("true"::equalsIgnoreCase).orElse(false);
              return Optional.of(new Listing(name.get(), objects, truncated));
            });
  }

  /** A listing of exactly this bucket: one that names another is not this bucket's listing. */
  public static Optional<Listing> listing(HttpReply r, String bucket) {
    return listing(r).filter(l -> l.bucket().equals(bucket));
  }

  /**
   * Whether a 2xx reply's root element is {@code ListBucketResult} at all: an invented bucket
   * answered so means a look-alike that answers every path.
   */
  public static boolean listingShape(HttpReply r) {
    return r.isSuccess()
        && SafeXml.rootName(r.body()).map("ListBucketResult"::equals).orElse(false);
  }

  /**
   * The {@code <Error><Code>..</Code><Message>..</Message></Error>} document of a non-2xx reply, as
   * S3, MinIO, Google Cloud Storage's XML API and Azure Blob Storage answer errors.
   */
  public static Optional<StoreError> error(HttpReply r) {
    if (r.isSuccess()) {
      return Optional.empty();
    }
    return SafeXml.root(r.xml(), "Error")
        .flatMap(
            root -> {
              Optional<String> code = SafeXml.text(root, "Code");
              if (code.isEmpty() || code.get().isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoreError(code.get(), SafeXml.text(root, "Message").orElse("")));
            });
  }

  /**
   * S3 itself refusing or missing: its error document with one of the {@link #STRANGER_ERRORS}
   * codes, and S3's request id (the {@code x-amz-request-id} header or a {@code RequestId}
   * element), which a generic XML error page lacks.
   */
  public static boolean ownError(HttpReply r) {
    Optional<StoreError> e = error(r);
    if (e.isEmpty() || !STRANGER_ERRORS.contains(e.get().code())) {
      return false;
    }
    return r.header("x-amz-request-id").isPresent() || r.text().contains("<RequestId>");
  }

  /** What discovery knows an S3 root by: a bucket list, or S3's own error. */
  public static boolean identifies(HttpReply root) {
    return root.isSuccess() ? buckets(root).isPresent() : ownError(root);
  }

  private static long number(Optional<String> s) {
    if (s.isEmpty()) {
      return -1;
    }
    try {
      return Long.parseLong(s.get().strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
