package dev.periksa.check.storage;

import dev.periksa.product.S3Replies;
import java.util.List;

/**
 * What an object store's anonymous listing of one bucket (container) showed.
 *
 * @param bucket the bucket the listing says it is (matched against the one asked for)
 * @param objects the objects listed on this page, in the store's order
 * @param truncated whether the store said more objects exist beyond this page
 * @param api which of the product's APIs answered (e.g. "json" or "xml" for Google Cloud Storage)
 */
record ObjectListing(String bucket, List<StoredObject> objects, boolean truncated, String api) {

  ObjectListing {
    objects = List.copyOf(objects);
  }

  /** An S3-format listing, read by {@link S3Replies}, answered by this API. */
  static ObjectListing of(S3Replies.Listing l, String api) {
    return new ObjectListing(
        l.bucket(),
        l.objects().stream().map(o -> new StoredObject(o.key(), o.size())).toList(),
        l.truncated(),
        api);
  }

  /** One listed object: its key and its size in bytes (-1 when the listing did not say). */
  record StoredObject(String key, long size) {}

  long totalBytes() {
    return objects.stream().mapToLong(o -> Math.max(0, o.size())).sum();
  }
}
