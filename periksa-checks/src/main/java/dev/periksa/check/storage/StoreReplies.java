package dev.periksa.check.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.check.storage.ObjectListing.StoredObject;
import dev.periksa.product.S3Replies;
import dev.periksa.product.SafeXml;
import dev.periksa.product.StoreError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads the documents of the object stores that discovery and the ZAP rules do not know: Azure Blob
 * Storage's {@code EnumerationResults}; Google Cloud Storage's JSON API {@code storage#objects}
 * list and error; Firebase Realtime Database's shallow reads and errors. S3's documents (which
 * Google Cloud Storage's XML API and Azure's errors share) are {@link S3Replies}'. Each parser
 * accepts only the documented structure and says nothing about anything else.
 */
public final class StoreReplies {
  private StoreReplies() {}

  /**
   * Azure's {@code EnumerationResults} of List Blobs for exactly this container. Since version
   * 2013-08-15 the root carries {@code ServiceEndpoint} and {@code ContainerName="name"}; older
   * versions (and anonymous requests without {@code x-ms-version}) put the container's URL in
   * {@code ContainerName}: both are accepted when they name this container.
   */
  static Optional<ObjectListing> azureListing(byte[] body, String container) {
    return SafeXml.root(SafeXml.parse(body), "EnumerationResults")
        .flatMap(
            root -> {
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
