package dev.periksa.check.auth;

import com.google.auto.service.AutoService;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AUT-3 for HTTP APIs: are the API's JSON Web Tokens verified (RFC 8725)?
 *
 * <p>The check logs in as the first identity the profile declares for the API and captures its
 * token. It then picks a control request, a path the profile says returns personal data, that
 * refuses a request without a token (signal one) and serves the identity's own record with the real
 * token (the positive control; without it nothing can be judged, so INCONCLUSIVE). Each forged
 * token is sent on that request, once; a forged token that is served what the real token is served
 * is the second signal, and a FAIL:
 *
 * <ul>
 *   <li><b>alg none</b>: the captured claims under {@code {"alg":"none","typ":"JWT"}} and an empty
 *       signature, then the spellings "None" and "NONE";
 *   <li><b>tampered claim</b>: {@code sub} changed to the second declared identity (asking for that
 *       identity's record), or {@code role} raised to admin, under the original signature;
 *   <li><b>RS256 to HS256 key confusion</b>: where the API publishes a public key (the profile's
 *       {@code jwks} path, else {@code /.well-known/jwks.json}; a JWK set or a PEM), an HS256 token
 *       signed with the key's encodings (X.509 PEM with and without the final newline, DER, PKCS#1
 *       PEM) as the HMAC secret. No published key: not applicable, and said so;
 *   <li><b>offline dictionary</b>: an HMAC-signed token is checked against every secret of the
 *       shipped wordlist on this machine only, never at the live login. A secret found is a FAIL
 *       (HIGH), reported masked ({@code y••• (19 characters)});
 *   <li><b>expired and exp-less tokens</b>: with the recovered secret, a validly signed token whose
 *       {@code exp} passed an hour ago, and one without {@code exp}. A token the API itself issues
 *       without {@code exp} fails this too (MEDIUM: the owner's own data, for ever).
 * </ul>
 *
 * <p>Why a key that cannot be recovered leaves the expiry sub-tests <em>not testable</em> rather
 * than INCONCLUSIVE: an expired or exp-less token is only a test of expiry if its signature is
 * valid; with an invalid one the server refuses it for its signature and the expiry logic is never
 * reached. Without the key (an RS256 private key, or an HMAC secret outside the wordlist) no
 * outside tester can make such a token, and neither can an attacker: the risk those sub-tests stand
 * for (forging a long-lived token) is then closed by the signature checks this check did run. What
 * remains, a stolen genuine token honoured after its {@code exp}, cannot be observed without
 * waiting out the token's lifetime; the result says so in its reason and observations, and a PASS
 * requires every sub-test that could be made to have been refused.
 *
 * <p>Severity: a forged token that reads personal data is rated from what it read ({@link
 * Redactor#severityOf}), and never below HIGH since it bypasses authentication. Evidence never
 * holds a token (real or forged: {@value TokenForge#MASK} stands for them) nor a secret in clear;
 * the login reply is neither hashed nor sampled.
 */
@AutoService(Check.class)
public final class TokenVerificationCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "AUT-3.jwt",
          "HTTP APIs refuse unsigned, tampered, key-confused and expired tokens",
          "HTTP API",
          List.of("AUT-3"),
          List.of("http"),
          List.of(347, 345, 613, 1391),
          "Verify every token with a JWT library configured for one expected algorithm and key"
              + " (never the algorithm the token names; never 'none'); check the signature before"
              + " reading any claim, and require and enforce 'exp' (RFC 8725). Sign with an"
              + " asymmetric key (RS256/ES256) or a random HMAC secret of at least 256 bits kept"
              + " out of source code; rotate any secret found in a wordlist and revoke the tokens it"
              + " signed.");

  /** Paths tried as the control request, at most. */
  static final int MAX_CONTROL_CANDIDATES = 3;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (e.api() == null
        || (e.api().login() == null
            && new ApiClient(ctx, e).identities().stream().noneMatch(i -> i.token() != null))) {
      result.part(
          Outcome.NOT_APPLICABLE,
          e.name()
              + ": declares no login and no identity with a token, so there is no token to test");
      return;
    }
    new Probe(ctx, e, result).run();
  }

  /** How the session carries its token: a bearer header, or a named cookie. */
  private record Carrier(String cookie) {
    static final Carrier BEARER = new Carrier(null);
  }

  /** One endpoint's run: login, control, the sub-tests ({@link ForgedTokens}), verdict. */
  private static final class Probe {
    private final TargetContext ctx;
    private final Endpoint e;
    private final CheckResult.Builder result;
    private final ApiClient client;
    private Carrier carrier = Carrier.BEARER;
    private Identity who;
    private ForgedTokens.Control control;

    Probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
      this.ctx = ctx;
      this.e = e;
      this.result = result;
      this.client = new ApiClient(ctx, e);
    }

    void run() {
      List<Identity> ids = client.identities();
      if (ids.isEmpty()) {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": the profile declares a login but no identity to capture a token with");
        return;
      }
      // An identity with a token of its own is the one whose token is tested, when the API has
      // no login (or the first identity cannot log in).
      who =
          ids.stream()
              .filter(
                  i ->
                      e.api().login() != null
                          ? i.canLogIn() || i.token() != null
                          : i.token() != null)
              .findFirst()
              .orElse(ids.get(0));
      if (!client.canActAs(who)) {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": " + who.name() + " has neither a password to log in with nor a token");
        return;
      }
      ApiClient.Login login = client.login(who);
      Map<String, Object> lf = new LinkedHashMap<>();
      lf.put("identity", who.name());
      lf.put("loggedIn", login.ok());
      // The login reply carries the token: neither hashed nor sampled.
      result.observe(
          ctx.redactor()
              .capture(
                  "login as " + who.name(),
                  login.response().request(),
                  login.response().status(),
                  null,
                  lf));
      if (!login.ok()) {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": "
                + who.name()
                + " could not log in ("
                + login.response().status()
                + "), so there is no token to test");
        return;
      }
      ApiClient.Session session = login.session().get();
      String raw = session.token();
      if (raw == null) {
        for (String c : session.cookies()) {
          int eq = c.indexOf('=');
          if (eq > 0 && TokenForge.looksLikeJwt(c.substring(eq + 1))) {
            carrier = new Carrier(c.substring(0, eq));
            raw = c.substring(eq + 1);
            break;
          }
        }
      }
      if (raw == null || !TokenForge.looksLikeJwt(raw)) {
        result.part(
            Outcome.NOT_APPLICABLE,
            e.name()
                + ": the API issues no JWT ("
                + (raw == null ? "a session cookie" : "an opaque token")
                + "), so there is no token to forge");
        return;
      }
      Optional<TokenForge.Captured> captured = TokenForge.parse(raw);
      Optional<JWTClaimsSet> unsignedClaims = captured.isEmpty() ? plain(raw) : Optional.empty();
      if (captured.isEmpty() && unsignedClaims.isEmpty()) {
        result.part(
            Outcome.NOT_APPLICABLE,
            e.name()
                + ": the token is not a signed JWT with readable claims (encrypted or"
                + " malformed), so its claims cannot be forged from outside");
        return;
      }
      observeCaptured(captured, unsignedClaims);
      control = control(raw);
      if (control == null) {
        return;
      }
      ForgedTokens forged =
          new ForgedTokens(ctx, e, client, who, control, this::send, result::observe);
      if (unsignedClaims.isPresent()) {
        // The API's own token is unsigned and serves data: alg none by design.
        Finding f =
            forged.finding(
                "The API issues and accepts unsigned tokens (alg: none): "
                    + who.name()
                    + "'s own token carries no signature",
                control.path(),
                control.served(),
                "the API's own token, alg none, served the record",
                "Sign every token and refuse unsigned ones.");
        result.fail(f, e.name() + ": issues unsigned tokens");
        return;
      }
      conclude(forged.subTests(captured.get()));
    }

    private static Optional<JWTClaimsSet> plain(String raw) {
      try {
        return Optional.ofNullable(PlainJWT.parse(raw.strip()).getJWTClaimsSet());
      } catch (java.text.ParseException | RuntimeException e) {
        return Optional.empty();
      }
    }

    private void observeCaptured(
        Optional<TokenForge.Captured> captured, Optional<JWTClaimsSet> unsignedClaims) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("token", TokenForge.MASK);
      f.put("carriedIn", carrier.cookie() == null ? "bearer" : "cookie " + carrier.cookie());
      JWTClaimsSet claims;
      if (captured.isPresent()) {
        Map<String, Object> h = captured.get().headerFields();
        f.put("alg", captured.get().alg());
        Optional.ofNullable(h.get("typ")).ifPresent(t -> f.put("typ", String.valueOf(t)));
        f.put("kid", h.containsKey("kid"));
        claims = captured.get().claims();
      } else {
        f.put("alg", "none");
        claims = unsignedClaims.get();
      }
      f.put("claims", new ArrayList<>(claims.getClaims().keySet()));
      if (claims.getExpirationTime() != null && claims.getIssueTime() != null) {
        f.put(
            "lifetimeSeconds",
            (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);
      }
      result.observe(ctx.redactor().capture("token issued to " + who.name(), "", 0, null, f));
    }

    /**
     * The first declared personal-data path that refuses a stranger and serves the identity with
     * its real token; null (after an INCONCLUSIVE part) when there is none.
     */
    private ForgedTokens.Control control(String raw) {
      List<String> notes = new ArrayList<>();
      for (String path : controlCandidates()) {
        ProbeResponse anon = client.anonymous(path);
        Evidence refusal =
            ctx.redactor()
                .capture(
                    "without a token: " + path,
                    anon.request(),
                    anon.status(),
                    anon.body(),
                    Map.of("refused", anon.isRefusal()));
        result.observe(refusal);
        if (!anon.isRefusal()) {
          notes.add(path + " answers a stranger " + anon.status());
          continue;
        }
        ProbeResponse real = send(path, raw);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("token", TokenForge.MASK + " (issued to " + who.name() + ")");
        f.put("served", real.isSuccess() && real.json().isPresent());
        result.observe(
            ctx.redactor()
                .capture(
                    "control: the real token on " + path,
                    real.request(),
                    real.status(),
                    real.body(),
                    f));
        if (real.isSuccess() && real.json().isPresent()) {
          return new ForgedTokens.Control(path, real, refusal);
        }
        notes.add(
            path + " refused even the real token of " + who.name() + " (" + real.status() + ")");
      }
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": no control request (a path that refuses a stranger and serves "
              + who.name()
              + "'s real token)"
              + (notes.isEmpty()
                  ? ": the profile names no record or personal-data path with an owned id"
                  : ": " + String.join("; ", notes)));
      return null;
    }

    private List<String> controlCandidates() {
      ApiSettings api = e.api();
      Set<String> out = new LinkedHashSet<>();
      String owned = who.owns().isEmpty() ? null : who.owns().get(0);
      if (api.record() != null && owned != null) {
        out.add(ApiClient.fill(api.record(), owned));
      }
      for (String p : api.personalData()) {
        if (!p.contains("{id}")) {
          out.add(p);
        } else if (owned != null) {
          out.add(ApiClient.fill(p, owned));
        }
      }
      return out.stream().limit(MAX_CONTROL_CANDIDATES).toList();
    }

    /**
     * Each sub-test is a named part of the result ({@code api/alg none}): a forged token accepted
     * fails it, refused passes it, an unclear answer leaves it INCONCLUSIVE, and one that could not
     * be made is not applicable. With nothing tested at all, the endpoint is INCONCLUSIVE.
     */
    private void conclude(List<ForgedTokens.SubTest> tests) {
      boolean tested = false;
      Map<String, Object> f = new LinkedHashMap<>();
      for (ForgedTokens.SubTest t : tests) {
        f.put(t.name(), label(t.verdict()));
        String part = e.name() + "/" + t.name();
        switch (t.verdict()) {
          case ACCEPTED -> {
            tested = true;
            result.fail(part, t.finding(), e.name() + ": " + t.name() + " accepted");
          }
          case REFUSED -> {
            tested = true;
            result.part(part, Outcome.PASS, e.name() + ": " + t.name() + " " + t.note());
          }
          case UNCLEAR -> {
            tested = true;
            result.part(part, Outcome.INCONCLUSIVE, e.name() + ": " + t.name() + ": " + t.note());
          }
          default ->
              result.part(
                  part,
                  Outcome.NOT_APPLICABLE,
                  e.name() + ": " + t.name() + " " + label(t.verdict()) + " (" + t.note() + ")");
        }
      }
      result.observe(ctx.redactor().capture("sub-tests", "", 0, null, f));
      if (!tested) {
        result.part(Outcome.INCONCLUSIVE, e.name() + ": no forged token could be tested");
      }
    }

    private static String label(ForgedTokens.ForgeryOutcome v) {
      return v.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private ProbeResponse send(String path, String token) {
      if (carrier.cookie() == null) {
        return client.withToken(path, token);
      }
      return ctx.http()
          .get(
              client.url(path),
              Map.of("Accept", "application/json", "Cookie", carrier.cookie() + "=" + token));
    }
  }

  @Override
  public String proof() {
    return """
        logs in as the first declared identity and keeps its JWT in memory; a control request (the
        identity's own record) must refuse a stranger (401/403) and serve the real token. Forged
        tokens are sent on it once each: `alg: none` (then "None", "NONE"), a claim tampered under
        the old signature (`sub` → the second identity, asking for its record; `role` → admin),
        RS256→HS256 key confusion with the published key (`jwks` or `/.well-known/jwks.json`:
        X.509 PEM with and without the final newline, DER, PKCS#1 PEM), and, when the HMAC secret
        is recovered, an expired and an `exp`-less token with a valid signature. A forged token
        served like the real one FAILs (severity from the one record it read, at least HIGH). An
        HS256/384/512 signature is tried offline against `wordlists/jwt-secrets.txt` (1,093
        secrets), never at the login; a secret found is HIGH and shown masked (`y••• (19
        characters)`). Without a recoverable key the expiry sub-tests are reported not testable;
        an RS256 token makes the dictionary not applicable. No token or secret ever reaches
        evidence (`eyJ•••`)
        """;
  }
}
