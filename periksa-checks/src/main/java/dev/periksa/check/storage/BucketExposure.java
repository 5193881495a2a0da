package dev.periksa.check.storage;

import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.storage.ObjectListing.StoredObject;
import dev.periksa.check.storage.StoreDialect.Listed;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.StoreError;
import dev.periksa.target.Endpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The part every bucket-based store shares (S3 and S3-compatible stores, Google Cloud Storage,
 * Azure Blob Storage): does an anonymous caller get a bucket's listing, and then its objects?
 *
 * <p>Exposure needs two independent signals: a well-formed listing that names the bucket asked for,
 * and either an object from that listing served to the same anonymous caller (read with a byte
 * range) or the product's own error document for an invented bucket name. An invented bucket is
 * asked first: a server that lists it too answers every path alike and is a look-alike, not an
 * object store. At most {@link #OBJECTS_SAMPLED} objects per bucket are read, {@link #RANGE_BYTES}
 * bytes each; severity follows what those bytes hold.
 */
final class BucketExposure {

  /** Buckets tried on one endpoint at most (declared ones first). */
  static final int MAX_BUCKETS = 10;

  /** Objects read from one listed bucket. */
  static final int OBJECTS_SAMPLED = 2;

  /** Bytes read from the start of each sampled object. */
  static final int RANGE_BYTES = 4096;

  /** Object keys named in the evidence of one listing. */
  static final int KEYS_SHOWN = 5;

  /** Records of one object shown (masked) in the evidence. */
  static final int SAMPLES_SHOWN = 2;

  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+\\d+-\\d+/(\\d+)");
  private static final List<String> TEXT_LIKE =
      List.of(".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".txt", ".log", ".sql", ".xml");

  private final TargetContext ctx;
  private final Endpoint endpoint;
  private final StoreDialect dialect;
  private final CheckMetadata meta;

  BucketExposure(TargetContext ctx, Endpoint endpoint, StoreDialect dialect, CheckMetadata meta) {
    this.ctx = ctx;
    this.endpoint = endpoint;
    this.dialect = dialect;
    this.meta = meta;
  }

  /**
   * One endpoint of a product without extras: its declared buckets (resources and fixture; no write
   * probes), a look-alike test first.
   */
  static void probeDeclared(
      TargetContext ctx,
      Endpoint e,
      StoreDialect dialect,
      CheckMetadata meta,
      CheckResult.Builder result) {
    BucketExposure x = new BucketExposure(ctx, e, dialect, meta);
    Baseline base = x.baseline();
    result.observe(base.evidence());
    if (base.lookAlike()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": lists an invented "
              + dialect.bucketWord()
              + " like a real one; a look-alike that answers every path, and whether "
              + dialect.product()
              + " is behind it cannot be told");
      return;
    }
    Set<String> names = new LinkedHashSet<>(e.resources());
    if (e.fixture() != null) {
      names.add(e.fixture());
    }
    if (names.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": no "
              + dialect.bucketWord()
              + " to try; name them in the endpoint's resources");
      return;
    }
    for (String b : names.stream().limit(MAX_BUCKETS).toList()) {
      x.probe(b, base, List.of(), result);
    }
  }

  /**
   * What the endpoint answers for a bucket nobody created.
   *
   * @param lookAlike it answered with a listing: it answers every path alike
   * @param productError the product's own error document, the second signal of a real store
   */
  record Baseline(boolean lookAlike, Optional<StoreError> productError, Evidence evidence) {}

  Baseline baseline() {
    String name = StoreUrls.invented("periksa-");
    Listed l = dialect.list(ctx, endpoint.url(), name);
    ProbeResponse r = l.response();
    Optional<StoreError> err = dialect.error(r);
    boolean lookAlike = r.isSuccess() && (dialect.looksLikeListing(r) || l.listing().isPresent());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(dialect.bucketWord(), name);
    err.ifPresent(
        e -> {
          facts.put("error", e.code());
          facts.put("message", e.message());
        });
    if (lookAlike) {
      facts.put("note", "lists an invented " + dialect.bucketWord() + " like a real one");
    }
    Evidence ev =
        ctx.redactor()
            .capture(
                "invented " + dialect.bucketWord() + " (" + name + ")",
                r.request(),
                r.status(),
                r.body(),
                facts);
    return new Baseline(lookAlike, err, ev);
  }

  /**
   * Probes one bucket and records its part of the verdict: a FAIL with its finding, a PASS when the
   * store refuses in its own words, INCONCLUSIVE otherwise.
   *
   * @param context evidence about the endpoint that belongs in any finding (e.g. a bucket list)
   */
  Outcome probe(String bucket, Baseline base, List<Evidence> context, CheckResult.Builder result) {
    Listed l = dialect.list(ctx, endpoint.url(), bucket);
    ProbeResponse r = l.response();
    Optional<StoreError> err = dialect.error(r);
    Evidence listing = listingEvidence(bucket, l, err);
    result.observe(listing);
    String where = endpoint.name() + ": " + dialect.bucketWord() + " " + bucket;
    if (l.listing().isPresent()) {
      return exposed(bucket, l.listing().get(), base, context, listing, result);
    }
    if (err.isPresent() && dialect.isRefusal(r, err.get())) {
      result.part(
          Outcome.PASS,
          where + " refuses anonymous listing (" + r.status() + " " + err.get().code() + ")");
      return Outcome.PASS;
    } else if (err.isPresent() && dialect.isMissing(r, err.get())) {
      result.part(
          Outcome.INCONCLUSIVE,
          where
              + " does not exist here ("
              + r.status()
              + " "
              + err.get().code()
              + "); check the profile's resources");
    } else if (r.isSuccess() && dialect.looksLikeListing(r)) {
      result.part(
          Outcome.INCONCLUSIVE,
          where + ": the listing that came back names another " + dialect.bucketWord());
    } else {
      result.part(
          Outcome.INCONCLUSIVE,
          where
              + ": did not answer like "
              + dialect.product()
              + " ("
              + r.status()
              + (err.map(e -> " " + e.code()).orElse(""))
              + ")");
    }
    return Outcome.INCONCLUSIVE;
  }

  private Outcome exposed(
      String bucket,
      ObjectListing listing,
      Baseline base,
      List<Evidence> context,
      Evidence listingEvidence,
      CheckResult.Builder result) {
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    List<String> keys = listing.objects().stream().map(StoredObject::key).toList();
    if (!keys.isEmpty()) {
      merge(total, ctx.scanner().count(ctx.scanner().scan(String.join("\n", keys))));
    }
    List<Evidence> reads = new ArrayList<>();
    int served = 0;
    List<StoredObject> tried = pick(listing.objects());
    for (StoredObject o : tried) {
      ObjectRead read = read(listing, o);
      reads.add(read.evidence());
      if (read.served()) {
        served++;
        merge(total, read.counts());
      }
    }
    String where = endpoint.name() + ": " + dialect.bucketWord() + " " + bucket;
    if (served == 0 && base.productError().isEmpty()) {
      reads.forEach(result::observe);
      result.part(
          Outcome.INCONCLUSIVE,
          where
              + " answers with a listing, but served no object and gave no error of "
              + dialect.product()
              + " for an invented "
              + dialect.bucketWord()
              + ": one signal, not two");
      return Outcome.INCONCLUSIVE;
    }
    List<Evidence> evidence = new ArrayList<>(context);
    evidence.add(base.evidence());
    evidence.add(listingEvidence);
    evidence.addAll(reads);
    Severity severity = Redactor.severityOf(total);
    String holds =
        total.isEmpty()
            ? "nothing personal in what was read"
            : "what was read holds "
                + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
    int n = listing.objects().size();
    String count =
        n
            + (listing.truncated() ? "+" : "")
            + (n == 1 && !listing.truncated() ? " object" : " objects");
    String read;
    if (served > 0) {
      read = " and read its objects";
    } else if (tried.isEmpty()) {
      read = "";
    } else {
      read = ", though it refused the objects tried";
    }
    String title =
        String.format(
            Locale.ROOT,
            "%s lets anyone list %s %s (%s, %,d bytes listed)%s; %s",
            dialect.product(),
            dialect.bucketWord(),
            bucket,
            count,
            listing.totalBytes(),
            read,
            holds);
    Finding f =
        new Finding(
            title,
            StoreUrls.at(endpoint.url(), "/" + StoreUrls.segment(bucket), null).toString(),
            severity,
            evidence,
            meta.remediation());
    result.fail(
        f,
        where
            + " lists "
            + count
            + " to anyone"
            + (served > 0 ? " and serves them" : "")
            + " ("
            + severity
            + ")");
    return Outcome.FAIL;
  }

  /** The objects worth reading: non-empty, not folder markers, text-like ones first. */
  static List<StoredObject> pick(List<StoredObject> objects) {
    return objects.stream()
        .filter(o -> o.size() != 0 && !o.key().endsWith("/"))
        .sorted(
            Comparator.comparingInt(
                (StoredObject o) -> {
                  String k = o.key().toLowerCase(Locale.ROOT);
                  return TEXT_LIKE.stream().anyMatch(k::endsWith) ? 0 : 1;
                }))
        .limit(OBJECTS_SAMPLED)
        .toList();
  }

  /** What one anonymous ranged read of an object gave. */
  record ObjectRead(boolean served, Map<PiiType, Integer> counts, Evidence evidence) {}

  ObjectRead read(ObjectListing listing, StoredObject o) {
    String label = ctx.redactor().redact(listing.bucket() + "/" + o.key());
    Map<String, String> headers = new LinkedHashMap<>(dialect.headers());
    headers.put("Range", "bytes=0-" + (RANGE_BYTES - 1));
    ProbeResponse r;
    try {
      r = ctx.http().send("GET", dialect.objectUrl(endpoint.url(), listing, o.key()), headers);
    } catch (ProbeException e) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("key", o.key());
      facts.put("error", e.getMessage());
      return new ObjectRead(
          false,
          Map.of(),
          ctx.redactor().capture("object " + label + ": no reply", "GET " + label, 0, null, facts));
    }
    boolean served =
        (r.status() == 200 || r.status() == 206)
            && r.body().length > 0
            && dialect.error(r).isEmpty()
            && !dialect.looksLikeListing(r);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(dialect.bucketWord(), listing.bucket());
    facts.put("key", o.key());
    facts.put("size", o.size());
    facts.put("range", "bytes=0-" + (RANGE_BYTES - 1));
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    List<String> samples = List.of();
    if (served) {
      byte[] head = Arrays.copyOf(r.body(), Math.min(r.body().length, RANGE_BYTES));
      long total = r.header("content-range").map(BucketExposure::totalOf).orElse(-1L);
      boolean cut =
          r.truncated()
              || r.body().length > RANGE_BYTES
              || total > head.length
              || o.size() > head.length;
      ObjectContent.Parsed p =
          ObjectContent.parse(o.key(), r.header("content-type").orElse(""), head, cut);
      for (String rec : p.records()) {
        merge(counts, ctx.scanner().count(ctx.scanner().scan(rec)));
      }
      facts.put("bytesRead", head.length);
      facts.put("format", p.format());
      facts.put("records", p.records().size());
      facts.put("personalDataInRange", Redactor.named(counts));
      samples = p.records().stream().limit(SAMPLES_SHOWN).toList();
    } else {
      dialect
          .error(r)
          .ifPresent(
              e -> {
                facts.put("error", e.code());
                facts.put("message", e.message());
              });
    }
    facts.put("served", served);
    Evidence ev =
        ctx.redactor()
            .capture(
                "object " + label + (served ? "" : ": not served"),
                r.request(),
                r.status(),
                r.body(),
                facts,
                samples);
    ctx.observed().record(r.url(), meta.id(), "object " + label, counts, ev);
    return new ObjectRead(served, counts, ev);
  }

  private Evidence listingEvidence(String bucket, Listed l, Optional<StoreError> err) {
    ProbeResponse r = l.response();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(dialect.bucketWord(), bucket);
    l.listing()
        .ifPresent(
            li -> {
              facts.put("objects", li.objects().size());
              facts.put("bytes", li.totalBytes());
              facts.put("truncated", li.truncated());
              facts.put(
                  "keys", li.objects().stream().limit(KEYS_SHOWN).map(StoredObject::key).toList());
              facts.put("api", li.api());
            });
    err.ifPresent(
        e -> {
          facts.put("error", e.code());
          facts.put("message", e.message());
        });
    r.header("www-authenticate").ifPresent(h -> facts.put("challenge", h));
    return ctx.redactor()
        .capture(
            dialect.bucketWord() + " listing (" + bucket + ")",
            r.request(),
            r.status(),
            r.body(),
            facts);
  }

  private static long totalOf(String contentRange) {
    Matcher m = CONTENT_RANGE.matcher(contentRange);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  private static void merge(Map<PiiType, Integer> into, Map<PiiType, Integer> from) {
    from.forEach((k, v) -> into.merge(k, v, Integer::sum));
  }
}
