package dev.periksa.check.personaldata;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.support.DataPlaces;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PII-2, URLs: do the URLs a target hands out or takes carry identity numbers or other personal
 * data? URLs end up in access logs, proxy logs, browser history and Referer headers, where nobody
 * protects them as personal data.
 *
 * <ul>
 *   <li><b>URLs handed out.</b> An HTTP API with an api section is read as the first declared
 *       identity (never the throttle identity): its own first record and each personal-data path. A
 *       web front, or an HTTP endpoint without an api section, is read where its data is ({@link
 *       DataPlaces}: the root as HTML and as JSON, its data-like links one level down, a listed
 *       file; at most 6 replies). Every URL in those replies is looked at: {@code Location}, {@code
 *       Content-Location}, {@code Link} and {@code Refresh} headers, URL values in JSON, link and
 *       form targets in HTML. A query string that carries personal data fails (see {@link
 *       UrlsInReplies} for how a parameter is judged: a bare 16-digit order number is not a NIK). A
 *       link with a query string is read, never followed.
 *   <li><b>A look-up by identity number</b> ({@code api.search}). The synthetic {@link Canary} NIK
 *       is POSTed in a JSON body: a reply that redirects to, or links to, a URL carrying it moved
 *       the number from the body into a URL (post/redirect/get). Then it is asked for with the
 *       number in the query string ({@code GET path?field=canary}) and, as the control, without: a
 *       2xx to the first that differs from the control means the API takes identity numbers in URLs
 *       (ASVS 8.3.1); a refusal, or the same reply either way (a catch-all that ignores the
 *       parameter), passes.
 * </ul>
 *
 * <p>Severity follows the data the URLs carry (the canary counts as a NIK: HIGH). An API whose
 * replies could not be read (no 2xx as the identity, or as a stranger when no login is declared) is
 * INCONCLUSIVE. Evidence shows URLs with their personal values masked.
 */
@AutoService(Check.class)
public final class PersonalDataInUrlsCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "PII-2.urls",
          "No personal data in the URLs a target hands out or takes",
          "URLs",
          List.of("PII-2"),
          List.of("http", "web"),
          List.of(598, 359),
          "Keep identity numbers and other personal data out of URLs: take them only in request"
              + " bodies (POST) or headers, refuse a GET that carries one, answer a POST directly"
              + " instead of redirecting to a URL that repeats it, and give links and QR codes an"
              + " opaque reference instead of the person's number.");

  /** Offending URLs listed in one piece of evidence. */
  static final int MAX_URLS_SHOWN = 5;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    try {
      if (e.api() != null) {
        api(ctx, e, result);
      } else {
        page(ctx, e, result);
      }
    } catch (ProbeException ex) {
      ErrorEchoCheck.unanswered(ctx, e, result, ex);
    }
  }

  /** URLs that carry personal data, collected over the replies of one endpoint. */
  private static final class Offenders {
    final List<Evidence> evidence = new ArrayList<>();
    final List<UrlsInReplies.Offending> urls = new ArrayList<>();
    final Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    String firstLocation;

    /** Looks at the URLs of one reply; returns the evidence of it (observed either way). */
    Evidence look(TargetContext ctx, String what, ProbeResponse r, CheckResult.Builder result) {
      List<UrlsInReplies.Found> found = UrlsInReplies.in(r);
      List<UrlsInReplies.Offending> bad = new ArrayList<>();
      for (UrlsInReplies.Found f : found) {
        UrlsInReplies.Offending o = UrlsInReplies.judge(ctx.scanner(), f);
        if (o != null) {
          bad.add(o);
        }
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("urls", found.size());
      facts.put("withPersonalData", bad.size());
      if (!bad.isEmpty()) {
        List<String> shown = new ArrayList<>();
        for (UrlsInReplies.Offending o : bad.subList(0, Math.min(bad.size(), MAX_URLS_SHOWN))) {
          shown.add(o.where() + ": " + o.masked());
        }
        facts.put("offending", shown);
      }
      Evidence ev =
          ctx.redactor()
              .capture(what, Canary.hide(r.request()), r.status(), r.body(), hideAll(facts));
      result.observe(ev);
      if (!bad.isEmpty()) {
        evidence.add(ev);
        urls.addAll(bad);
        bad.forEach(o -> Replies.add(counts, o.counts()));
        if (firstLocation == null) {
          firstLocation = Canary.hide(r.url().toString());
        }
      }
      return ev;
    }

    void conclude(Endpoint e, CheckResult.Builder result, String whose) {
      Severity s = Redactor.severityOf(counts);
      List<String> masked = UrlsInReplies.masked(urls);
      result.fail(
          new Finding(
              "URLs "
                  + whose
                  + " carry "
                  + Replies.labels(counts)
                  + " ("
                  + masked.size()
                  + (masked.size() == 1 ? " URL" : " URLs")
                  + ")",
              firstLocation,
              s,
              evidence,
              METADATA.remediation()),
          e.name()
              + ": "
              + masked.size()
              + (masked.size() == 1 ? " URL carries " : " URLs carry ")
              + Replies.labels(counts)
              + " ("
              + s
              + ")");
    }
  }

  /** Replies read of an endpoint without an api section (see {@link DataPlaces}). */
  static final int MAX_PAGE_READS = 6;

  private void page(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    Offenders o = new Offenders();
    List<String> statuses = new ArrayList<>();
    DataPlaces.walk(
        ctx,
        e,
        MAX_PAGE_READS,
        PlainHttpPersonalDataCheck.RANGE_BYTES,
        p -> {
          statuses.add(p.what() + " " + p.reply().status());
          o.look(ctx, "URLs in " + p.what() + " of " + e.name(), p.reply(), result);
          return false;
        });
    if (!o.urls.isEmpty()) {
      o.conclude(e, result, "that " + e.name() + " hands out");
    } else {
      result.part(
          Outcome.PASS,
          e.name()
              + ": no personal data in the URLs of "
              + statuses.size()
              + (statuses.size() == 1 ? " reply" : " replies")
              + " ("
              + String.join(", ", statuses.subList(0, Math.min(3, statuses.size())))
              + (statuses.size() > 3 ? ", …" : "")
              + ")");
    }
  }

  private void api(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    ApiAccess access = ApiAccess.open(ctx, e, result);
    Offenders handedOut = new Offenders();
    boolean read = false;
    for (String path : access.ownPaths()) {
      ProbeResponse r = access.get(path);
      handedOut.look(ctx, "URLs in " + path + " as " + access.who(), r, result);
      read |= r.isSuccess();
    }
    List<String> unjudged = new ArrayList<>();
    if (access.problem() != null) {
      unjudged.add(access.problem());
    } else if (!read) {
      unjudged.add("no record or personal-data path answered " + access.who() + " with a 2xx");
    }
    ApiSettings.Search search = e.api().search();
    if (search != null && !search(ctx, e, access, search, handedOut, result)) {
      unjudged.add(search.path() + " refused " + access.who());
    }
    if (!handedOut.urls.isEmpty()) {
      handedOut.conclude(e, result, "that " + e.name() + " hands out");
      return;
    }
    if (unjudged.isEmpty()) {
      result.part(
          Outcome.PASS,
          e.name()
              + ": no personal data in the URLs it hands out"
              + (search != null ? " or takes" : ""));
    } else {
      result.part(Outcome.INCONCLUSIVE, e.name() + ": " + String.join("; ", unjudged));
    }
  }

  /**
   * The look-up by identity number, with the canary. Returns false when it refused the caller (so
   * nothing could be judged); a finding about the query string is recorded here, and the URLs it
   * hands out go to {@code handedOut}.
   */
  private boolean search(
      TargetContext ctx,
      Endpoint e,
      ApiAccess access,
      ApiSettings.Search search,
      Offenders handedOut,
      CheckResult.Builder result) {
    String field = search.field();
    String body;
    try {
      body = Json.MAPPER.writeValueAsString(Map.of(field, Canary.NIK));
    } catch (java.io.IOException ex) {
      throw new IllegalStateException(ex);
    }
    ProbeResponse posted = access.send("POST", search.path(), "application/json", body);
    handedOut.look(
        ctx,
        "URLs in the reply to POST " + search.path() + " with a canary " + field,
        posted,
        result);

    String inQuery = search.path() + "?" + enc(field) + "=" + Canary.NIK;
    ProbeResponse asked = access.get(inQuery);
    ProbeResponse control = access.get(search.path());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("withNumber", asked.status());
    facts.put("without", control.status());
    boolean differs =
        asked.status() / 100 != control.status() / 100
            || !Arrays.equals(asked.body(), control.body());
    boolean takes = asked.isSuccess() && differs;
    facts.put("takesNumberInQuery", takes);
    Evidence ev =
        ctx.redactor()
            .capture(
                "GET " + search.path() + " with a canary " + field + " in the query string",
                Canary.hide(asked.request()),
                asked.status(),
                asked.body(),
                facts);
    result.observe(ev);
    if (takes) {
      Map<PiiType, Integer> counts = Map.of(PiiType.NIK, 1);
      Severity s = Redactor.severityOf(counts);
      result.fail(
          new Finding(
              "GET "
                  + search.path()
                  + " takes an identity number in its query string (?"
                  + field
                  + "="
                  + Canary.masked()
                  + " answered "
                  + asked.status()
                  + ", without it "
                  + control.status()
                  + ")",
              Canary.hide(asked.url().toString()),
              s,
              List.of(ev),
              METADATA.remediation()),
          e.name() + ": " + search.path() + " takes identity numbers in URLs (" + s + ")");
    }
    // A refusal says nothing about whether the number would be taken from the URL.
    return !asked.isRefusal() && !posted.isRefusal();
  }

  private static Map<String, Object> hideAll(Map<String, Object> facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    facts.forEach(
        (k, v) -> {
          if (v instanceof String s) {
            out.put(k, Canary.hide(s));
          } else if (v instanceof List<?> l) {
            out.put(k, l.stream().map(x -> Canary.hide(String.valueOf(x))).toList());
          } else {
            out.put(k, v);
          }
        });
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String proof() {
    return """
        Applies to: URLs (kinds `http`, `web`). every URL in the replies an API serves its first
        identity (own first record, each personal-data path) or a web front (or API without an
        `api` section) where its data is, as PII-1 reads it (at most 6 replies): `Location`,
        `Content-Location`, `Link` and `Refresh` headers, URL values in JSON, link and form
        targets in HTML; each query parameter is scanned as a JSON field of its own name (`?nik=`
        names a NIK; a bare 16-digit order number does not count); a link with a query string is
        judged, never followed. With `api.search` (`{path, field}`), the synthetic canary NIK
        `3174••••••••9999` (district 99, which no regency has: it belongs to nobody and is never
        in the lab's data) is POSTed in a body (a redirect or link repeating it FAILs) and asked
        for as `GET path?field=canary` against the same path without it (a 2xx that differs FAILs:
        the API takes identity numbers in URLs; a refusal, or the same reply either way, passes).
        Severity from the data in the URLs (a NIK: HIGH); URLs shown masked
        """;
  }
}
