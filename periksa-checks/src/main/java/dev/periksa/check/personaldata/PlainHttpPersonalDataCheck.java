package dev.periksa.check.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.ObservedReplies;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.storage.BucketNames;
import dev.periksa.check.support.DataPlaces;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.DicomWebReplies;
import dev.periksa.product.FhirReplies;
import dev.periksa.product.Json;
import dev.periksa.product.S3Replies;
import dev.periksa.product.SearchClusterReplies;
import dev.periksa.product.SolrReplies;
import dev.periksa.target.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PII-1: does personal data cross the network in clear? Every endpoint of the target that speaks
 * HTTP (each kind whose URL is {@code http://} or {@code https://}: APIs, web fronts, FHIR,
 * DICOMweb, search clusters, Solr, Kibana, object stores, CouchDB, Firebase; database kinds with
 * their own protocols are not HTTP) is looked at by its URL. An {@code https://} endpoint passes
 * after one exchange that proves it speaks HTTP over TLS (its body is not judged; a failed exchange
 * is INCONCLUSIVE): this check does not look for a plain twin on other ports (TLS-3 asks whether
 * HTTP is redirected). An {@code http://} endpoint is read as little as its kind allows, stopping
 * at the first reply that carries personal data:
 *
 * <ul>
 *   <li>an HTTP API with an api section: logged in as its first declared identity (never the
 *       throttle identity), the identity's own first record and each personal-data path; without a
 *       declared login, the same paths anonymously;
 *   <li>a search cluster: its index listing, then one document of its largest index; Solr: its core
 *       status, then one document of its largest core; FHIR: one Patient; DICOMweb: one study; an
 *       S3 store: the object listing of its first bucket (declared or listed), then the first 4 KiB
 *       of its two most data-like objects (a CSV or JSON export before a read-me);
 *   <li>a web front or an HTTP endpoint without an api section: where the data is ({@link
 *       DataPlaces}): the root asked for HTML and for JSON, a same-origin redirect, the declared
 *       resources, the data-like links of those replies one level down and the most data-like file
 *       of a listing reached that way; at most 8 replies, files with {@code Range: bytes=0-4095};
 *   <li>other kinds (Kibana, GCS, Azure Blob, Firebase, CouchDB): the root only.
 * </ul>
 *
 * <p>Before reading anything, the check takes what the run's other checks on this target already
 * read over plain HTTP from the endpoint's origin with personal data in it (a file STO-4 sampled,
 * an object STO-2 read, a path AUT-1 was served without credentials; see {@link ObservedReplies}):
 * that reply crossed in clear, and fetching it again would only repeat the disclosure. What is kept
 * of it is its redacted evidence.
 *
 * <p>What a store says about itself (index and core listings) is read only to pick what to sample,
 * not judged: a Solr core's {@code "name"} is not a person's. A JSON reply is judged by one record,
 * a CSV file by its first row keyed by its header (so field names give the scanner its context),
 * other text whole.
 *
 * <p>A reply on a plain-HTTP URL that carries personal data is a FAIL, its severity from that one
 * sample: reading it proves both that the data is served and that it crossed in clear. A plain
 * endpoint passes only when what it serves was seen without personal data (a 2xx data read, or
 * every read redirected to HTTPS); one that refuses a stranger, or whose data could not be sampled,
 * is INCONCLUSIVE: what it serves those it lets in would cross in clear, unseen. No credential is
 * ever sent over plain HTTP here except through the api section's own login, which the profile
 * declares for exactly that. A profile with HTTP endpoints that are all {@code https://} passes;
 * one without any HTTP endpoint is not applicable.
 */
@AutoService(Check.class)
public final class PlainHttpPersonalDataCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "PII-1.plain-http",
          "No personal data is served over plain HTTP",
          "HTTP",
          List.of("PII-1"),
          HttpKinds.ids(),
          List.of(319, 311),
          "Serve every endpoint that carries personal data only over HTTPS (TLS 1.2 or 1.3): close"
              + " or redirect its plain-HTTP port, including internal services and stores reachable"
              + " from other machines, and send Strict-Transport-Security; treat what was served in"
              + " clear as exposed.");

  /** Bytes read of a file or object: enough for a header and a few rows. */
  static final int RANGE_BYTES = DataPlaces.RANGE_BYTES;

  /** Replies read of a web front or an HTTP endpoint without an api section (see DataPlaces). */
  static final int MAX_PAGE_READS = 8;

  /** Objects of a bucket read, the most data-like keys first. */
  static final int MAX_OBJECTS = 2;

  /** Keys of a bucket listed to choose from. */
  static final int MAX_KEYS_LISTED = 100;

  /** Declared resources (extra paths, buckets) that are read. */
  static final int MAX_RESOURCES = DataPlaces.MAX_RESOURCES;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (!HttpKinds.plain(e)) {
      // One exchange proves the endpoint speaks HTTP over TLS; its body is not judged here.
      ProbeResponse r = ctx.http().headersOnly().get(e.url());
      result.observe(
          ctx.redactor()
              .capture(
                  e.name() + " is served over HTTPS",
                  r.request(),
                  r.status(),
                  null,
                  Map.of("kind", e.kind(), "scheme", e.url().getScheme())));
      result.part(Outcome.PASS, null);
      return;
    }
    PlainEndpoint probe = new PlainEndpoint(ctx, e, result);
    try {
      probe.sample();
      probe.conclude();
    } catch (ProbeException ex) {
      if (!probe.failed) {
        throw ex;
      }
    }
  }

  @Override
  protected void conclude(TargetContext ctx, CheckResult.Builder result) {
    List<String> secure =
        targets(ctx).stream().filter(e -> !HttpKinds.plain(e)).map(Endpoint::name).toList();
    if (!secure.isEmpty()) {
      result.part(
          Outcome.PASS,
          String.join(", ", secure)
              + (secure.size() == 1 ? ": served" : ": each served")
              + " over HTTPS only");
    }
  }

  /** The reads of one plain-HTTP endpoint and what they showed. */
  private static final class PlainEndpoint {
    private final TargetContext ctx;
    private final Endpoint e;
    private final CheckResult.Builder result;
    private boolean failed;
    private boolean seen;
    private int reads;
    private int redirectsToHttps;
    private final Set<String> statuses = new LinkedHashSet<>();
    private String note;

    PlainEndpoint(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
      this.ctx = ctx;
      this.e = e;
      this.result = result;
    }

    void sample() {
      if (reuse()) {
        return;
      }
      switch (e.kind()) {
        case "http" -> {
          if (e.api() != null) {
            api();
          } else {
            pages();
          }
        }
        case "web" -> pages();
        case "search" -> search();
        case "solr" -> solr();
        case "fhir" -> fhir();
        case "dicomweb" -> dicomweb();
        case "s3" -> s3();
        default -> {
          read("root", get("/", Map.of()), null);
          note = "only the root is read on a " + e.kind() + " endpoint";
        }
      }
    }

    void conclude() {
      if (failed) {
        return;
      }
      String what = reads + (reads == 1 ? " reply" : " replies") + " read";
      if (seen) {
        result.part(
            Outcome.PASS,
            e.name() + ": plain HTTP, but no personal data in what it serves (" + what + ")");
      } else if (reads > 0 && redirectsToHttps == reads) {
        result.part(Outcome.PASS, e.name() + ": plain HTTP redirects to HTTPS");
      } else {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": plain HTTP, and what it holds could not be read ("
                + (note != null ? note + "; " : "")
                + "statuses "
                + String.join(", ", statuses)
                + "); whatever it serves those it lets in crosses the network in clear");
      }
    }

    private ProbeResponse get(String path, Map<String, String> headers) {
      return ctx.http().get(e.resolve(path), headers);
    }

    private ProbeResponse ranged(String path) {
      return ctx.http()
          .withMaxBody(RANGE_BYTES)
          .get(e.resolve(path), Map.of("Range", "bytes=0-" + (RANGE_BYTES - 1)));
    }

    /**
     * Judges one reply: personal data in it (in the sample when there is one) fails the endpoint.
     * Returns true when the reads should stop.
     */
    private boolean read(String what, ProbeResponse r, String sample) {
      reads++;
      statuses.add(String.valueOf(r.status()));
      if (r.status() >= 300
          && r.status() < 400
          && r.header("location").map(l -> l.startsWith("https://")).orElse(false)) {
        redirectsToHttps++;
      }
      String text = sample != null ? sample : sampleOf(r).orElse(r.text());
      Map<PiiType, Integer> counts = Replies.personal(ctx.scanner(), text);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("kind", e.kind());
      r.header("content-type").ifPresent(t -> facts.put("contentType", t));
      facts.put("personalData", Redactor.named(counts));
      boolean json = text.stripLeading().startsWith("{") || text.stripLeading().startsWith("[");
      List<String> samples = !counts.isEmpty() && json ? List.of(text) : List.of();
      Evidence ev =
          ctx.redactor()
              .capture(
                  what + " over plain HTTP", r.request(), r.status(), r.body(), facts, samples);
      result.observe(ev);
      if (!counts.isEmpty()) {
        Severity s = Redactor.severityOf(counts);
        failed = true;
        result.fail(
            new Finding(
                e.name()
                    + " sends "
                    + Replies.labels(counts)
                    + " in clear over plain HTTP ("
                    + what
                    + ")",
                r.url().toString(),
                s,
                List.of(ev),
                METADATA.remediation()),
            e.name() + ": personal data over plain HTTP (" + s + ")");
        return true;
      }
      return false;
    }

    /** What of a reply is scanned: one JSON record, or the first CSV row keyed by its header. */
    private Optional<String> sampleOf(ProbeResponse r) {
      Optional<JsonNode> j = r.json();
      if (j.isPresent()) {
        return Replies.firstRecord(j.get()).or(() -> Optional.of(j.get().toString()));
      }
      return Replies.csvFirstRow(r.text());
    }

    private void api() {
      ApiAccess access = ApiAccess.open(ctx, e, result);
      for (String path : access.ownPaths()) {
        ProbeResponse r = access.get(path);
        if (read(path + " as " + access.who(), r, null)) {
          return;
        }
        if (r.isSuccess() && r.json().isPresent() && access.problem() == null) {
          seen = true;
        }
      }
      if (access.ownPaths().isEmpty()) {
        note = "the api section names no record or personal-data path";
      } else if (access.problem() != null) {
        note = access.problem();
      }
    }

    private void pages() {
      DataPlaces.walk(
          ctx,
          e,
          MAX_PAGE_READS,
          RANGE_BYTES,
          p -> {
            if (read(p.what(), p.reply(), null)) {
              return true;
            }
            if (p.reply().isSuccess()) {
              seen = true;
            }
            return false;
          });
    }

    /**
     * A reply another check of this run already read over plain HTTP from this endpoint's origin
     * with personal data in it: the answer, taken as it was captured (redacted) instead of fetching
     * the same data again.
     */
    private boolean reuse() {
      List<ObservedReplies.Observation> prior = ctx.observed().on(e.url());
      if (prior.isEmpty()) {
        return false;
      }
      ObservedReplies.Observation o = prior.get(0);
      Severity s = Redactor.severityOf(o.personalData());
      failed = true;
      result.observe(o.evidence());
      result.fail(
          new Finding(
              e.name()
                  + " sends "
                  + Replies.labels(o.personalData())
                  + " in clear over plain HTTP ("
                  + o.what()
                  + ", read by "
                  + o.check()
                  + " in this run)",
              o.url().toString(),
              s,
              List.of(o.evidence()),
              METADATA.remediation()),
          e.name() + ": personal data over plain HTTP (" + s + ", seen by " + o.check() + ")");
      return true;
    }

    private void search() {
      ProbeResponse listing = get("/_cat/indices?format=json&h=index,docs.count", Map.of());
      // What a store says about itself (index and core names) is not personal data.
      if (read("index listing", listing, "")) {
        return;
      }
      Optional<List<SearchClusterReplies.Index>> rows =
          SearchClusterReplies.indices(listing.reply());
      if (rows.isEmpty()) {
        return;
      }
      String largest = null;
      long most = 0;
      for (SearchClusterReplies.Index row : rows.get()) {
        if (!row.name().isEmpty() && !row.name().startsWith(".") && row.documents() > most) {
          largest = row.name();
          most = row.documents();
        }
      }
      if (largest == null) {
        seen = true;
        return;
      }
      ProbeResponse r = get("/" + enc(largest) + "/_search?size=1", Map.of());
      String doc =
          r.json()
              .map(j -> j.path("hits").path("hits").path(0).path("_source"))
              .filter(JsonNode::isObject)
              .map(JsonNode::toString)
              .orElse(null);
      if (!read("one document of index " + largest, r, doc) && r.isSuccess() && doc != null) {
        seen = true;
      }
    }

    private void solr() {
      ProbeResponse status = get("/admin/cores?action=STATUS&wt=json", Map.of());
      if (read("core status", status, "")) {
        return;
      }
      Optional<List<SolrReplies.Core>> cores = SolrReplies.cores(status.reply());
      if (cores.isEmpty()) {
        return;
      }
      String largest = null;
      long most = 0;
      for (SolrReplies.Core c : cores.get()) {
        if (c.documents() > most) {
          largest = c.name();
          most = c.documents();
        }
      }
      if (largest == null) {
        seen = true;
        return;
      }
      ProbeResponse r = get("/" + enc(largest) + "/select?q=*:*&rows=1&wt=json", Map.of());
      String doc =
          r.json()
              .map(j -> j.path("response").path("docs").path(0))
              .filter(JsonNode::isObject)
              .map(JsonNode::toString)
              .orElse(null);
      if (!read("one document of core " + largest, r, doc) && r.isSuccess() && doc != null) {
        seen = true;
      }
    }

    private void fhir() {
      ProbeResponse r = get("/Patient?_count=1", Map.of("Accept", "application/fhir+json"));
      Optional<FhirReplies.Bundle> bundle = FhirReplies.searchBundle(r.reply());
      String patient =
          bundle.flatMap(b -> b.matches().stream().findFirst()).map(Json::toString).orElse(null);
      if (!read("one Patient", r, patient) && bundle.isPresent()) {
        seen = true;
      }
    }

    private void dicomweb() {
      ProbeResponse r = get("/studies?limit=1", Map.of("Accept", "application/dicom+json"));
      Optional<List<Json>> studies = DicomWebReplies.datasets(r.reply());
      String study =
          studies.flatMap(ds -> ds.stream().findFirst()).map(Json::toString).orElse(null);
      if (!read("one study", r, study) && (r.status() == 204 || studies.isPresent())) {
        seen = true;
      }
    }

    private void s3() {
      List<String> buckets = new ArrayList<>(e.resources());
      if (buckets.isEmpty()) {
        ProbeResponse root = get("/", Map.of());
        // The bucket listing is what the store says about itself (its owner's account name may look
        // like an e-mail address): read to choose a bucket, not judged.
        if (read("bucket listing", root, "")) {
          return;
        }
        Optional<List<String>> listed = S3Replies.buckets(root.reply());
        listed.ifPresent(buckets::addAll);
        if (listed.isPresent() && buckets.isEmpty()) {
          seen = true;
          return;
        }
      }
      if (buckets.isEmpty()) {
        // The store does not list its buckets: the common names, as STO-2 tries them.
        buckets.addAll(BucketNames.existingOnS3(ctx, e, 1).existing());
        if (buckets.isEmpty()) {
          note = "the store lists no bucket to a stranger, and no common bucket name exists there";
          return;
        }
      }
      String bucket = buckets.get(0);
      ProbeResponse list =
          get("/" + enc(bucket) + "?list-type=2&max-keys=" + MAX_KEYS_LISTED, Map.of());
      if (read("object listing of " + bucket, list, null)) {
        return;
      }
      Optional<S3Replies.Listing> objects = S3Replies.listing(list.reply(), bucket);
      if (objects.isEmpty()) {
        return;
      }
      if (objects.get().objects().isEmpty()) {
        seen = true;
        return;
      }
      // The data-like objects (a CSV export, a JSON dump), not the read-me beside them.
      List<String> keys =
          objects.get().objects().stream()
              .map(S3Replies.Entry::key)
              .filter(k -> !k.endsWith("/"))
              .sorted(java.util.Comparator.comparingInt(k -> -DataPlaces.score("/" + k)))
              .limit(MAX_OBJECTS)
              .toList();
      for (String key : keys) {
        String path =
            "/"
                + enc(bucket)
                + "/"
                + String.join(
                    "/",
                    java.util.Arrays.stream(key.split("/", -1)).map(PlainEndpoint::enc).toList());
        ProbeResponse r = ranged(path);
        if (read("first " + RANGE_BYTES + " bytes of " + key + " in " + bucket, r, null)) {
          return;
        }
        if (r.isSuccess()) {
          seen = true;
        }
      }
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: HTTP (every endpoint kind whose URL is `http://` or `https://`: `http`, `web`,
        `fhir`, `dicomweb`, `search`, `solr`, `kibana`, `s3`, `gcs`, `azure-blob`, `firebase`,
        `couchdb`; database kinds are not HTTP). an `https://` endpoint passes without a request
        (a plain twin on another port is TLS-3's question); a plain `http://` one is read until
        the first reply that carries personal data, which FAILs with the severity of that one
        sample: an API with an `api` section logged in as its first identity (never the throttle
        identity), its own first record then each personal-data path; a search cluster one
        document of its largest index, Solr one of its largest core (index and core listings are
        only read to choose, never judged), FHIR one Patient, DICOMweb one study, S3 its first
        bucket (declared, listed, or the first common name that exists there, as STO-2 guesses
        them)'s object listing and the first 4 KiB of its 2 most data-like objects (a CSV or JSON
        export before a read-me; the bucket listing, what the store says about itself, is not
        judged); a web front or an API without an `api` section where its data is: its root asked
        for HTML and for JSON (an API may answer JSON only to `Accept: application/json`), a
        redirect to the same origin once, up to 3 declared resources, the 4 most data-like
        same-origin links of those replies (`.csv`, `.json`, `.xlsx`, `/api/`, `/export`,
        `/ekspor`… before pages and read-mes; never assets, actions such as log-out or delete,
        links with a query or to another origin) and the most data-like file of each listing
        reached, at most 8 replies, files with `Range: bytes=0-4095`; Kibana, GCS, Azure Blob,
        Firebase and CouchDB their root only. A plain endpoint passes only when what it serves was
        seen without personal data (or it redirects to HTTPS); one that refuses a stranger or
        could not be sampled is INCONCLUSIVE, since what it serves those it lets in crosses in
        clear. No password is sent over plain HTTP except through the `api` section's own login.
        Before reading anything, PII-1 takes what the run's other checks on the same target
        already read over plain HTTP from the endpoint's origin with personal data in it (a file
        STO-4 sampled, an object STO-2 read, a path AUT-1 was served without credentials): that
        reply crossed in clear, and its redacted evidence is the finding's, with the check that
        read it named; only redacted evidence and counts are kept, never a body
        """;
  }
}
