package dev.periksa.check.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.TargetContext;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.S3Replies;
import dev.periksa.product.SafeXml;
import dev.periksa.product.StoreError;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STO-2 for Google Cloud Storage: does a declared bucket list or serve its objects to a stranger
 * ({@code allUsers} holding {@code storage.objects.list} or {@code storage.objects.get})?
 *
 * <p>Listing uses the JSON API ({@code GET /storage/v1/b/BUCKET/o}, a {@code storage#objects} list
 * whose items name the bucket) and falls back to the XML API ({@code GET /BUCKET}, an S3-style
 * {@code ListBucketResult}) when the endpoint does not speak JSON; objects are read with a byte
 * range from the API that listed them. A protected bucket answers {@code 401}/{@code 403} with
 * Google's JSON error ("Anonymous caller does not have storage.objects.list access...") or the XML
 * {@code AccessDenied} error, and passes. Two signals are needed for a FAIL, as for every store
 * (see {@link BucketExposure}). Declare the endpoint as {@code https://storage.googleapis.com} with
 * the bucket names as resources.
 *
 * <p>Limitation: no Google Cloud Storage server can run in this project's lab, so the parsers are
 * proven on replies copied from Google's public documentation and the check's wiring against a
 * local HTTP server that serves those documented replies; it has not been run against the real
 * service.
 */
@AutoService(Check.class)
public final class GcsBucketExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-2.gcs",
          "Google Cloud Storage buckets refuse anonymous listing and reads",
          "Google Cloud Storage",
          List.of("STO-2"),
          List.of("gcs"),
          List.of(284, 359, 732),
          "Remove allUsers and allAuthenticatedUsers from the bucket's IAM policy and object ACLs,"
              + " enforce public access prevention and uniform bucket-level access, serve exports"
              + " through short-lived signed URLs, and treat what was reachable as a personal-data"
              + " breach: assess it and notify as the law requires (UU PDP: within 3x24 hours;"
              + " GDPR Art. 33: 72 hours).");

  static final StoreDialect DIALECT = new GcsDialect();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    BucketExposure.probeDeclared(ctx, e, DIALECT, METADATA, result);
  }

  /** The JSON API first, the XML API when the endpoint does not answer in JSON. */
  static final class GcsDialect implements StoreDialect {
    static final int MAX_RESULTS = 200;

    @Override
    public String product() {
      return "Google Cloud Storage";
    }

    @Override
    public String bucketWord() {
      return "bucket";
    }

    @Override
    public Map<String, String> headers() {
      return Map.of();
    }

    @Override
    public Listed list(TargetContext ctx, URI base, String bucket) {
      ProbeResponse json =
          ctx.http()
              .get(
                  StoreUrls.at(
                      base,
                      "/storage/v1/b/" + StoreUrls.segment(bucket) + "/o",
                      "maxResults=" + MAX_RESULTS));
      Optional<JsonNode> j = json.json();
      if (j.isPresent()) {
        Optional<ObjectListing> l =
            json.isSuccess() ? StoreReplies.gcsListing(j.get(), bucket) : Optional.empty();
        if (l.isPresent()
            || StoreReplies.gcsError(j.get()).isPresent()
            || "storage#objects".equals(j.get().path("kind").asText())) {
          return new Listed(json, l);
        }
      }
      ProbeResponse xml =
          ctx.http()
              .get(StoreUrls.at(base, "/" + StoreUrls.segment(bucket), "max-keys=" + MAX_RESULTS));
      if (SafeXml.rootName(xml.body()).isEmpty()) {
        return new Listed(json, Optional.empty());
      }
      return new Listed(
          xml, S3Replies.listing(xml.reply(), bucket).map(l -> ObjectListing.of(l, "xml")));
    }

    @Override
    public boolean looksLikeListing(ProbeResponse r) {
      if (!r.isSuccess()) {
        return false;
      }
      if (r.json().map(j -> "storage#objects".equals(j.path("kind").asText())).orElse(false)) {
        return true;
      }
      return S3Replies.listingShape(r.reply());
    }

    @Override
    public URI objectUrl(URI base, ObjectListing listing, String key) {
      if ("xml".equals(listing.api())) {
        return StoreUrls.at(
            base, "/" + StoreUrls.segment(listing.bucket()) + "/" + StoreUrls.key(key), null);
      }
      // The JSON API names an object by its whole name as one segment, slashes encoded.
      return StoreUrls.at(
          base,
          "/storage/v1/b/" + StoreUrls.segment(listing.bucket()) + "/o/" + StoreUrls.segment(key),
          "alt=media");
    }

    @Override
    public Optional<StoreError> error(ProbeResponse r) {
      if (r.isSuccess()) {
        return Optional.empty();
      }
      Optional<StoreError> json = r.json().flatMap(StoreReplies::gcsError);
      return json.isPresent() ? json : S3Replies.error(r.reply());
    }

    @Override
    public boolean isRefusal(ProbeResponse r, StoreError e) {
      if (r.status() != 401 && r.status() != 403) {
        return false;
      }
      return e.code().equals("AccessDenied")
          || r.json().flatMap(StoreReplies::gcsError).isPresent();
    }

    @Override
    public boolean isMissing(ProbeResponse r, StoreError e) {
      return r.status() == 404
          && (e.code().equals("NoSuchBucket")
              || r.json().flatMap(StoreReplies::gcsError).isPresent());
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: Google Cloud Storage, kind `gcs`. JSON API `storage#objects` list (XML API
        `ListBucketResult` as fallback) plus a ranged object read; parsers proven on Google's
        documented replies, no real GCS server in the tests
        """;
  }
}
