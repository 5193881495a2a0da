package dev.periksa.check.auth;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.auth.LoginProbes.Reply;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AUT-5 for HTTP APIs: do credentials, tokens and session cookies travel only over TLS and never in
 * a URL?
 *
 * <ol>
 *   <li><b>Login in clear.</b> A login URL on {@code http://} that answers like a login (a session
 *       for a declared identity, or a refusal) means passwords and the tokens it issues cross the
 *       network in clear. An HTTPS API is not probed for a plain-HTTP twin on guessed ports: a
 *       plain-HTTP counterpart is checked only when the profile declares it as an endpoint.
 *   <li><b>Token in a URL.</b> Logged in as a declared identity (never the throttle identity), a
 *       personal-data path the session reads with its token in the header, and that refuses a
 *       stranger, is asked again with the token only as {@code ?access_token=} and then {@code
 *       ?token=}, with no header and no cookie. A 2xx that serves the same reply (or personal data)
 *       means the API takes tokens from URLs, where logs, proxies and browser history keep them.
 *   <li><b>Cookie flags.</b> Each cookie the login sets without {@code Secure}, {@code HttpOnly} or
 *       {@code SameSite} (or with {@code SameSite=None}) is a finding once it is shown to be a
 *       session cookie: the same path answers it alone and refuses a stranger. Its name and missing
 *       attributes are reported, never its value.
 *   <li><b>Challenge in clear.</b> An {@code http://} API that answers a stranger 401 with {@code
 *       WWW-Authenticate: Basic} asks for passwords in clear (base64 is no protection); any other
 *       challenge over plain HTTP is reported when no login finding already says so.
 * </ol>
 *
 * <p>PASS when none of these holds and each part could be judged; a part that could not be judged
 * (no declared identity could log in, no path both served the session and refused a stranger) makes
 * it INCONCLUSIVE. Evidence never carries a token or cookie value: URLs with a token are written
 * with the token masked.
 */
@AutoService(Check.class)
public final class CredentialTransportCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "AUT-5.credential-transport",
          "HTTP APIs keep credentials, tokens and session cookies out of clear text and URLs",
          "HTTP API",
          List.of("AUT-5"),
          List.of("http"),
          List.of(319, 598, 614, 1004),
          "Serve the API and its login only over HTTPS (redirect or refuse plain HTTP and send"
              + " Strict-Transport-Security); accept tokens only in the Authorization header, never"
              + " in a query string; mark session cookies Secure, HttpOnly and SameSite (Strict or"
              + " Lax); never use HTTP Basic authentication without TLS.");

  /** Query parameters APIs commonly read a token from. */
  static final List<String> TOKEN_PARAMETERS = List.of("access_token", "token");

  /** Personal-data paths tried for the URL-token and cookie parts. */
  static final int MAX_PATHS = 3;

  private static final String MASK = "••••••";

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  /** One endpoint's parts: findings, what could not be judged, what was seen to be right. */
  private static final class Parts {
    final List<Finding> findings = new ArrayList<>();
    final List<String> unjudged = new ArrayList<>();
    final List<String> fine = new ArrayList<>();
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    boolean clear = "http".equalsIgnoreCase(e.url().getScheme());
    ApiSettings s = e.api();
    Parts parts = new Parts();
    ApiClient.Login session = null;
    Identity who = null;
    ApiClient api = s == null ? null : new ApiClient(ctx, e);

    if (s != null && s.login() != null) {
      URI loginUrl = api.url(s.login().path());
      Optional<Identity> throttle = LoginProbes.throttleIdentity(ctx, s);
      ApiClient.Login last = null;
      for (Identity id : api.identities()) {
        if (throttle.isPresent() && throttle.get().name().equals(id.name()) || !id.canLogIn()) {
          // The throttle identity may be locked out; one without a password does not log in.
          continue;
        }
        last = api.login(id);
        result.observe(loginEvidence(ctx, "login as " + id.name(), last));
        if (last.ok()) {
          session = last;
          who = id;
          break;
        }
      }
      if (last == null) {
        // No identity to log in with: an invented one still shows whether the login answers.
        last = api.login("periksa-" + LoginProbes.randomHex(6), LoginProbes.randomHex(16));
        result.observe(loginEvidence(ctx, "login with an invented user", last));
      }
      Reply reply = Reply.of(last);
      boolean loginLike = reply == Reply.SESSION || reply == Reply.REFUSED;
      if ("http".equalsIgnoreCase(loginUrl.getScheme())) {
        if (loginLike) {
          parts.findings.add(
              new Finding(
                  "The login takes passwords over plain HTTP"
                      + (session != null ? " and hands out its session in clear" : "")
                      + " ("
                      + loginUrl
                      + ")",
                  loginUrl.toString(),
                  WeaknessRule.CREDENTIALS_IN_CLEAR.severity(),
                  List.of(
                      ctx.redactor()
                          .capture(
                              "login over plain HTTP",
                              last.response().request(),
                              last.response().status(),
                              null,
                              Map.of(
                                  "scheme",
                                  "http",
                                  "apiBase",
                                  e.url().toString(),
                                  "reply",
                                  reply.name().toLowerCase(Locale.ROOT)))),
                  METADATA.remediation()));
        } else {
          parts.unjudged.add(
              "the plain-HTTP login answered "
                  + last.response().status()
                  + ", not like a login (a session or a refusal)");
        }
      } else {
        parts.fine.add("login over HTTPS");
      }
      if (session == null) {
        parts.unjudged.add(
            api.identities().isEmpty()
                ? "no identity is declared to log in with, so tokens and cookies were not seen"
                : "no declared identity could log in ("
                    + last.response().status()
                    + "), so tokens and cookies were not seen");
      }
    }

    if (session != null) {
      tokenAndCookies(ctx, e, api, who, session.session().orElseThrow(), parts);
    }
    challenge(ctx, e, clear, api, who, parts);

    for (Finding f : parts.findings) {
      result.fail(f, e.name() + ": " + f.title());
    }
    if (!parts.findings.isEmpty()) {
      return;
    }
    if (!parts.unjudged.isEmpty()) {
      result.part(Outcome.INCONCLUSIVE, e.name() + ": " + String.join("; ", parts.unjudged));
      return;
    }
    if (parts.fine.isEmpty()) {
      result.part(
          Outcome.NOT_APPLICABLE, e.name() + ": nothing here asks for or hands out credentials");
      return;
    }
    result.part(Outcome.PASS, e.name() + ": " + String.join("; ", parts.fine));
  }

  /** The URL-token and cookie parts, with a logged-in session. */
  private void tokenAndCookies(
      TargetContext ctx,
      Endpoint e,
      ApiClient api,
      Identity who,
      ApiClient.Session s,
      Parts parts) {
    // A path the session reads and a stranger is refused: the base line both parts compare to.
    String path = null;
    ProbeResponse control = null;
    List<String> paths = LoginProbes.readablePaths(api.settings(), who, false);
    for (String p : paths.subList(0, Math.min(MAX_PATHS, paths.size()))) {
      ProbeResponse c = api.get(p, s);
      ProbeResponse anonymous = api.anonymous(p);
      if (c.isSuccess() && anonymous.isRefusal()) {
        path = p;
        control = c;
        break;
      }
    }
    if (path == null) {
      parts.unjudged.add(
          paths.isEmpty()
              ? "no personal-data path is declared for "
                  + who.name()
                  + ", so a token in a URL and the session cookie could not be tried"
              : "no declared personal-data path both served "
                  + who.name()
                  + "'s session and refused a stranger, so a token in a URL and the session"
                  + " cookie could not be tried");
      return;
    }

    if (s.token() == null) {
      parts.fine.add("the session is a cookie only; no token to put in a URL");
    } else {
      List<String> accepted = new ArrayList<>();
      List<Evidence> evidence = new ArrayList<>();
      for (String param : TOKEN_PARAMETERS) {
        String sep = path.contains("?") ? "&" : "?";
        String shown = "GET " + api.url(path) + sep + param + "=" + MASK;
        ProbeResponse r;
        try {
          r =
              ctx.http()
                  .get(
                      api.url(
                          path
                              + sep
                              + param
                              + "="
                              + URLEncoder.encode(s.token(), StandardCharsets.UTF_8)),
                      Map.of("Accept", "application/json"));
        } catch (ProbeException ex) {
          // The message could name the URL, and the URL holds the token.
          parts.unjudged.add("no reply to the token in ?" + param + "=");
          continue;
        }
        boolean served =
            r.isSuccess()
                && (Arrays.equals(r.body(), control.body())
                    || !ctx.scanner().scan(r.text()).isEmpty());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("parameter", param);
        facts.put("headerOrCookie", "none");
        facts.put("sameAsWithHeader", Arrays.equals(r.body(), control.body()));
        facts.put("served", served);
        Evidence ev =
            ctx.redactor().capture("token in the query string", shown, r.status(), r.body(), facts);
        evidence.add(ev);
        if (served) {
          accepted.add("?" + param + "=");
        }
      }
      if (!accepted.isEmpty()) {
        parts.findings.add(
            new Finding(
                "The API takes its token from the URL ("
                    + String.join(", ", accepted)
                    + ") and serves "
                    + path
                    + " for it: tokens end up in logs, proxies and browser history",
                api.url(path).toString(),
                WeaknessRule.TOKEN_TAKEN_FROM_URL.severity(),
                evidence,
                METADATA.remediation()));
      } else if (evidence.size() == TOKEN_PARAMETERS.size()) {
        parts.fine.add("a token in the query string is refused");
      }
    }

    cookies(ctx, api, path, s, parts);
  }

  private void cookies(
      TargetContext ctx, ApiClient api, String path, ApiClient.Session s, Parts parts) {
    if (s.setCookies().isEmpty()) {
      parts.fine.add("the login sets no cookie");
      return;
    }
    for (String header : s.setCookies()) {
      SetCookie c = SetCookie.parse(header);
      if (c == null || c.deletes()) {
        continue;
      }
      List<String> missing = c.missing();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("cookie", c.name());
      facts.put("attributes", c.attributes());
      facts.put("missing", missing);
      if (missing.isEmpty()) {
        parts.fine.add("cookie " + c.name() + " is Secure, HttpOnly and SameSite=" + c.sameSite());
        continue;
      }
      ProbeResponse alone =
          ctx.http()
              .get(
                  api.url(path),
                  Map.of("Accept", "application/json", "Cookie", c.name() + "=" + c.value()));
      facts.put("servesAlone", alone.isSuccess());
      Evidence ev =
          ctx.redactor()
              .capture(
                  "session cookie " + c.name() + " (value not shown)",
                  alone.request(),
                  alone.status(),
                  alone.body(),
                  facts);
      if (alone.isSuccess()) {
        parts.findings.add(
            new Finding(
                "The session cookie "
                    + c.name()
                    + " lacks "
                    + String.join(", ", missing)
                    + ": it can leak over plain HTTP, to scripts or with cross-site requests",
                api.url(api.settings().login().path()).toString(),
                WeaknessRule.SESSION_COOKIE_UNPROTECTED.severity(),
                List.of(ev),
                METADATA.remediation()));
      } else {
        parts.fine.add("cookie " + c.name() + " is not a session cookie (refused alone)");
      }
    }
  }

  /** A stranger's request: does the API ask for credentials in clear? */
  private void challenge(
      TargetContext ctx, Endpoint e, boolean clear, ApiClient api, Identity who, Parts parts) {
    if (!clear) {
      if (api == null || api.settings().login() == null) {
        parts.fine.add("served over HTTPS");
      }
      return;
    }
    String path = "/";
    if (api != null) {
      Identity owner = who != null ? who : LoginProbes.someOwner(ctx, api);
      List<String> paths = LoginProbes.readablePaths(api.settings(), owner, true);
      if (!paths.isEmpty()) {
        path = paths.get(0);
      }
    }
    ProbeResponse r =
        ctx.http().get(e.resolve(path), Map.of("Accept", "application/json, text/html"));
    Optional<String> scheme =
        r.status() == 401
            ? r.header("www-authenticate").map(h -> h.strip().split("[\\s,]+")[0])
            : Optional.empty();
    if (scheme.isEmpty()) {
      return;
    }
    boolean basic = scheme.get().equalsIgnoreCase("Basic");
    boolean alreadySaid =
        parts.findings.stream().anyMatch(f -> f.title().startsWith("The login takes passwords"));
    if (!basic && alreadySaid) {
      return;
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("challenge", scheme.get());
    facts.put("scheme", "http");
    parts.findings.add(
        new Finding(
            basic
                ? "The API asks for HTTP Basic credentials over plain HTTP: the password crosses"
                    + " the network in clear (base64)"
                : "The API asks for " + scheme.get() + " credentials over plain HTTP",
            e.resolve(path).toString(),
            WeaknessRule.CREDENTIALS_IN_CLEAR.severity(),
            List.of(
                ctx.redactor()
                    .capture(
                        "challenge over plain HTTP", r.request(), r.status(), r.body(), facts)),
            METADATA.remediation()));
  }

  private static Evidence loginEvidence(TargetContext ctx, String title, ApiClient.Login l) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("reply", Reply.of(l).name().toLowerCase(Locale.ROOT));
    l.session()
        .ifPresent(
            s -> {
              facts.put("token", s.token() != null ? "issued (not shown)" : "none");
              facts.put(
                  "cookies",
                  s.setCookies().stream()
                      .map(SetCookie::parse)
                      .filter(c -> c != null)
                      .map(SetCookie::name)
                      .toList());
            });
    return ctx.redactor()
        .capture(title, l.response().request(), l.response().status(), null, facts);
  }

  /** One {@code Set-Cookie} header: its name, its attributes; its value only to send it back. */
  record SetCookie(String name, String value, Map<String, String> attrs) {
    static SetCookie parse(String header) {
      String[] parts = header.split(";");
      int eq = parts[0].indexOf('=');
      if (eq <= 0) {
        return null;
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      for (int i = 1; i < parts.length; i++) {
        String a = parts[i].strip();
        if (a.isEmpty()) {
          continue;
        }
        int k = a.indexOf('=');
        String key = (k < 0 ? a : a.substring(0, k)).strip().toLowerCase(Locale.ROOT);
        attrs.put(key, k < 0 ? "" : a.substring(k + 1).strip());
      }
      return new SetCookie(
          parts[0].substring(0, eq).strip(), parts[0].substring(eq + 1).strip(), attrs);
    }

    /** A cookie being removed (empty, Max-Age=0 or expired in the past) is no session. */
    boolean deletes() {
      if (value.isEmpty() || "0".equals(attrs.get("max-age"))) {
        return true;
      }
      String exp = attrs.get("expires");
      if (exp != null) {
        try {
          return java.time.ZonedDateTime.parse(
                  exp, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
              .isBefore(java.time.ZonedDateTime.now());
        } catch (java.time.format.DateTimeParseException ex) {
          return false;
        }
      }
      return false;
    }

    String sameSite() {
      return attrs.getOrDefault("samesite", "");
    }

    /** The protective attributes it lacks ({@code SameSite=None} counts as lacking SameSite). */
    List<String> missing() {
      List<String> m = new ArrayList<>();
      if (!attrs.containsKey("secure")) {
        m.add("Secure");
      }
      if (!attrs.containsKey("httponly")) {
        m.add("HttpOnly");
      }
      String ss = sameSite().toLowerCase(Locale.ROOT);
      if (!ss.equals("strict") && !ss.equals("lax")) {
        m.add(ss.equals("none") ? "SameSite (set to None)" : "SameSite");
      }
      return m;
    }

    /** The attribute names as sent, values only for the harmless ones. */
    List<String> attributes() {
      List<String> out = new ArrayList<>();
      attrs.forEach(
          (k, v) ->
              out.add(v.isEmpty() || k.equals("expires") || k.equals("domain") ? k : k + "=" + v));
      return out;
    }

    @Override
    public String toString() {
      return name + "=" + MASK;
    }
  }

  @Override
  public String proof() {
    return """
        a login on `http://` that answers like a login (HIGH); logged in as a declared identity
        (never the throttle identity), a personal-data path that serves its token in the header
        and refuses a stranger is asked with the token only as `?access_token=` and `?token=`: the
        same reply is a finding (HIGH); each login cookie without `Secure`, `HttpOnly` or
        `SameSite` (or with `SameSite=None`) that alone opens that path (MEDIUM, its name and
        missing attributes only); a 401 with `WWW-Authenticate: Basic` over plain HTTP (HIGH). An
        HTTPS API is not probed for a plain-HTTP twin unless the profile declares one. Tokens and
        cookie values never reach the evidence (`?access_token=••••••`)
        """;
  }
}
