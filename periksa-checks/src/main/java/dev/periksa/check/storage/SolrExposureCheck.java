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
import dev.periksa.product.SolrReplies;
import dev.periksa.product.SolrReplies.Banner;
import dev.periksa.product.SolrReplies.Core;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * STO-1 for Apache Solr: does a declared Solr node answer a stranger?
 *
 * <p>Exposure needs two independent signals: the node's system information ({@code
 * /admin/info/system}, which names the Solr and Lucene versions) and its core listing ({@code
 * /admin/cores?action=STATUS}, with each core's document count). An invented path is asked first,
 * so a catch-all page that repeats Solr's system information everywhere is recognised as a
 * look-alike. An exposed node is sampled minimally (a few documents from its largest cores) and the
 * severity follows what the sample holds. A node that refuses both with 401 or 403 (Solr's
 * BasicAuth or JWT plugin, or a front) passes.
 *
 * <p>The endpoint URL is Solr's base URL; a URL without a path means the usual {@code /solr}.
 */
@AutoService(Check.class)
public final class SolrExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-1.solr",
          "Solr nodes refuse anonymous requests",
          "Solr",
          List.of("STO-1"),
          List.of("solr"),
          List.of(306, 359),
          "Turn on Solr's authentication (the BasicAuth, JWT or certificate plugin in"
              + " security.json, with blockUnknown set to true) and rule-based authorization, serve"
              + " Solr over TLS only, keep it on a private network, and treat what was reachable as"
              + " a personal-data breach: assess it and notify as the law requires (UU PDP: within"
              + " 3x24 hours; GDPR Art. 33: 72 hours).");

  /** Cores sampled when a node is open, largest first. */
  static final int MAX_CORES_SAMPLED = 3;

  /** Documents read from each sampled core. */
  static final int DOCS_PER_CORE = 2;

  /** Cores named in the evidence. */
  static final int MAX_CORES_LISTED = 50;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    URI base = base(e.url());
    ProbeResponse random =
        ctx.http().get(StoreProbing.resolve(base, "/periksa-" + StoreProbing.token()));
    ProbeResponse info = ctx.http().get(StoreProbing.resolve(base, "/admin/info/system?wt=json"));
    ProbeResponse cores =
        ctx.http().get(StoreProbing.resolve(base, "/admin/cores?action=STATUS&wt=json"));

    Optional<Banner> banner = SolrReplies.systemInfo(info.reply());
    Optional<List<Core>> listing = SolrReplies.cores(cores.reply());
    boolean catchAll =
        random.isSuccess()
            && (SolrReplies.systemInfo(random.reply()).isPresent()
                || SolrReplies.cores(random.reply()).isPresent()
                || Arrays.equals(random.body(), info.body()));

    Evidence infoEvidence = bannerEvidence(ctx, info, banner);
    result.observe(infoEvidence);
    Evidence coresEvidence = coresEvidence(ctx, cores, listing);
    result.observe(coresEvidence);

    if (catchAll) {
      result.observe(
          ctx.redactor()
              .capture(
                  "random path",
                  random.request(),
                  random.status(),
                  random.body(),
                  Map.of("note", "answers an invented path like Solr's own pages")));
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers every path with the same page; a look-alike; whether a Solr node is behind it cannot be told");
      return;
    }
    if (banner.isPresent() && listing.isPresent()) {
      exposed(
          ctx, e, base, banner.get(), listing.get(), List.of(infoEvidence, coresEvidence), result);
      return;
    }
    if (info.isRefusal() && cores.isRefusal()) {
      result.part(Outcome.PASS, e.name() + ": refuses anonymous requests (" + info.status() + ")");
      confirmWithIdentity(ctx, e, base, result);
      return;
    }
    if (banner.isPresent() && cores.isRefusal()) {
      Finding f =
          new Finding(
              banner.get().describe()
                  + " shows its system information to anyone (core listing refused)",
              base.toString(),
              SeverityRule.NOTHING_PERSONAL.severity(),
              List.of(infoEvidence, coresEvidence),
              METADATA.remediation());
      result.fail(f, e.name() + ": system information answered without credentials");
      return;
    }
    result.part(
        Outcome.INCONCLUSIVE,
        e.name()
            + ": did not answer like Solr (system information → "
            + info.status()
            + ", core listing → "
            + cores.status()
            + ")");
  }

  private void exposed(
      TargetContext ctx,
      Endpoint e,
      URI base,
      Banner banner,
      List<Core> cores,
      List<Evidence> seen,
      CheckResult.Builder result) {
    List<Evidence> evidence = new ArrayList<>(seen);
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    List<Core> sample =
        cores.stream()
            .sorted(Comparator.comparingLong(Core::documents).reversed())
            .limit(MAX_CORES_SAMPLED)
            .toList();
    for (Core core : sample) {
      ProbeResponse r =
          ctx.http()
              .get(
                  StoreProbing.resolve(
                      base,
                      "/"
                          + URLEncoder.encode(core.name(), StandardCharsets.UTF_8)
                          + "/select?q=*:*&rows="
                          + DOCS_PER_CORE
                          + "&wt=json"));
      List<String> docs = new ArrayList<>();
      r.json()
          .map(j -> j.path("response").path("docs"))
          .ifPresent(
              array -> {
                for (JsonNode d : array) {
                  if (d.isObject() && docs.size() < DOCS_PER_CORE) {
                    docs.add(d.toString());
                  }
                }
              });
      for (String d : docs) {
        List<PiiMatch> ms = ctx.scanner().scan(d);
        ctx.scanner().count(ms).forEach((k, v) -> total.merge(k, v, Integer::sum));
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("core", core.name());
      facts.put("documents", core.documents());
      facts.put("sampled", docs.size());
      evidence.add(
          ctx.redactor()
              .capture(
                  "sample of core " + core.name(), r.request(), r.status(), r.body(), facts, docs));
    }
    long documents = cores.stream().mapToLong(Core::documents).sum();
    Severity severity = Redactor.severityOf(total);
    String holds =
        total.isEmpty()
            ? "no personal data in the sample"
            : "sample holds "
                + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
    Finding f =
        new Finding(
            String.format(
                "%s answers anyone: %d cores, %,d documents; %s",
                banner.describe(), cores.size(), documents, holds),
            base.toString(),
            severity,
            evidence,
            METADATA.remediation());
    result.fail(f, e.name() + ": open to anyone (" + severity + ")");
  }

  /** With the declared identity the node should answer: proof the refusal came from it. */
  private void confirmWithIdentity(
      TargetContext ctx, Endpoint e, URI base, CheckResult.Builder result) {
    if (e.identity() == null) {
      return;
    }
    Optional<Identity> id = ctx.profile().identity(e.identity());
    if (id.isEmpty()) {
      return;
    }
    try {
      ProbeResponse r =
          ctx.http()
              .get(
                  StoreProbing.resolve(base, "/admin/info/system?wt=json"), id.get().httpHeaders());
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("identity", id.get().name());
      Optional<Banner> b = SolrReplies.systemInfo(r.reply());
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
                  base.toString(),
                  0,
                  null,
                  Map.of("error", ex.getMessage())));
    }
  }

  private Evidence bannerEvidence(TargetContext ctx, ProbeResponse info, Optional<Banner> banner) {
    Map<String, Object> facts = new LinkedHashMap<>();
    banner.ifPresent(
        b -> {
          facts.put("product", b.product());
          facts.put("version", b.version());
          facts.put("lucene", b.lucene());
          facts.put("mode", b.mode());
        });
    info.header("www-authenticate").ifPresent(h -> facts.put("challenge", h));
    return ctx.redactor()
        .capture(
            "system information (GET /admin/info/system)",
            info.request(),
            info.status(),
            info.body(),
            facts);
  }

  private Evidence coresEvidence(
      TargetContext ctx, ProbeResponse cores, Optional<List<Core>> listing) {
    Map<String, Object> facts = new LinkedHashMap<>();
    listing.ifPresent(
        list -> {
          facts.put("coreCount", list.size());
          facts.put("documents", list.stream().mapToLong(Core::documents).sum());
          List<Map<String, Object>> named = new ArrayList<>();
          list.stream()
              .limit(MAX_CORES_LISTED)
              .forEach(
                  c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("core", c.name());
                    m.put("documents", c.documents());
                    m.put("bytes", c.bytes());
                    named.add(m);
                  });
          facts.put("cores", named);
        });
    cores.header("www-authenticate").ifPresent(h -> facts.put("challenge", h));
    return ctx.redactor()
        .capture(
            "core listing (GET /admin/cores?action=STATUS)",
            cores.request(),
            cores.status(),
            cores.body(),
            facts);
  }

  /** Solr's base URL: the endpoint's own path, or {@code /solr} when it has none. */
  static URI base(URI url) {
    String s = url.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    String path = url.getRawPath();
    if (path == null || path.isEmpty() || path.equals("/")) {
      s = s + "/solr";
    }
    return URI.create(s);
  }

  @Override
  public String proof() {
    return """
        system information (`/admin/info/system`) plus core listing
        (`/admin/cores?action=STATUS`), 2 documents from each of the 3 largest cores, severity
        from the data; 401/403 passes
        """;
  }
}
