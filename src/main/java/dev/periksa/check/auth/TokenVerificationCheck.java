package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Evidence;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.Severity;
import dev.periksa.check.TargetContext;
import dev.periksa.pii.PiiType;
import dev.periksa.pii.Redactor;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** Public keys of a published set tried for key confusion, at most. */
  static final int MAX_KEYS = 2;

  /** Characters of a reply a forged token was served that go (masked) into evidence. */
  static final int SAMPLE_CHARS = 1_000;

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (e.api() == null || e.api().login() == null) {
      result.part(
          Outcome.NOT_APPLICABLE, e.name() + ": declares no login, so it issues no token here");
      return;
    }
    new Probe(ctx, e, result).run();
  }

  /** What one sub-test concluded. */
  enum Verdict {
    REFUSED,
    ACCEPTED,
    UNCLEAR,
    NOT_APPLICABLE,
    NOT_TESTABLE
  }

  /**
   * One sub-test's verdict.
   *
   * @param name short name for reasons ("alg none")
   * @param verdict what it concluded
   * @param note why, for the reason of the result
   * @param finding the finding of an accepted forgery, else null
   */
  record SubTest(String name, Verdict verdict, String note, Finding finding) {
    static SubTest of(String name, Verdict v, String note) {
      return new SubTest(name, v, note, null);
    }
  }

  /** How the session carries its token: a bearer header, or a named cookie. */
  private record Carrier(String cookie) {
    static final Carrier BEARER = new Carrier(null);
  }

  /** A request that refuses strangers and serves the identity: where forged tokens are sent. */
  private record Control(String path, ProbeResponse served, Evidence refusal) {}

  /** One endpoint's run: login, control, sub-tests, verdict. */
  private static final class Probe {
    private final TargetContext ctx;
    private final Endpoint e;
    private final CheckResult.Builder result;
    private final ApiClient client;
    private Carrier carrier = Carrier.BEARER;
    private Identity who;
    private Control control;

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
      who = ids.get(0);
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
      if (unsignedClaims.isPresent()) {
        // The API's own token is unsigned and serves data: alg none by design.
        Finding f =
            finding(
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
      conclude(subTests(captured.get()));
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
    private Control control(String raw) {
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
          return new Control(path, real, refusal);
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

    private List<SubTest> subTests(TokenForge.Captured t) {
      List<SubTest> out = new ArrayList<>();
      out.add(algNone(t));
      out.add(tampered(t));
      out.add(keyConfusion(t));
      JwtDictionary.Result cracked = null;
      if (!t.isHmac()) {
        out.add(
            SubTest.of(
                "offline dictionary",
                Verdict.NOT_APPLICABLE,
                "the token is signed with " + t.alg() + ", which has no shared secret to guess"));
      } else {
        JwtDictionary dict = JwtDictionary.shipped();
        JwtDictionary.Result r = dict.crack(t).orElseThrow();
        out.add(dictionary(t, dict, r));
        if (r.secret().isPresent()) {
          cracked = r;
        }
      }
      if (cracked == null) {
        String why =
            t.isHmac()
                ? "its HMAC secret is not in the wordlist"
                : "its " + t.alg() + " private key is the server's";
        out.add(
            SubTest.of(
                "expired token",
                Verdict.NOT_TESTABLE,
                "an expired token with a valid signature cannot be made: " + why));
        out.add(noExpWithoutKey(t, why));
      } else {
        byte[] secret = cracked.secret().get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.add(expired(t, secret, cracked.masked()));
        out.add(noExp(t, secret, cracked.masked()));
      }
      return out;
    }

    private SubTest algNone(TokenForge.Captured t) {
      List<String> notes = new ArrayList<>();
      SubTest unclear = null;
      for (String alg : List.of("none", "None", "NONE")) {
        String how = "header {\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}, empty signature";
        Tried r = attempt("alg " + alg, control.path(), TokenForge.unsigned(alg, t.claims()), how);
        if (r.verdict() == Verdict.ACCEPTED) {
          return accepted(
              "alg none",
              "An unsigned token (alg: " + alg + ") is accepted and reads personal data",
              r,
              "Refuse unsigned tokens: accept only the algorithm the API signs with.");
        }
        if (r.verdict() == Verdict.UNCLEAR && unclear == null) {
          unclear = SubTest.of("alg none", Verdict.UNCLEAR, "alg " + alg + ": " + r.note());
        }
        notes.add(alg + " → " + r.status());
      }
      return unclear != null
          ? unclear
          : SubTest.of("alg none", Verdict.REFUSED, "refused (" + String.join(", ", notes) + ")");
    }

    private SubTest tampered(TokenForge.Captured t) {
      record Variant(String change, JWTClaimsSet claims, String path, boolean others) {}
      List<Variant> variants = new ArrayList<>();
      List<Identity> ids = client.identities();
      if (ids.size() > 1) {
        Identity b = ids.get(1);
        String path = control.path();
        boolean others = false;
        if (e.api().record() != null && !b.owns().isEmpty()) {
          path = ApiClient.fill(e.api().record(), b.owns().get(0));
          others = true;
        }
        variants.add(
            new Variant(
                "sub changed to " + b.name(),
                new JWTClaimsSet.Builder(t.claims()).subject(b.username()).build(),
                path,
                others));
      }
      Object role = t.claims().getClaim("role");
      if (role instanceof String s && !"admin".equals(s)) {
        variants.add(
            new Variant(
                "role raised to admin",
                new JWTClaimsSet.Builder(t.claims()).claim("role", "admin").build(),
                control.path(),
                false));
      }
      if (variants.isEmpty()) {
        Date exp = t.claims().getExpirationTime();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(t.claims());
        if (exp != null) {
          b.expirationTime(Date.from(exp.toInstant().plus(Duration.ofDays(1))));
        } else {
          b.claim("periksa", "tampered");
        }
        variants.add(
            new Variant(
                exp != null ? "exp extended by a day" : "a claim added",
                b.build(),
                control.path(),
                false));
      }
      List<String> notes = new ArrayList<>();
      SubTest unclear = null;
      for (Variant v : variants) {
        String how = v.change() + ", original header and signature kept";
        Tried r =
            attempt("tampered: " + v.change(), v.path(), TokenForge.tampered(t, v.claims()), how);
        if (r.verdict() == Verdict.ACCEPTED) {
          return accepted(
              "tampered claim",
              "A tampered token ("
                  + v.change()
                  + ", old signature) is accepted and reads personal data"
                  + (v.others() ? " of another identity" : ""),
              r,
              "Verify the signature of every token before reading its claims.");
        }
        if (r.verdict() == Verdict.REFUSED || (v.others() && r.status() == 404)) {
          notes.add(v.change() + " → " + r.status());
        } else if (unclear == null) {
          unclear = SubTest.of("tampered claim", Verdict.UNCLEAR, v.change() + ": " + r.note());
        }
      }
      return unclear != null
          ? unclear
          : SubTest.of(
              "tampered claim", Verdict.REFUSED, "refused (" + String.join(", ", notes) + ")");
    }

    private SubTest keyConfusion(TokenForge.Captured t) {
      String path = e.api().jwks() != null ? e.api().jwks() : "/.well-known/jwks.json";
      ProbeResponse r;
      try {
        r = client.anonymous(path);
      } catch (ProbeException ex) {
        return SubTest.of(
            "key confusion", Verdict.UNCLEAR, "public keys at " + path + ": " + ex.getMessage());
      }
      List<PublishedKey> keys = publishedKeys(r);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("publicKeys", keys.size());
      f.put("types", keys.stream().map(k -> k.key().getAlgorithm()).distinct().toList());
      result.observe(
          ctx.redactor().capture("published public keys", r.request(), r.status(), r.body(), f));
      if (keys.isEmpty()) {
        return SubTest.of(
            "key confusion",
            Verdict.NOT_APPLICABLE,
            "no public key published at " + path + " (" + r.status() + ")");
      }
      Map<String, Object> h = t.headerFields();
      List<String> notes = new ArrayList<>();
      SubTest unclear = null;
      for (PublishedKey k : keys) {
        List<TokenForge.KeyEncoding> encodings = new ArrayList<>();
        if (k.published() != null) {
          encodings.add(new TokenForge.KeyEncoding("PEM as published", k.published()));
        }
        encodings.addAll(TokenForge.encodings(k.key()));
        String kid = k.kid() != null ? k.kid() : (String) h.get("kid");
        for (TokenForge.KeyEncoding enc : encodings) {
          String how =
              "HS256 signed with the published "
                  + k.key().getAlgorithm()
                  + " public key ("
                  + enc.name()
                  + ") as the HMAC secret";
          Tried tr =
              attempt(
                  "key confusion: " + enc.name(),
                  control.path(),
                  TokenForge.confused(t.claims(), enc.bytes(), kid),
                  how);
          if (tr.verdict() == Verdict.ACCEPTED) {
            return accepted(
                "key confusion",
                "RS256 to HS256 key confusion: a token signed with the published public key ("
                    + enc.name()
                    + ") is accepted and reads personal data",
                tr,
                "Pin the verification algorithm per key; never verify an HMAC with a public key.");
          }
          if (tr.verdict() == Verdict.UNCLEAR && unclear == null) {
            unclear = SubTest.of("key confusion", Verdict.UNCLEAR, enc.name() + ": " + tr.note());
          }
          notes.add(String.valueOf(tr.status()));
        }
      }
      return unclear != null
          ? unclear
          : SubTest.of(
              "key confusion",
              Verdict.REFUSED,
              "refused for every encoding of "
                  + keys.size()
                  + " published key"
                  + (keys.size() == 1 ? "" : "s")
                  + " ("
                  + String.join(", ", new LinkedHashSet<>(notes))
                  + ")");
    }

    private SubTest dictionary(TokenForge.Captured t, JwtDictionary dict, JwtDictionary.Result r) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("alg", t.alg());
      f.put("wordlist", JwtDictionary.WORDLIST.substring(1));
      f.put("wordlistSize", dict.size());
      f.put("tried", r.tried());
      f.put("elapsedMillis", r.nanos() / 1_000_000);
      f.put("offline", "against the captured token only; no request sent");
      r.secret().ifPresent(s -> f.put("secret", r.masked()));
      Evidence ev =
          ctx.redactor()
              .capture("offline dictionary test of the " + t.alg() + " signature", "", 0, null, f);
      result.observe(ev);
      if (r.secret().isEmpty()) {
        return SubTest.of(
            "offline dictionary",
            Verdict.REFUSED,
            "the " + t.alg() + " secret is none of " + dict.size() + " well-known secrets");
      }
      Finding finding =
          new Finding(
              "The "
                  + t.alg()
                  + " signing secret is in a public wordlist: "
                  + r.masked()
                  + "; anyone can sign tokens",
              e.url().toString(),
              Severity.HIGH,
              List.of(ev),
              "Replace the secret with a random key of at least 256 bits from a secret store (or"
                  + " sign with RS256/ES256), rotate it now and revoke every token it signed.");
      return new SubTest(
          "offline dictionary",
          Verdict.ACCEPTED,
          "the " + t.alg() + " secret is in the wordlist (" + r.masked() + ")",
          finding);
    }

    private SubTest expired(TokenForge.Captured t, byte[] secret, String masked) {
      Instant now = Instant.now();
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder(t.claims())
              .issueTime(Date.from(now.minus(Duration.ofHours(2))))
              .expirationTime(Date.from(now.minus(Duration.ofHours(1))))
              .build();
      String how = "exp an hour ago, signed with the recovered secret " + masked;
      Tried r =
          attempt("expired token", control.path(), TokenForge.resigned(t, claims, secret), how);
      return judged(
          "expired token",
          r,
          "A validly signed token that expired an hour ago is accepted and reads personal data",
          "Reject tokens whose 'exp' has passed (allowing at most a minute of clock skew).");
    }

    private SubTest noExp(TokenForge.Captured t, byte[] secret, String masked) {
      if (t.claims().getExpirationTime() == null) {
        return ownTokenWithoutExp();
      }
      JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(t.claims()).expirationTime(null);
      String how = "no exp claim, signed with the recovered secret " + masked;
      Tried r =
          attempt(
              "token without exp", control.path(), TokenForge.resigned(t, b.build(), secret), how);
      return judged(
          "token without exp",
          r,
          "A validly signed token without 'exp' is accepted and reads personal data",
          "Require 'exp' in every token and reject tokens without it.");
    }

    private SubTest noExpWithoutKey(TokenForge.Captured t, String why) {
      if (t.claims().getExpirationTime() == null) {
        return ownTokenWithoutExp();
      }
      return SubTest.of(
          "token without exp",
          Verdict.NOT_TESTABLE,
          "a token without exp and with a valid signature cannot be made: " + why);
    }

    /** The API's own token has no exp, and the control showed it is honoured: it never expires. */
    private SubTest ownTokenWithoutExp() {
      Finding f =
          new Finding(
              "The API issues tokens without 'exp': "
                  + who.name()
                  + "'s token is honoured with no end",
              control.served().url().toString(),
              Severity.MEDIUM,
              List.of(
                  ctx.redactor()
                      .capture(
                          "the API's own token, without exp",
                          control.served().request(),
                          control.served().status(),
                          control.served().body(),
                          Map.of("token", TokenForge.MASK, "exp", "absent"))),
              "Give every token a short 'exp' (minutes) and refuse tokens without one.");
      return new SubTest(
          "token without exp", Verdict.ACCEPTED, "the API's own tokens carry no exp", f);
    }

    private SubTest judged(String name, Tried r, String title, String remediation) {
      if (r.verdict() == Verdict.ACCEPTED) {
        return accepted(name, title, r, remediation);
      }
      return SubTest.of(
          name,
          r.verdict(),
          r.verdict() == Verdict.REFUSED ? "refused (" + r.status() + ")" : r.note());
    }

    /** What one forged request got. */
    private record Tried(
        Verdict verdict, int status, String note, ProbeResponse reply, Evidence ev) {}

    /**
     * Sends one forged token on a path and judges the reply against the control: served like the
     * control → ACCEPTED; 400/401/403 (or 404 for another identity's record) → REFUSED; anything
     * else → UNCLEAR.
     */
    private Tried attempt(String title, String path, String forged, String how) {
      ProbeResponse r;
      try {
        r = send(path, forged);
      } catch (ProbeException ex) {
        Evidence ev =
            ctx.redactor()
                .capture(
                    title,
                    client.url(path).toString(),
                    0,
                    null,
                    Map.of("token", TokenForge.MASK, "forged", how, "error", ex.getMessage()));
        result.observe(ev);
        return new Tried(Verdict.UNCLEAR, 0, ex.getMessage(), null, ev);
      }
      boolean others = !path.equals(control.path());
      Verdict v;
      String note;
      if (r.isSuccess()) {
        if (sameShape(r, control.served())) {
          v = Verdict.ACCEPTED;
          note = "served (" + r.status() + ")";
        } else {
          v = Verdict.UNCLEAR;
          note = "answered " + r.status() + " but not with what the real token is served";
        }
      } else if (r.status() == 400 || r.isRefusal() || (others && r.status() == 404)) {
        v = Verdict.REFUSED;
        note = "refused (" + r.status() + ")";
      } else {
        v = Verdict.UNCLEAR;
        note = "answered " + r.status() + ", neither served nor refused";
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("token", TokenForge.MASK);
      f.put("forged", how);
      f.put("verdict", v.name().toLowerCase(java.util.Locale.ROOT));
      List<String> sample = v == Verdict.ACCEPTED ? List.of(excerpt(r)) : List.of();
      Evidence ev = ctx.redactor().capture(title, r.request(), r.status(), r.body(), f, sample);
      if (v != Verdict.ACCEPTED) {
        result.observe(ev);
      }
      return new Tried(v, r.status(), note, r, ev);
    }

    private SubTest accepted(String name, String title, Tried r, String remediation) {
      Map<PiiType, Integer> counts = ctx.scanner().count(ctx.scanner().scan(excerpt(r.reply())));
      Severity s = Severity.max(Severity.HIGH, Redactor.severityOf(counts));
      Finding f =
          new Finding(
              title,
              r.reply().url().toString(),
              s,
              List.of(control.refusal(), r.ev()),
              remediation);
      return new SubTest(name, Verdict.ACCEPTED, r.note(), f);
    }

    private Finding finding(
        String title, String path, ProbeResponse served, String how, String remediation) {
      Map<PiiType, Integer> counts = ctx.scanner().count(ctx.scanner().scan(excerpt(served)));
      Evidence ev =
          ctx.redactor()
              .capture(
                  how,
                  served.request(),
                  served.status(),
                  served.body(),
                  Map.of("token", TokenForge.MASK),
                  List.of(excerpt(served)));
      return new Finding(
          title,
          client.url(path).toString(),
          Severity.max(Severity.HIGH, Redactor.severityOf(counts)),
          List.of(control.refusal(), ev),
          remediation);
    }

    /**
     * Each sub-test is a named part of the result ({@code api/alg none}): a forged token accepted
     * fails it, refused passes it, an unclear answer leaves it INCONCLUSIVE, and one that could not
     * be made is not applicable. With nothing tested at all, the endpoint is INCONCLUSIVE.
     */
    private void conclude(List<SubTest> tests) {
      boolean tested = false;
      Map<String, Object> f = new LinkedHashMap<>();
      for (SubTest t : tests) {
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

    private static String label(Verdict v) {
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

  /**
   * Whether a reply to a forged token is what the real token is served: JSON of the same kind, and
   * for an object at least half the control's top-level fields (another identity's record may lack
   * a field or two, an error object shares none).
   */
  static boolean sameShape(ProbeResponse r, ProbeResponse control) {
    Optional<JsonNode> a = r.json();
    Optional<JsonNode> b = control.json();
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    if (a.get().isArray() || b.get().isArray()) {
      return a.get().isArray() && b.get().isArray();
    }
    if (!a.get().isObject() || !b.get().isObject()) {
      return false;
    }
    Set<String> mine = new HashSet<>();
    a.get().fieldNames().forEachRemaining(mine::add);
    int shared = 0;
    int total = 0;
    for (Iterator<String> it = b.get().fieldNames(); it.hasNext(); ) {
      total++;
      if (mine.contains(it.next())) {
        shared++;
      }
    }
    return total > 0 && shared * 2 >= total;
  }

  private static String excerpt(ProbeResponse r) {
    String text = r.text();
    return text.length() <= SAMPLE_CHARS ? text : text.substring(0, SAMPLE_CHARS);
  }

  /** A public key the API publishes, its key id, and the PEM bytes when it was served as PEM. */
  record PublishedKey(PublicKey key, String kid, byte[] published) {}

  /** The RSA and EC public keys of a JWK set, a single JWK, or a PEM public key; at most a few. */
  static List<PublishedKey> publishedKeys(ProbeResponse r) {
    List<PublishedKey> out = new ArrayList<>();
    if (!r.isSuccess() || r.truncated()) {
      return out;
    }
    String text = r.text();
    try {
      List<JWK> jwks;
      if (text.strip().startsWith("{")) {
        Map<String, Object> json = com.nimbusds.jose.util.JSONObjectUtils.parse(text);
        jwks = json.containsKey("keys") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
      } else {
        jwks = List.of();
      }
      for (JWK k : jwks) {
        if (out.size() >= MAX_KEYS) {
          break;
        }
        if (k instanceof RSAKey rsa) {
          out.add(new PublishedKey(rsa.toRSAPublicKey(), k.getKeyID(), null));
        } else if (k instanceof ECKey ec) {
          out.add(new PublishedKey(ec.toECPublicKey(), k.getKeyID(), null));
        }
      }
    } catch (Exception e) {
      // Not a key set: perhaps a PEM, below.
    }
    if (out.isEmpty()) {
      Matcher m = PEM.matcher(text);
      if (m.find()) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String alg : List.of("RSA", "EC")) {
          try {
            PublicKey k = KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
            out.add(new PublishedKey(k, null, r.body()));
            break;
          } catch (Exception e) {
            // Try the next key type.
          }
        }
      }
    }
    return out;
  }
}
