package dev.periksa.check.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.check.storage.ObjectListing.StoredObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads the documents object stores answer with: S3's (and MinIO's, and Google Cloud Storage's XML
 * API) {@code ListBucketResult}, {@code ListAllMyBucketsResult} and {@code Error}; Azure Blob
 * Storage's {@code EnumerationResults} and {@code Error}; Google Cloud Storage's JSON API {@code
 * storage#objects} list and error; Firebase Realtime Database's shallow reads and errors. Each
 * parser accepts only the documented structure and says nothing about anything else.
 */
public final class StoreReplies {
  private StoreReplies() {}

  /** A product's own error document: its code and message. */
  public record StoreError(String code, String message) {}

  /**
   * An S3-style {@code ListBucketResult} for exactly this bucket: the root element, its {@code
   * Name} equal to the bucket asked for, and every {@code Contents} with a {@code Key}.
   */
  static Optional<ObjectListing> s3Listing(byte[] body, String bucket, String api) {
    return SafeXml.parse(body)
        .flatMap(
            d -> {
              Element root = d.getDocumentElement();
              if (!SafeXml.name(root).equals("ListBucketResult")) {
                return Optional.empty();
              }
              Optional<String> name = SafeXml.text(root, "Name");
              if (name.isEmpty() || !name.get().equals(bucket)) {
                return Optional.empty();
              }
              List<StoredObject> objects = new ArrayList<>();
              for (Element c : SafeXml.children(root, "Contents")) {
                Optional<String> key = SafeXml.text(c, "Key");
                if (key.isEmpty()) {
                  return Optional.empty();
                }
                objects.add(new StoredObject(key.get(), number(SafeXml.text(c, "Size"))));
              }
              boolean truncated =
                  SafeXml.text(root, "IsTruncated").map("true"::equalsIgnoreCase).orElse(false);
              return Optional.of(new ObjectListing(bucket, objects, truncated, api));
            });
  }

  /** The bucket names of an S3 {@code ListAllMyBucketsResult}. */
  public static Optional<List<String>> s3Buckets(byte[] body) {
    return SafeXml.parse(body)
        .flatMap(
            d -> {
              Element root = d.getDocumentElement();
              if (!SafeXml.name(root).equals("ListAllMyBucketsResult")) {
                return Optional.empty();
              }
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
   * The {@code <Error><Code>..</Code><Message>..</Message></Error>} document that S3, MinIO, Google
   * Cloud Storage's XML API and Azure Blob Storage answer errors with.
   */
  public static Optional<StoreError> xmlError(byte[] body) {
    return SafeXml.parse(body)
        .flatMap(
            d -> {
              Element root = d.getDocumentElement();
              if (!SafeXml.name(root).equals("Error")) {
                return Optional.empty();
              }
              Optional<String> code = SafeXml.text(root, "Code");
              if (code.isEmpty() || code.get().isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoreError(code.get(), SafeXml.text(root, "Message").orElse("")));
            });
  }

  /**
   * Azure's {@code EnumerationResults} of List Blobs for exactly this container. Since version
   * 2013-08-15 the root carries {@code ServiceEndpoint} and {@code ContainerName="name"}; older
   * versions (and anonymous requests without {@code x-ms-version}) put the container's URL in
   * {@code ContainerName}: both are accepted when they name this container.
   */
  static Optional<ObjectListing> azureListing(byte[] body, String container) {
    return SafeXml.parse(body)
        .flatMap(
            d -> {
              Element root = d.getDocumentElement();
              if (!SafeXml.name(root).equals("EnumerationResults")) {
                return Optional.empty();
              }
              String named = root.getAttribute("ContainerName");
              if (!(named.equals(container) || named.endsWith("/" + container))) {
                return Optional.empty();
              }
              Optional<Element> blobs = SafeXml.child(root, "Blobs");
              if (blobs.isEmpty()) {
                return Optional.empty();
              }
              List<StoredObject> objects = new ArrayList<>();
              for (Element b : SafeXml.children(blobs.get(), "Blob")) {
                Optional<String> name = SafeXml.text(b, "Name");
                if (name.isEmpty()) {
                  return Optional.empty();
                }
                long size =
                    SafeXml.child(b, "Properties")
                        .map(p -> number(SafeXml.text(p, "Content-Length")))
                        .orElse(-1L);
                objects.add(new StoredObject(name.get(), size));
              }
              boolean truncated =
                  SafeXml.text(root, "NextMarker").map(m -> !m.isEmpty()).orElse(false);
              return Optional.of(new ObjectListing(container, objects, truncated, "blob"));
            });
  }

  /**
   * Google Cloud Storage's JSON API object list ({@code "kind": "storage#objects"}) for exactly
   * this bucket: every listed item is a {@code storage#object} with a name and, when it says which
   * bucket it is in, this bucket.
   */
  static Optional<ObjectListing> gcsListing(JsonNode j, String bucket) {
    if (j == null || !j.isObject() || !"storage#objects".equals(j.path("kind").asText())) {
      return Optional.empty();
    }
    JsonNode items = j.path("items");
    if (!items.isMissingNode() && !items.isArray()) {
      return Optional.empty();
    }
    List<StoredObject> objects = new ArrayList<>();
    for (JsonNode it : items) {
      if (!it.path("name").isTextual()) {
        return Optional.empty();
      }
      if (it.has("bucket") && !bucket.equals(it.path("bucket").asText())) {
        return Optional.empty();
      }
      objects.add(new StoredObject(it.get("name").asText(), number(it.path("size"))));
    }
    boolean truncated = j.path("nextPageToken").isTextual();
    return Optional.of(new ObjectListing(bucket, objects, truncated, "json"));
  }

  /**
   * Google's JSON API error: {@code {"error": {"code": 401, "message": "...", "errors": [{"reason":
   * "required"}]}}}; its code here is the first reason, or the HTTP code when there is none.
   */
  static Optional<StoreError> gcsError(JsonNode j) {
    if (j == null || !j.isObject()) {
      return Optional.empty();
    }
    JsonNode e = j.path("error");
    if (!e.path("code").isInt() || !e.path("message").isTextual()) {
      return Optional.empty();
    }
    String reason = e.path("errors").path(0).path("reason").asText("");
    return Optional.of(
        new StoreError(
            reason.isEmpty() ? e.get("code").asText() : reason, e.get("message").asText()));
  }

  /** Firebase Realtime Database's error: {@code {"error": "Permission denied"}}. */
  static Optional<StoreError> firebaseError(JsonNode j) {
    if (j == null || !j.isObject() || j.size() != 1 || !j.path("error").isTextual()) {
      return Optional.empty();
    }
    return Optional.of(new StoreError("error", j.get("error").asText()));
  }

  /**
   * The child names of a Firebase shallow read ({@code ?shallow=true}): an object whose values are
   * all {@code true} (a child with children) or primitives (a leaf).
   */
  static Optional<List<String>> firebaseShallow(JsonNode j) {
    if (j == null || !j.isObject() || j.isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    var it = j.fields();
    while (it.hasNext()) {
      var f = it.next();
      if (f.getValue().isContainerNode()) {
        return Optional.empty();
      }
      keys.add(f.getKey());
    }
    return Optional.of(keys);
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

  private static long number(JsonNode n) {
    if (n.isNumber()) {
      return n.asLong();
    }
    return n.isTextual() ? number(Optional.of(n.asText())) : -1;
  }
}
