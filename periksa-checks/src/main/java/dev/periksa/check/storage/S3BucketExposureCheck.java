package dev.periksa.check.storage;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.storage.BucketExposure.Baseline;
import dev.periksa.check.storage.StoreDialect.Listed;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.SeverityRule;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.S3Replies;
import dev.periksa.product.StoreError;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * STO-2 for Amazon S3 and S3-compatible stores (MinIO, Ceph RGW, s3proxy...): does a declared
 * bucket list or serve its objects to a stranger?
 *
 * <p>Buckets tried: the endpoint's {@code resources}, its {@code fixture}, and any the endpoint
 * itself lists to an anonymous {@code GET /} (ListBuckets), at most {@value
 * BucketExposure#MAX_BUCKETS}. Exposure of a bucket needs a well-formed {@code ListBucketResult}
 * naming it plus either an object from it served anonymously (a ranged read) or S3's own {@code
 * Error} document for an invented bucket; see {@link BucketExposure}. A bucket that answers {@code
 * 403 AccessDenied} in S3's error format passes. Endpoints are path-style: declare the service URL
 * (e.g. {@code https://s3.ap-southeast-3.amazonaws.com} or a MinIO server) and the bucket names.
 *
 * <p>Write probe: only when the endpoint names a {@code fixture}, and only against that bucket, an
 * anonymous {@code PUT} of a small marker object is tried; if it is accepted and reads back, that
 * is a finding of its own (HIGH: anyone can replace or plant files beside health data), and the
 * marker is deleted at once. Without a fixture nothing is ever written.
 */
@AutoService(Check.class)
public final class S3BucketExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-2.s3",
          "S3 and S3-compatible buckets refuse anonymous listing, reads and writes",
          "S3",
          List.of("STO-2"),
          List.of("s3"),
          List.of(284, 359, 732),
          "Block public access on the bucket and the account (S3 Block Public Access; on MinIO set"
              + " the bucket's anonymous policy to none and keep root credentials secret), remove"
              + " public-read ACLs and bucket policies that grant \"*\", serve exports only through"
              + " short-lived pre-signed URLs, and treat what was reachable as a personal-data"
              + " breach: assess it and notify as the law requires (UU PDP: within 3x24 hours;"
              + " GDPR Art. 33: 72 hours).");

  /** Bucket names listed at the root that are named in the evidence. */
  static final int BUCKETS_SHOWN = 10;

  static final StoreDialect DIALECT = new S3Dialect();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    BucketExposure buckets = new BucketExposure(ctx, e, DIALECT, METADATA);
    Baseline base = buckets.baseline();
    result.observe(base.evidence());
    if (base.lookAlike()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": lists an invented bucket like a real one; a look-alike that answers every"
              + " path; whether an S3 store is behind it cannot be told");
      return;
    }

    ProbeResponse root = ctx.http().get(StoreUrls.at(e.url(), "/", null));
    Optional<List<String>> listed = S3Replies.buckets(root.reply());
    Evidence rootEvidence = rootEvidence(ctx, root, listed);
    result.observe(rootEvidence);

    Set<String> names = new LinkedHashSet<>(e.resources());
    if (e.fixture() != null) {
      names.add(e.fixture());
    }
    listed.ifPresent(names::addAll);
    BucketNames.Found guessed = null;
    if (names.isEmpty()) {
      // Nothing named, nothing listed: the common names, alone and joined to the target's own.
      guessed = BucketNames.existingOnS3(ctx, e, BucketExposure.MAX_BUCKETS);
      names.addAll(guessed.existing());
      if (!guessed.existing().isEmpty()) {
        result.observe(
            ctx.redactor()
                .capture(
                    "bucket names guessed on " + e.name(),
                    e.url().toString(),
                    0,
                    null,
                    Map.of("tried", guessed.tried(), "existing", guessed.existing())));
      }
    }
    List<String> tried = names.stream().limit(BucketExposure.MAX_BUCKETS).toList();
    List<Evidence> context = listed.isPresent() ? List.of(rootEvidence) : List.of();

    boolean failed = false;
    for (String b : tried) {
      failed |= buckets.probe(b, base, context, result) == Outcome.FAIL;
    }
    if (listed.isPresent() && !failed) {
      bucketListOnly(e, base, listed.get(), rootEvidence, result);
    } else if (tried.isEmpty() && guessed != null && guessed.refusesAll() && root.isRefusal()) {
      // The door is shut: the bucket list, a bucket that cannot exist and every common name are
      // refused alike. A public bucket under a name nobody can guess is the limit of this, said.
      result.part(
          Outcome.PASS,
          e.name()
              + ": refuses every anonymous request: its bucket list ("
              + root.status()
              + "), a bucket that cannot exist and "
              + guessed.tried()
              + " common bucket names (name the buckets in the endpoint's resources to judge each)");
    } else if (tried.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": no bucket to try; name the buckets in the endpoint's resources (the endpoint"
              + " does not list its buckets to strangers: "
              + root.status()
              + (guessed != null
                  ? ", and none of " + guessed.tried() + " common bucket names exists there"
                  : "")
              + ")");
    }
    if (e.fixture() != null) {
      writeProbe(ctx, e, result);
    }
  }

  /** The root lists buckets to anyone, though none of them listed its objects. */
  private void bucketListOnly(
      Endpoint e,
      Baseline base,
      List<String> listed,
      Evidence rootEvidence,
      CheckResult.Builder result) {
    if (base.productError().isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name() + ": answers GET / with a bucket list, but not like S3 elsewhere");
      return;
    }
    Finding f =
        new Finding(
            listed.isEmpty()
                ? "S3-compatible store answers anonymous ListBuckets (no buckets yet)"
                : "S3-compatible store lists its " + listed.size() + " buckets to anyone",
            e.url().toString(),
            SeverityRule.NOTHING_PERSONAL.severity(),
            List.of(rootEvidence, base.evidence()),
            METADATA.remediation());
    result.fail(f, e.name() + ": lists its buckets to anyone");
  }

  private Evidence rootEvidence(
      TargetContext ctx, ProbeResponse root, Optional<List<String>> listed) {
    Map<String, Object> facts = new LinkedHashMap<>();
    listed.ifPresent(
        l -> {
          facts.put("buckets", l.size());
          facts.put("names", l.stream().limit(BUCKETS_SHOWN).toList());
        });
    DIALECT
        .error(root)
        .ifPresent(
            er -> {
              facts.put("error", er.code());
              facts.put("message", er.message());
            });
    root.header("server").ifPresent(s -> facts.put("server", s));
    return ctx.redactor()
        .capture("bucket list (GET /)", root.request(), root.status(), root.body(), facts);
  }

  /** Only against the fixture the profile names: write a marker anonymously, read it, delete it. */
  private void writeProbe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    String bucket = e.fixture();
    String key = StoreUrls.invented("periksa-write-probe-") + ".txt";
    byte[] marker =
        ("Periksa anonymous write probe " + key + "; safe to delete.\n")
            .getBytes(StandardCharsets.UTF_8);
    URI url =
        StoreUrls.at(e.url(), "/" + StoreUrls.segment(bucket) + "/" + StoreUrls.key(key), null);
    String where = e.name() + ": fixture bucket " + bucket;
    List<Evidence> evidence = new ArrayList<>();
    ProbeResponse put = ctx.http().send("PUT", url, Map.of("Content-Type", "text/plain"), marker);
    Optional<StoreError> putError = DIALECT.error(put);
    evidence.add(writeEvidence(ctx, "anonymous write to the fixture", put, putError, bucket, key));
    if (!put.isSuccess()) {
      evidence.forEach(result::observe);
      if (putError.isPresent() && DIALECT.isRefusal(put, putError.get())) {
        result.part(
            Outcome.PASS,
            where
                + " refuses anonymous writes ("
                + put.status()
                + " "
                + putError.get().code()
                + ")");
      } else {
        result.part(
            Outcome.INCONCLUSIVE,
            where + ": the anonymous write got " + put.status() + ", not an S3 refusal");
      }
      return;
    }
    boolean confirmed = false;
    try {
      ProbeResponse get = ctx.http().get(url, Map.of("Range", "bytes=0-" + (marker.length - 1)));
      confirmed = (get.status() == 200 || get.status() == 206) && Arrays.equals(get.body(), marker);
      evidence.add(
          writeEvidence(ctx, "anonymous read of the marker", get, DIALECT.error(get), bucket, key));
    } catch (ProbeException ex) {
      // Not confirmed; the marker is still deleted below.
    }
    boolean deleted = false;
    try {
      ProbeResponse del = ctx.http().send("DELETE", url, Map.of());
      deleted = del.isSuccess();
      evidence.add(
          writeEvidence(
              ctx, "anonymous delete of the marker", del, DIALECT.error(del), bucket, key));
    } catch (ProbeException ex) {
      // Reported below: the marker may still be there.
    }
    String leftover =
        deleted ? "" : " The marker object " + key + " could not be deleted: remove it.";
    if (!confirmed) {
      evidence.forEach(result::observe);
      result.part(
          Outcome.INCONCLUSIVE,
          where + " accepted an anonymous write that did not read back." + leftover);
      return;
    }
    Finding f =
        new Finding(
            "Anyone can write to S3 bucket "
                + bucket
                + ": a marker object was written and read back without credentials."
                + leftover,
            StoreUrls.at(e.url(), "/" + StoreUrls.segment(bucket), null).toString(),
            WeaknessRule.BUCKET_WRITABLE_BY_ANYONE.severity(),
            evidence,
            METADATA.remediation());
    result.fail(f, where + " accepts anonymous writes");
  }

  private static Evidence writeEvidence(
      TargetContext ctx,
      String title,
      ProbeResponse r,
      Optional<StoreError> err,
      String bucket,
      String key) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("bucket", bucket);
    facts.put("key", key);
    err.ifPresent(
        er -> {
          facts.put("error", er.code());
          facts.put("message", er.message());
        });
    return ctx.redactor().capture(title, r.request(), r.status(), r.body(), facts);
  }

  /** S3's REST API, path-style: {@code GET /bucket/?max-keys=N}, {@code GET /bucket/key}. */
  static final class S3Dialect implements StoreDialect {
    /** Objects asked for in one listing: enough to count, small enough for the body cap. */
    static final int MAX_KEYS = 200;

    @Override
    public String product() {
      return "S3-compatible store";
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
      ProbeResponse r =
          ctx.http()
              .get(
                  StoreUrls.at(
                      base, "/" + StoreUrls.segment(bucket) + "/", "max-keys=" + MAX_KEYS));
      return new Listed(
          r, S3Replies.listing(r.reply(), bucket).map(l -> ObjectListing.of(l, "s3")));
    }

    @Override
    public boolean looksLikeListing(ProbeResponse r) {
      return S3Replies.listingShape(r.reply());
    }

    @Override
    public URI objectUrl(URI base, ObjectListing listing, String key) {
      return StoreUrls.at(
          base, "/" + StoreUrls.segment(listing.bucket()) + "/" + StoreUrls.key(key), null);
    }

    @Override
    public Optional<StoreError> error(ProbeResponse r) {
      return S3Replies.error(r.reply());
    }

    @Override
    public boolean isRefusal(ProbeResponse r, StoreError e) {
      return (r.status() == 403 || r.status() == 401)
          && Set.of("AccessDenied", "AllAccessDisabled").contains(e.code());
    }

    @Override
    public boolean isMissing(ProbeResponse r, StoreError e) {
      return r.status() == 404 && e.code().equals("NoSuchBucket");
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: S3 and S3-compatible (MinIO...), kind `s3`. anonymous ListBuckets at `/`, then
        each bucket in `resources`: a `ListBucketResult` naming it plus a ranged read of a listed
        object (or S3's own error for an invented bucket); first 4 KiB of at most 2 objects per
        bucket, CSV rows read against their header; an anonymous write (marker object, deleted at
        once) is tried only in the endpoint's `fixture` bucket. With no bucket named and none
        listed (a store found by discovery, most often), common names are tried
        (`paths/bucket-names.txt`: `backup`, `exports`, `ekspor`, `arsip`… alone and joined to the
        words of the profile's name, the endpoint's name and the scope's host names; at most 60):
        a name whose answer is a refusal (not `NoSuchBucket`) exists and is examined, except on a
        store that refuses even a bucket that cannot exist, where only a bucket that lists its
        objects counts. A store that refuses its bucket list, the invented bucket and every name
        tried passes with that said (a public bucket under a name nobody can guess is beyond this;
        name the buckets in `resources`); one where nothing could be tried is INCONCLUSIVE
        """;
  }
}
