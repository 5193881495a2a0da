package dev.periksa.check.storage;

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
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.KibanaReplies;
import dev.periksa.product.KibanaReplies.Banner;
import dev.periksa.product.KibanaReplies.View;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * STO-1 for Kibana and OpenSearch Dashboards: does the app answer a stranger without a login?
 *
 * <p>Exposure needs two independent signals: the status API ({@code /api/status}, with the version
 * and the overall status) and an app API that needs a login whenever security is on: the saved
 * index patterns ({@code /api/saved_objects/_find?type=index-pattern}), or the data views ({@code
 * /api/data_views}) where the saved-objects API is gone. An invented path is asked first, so a
 * catch-all page that repeats a status reply everywhere is recognised as a look-alike. With
 * security on, the app API answers 401 or 403, or redirects to a login page: a pass. A public
 * status page alone (Kibana's {@code status.allowAnonymous}) is not the app and passes too.
 *
 * <p>Severity. An open Kibana lets anyone run Discover, or its console, against every index its own
 * service account can read; Periksa does not use that door to read documents (that would be using
 * the hole, not finding it, and the documents belong to the cluster, which the Elasticsearch check
 * rates when the profile declares it). It rates what it legitimately saw: the titles of at most
 * {@value #MAX_VIEWS} index patterns or data views. Personal data in those titles counts by the
 * shared rule; beyond that, an open Kibana with at least one data view is MEDIUM (documents are one
 * click away, but unseen, so not rated by guess as HIGH or CRITICAL), and one without any is LOW.
 *
 * <p>Limitation: no Kibana or OpenSearch Dashboards server can run here (neither is in Maven
 * Central nor in Debian), so this check is proven on replies copied from Kibana's public API
 * documentation, served by a real local HTTP server, not on a live Kibana.
 */
@AutoService(Check.class)
public final class KibanaExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-1.kibana",
          "Kibana and OpenSearch Dashboards require a login",
          "Kibana",
          List.of("STO-1"),
          List.of("kibana"),
          List.of(306, 359),
          "Turn on security (Elasticsearch security with Kibana's login, or the OpenSearch"
              + " security plugin with Dashboards' login) so the app and its APIs need a login,"
              + " keep Kibana on a private network behind an authenticating TLS front, give its"
              + " service account only the indices it needs, and treat what was reachable through"
              + " it as a personal-data breach: assess it and notify as the law requires (UU PDP:"
              + " within 3x24 hours; GDPR Art. 33: 72 hours).");

  /** Index patterns or data views asked for: titles only, never their documents. */
  static final int MAX_VIEWS = 5;

  static final String VIEWS_PATH =
      "/api/saved_objects/_find?type=index-pattern&per_page=" + MAX_VIEWS + "&fields=title";
  static final String DATA_VIEWS_PATH = "/api/data_views";

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    URI base = base(e.url());
    ProbeResponse random =
        ctx.http().get(StoreProbing.resolve(base, "/periksa-" + StoreProbing.token()));
    ProbeResponse status = ctx.http().get(StoreProbing.resolve(base, "/api/status"));
    ProbeResponse views = ctx.http().get(StoreProbing.resolve(base, VIEWS_PATH));
    Optional<List<View>> listing = KibanaReplies.views(views.reply(), MAX_VIEWS);
    if (listing.isEmpty() && (views.status() == 404 || views.status() == 400)) {
      // Newer Kibanas may drop the saved-objects API; data views are its successor.
      views = ctx.http().get(StoreProbing.resolve(base, DATA_VIEWS_PATH));
      listing = KibanaReplies.views(views.reply(), MAX_VIEWS);
    }
    Optional<Banner> banner = KibanaReplies.status(status.reply());
    boolean catchAll =
        random.isSuccess()
            && (KibanaReplies.status(random.reply()).isPresent()
                || KibanaReplies.views(random.reply(), MAX_VIEWS).isPresent()
                || Arrays.equals(random.body(), status.body()));

    Evidence statusEvidence = statusEvidence(ctx, status, banner);
    result.observe(statusEvidence);
    Evidence viewsEvidence = viewsEvidence(ctx, views, listing);
    result.observe(viewsEvidence);

    if (catchAll) {
      result.observe(
          ctx.redactor()
              .capture(
                  "random path",
                  random.request(),
                  random.status(),
                  random.body(),
                  Map.of("note", "answers an invented path like Kibana's own APIs")));
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers every path with the same page; a look-alike; whether Kibana is behind it cannot be told");
      return;
    }
    if (banner.isPresent() && listing.isPresent()) {
      exposed(
          ctx, e, base, banner.get(), listing.get(), views, statusEvidence, viewsEvidence, result);
      return;
    }
    if (KibanaReplies.loginWall(views.reply())
        && (KibanaReplies.loginWall(status.reply()) || banner.isPresent())) {
      String how = views.isRefusal() ? String.valueOf(views.status()) : "redirect to a login page";
      result.part(
          Outcome.PASS,
          e.name()
              + ": the app needs a login ("
              + how
              + ")"
              + (banner.isPresent() ? "; its status page is public" : ""));
      return;
    }
    result.part(
        Outcome.INCONCLUSIVE,
        e.name()
            + ": did not answer like Kibana (status → "
            + status.status()
            + ", index patterns → "
            + views.status()
            + ")");
  }

  private void exposed(
      TargetContext ctx,
      Endpoint e,
      URI base,
      Banner banner,
      List<View> views,
      ProbeResponse viewsReply,
      Evidence statusEvidence,
      Evidence viewsEvidence,
      CheckResult.Builder result) {
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    List<String> samples = new ArrayList<>();
    for (View v : views) {
      samples.add(v.raw());
      List<PiiMatch> ms = ctx.scanner().scan(v.raw());
      ctx.scanner().count(ms).forEach((k, n) -> total.merge(k, n, Integer::sum));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("sampled", views.size());
    Evidence sampled =
        ctx.redactor()
            .capture(
                "saved index patterns (titles only)",
                viewsReply.request(),
                viewsReply.status(),
                viewsReply.body(),
                facts,
                samples);
    Severity floor =
        views.isEmpty()
            ? SeverityRule.NOTHING_PERSONAL.severity()
            : WeaknessRule.CONSOLE_LISTS_DATA_VIEWS.severity();
    Severity severity = Severity.max(floor, Redactor.severityOf(total));
    String reach =
        views.isEmpty()
            ? "no data views"
            : "data views "
                + views.stream().map(View::title).collect(Collectors.joining(", "))
                + " one click away";
    String holds =
        total.isEmpty()
            ? ""
            : "; titles hold "
                + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
    Finding f =
        new Finding(
            ctx.redactor()
                .redact(
                    String.format(
                        "%s answers anyone without a login: %s%s",
                        banner.describe(), reach, holds)),
            base.toString(),
            severity,
            List.of(statusEvidence, viewsEvidence, sampled),
            METADATA.remediation());
    result.fail(f, e.name() + ": open to anyone (" + severity + ")");
  }

  private Evidence statusEvidence(TargetContext ctx, ProbeResponse status, Optional<Banner> b) {
    Map<String, Object> facts = new LinkedHashMap<>();
    b.ifPresent(
        x -> {
          facts.put("product", x.product());
          facts.put("version", x.version());
          facts.put("overall", x.overall());
        });
    status.header("www-authenticate").ifPresent(h -> facts.put("challenge", h));
    status.header("location").ifPresent(h -> facts.put("redirect", h));
    return ctx.redactor()
        .capture(
            "status (GET /api/status)", status.request(), status.status(), status.body(), facts);
  }

  private Evidence viewsEvidence(
      TargetContext ctx, ProbeResponse views, Optional<List<View>> listing) {
    Map<String, Object> facts = new LinkedHashMap<>();
    listing.ifPresent(
        list -> {
          facts.put("viewCount", KibanaReplies.total(views.reply()).orElse((long) list.size()));
          facts.put("titles", list.stream().map(View::title).toList());
        });
    views.header("www-authenticate").ifPresent(h -> facts.put("challenge", h));
    views.header("location").ifPresent(h -> facts.put("redirect", h));
    return ctx.redactor()
        .capture(
            "index patterns and data views", views.request(), views.status(), views.body(), facts);
  }

  private static URI base(URI url) {
    String s = url.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s);
  }

  @Override
  public String proof() {
    return """
        Applies to: Kibana/OpenSearch Dashboards. status (`/api/status`) plus the app's index
        patterns or data views without a login; titles only, never documents through its console
        (MEDIUM with data views, LOW without, higher if titles hold personal data); 401/403 or a
        redirect to a login page passes. Proven on Kibana's documented replies only: no Kibana
        runs here
        """;
  }
}
