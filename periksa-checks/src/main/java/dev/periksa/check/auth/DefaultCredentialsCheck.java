package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.auth.LoginProbes.Reply;
import dev.periksa.check.support.DefaultCredentials;
import dev.periksa.check.support.DefaultCredentials.Credential;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * AUT-2 for HTTP APIs: does a declared login accept a well-known default user and password?
 *
 * <p>At each {@code kind: http} endpoint with an {@code api.login}, the pairs of the shipped lists
 * the profile names in {@code api.defaultCredentials} ({@code credentials/<name>.txt}; the {@code
 * generic} list when it names none) are sent through the login form, once each, in list order. An
 * invented user and password go first: the login must refuse them, or it cannot tell a default from
 * anything else (a login that hands a session to anyone, or answers 200 without a token or a cookie
 * to every pair, is INCONCLUSIVE, never a FAIL). Pairs whose user is the declared throttle
 * identity's are never sent: AUT-4 may lock that account.
 *
 * <p>A default pair that gets a session (a 2xx with a token or a session cookie) while the invented
 * pair was refused is a FAIL: HIGH at least, since a stranger then holds an authenticated session;
 * one GET of a declared personal-data path with that session (and one without it, for comparison)
 * shows what it reads, and identity numbers with health data make it CRITICAL. The pair is reported
 * masked ({@code admin/••••••}); login replies are never sampled or hashed, since they carry the
 * token.
 *
 * <p>Throttling rule: the first 429 or 423 ends the attempts at that login, so the check never
 * keeps knocking on a locked account. A throttle is protective, but the defaults not yet tried are
 * unproven: with any pair left untried (and none that worked) the outcome is INCONCLUSIVE, naming
 * the untried pairs masked; only when every pair was sent and refused is it a PASS. The shipped
 * generic list names each user at most twice, so one run stays below common lockout thresholds.
 */
@AutoService(Check.class)
public final class DefaultCredentialsCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "AUT-2.default-credentials",
          "HTTP API logins refuse default and well-known credentials",
          "HTTP API",
          List.of("AUT-2"),
          List.of("http"),
          List.of(1392, 521),
          "Remove or disable every default, vendor and demo account; give each remaining account"
              + " its own strong password set at installation and refuse well-known passwords"
              + " when one is chosen (ASVS 2.1.7); then review what the account could reach, and"
              + " treat personal data it could read as possibly disclosed.");

  /** The list tried when a profile names none. */
  static final String GENERIC = "generic";

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected List<Endpoint> targets(TargetContext ctx) {
    return LoginProbes.withLogin(ctx);
  }

  @Override
  protected void nothingToProbe(TargetContext ctx, CheckResult.Builder result) {
    if (!ctx.endpoints("http").isEmpty()) {
      result.part(
          Outcome.NOT_APPLICABLE,
          "no http endpoint declares a login (api.login), so there is no login to try");
    }
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    ApiClient api = new ApiClient(ctx, e);
    String loginUrl = api.url(api.settings().login().path()).toString();
    List<String> lists =
        api.settings().defaultCredentials().isEmpty()
            ? List.of(GENERIC)
            : api.settings().defaultCredentials();
    Set<Credential> all = new LinkedHashSet<>();
    for (String name : lists) {
      List<Credential> l =
          name.matches("[a-z0-9][a-z0-9_-]{0,40}") ? DefaultCredentials.of(name) : List.of();
      if (l.isEmpty()) {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": no shipped default-credential list is named '" + name + "'");
        return;
      }
      all.addAll(l);
    }
    Optional<Identity> throttle = LoginProbes.throttleIdentity(ctx, api.settings());
    List<Credential> pairs = new ArrayList<>();
    int skipped = 0;
    for (Credential c : all) {
      if (throttle.isPresent() && c.user().equalsIgnoreCase(throttle.get().username())) {
        skipped++;
      } else {
        pairs.add(c);
      }
    }

    // An invented user first: a login that does not refuse it cannot tell a default apart.
    ApiClient.Login invented =
        api.login("periksa-" + LoginProbes.randomHex(6), LoginProbes.randomHex(16));
    Reply baseline = Reply.of(invented);
    result.observe(loginEvidence(ctx, "login with an invented user", invented, "periksa-•••"));
    switch (baseline) {
      case SESSION:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": the login gave a session to an invented user and password, so it cannot"
                + " tell a default from anything else (see AUT-1 and AUT-3)");
        return;
      case THROTTLED:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": the login answered "
                + invented.response().status()
                + " before any default was tried; "
                + pairs.size()
                + " default logins are unproven");
        return;
      case ODD:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": "
                + loginUrl
                + " did not answer like a login ("
                + invented.response().status()
                + " to an invented user)");
        return;
      default:
        break;
    }

    List<Integer> statuses = new ArrayList<>();
    List<Credential> refused = new ArrayList<>();
    List<Credential> unclear = new ArrayList<>();
    List<Credential> untried = new ArrayList<>();
    Map<Credential, ApiClient.Session> worked = new LinkedHashMap<>();
    String throttledBy = null;
    for (int i = 0; i < pairs.size(); i++) {
      Credential c = pairs.get(i);
      ApiClient.Login l = api.login(c.user(), c.password());
      statuses.add(l.response().status());
      Reply r = Reply.of(l);
      if (r == Reply.SESSION) {
        worked.put(c, l.session().orElseThrow());
        result.observe(loginEvidence(ctx, "login with a default", l, c.masked()));
      } else if (r == Reply.REFUSED) {
        refused.add(c);
      } else if (r == Reply.THROTTLED) {
        result.observe(loginEvidence(ctx, "login throttled", l, c.masked()));
        throttledBy =
            l.response().status()
                + LoginProbes.retryAfter(l.response()).map(v -> ", Retry-After " + v).orElse("");
        untried.addAll(pairs.subList(i, pairs.size()));
        break;
      } else {
        // A 2xx without a session, a redirect or a server error: neither a refusal nor a login.
        result.observe(loginEvidence(ctx, "login with a default, unclear reply", l, c.masked()));
        unclear.add(c);
      }
    }

    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("lists", lists);
    facts.put("pairs", pairs.size());
    facts.put("tried", statuses.size());
    facts.put("statuses", LoginProbes.byCount(statuses));
    facts.put("refused", refused.size());
    facts.put("worked", worked.keySet().stream().map(Credential::masked).toList());
    facts.put("unclear", unclear.stream().map(Credential::masked).toList());
    facts.put("untried", untried.stream().map(Credential::masked).toList());
    if (skipped > 0) {
      facts.put("skippedThrottleIdentity", skipped);
    }
    Evidence summary =
        ctx.redactor().capture("default logins tried", "POST " + loginUrl, 0, null, facts);
    result.observe(summary);

    for (Map.Entry<Credential, ApiClient.Session> w : worked.entrySet()) {
      fail(ctx, api, loginUrl, w.getKey(), w.getValue(), summary, result);
    }
    if (!worked.isEmpty()) {
      return;
    }
    String tried = refused.size() + " of " + pairs.size() + " default logins refused";
    if (throttledBy != null) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": "
              + tried
              + ", then the login answered "
              + throttledBy
              + "; throttling protects, but "
              + untried.size()
              + " defaults were not tried and are unproven ("
              + masked(untried)
              + ")");
      return;
    }
    if (!unclear.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": "
              + tried
              + "; "
              + masked(unclear)
              + " got neither a refusal nor a session ("
              + (baseline == Reply.SILENT
                  ? "the login answers 2xx without a token or cookie even to an invented user;"
                      + " is api.login.token right?"
                  : "see the evidence")
              + ")");
      return;
    }
    result.part(
        Outcome.PASS,
        e.name()
            + ": refused all "
            + pairs.size()
            + " default logins ("
            + LoginProbes.describe(LoginProbes.byCount(statuses))
            + ")"
            + (skipped > 0 ? "; " + skipped + " pairs of the throttle identity not sent" : ""));
  }

  /** A working default: what its session reads decides the severity (HIGH at least). */
  private void fail(
      TargetContext ctx,
      ApiClient api,
      String loginUrl,
      Credential c,
      ApiClient.Session s,
      Evidence summary,
      CheckResult.Builder result) {
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(summary);
    Severity severity = WeaknessRule.DEFAULT_CREDENTIALS_ACCEPTED.severity();
    String reads;
    List<String> paths =
        LoginProbes.readablePaths(api.settings(), LoginProbes.someOwner(ctx, api), true);
    if (paths.isEmpty()) {
      reads = "no personal-data path is declared to see what it reads";
    } else {
      String path = paths.get(0);
      try {
        ProbeResponse withSession = api.get(path, s);
        ProbeResponse anonymous = api.anonymous(path);
        Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
        List<String> samples = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("credential", c.masked());
        facts.put("session", s.token() != null ? "bearer token" : "cookie");
        if (withSession.isSuccess()) {
          counts.putAll(ctx.scanner().count(ctx.scanner().scan(withSession.text())));
          withSession
              .json()
              .ifPresent(
                  j -> {
                    JsonNode first = firstRecord(j);
                    if (first != null) {
                      samples.add(first.toString());
                    }
                    facts.put("records", records(j));
                  });
        }
        facts.put("withoutSession", anonymous.status());
        evidence.add(
            ctx.redactor()
                .capture(
                    "read with the default login's session",
                    withSession.request(),
                    withSession.status(),
                    withSession.body(),
                    facts,
                    samples));
        if (withSession.isSuccess() && anonymous.isRefusal()) {
          severity =
              Severity.max(
                  WeaknessRule.DEFAULT_CREDENTIALS_ACCEPTED.severity(),
                  Redactor.severityOf(counts));
          reads =
              counts.isEmpty()
                  ? "its session reads " + path + " (nothing personal in the reply)"
                  : "its session reads "
                      + counts.keySet().stream()
                          .map(PiiType::label)
                          .collect(Collectors.joining(", "))
                      + " at "
                      + path;
        } else if (withSession.isSuccess()) {
          reads = path + " answers without a login too (see AUT-1)";
        } else {
          reads = "its session was refused at " + path + " (" + withSession.status() + ")";
        }
      } catch (ProbeException ex) {
        reads = "reading " + path + " with its session failed: " + ex.getMessage();
      }
    }
    Finding f =
        new Finding(
            "The login accepts the well-known default " + c.masked() + "; " + reads,
            loginUrl,
            severity,
            evidence,
            METADATA.remediation());
    result.fail(
        f, api.endpoint().name() + ": default login " + c.masked() + " works (" + severity + ")");
  }

  /** Login evidence: the status and the kind of session, never the reply (it holds the token). */
  private static Evidence loginEvidence(
      TargetContext ctx, String title, ApiClient.Login l, String credential) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("credential", credential);
    facts.put("reply", Reply.of(l).name().toLowerCase(java.util.Locale.ROOT));
    l.session()
        .ifPresent(
            s -> {
              facts.put("token", s.token() != null ? "issued (not shown)" : "none");
              facts.put("cookies", s.cookies().size());
            });
    LoginProbes.retryAfter(l.response()).ifPresent(v -> facts.put("retryAfter", v));
    return ctx.redactor()
        .capture(title, l.response().request(), l.response().status(), null, facts);
  }

  private static String masked(List<Credential> cs) {
    return cs.stream().map(Credential::masked).collect(Collectors.joining(", "));
  }

  /** The first record of a reply: an array's first element, or a page's first data element. */
  static JsonNode firstRecord(JsonNode j) {
    if (j.isArray()) {
      return j.size() > 0 ? j.get(0) : null;
    }
    if (j.isObject()) {
      for (JsonNode v : j) {
        if (v.isArray()) {
          return v.size() > 0 ? v.get(0) : null;
        }
      }
      return j;
    }
    return null;
  }

  private static int records(JsonNode j) {
    if (j.isArray()) {
      return j.size();
    }
    for (JsonNode v : j) {
      if (v.isArray()) {
        return v.size();
      }
    }
    return j.isObject() ? 1 : 0;
  }

  @Override
  public String proof() {
    return """
        Applies to: HTTP API (kind `http` with an `api.login`). an invented user first (a login
        that gives it a session, or answers 2xx without a token or cookie to everyone, is "could
        not verify"), then each pair of the lists in `api.defaultCredentials`
        (`credentials/<name>.txt`; `generic` by default: 11 pairs, no user more than twice) once;
        never a pair of the throttle identity's user; a pair that gets a session while the
        invented one was refused fails, reported masked (`admin/••••••`), HIGH at least, CRITICAL
        when one GET of a personal-data path with its session (and one without, for comparison)
        returns identity numbers with health data; the first 429/423 stops the attempts, and any
        pair left untried makes the verdict INCONCLUSIVE, never PASS
        """;
  }
}
