package dev.periksa.check.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.evidence.SeverityRule;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.SearchClusterReplies;
import dev.periksa.product.SearchClusterReplies.Banner;
import dev.periksa.product.SearchClusterReplies.Index;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * STO-1 for Elasticsearch and OpenSearch: does a declared search cluster answer a stranger?
 *
 * <p>Exposure needs two independent signals: the index listing ({@code /_cat/indices}) and either
 * the product banner ({@code GET /}) or the product's own error shape on a random path. A random
 * path is asked first, so a catch-all page that repeats a banner everywhere is recognised as a
 * look-alike. An exposed cluster is sampled minimally (a few documents from the largest indices)
 * and the severity follows what the sample holds.
 */
@AutoService(Check.class)
public final class SearchClusterExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-1.search-cluster",
          "Elasticsearch and OpenSearch clusters refuse anonymous requests",
          "Elasticsearch/OpenSearch",
          List.of("STO-1"),
          List.of("search"),
          List.of(306, 359),
          "Turn on the cluster's own security (Elasticsearch security or the OpenSearch security"
              + " plugin) so every request needs credentials, bind the cluster to a private"
              + " network behind an authenticating TLS front, and treat what was reachable as a"
              + " personal-data breach: assess it and notify as the law requires (UU PDP: within"
              + " 3x24 hours; GDPR Art. 33: 72 hours).");

  /** Indices sampled when a cluster is open, largest first. */
  static final int MAX_INDICES_SAMPLED = 3;

  /** Documents read from each sampled index. */
  static final int DOCS_PER_INDEX = 2;

  /** Indices named in the evidence. */
  static final int MAX_INDICES_LISTED = 50;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    URI base = e.url();
    ProbeResponse random =
        ctx.http().get(StoreProbing.resolve(base, "/periksa-" + StoreProbing.token()));
    ProbeResponse root = ctx.http().get(StoreProbing.resolve(base, "/"));
    ProbeResponse listing =
        ctx.http()
            .get(
                StoreProbing.resolve(
                    base,
                    "/_cat/indices?format=json&bytes=b&h=index,docs.count,store.size,status"));

    Optional<Banner> banner = SearchClusterReplies.banner(root.reply());
    boolean catchAll =
        random.isSuccess()
            && (SearchClusterReplies.banner(random.reply()).isPresent() || same(random, root));
    Optional<List<Index>> indices = SearchClusterReplies.indices(listing.reply());
    boolean productError = SearchClusterReplies.notFound(random.reply());

    Evidence rootEvidence = bannerEvidence(ctx, root, banner);
    result.observe(rootEvidence);
    Evidence listingEvidence = listingEvidence(ctx, listing, indices);
    result.observe(listingEvidence);

    if (catchAll) {
      result.observe(
          ctx.redactor()
              .capture(
                  "random path",
                  random.request(),
                  random.status(),
                  random.body(),
                  Map.of("note", "answers an invented path like the root page")));
      // Not a cluster as far as can be seen, but not one proven to refuse either.
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers every path, even an invented one, with the same reply; a look-alike"
              + " that hides whether a search cluster is behind it");
      return;
    }
    if (indices.isPresent() && (banner.isPresent() || productError)) {
      exposed(ctx, e, banner, indices.get(), List.of(rootEvidence, listingEvidence), result);
      return;
    }
    if (root.isRefusal() && listing.isRefusal()) {
      result.part(Outcome.PASS, e.name() + ": refuses anonymous requests (" + root.status() + ")");
      confirmWithIdentity(ctx, e, result);
      return;
    }
    if (banner.isPresent() && listing.isRefusal() && productError) {
      Finding f =
          new Finding(
              banner.get().product() + " identifies itself to anyone (index listing refused)",
              base.toString(),
              SeverityRule.NOTHING_PERSONAL.severity(),
              List.of(rootEvidence, listingEvidence),
              METADATA.remediation());
      result.fail(f, e.name() + ": banner answered without credentials");
      return;
    }
    result.part(
        Outcome.INCONCLUSIVE,
        e.name()
            + ": did not answer like a search cluster (GET / → "
            + root.status()
            + ", index listing → "
            + listing.status()
            + ")");
  }

  private void exposed(
      TargetContext ctx,
      Endpoint e,
      Optional<Banner> banner,
      List<Index> indices,
      List<Evidence> seen,
      CheckResult.Builder result) {
    List<Evidence> evidence = new ArrayList<>(seen);
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    List<Index> sample =
        indices.stream()
            .filter(i -> !i.name().startsWith("."))
            .sorted(Comparator.comparingLong(Index::documents).reversed())
            .limit(MAX_INDICES_SAMPLED)
            .toList();
    for (Index idx : sample) {
      ProbeResponse r =
          ctx.http()
              .get(
                  StoreProbing.resolve(
                      e.url(),
                      "/"
                          + URLEncoder.encode(idx.name(), StandardCharsets.UTF_8)
                          + "/_search?size="
                          + DOCS_PER_INDEX));
      List<String> docs = new ArrayList<>();
      r.jsonSoFar()
          .map(j -> j.path("hits").path("hits"))
          .ifPresent(
              hits -> {
                for (JsonNode h : hits) {
                  if (h.has("_source")) {
                    docs.add(h.get("_source").toString());
                  }
                }
              });
      for (String d : docs) {
        List<PiiMatch> ms = ctx.scanner().scan(d);
        ctx.scanner().count(ms).forEach((k, v) -> total.merge(k, v, Integer::sum));
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("index", idx.name());
      facts.put("documents", idx.documents());
      facts.put("sampled", docs.size());
      evidence.add(
          ctx.redactor()
              .capture(
                  "sample of index " + idx.name(), r.request(), r.status(), r.body(), facts, docs));
    }
    long documents = indices.stream().mapToLong(Index::documents).sum();
    Severity severity = Redactor.severityOf(total);
    String product = banner.map(Banner::describe).orElse("Search cluster");
    String holds =
        total.isEmpty()
            ? "no personal data in the sample"
            : "sample holds "
                + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
    Finding f =
        new Finding(
            String.format(
                "%s answers anyone: %d indices, %,d documents; %s",
                product, indices.size(), documents, holds),
            e.url().toString(),
            severity,
            evidence,
            METADATA.remediation());
    result.fail(f, e.name() + ": open to anyone (" + severity + ")");
  }

  /** With the declared identity, the cluster should answer: proof the refusal came from it. */
  private void confirmWithIdentity(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (e.identity() == null) {
      return;
    }
    Optional<Identity> id = ctx.profile().identity(e.identity());
    if (id.isEmpty()) {
      return;
    }
    try {
      ProbeResponse r = ctx.http().get(StoreProbing.resolve(e.url(), "/"), id.get().httpHeaders());
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("identity", id.get().name());
      Optional<Banner> b = SearchClusterReplies.banner(r.reply());
      b.ifPresent(
          x -> {
            facts.put("product", x.product());
            facts.put("version", x.version());
          });
      facts.put("answered", b.isPresent());
      result.observe(
          ctx.redactor()
              .capture("with the declared identity", r.request(), r.status(), r.body(), facts));
    } catch (ProbeException ex) {
      result.observe(
          ctx.redactor()
              .capture(
                  "with the declared identity",
                  e.url().toString(),
                  0,
                  null,
                  Map.of("error", ex.getMessage())));
    }
  }

  private Evidence bannerEvidence(TargetContext ctx, ProbeResponse root, Optional<Banner> banner) {
    Map<String, Object> facts = new LinkedHashMap<>();
    banner.ifPresent(
        b -> {
          facts.put("product", b.product());
          facts.put("version", b.version());
          facts.put("cluster", b.cluster());
        });
    root.header("www-authenticate").ifPresent(h -> facts.put("challenge", h));
    SearchClusterReplies.errorType(root.reply()).ifPresent(t -> facts.put("error", t));
    return ctx.redactor()
        .capture("banner (GET /)", root.request(), root.status(), root.body(), facts);
  }

  private Evidence listingEvidence(
      TargetContext ctx, ProbeResponse listing, Optional<List<Index>> indices) {
    Map<String, Object> facts = new LinkedHashMap<>();
    indices.ifPresent(
        list -> {
          facts.put("indexCount", list.size());
          facts.put("documents", list.stream().mapToLong(Index::documents).sum());
          List<Map<String, Object>> named = new ArrayList<>();
          list.stream()
              .limit(MAX_INDICES_LISTED)
              .forEach(
                  i -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("index", i.name());
                    m.put("documents", i.documents());
                    m.put("bytes", i.bytes());
                    named.add(m);
                  });
          facts.put("indices", named);
        });
    return ctx.redactor()
        .capture(
            "index listing (GET /_cat/indices)",
            listing.request(),
            listing.status(),
            listing.body(),
            facts);
  }

  private static boolean same(ProbeResponse a, ProbeResponse b) {
    return a.status() == b.status() && java.util.Arrays.equals(a.body(), b.body());
  }

  @Override
  public String proof() {
    return """
        banner or product error plus index listing, sampled, severity from the data
        """;
  }
}
