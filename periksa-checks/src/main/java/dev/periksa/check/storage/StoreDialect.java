package dev.periksa.check.storage;

import dev.periksa.check.TargetContext;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.StoreError;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** How one object-store product lists a bucket, serves an object and refuses a stranger. */
interface StoreDialect {

  /** The product as findings name it, e.g. "S3-compatible object store". */
  String product();

  /** What the product calls a bucket: "bucket" or "container". */
  String bucketWord();

  /** Headers sent with every anonymous request (never credentials). */
  Map<String, String> headers();

  /** Asks anonymously for one page of a bucket's objects. */
  Listed list(TargetContext ctx, URI base, String bucket);

  /**
   * Whether a reply has the shape of a listing at all, whatever bucket it names: an invented bucket
   * answered this way means a look-alike that answers every path.
   */
  boolean looksLikeListing(ProbeResponse r);

  /** Where one listed object is served. */
  URI objectUrl(URI base, ObjectListing listing, String key);

  /** The product's own error document in a reply, if the reply is one. */
  Optional<StoreError> error(ProbeResponse r);

  /** Whether this error means "not for you": the bucket refuses anonymous callers. */
  boolean isRefusal(ProbeResponse r, StoreError e);

  /** Whether this error means the bucket does not exist. */
  boolean isMissing(ProbeResponse r, StoreError e);

  /** A listing reply and the listing it holds, if it is one for the bucket asked for. */
  record Listed(ProbeResponse response, Optional<ObjectListing> listing) {}
}
