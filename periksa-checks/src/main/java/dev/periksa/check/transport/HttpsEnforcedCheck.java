package dev.periksa.check.transport;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.probe.Redirects;
import dev.periksa.target.Endpoint;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * TLS-3 for the target's web fronts (endpoints of kind {@code web}, what browsers load; HSTS is a
 * browser policy, RFC 6797): is HTTPS enforced?
 *
 * <ul>
 *   <li>An {@code http://} web endpoint must answer 301 or 308 with a {@code Location} on {@code
 *       https://}; the HTTPS page it points to (in scope) must then carry HSTS as below. A page
 *       served in clear is a FAIL only when an invented path on the same endpoint is not redirected
 *       either (two signals); a 302 or 307 is a FAIL of its own (not a lasting redirect).
 *   <li>An {@code https://} web endpoint must send {@code Strict-Transport-Security} with {@code
 *       max-age} of at least 15552000 seconds (180 days): on the endpoint's page, or, when that
 *       page lacks it, on an invented path (a browser takes the policy from any reply of the host).
 *       Missing on both, or shorter, is a FAIL.
 *   <li>The plain-HTTP counterpart of an HTTPS web endpoint is known in one of two ways: the
 *       profile declares it as another {@code web} endpoint with an {@code http://} URL of the same
 *       host (it is then judged by the first rule), or the endpoint uses the default port 443, in
 *       which case {@code http://host:80} with the same path is asked too: nothing listening there
 *       is fine, a redirect to HTTPS is fine, a page in clear is a FAIL. A non-default HTTPS port
 *       has no guessable plain port, and none is guessed.
 * </ul>
 *
 * <p>Any request that gets no usable reply makes the endpoint INCONCLUSIVE, never a PASS.
 */
@AutoService(Check.class)
public final class HttpsEnforcedCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "TLS-3.https-enforced",
          "Web fronts redirect plain HTTP to HTTPS and send Strict-Transport-Security",
          "TLS",
          List.of("TLS-3"),
          List.of("web"),
          List.of(319, 523),
          "Answer every plain-HTTP request with a permanent redirect (301 or 308) to the same"
              + " path on https://, and send Strict-Transport-Security: max-age=31536000;"
              + " includeSubDomains on every HTTPS response (at least 180 days); consider the"
              + " HSTS preload list once every subdomain serves HTTPS.");

  /** The smallest max-age that passes: 180 days. */
  public static final long MIN_MAX_AGE = 15_552_000L;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if ("https".equalsIgnoreCase(e.url().getScheme())) {
      https(ctx, e, e.url(), result);
      if (e.url().getPort() < 0 || e.url().getPort() == 443) {
        defaultPlainPort(ctx, e, result);
      }
    } else {
      plain(ctx, e, result);
    }
  }

  /** An http:// endpoint: a lasting redirect to https://, then HSTS there. */
  /**
   * An http:// web endpoint: its redirects are followed within the scope. It must reach HTTPS
   * through lasting redirects (301 or 308 at every hop); a chain that ends on plain HTTP fails, and
   * one that cannot be followed to its end (a loop, a hop out of scope, too many hops) before it
   * reaches HTTPS is INCONCLUSIVE.
   */
  private void plain(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    Redirects chain = ctx.http().headersOnly().follow(e.url(), Map.of());
    ProbeResponse page = chain.first();
    Evidence pageEvidence = chainEvidence(ctx, "plain HTTP (" + e.name() + ")", chain);
    result.observe(pageEvidence);
    if (!page.isRedirect()) {
      ProbeResponse invented = ctx.http().headersOnly().get(e.resolve("/" + invented()));
      Evidence inventedEvidence = redirectEvidence(ctx, "plain HTTP, invented path", invented);
      result.observe(inventedEvidence);
      if (invented.isRedirect()) {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": serves its page over plain HTTP ("
                + page.status()
                + ") but redirects other paths; not judged");
        return;
      }
      result.fail(
          new Finding(
              e.name()
                  + " serves plain HTTP without redirecting to HTTPS ("
                  + page.status()
                  + " at "
                  + e.url()
                  + ")",
              e.url().toString(),
              WeaknessRule.PLAIN_HTTP_NOT_REDIRECTED.severity(),
              List.of(pageEvidence, inventedEvidence),
              METADATA.remediation()),
          e.name() + ": plain HTTP, no redirect");
      return;
    }
    List<URI> urls = chain.urls();
    int https = -1;
    for (int i = 0; i < urls.size(); i++) {
      if ("https".equalsIgnoreCase(urls.get(i).getScheme())) {
        https = i;
        break;
      }
    }
    if (https < 0) {
      // A chain that ends on plain HTTP, or at a plain-HTTP hop that does not answer, never
      // reaches HTTPS; one stopped before its end (loop, out of scope, too long) is not known.
      if (chain.complete() || chain.stop() == Redirects.Stop.UNREACHABLE) {
        result.fail(
            new Finding(
                e.name() + " redirects plain HTTP only to plain HTTP (" + chain.describe() + ")",
                e.url().toString(),
                WeaknessRule.PLAIN_HTTP_NOT_REDIRECTED.severity(),
                List.of(pageEvidence),
                METADATA.remediation()),
            e.name() + ": redirects stay on plain HTTP");
      } else {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": its redirects could not be followed to HTTPS (" + chain.describe() + ")");
      }
      return;
    }
    List<ProbeResponse> toHttps = chain.replies().subList(0, https);
    int temporary =
        toHttps.stream()
            .map(ProbeResponse::status)
            .filter(x -> x != 301 && x != 308)
            .findFirst()
            .orElse(0);
    if (temporary != 0) {
      result.fail(
          new Finding(
              e.name()
                  + " redirects plain HTTP to HTTPS only temporarily ("
                  + temporary
                  + ": "
                  + chain.describe()
                  + "; a 301 or 308 is needed)",
              e.url().toString(),
              WeaknessRule.REDIRECT_ONLY_TEMPORARY.severity(),
              List.of(pageEvidence),
              METADATA.remediation()),
          e.name() + ": temporary redirect " + temporary);
      return;
    }
    URI target = urls.get(https);
    if (!ctx.profile().scope().allows(target.getHost())) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name() + ": redirects to " + target.getHost() + ", outside the scope; HSTS not read");
      return;
    }
    https(ctx, e, target, result);
  }

  private Evidence chainEvidence(TargetContext ctx, String title, Redirects chain) {
    ProbeResponse r = chain.first();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("status", r.status());
    r.header("location").ifPresent(l -> facts.put("location", l));
    facts.put("redirect", Redirect.of(r).name().toLowerCase(Locale.ROOT));
    if (chain.replies().size() > 1 || chain.next() != null) {
      facts.put("chain", chain.describe());
      facts.put("followed", chain.stop().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return ctx.redactor().capture(title, r.request(), r.status(), r.body(), facts);
  }

  /** An https:// URL: Strict-Transport-Security with a long max-age. */
  private void https(TargetContext ctx, Endpoint e, URI url, CheckResult.Builder result) {
    ProbeResponse page = ctx.http().headersOnly().get(url);
    Hsts hsts = Hsts.of(page);
    Evidence evidence = hstsEvidence(ctx, "HTTPS reply (" + e.name() + ")", page, hsts);
    result.observe(evidence);
    if (hsts.maxAge() < 0) {
      ProbeResponse other = ctx.http().headersOnly().get(resolve(url, "/" + invented()));
      Hsts again = Hsts.of(other);
      Evidence otherEvidence = hstsEvidence(ctx, "HTTPS reply, invented path", other, again);
      result.observe(otherEvidence);
      if (again.maxAge() < 0) {
        result.fail(
            new Finding(
                e.name() + " sends no Strict-Transport-Security header over HTTPS (" + url + ")",
                url.toString(),
                WeaknessRule.HSTS_MISSING_OR_SHORT.severity(),
                List.of(evidence, otherEvidence),
                METADATA.remediation()),
            e.name() + ": no HSTS");
        return;
      }
      hsts = again;
    }
    if (hsts.maxAge() < MIN_MAX_AGE) {
      result.fail(
          new Finding(
              e.name()
                  + " sends Strict-Transport-Security with max-age="
                  + hsts.maxAge()
                  + ", under "
                  + MIN_MAX_AGE
                  + " (180 days)",
              url.toString(),
              WeaknessRule.HSTS_MISSING_OR_SHORT.severity(),
              List.of(evidence),
              METADATA.remediation()),
          e.name() + ": HSTS max-age " + hsts.maxAge());
      return;
    }
    result.part(
        Outcome.PASS,
        e.name()
            + ": "
            + (url.equals(e.url()) ? "" : "redirects to HTTPS, ")
            + "HSTS max-age="
            + hsts.maxAge());
  }

  /** https:// on port 443: http:// on port 80 must not serve the page in clear. */
  private void defaultPlainPort(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    URI plain;
    try {
      URI u = e.url();
      plain = new URI("http", null, u.getHost(), 80, u.getRawPath(), u.getRawQuery(), null);
    } catch (URISyntaxException ex) {
      return;
    }
    ProbeResponse page;
    try {
      page = ctx.http().headersOnly().get(plain);
    } catch (ProbeException ex) {
      if (nothingListens(ex)) {
        result.observe(
            ctx.redactor()
                .capture(
                    "plain HTTP counterpart of " + e.name(),
                    "GET " + plain,
                    0,
                    null,
                    Map.of("note", "nothing listens on port 80: " + ex.getMessage())));
        return;
      }
      throw ex;
    }
    Evidence evidence = redirectEvidence(ctx, "plain HTTP counterpart of " + e.name(), page);
    result.observe(evidence);
    Redirect r = Redirect.of(page);
    if (r == Redirect.PERMANENT) {
      return;
    }
    result.fail(
        new Finding(
            e.name()
                + "'s plain HTTP counterpart "
                + plain
                + (r == Redirect.TEMPORARY
                    ? " redirects only temporarily (" + page.status() + ")"
                    : " answers without redirecting to HTTPS (" + page.status() + ")"),
            plain.toString(),
            r == Redirect.TEMPORARY
                ? WeaknessRule.REDIRECT_ONLY_TEMPORARY.severity()
                : WeaknessRule.PLAIN_HTTP_NOT_REDIRECTED.severity(),
            List.of(evidence),
            METADATA.remediation()),
        e.name() + ": port 80 not redirected");
  }

  private static boolean nothingListens(ProbeException ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof org.apache.http.conn.ConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private Evidence redirectEvidence(TargetContext ctx, String title, ProbeResponse r) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("status", r.status());
    r.header("location").ifPresent(l -> facts.put("location", l));
    facts.put("redirect", Redirect.of(r).name().toLowerCase(Locale.ROOT));
    return ctx.redactor().capture(title, r.request(), r.status(), r.body(), facts);
  }

  private Evidence hstsEvidence(TargetContext ctx, String title, ProbeResponse r, Hsts h) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("status", r.status());
    facts.put("strictTransportSecurity", h.header().isEmpty() ? "(absent)" : h.header());
    if (h.maxAge() >= 0) {
      facts.put("maxAge", h.maxAge());
    }
    return ctx.redactor().capture(title, r.request(), r.status(), r.body(), facts);
  }

  private static String invented() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "periksa-" + HexFormat.of().formatHex(b);
  }

  private static URI resolve(URI base, String path) {
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path);
  }

  /** Whether a reply redirects to HTTPS, and how lastingly. */
  enum Redirect {
    PERMANENT,
    TEMPORARY,
    NONE;

    static Redirect of(ProbeResponse r) {
      int s = r.status();
      if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
        return NONE;
      }
      String loc = r.header("location").orElse("");
      URI u;
      try {
        u = new URI(loc.strip());
      } catch (URISyntaxException e) {
        return NONE;
      }
      if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
        return NONE;
      }
      return s == 301 || s == 308 ? PERMANENT : TEMPORARY;
    }
  }

  /**
   * The first Strict-Transport-Security header of a reply and its max-age (-1 when absent or
   * unreadable, as RFC 6797 §8.1 says a browser ignores such a header).
   */
  record Hsts(String header, long maxAge) {
    static Hsts of(ProbeResponse r) {
      String h = r.header("strict-transport-security").orElse("");
      return new Hsts(h, maxAge(h).orElse(-1));
    }

    static OptionalLong maxAge(String header) {
      OptionalLong found = OptionalLong.empty();
      for (String part : header.split(";")) {
        String p = part.strip();
        int eq = p.indexOf('=');
        String name = (eq < 0 ? p : p.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
        if (!name.equals("max-age") || eq < 0) {
          continue;
        }
        if (found.isPresent()) {
          return OptionalLong.empty(); // a directive twice makes the header invalid
        }
        String v = p.substring(eq + 1).strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        try {
          long n = Long.parseLong(v);
          if (n < 0) {
            return OptionalLong.empty();
          }
          found = OptionalLong.of(n);
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
      return found;
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: TLS (web fronts: endpoints of kind `web`, what browsers load). an `http://`
        web endpoint must answer 301 or 308 to `https://`, and the page it points to must carry
        HSTS; a page in clear fails (MEDIUM) when an invented path is not redirected either, a
        302/307 fails (LOW). An `https://` web endpoint must send `Strict-Transport-Security` with
        `max-age` of at least 15552000 (180 days) on its page or, failing that, on an invented
        path: missing or shorter fails (LOW). The plain-HTTP counterpart of an HTTPS front is the
        `http://` web endpoint the profile declares for the same host, or, for an HTTPS front on
        port 443, `http://host:80` (nothing listening there passes). Redirects are read, never
        followed outside the scope; no reply is INCONCLUSIVE
        """;
  }
}
