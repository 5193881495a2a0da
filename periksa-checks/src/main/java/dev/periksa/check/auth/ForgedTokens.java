package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.periksa.check.Finding;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
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
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AUT-3's sub-tests for one endpoint run: the forged tokens, how each was answered, the findings.
 *
 * <p>It only observes; {@link TokenVerificationCheck} records the verdicts as named parts. Tokens
 * go out through the run's {@link Sender}, so the bearer-or-cookie choice lives in one place.
 */
final class ForgedTokens {

  /** Public keys of a published set tried for key confusion, at most. */
  static final int MAX_KEYS = 2;

  /** Characters of a reply a forged token was served that go (masked) into evidence. */
  static final int SAMPLE_CHARS = 1_000;

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

  /** What one sub-test concluded. */
  enum ForgeryOutcome {
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
  record SubTest(String name, ForgeryOutcome verdict, String note, Finding finding) {
    static SubTest of(String name, ForgeryOutcome v, String note) {
      return new SubTest(name, v, note, null);
    }
  }

  /** A request that refuses strangers and serves the identity: where forged tokens are sent. */
  record Control(String path, ProbeResponse served, Evidence refusal) {}

  /** Sends a token on a path, carried the way the API's own session carries it. */
  @FunctionalInterface
  interface Sender {
    ProbeResponse send(String path, String token);
  }

  private final TargetContext ctx;
  private final Endpoint e;
  private final ApiClient client;
  private final Identity who;
  private final Control control;
  private final Sender sender;
  private final Consumer<Evidence> observe;

  ForgedTokens(
      TargetContext ctx,
      Endpoint e,
      ApiClient client,
      Identity who,
      Control control,
      Sender sender,
      Consumer<Evidence> observe) {
    this.ctx = ctx;
    this.e = e;
    this.client = client;
    this.who = who;
    this.control = control;
    this.sender = sender;
    this.observe = observe;
  }

  /** Every sub-test, in order, on the captured token; each forged request is sent once. */
  List<SubTest> subTests(TokenForge.Captured t) {
    List<SubTest> out = new ArrayList<>();
    out.add(algNone(t));
    out.add(tampered(t));
    out.add(keyConfusion(t));
    JwtDictionary.Result cracked = null;
    if (!t.isHmac()) {
      out.add(
          SubTest.of(
              "offline dictionary",
              ForgeryOutcome.NOT_APPLICABLE,
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
              ForgeryOutcome.NOT_TESTABLE,
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
      if (r.verdict() == ForgeryOutcome.ACCEPTED) {
        return accepted(
            "alg none",
            "An unsigned token (alg: " + alg + ") is accepted and reads personal data",
            r,
            "Refuse unsigned tokens: accept only the algorithm the API signs with.");
      }
      if (r.verdict() == ForgeryOutcome.UNCLEAR && unclear == null) {
        unclear = SubTest.of("alg none", ForgeryOutcome.UNCLEAR, "alg " + alg + ": " + r.note());
      }
      notes.add(alg + " → " + r.status());
    }
    return unclear != null
        ? unclear
        : SubTest.of(
            "alg none", ForgeryOutcome.REFUSED, "refused (" + String.join(", ", notes) + ")");
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
      if (r.verdict() == ForgeryOutcome.ACCEPTED) {
        return accepted(
            "tampered claim",
            "A tampered token ("
                + v.change()
                + ", old signature) is accepted and reads personal data"
                + (v.others() ? " of another identity" : ""),
            r,
            "Verify the signature of every token before reading its claims.");
      }
      if (r.verdict() == ForgeryOutcome.REFUSED || (v.others() && r.status() == 404)) {
        notes.add(v.change() + " → " + r.status());
      } else if (unclear == null) {
        unclear =
            SubTest.of("tampered claim", ForgeryOutcome.UNCLEAR, v.change() + ": " + r.note());
      }
    }
    return unclear != null
        ? unclear
        : SubTest.of(
            "tampered claim", ForgeryOutcome.REFUSED, "refused (" + String.join(", ", notes) + ")");
  }

  private SubTest keyConfusion(TokenForge.Captured t) {
    String path = e.api().jwks() != null ? e.api().jwks() : "/.well-known/jwks.json";
    ProbeResponse r;
    try {
      r = client.anonymous(path);
    } catch (ProbeException ex) {
      return SubTest.of(
          "key confusion",
          ForgeryOutcome.UNCLEAR,
          "public keys at " + path + ": " + ex.getMessage());
    }
    List<PublishedKey> keys = publishedKeys(r);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("publicKeys", keys.size());
    f.put("types", keys.stream().map(k -> k.key().getAlgorithm()).distinct().toList());
    observe.accept(
        ctx.redactor().capture("published public keys", r.request(), r.status(), r.body(), f));
    if (keys.isEmpty()) {
      return SubTest.of(
          "key confusion",
          ForgeryOutcome.NOT_APPLICABLE,
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
        if (tr.verdict() == ForgeryOutcome.ACCEPTED) {
          return accepted(
              "key confusion",
              "RS256 to HS256 key confusion: a token signed with the published public key ("
                  + enc.name()
                  + ") is accepted and reads personal data",
              tr,
              "Pin the verification algorithm per key; never verify an HMAC with a public key.");
        }
        if (tr.verdict() == ForgeryOutcome.UNCLEAR && unclear == null) {
          unclear =
              SubTest.of("key confusion", ForgeryOutcome.UNCLEAR, enc.name() + ": " + tr.note());
        }
        notes.add(String.valueOf(tr.status()));
      }
    }
    return unclear != null
        ? unclear
        : SubTest.of(
            "key confusion",
            ForgeryOutcome.REFUSED,
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
    observe.accept(ev);
    if (r.secret().isEmpty()) {
      return SubTest.of(
          "offline dictionary",
          ForgeryOutcome.REFUSED,
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
            WeaknessRule.SIGNING_SECRET_GUESSABLE.severity(),
            List.of(ev),
            "Replace the secret with a random key of at least 256 bits from a secret store (or"
                + " sign with RS256/ES256), rotate it now and revoke every token it signed.");
    return new SubTest(
        "offline dictionary",
        ForgeryOutcome.ACCEPTED,
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
    Tried r = attempt("expired token", control.path(), TokenForge.resigned(t, claims, secret), how);
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
        ForgeryOutcome.NOT_TESTABLE,
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
            WeaknessRule.TOKEN_NEVER_EXPIRES.severity(),
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
        "token without exp", ForgeryOutcome.ACCEPTED, "the API's own tokens carry no exp", f);
  }

  private SubTest judged(String name, Tried r, String title, String remediation) {
    if (r.verdict() == ForgeryOutcome.ACCEPTED) {
      return accepted(name, title, r, remediation);
    }
    return SubTest.of(
        name,
        r.verdict(),
        r.verdict() == ForgeryOutcome.REFUSED ? "refused (" + r.status() + ")" : r.note());
  }

  /** What one forged request got. */
  private record Tried(
      ForgeryOutcome verdict, int status, String note, ProbeResponse reply, Evidence ev) {}

  /**
   * Sends one forged token on a path and judges the reply against the control: served like the
   * control → ACCEPTED; 400/401/403 (or 404 for another identity's record) → REFUSED; anything else
   * → UNCLEAR.
   */
  private Tried attempt(String title, String path, String forged, String how) {
    ProbeResponse r;
    try {
      r = sender.send(path, forged);
    } catch (ProbeException ex) {
      Evidence ev =
          ctx.redactor()
              .capture(
                  title,
                  client.url(path).toString(),
                  0,
                  null,
                  Map.of("token", TokenForge.MASK, "forged", how, "error", ex.getMessage()));
      observe.accept(ev);
      return new Tried(ForgeryOutcome.UNCLEAR, 0, ex.getMessage(), null, ev);
    }
    boolean others = !path.equals(control.path());
    ForgeryOutcome v;
    String note;
    if (r.isSuccess()) {
      if (sameShape(r, control.served())) {
        v = ForgeryOutcome.ACCEPTED;
        note = "served (" + r.status() + ")";
      } else {
        v = ForgeryOutcome.UNCLEAR;
        note = "answered " + r.status() + " but not with what the real token is served";
      }
    } else if (r.status() == 400 || r.isRefusal() || (others && r.status() == 404)) {
      v = ForgeryOutcome.REFUSED;
      note = "refused (" + r.status() + ")";
    } else {
      v = ForgeryOutcome.UNCLEAR;
      note = "answered " + r.status() + ", neither served nor refused";
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("token", TokenForge.MASK);
    f.put("forged", how);
    f.put("verdict", v.name().toLowerCase(java.util.Locale.ROOT));
    List<String> sample = v == ForgeryOutcome.ACCEPTED ? List.of(excerpt(r)) : List.of();
    Evidence ev = ctx.redactor().capture(title, r.request(), r.status(), r.body(), f, sample);
    if (v != ForgeryOutcome.ACCEPTED) {
      observe.accept(ev);
    }
    return new Tried(v, r.status(), note, r, ev);
  }

  private SubTest accepted(String name, String title, Tried r, String remediation) {
    Map<PiiType, Integer> counts = ctx.scanner().count(ctx.scanner().scan(excerpt(r.reply())));
    Severity s =
        Severity.max(WeaknessRule.FORGED_TOKEN_ACCEPTED.severity(), Redactor.severityOf(counts));
    Finding f =
        new Finding(
            title, r.reply().url().toString(), s, List.of(control.refusal(), r.ev()), remediation);
    return new SubTest(name, ForgeryOutcome.ACCEPTED, r.note(), f);
  }

  /** A finding for a token that was served the record: the control's refusal, then the reply. */
  Finding finding(String title, String path, ProbeResponse served, String how, String remediation) {
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
        Severity.max(WeaknessRule.FORGED_TOKEN_ACCEPTED.severity(), Redactor.severityOf(counts)),
        List.of(control.refusal(), ev),
        remediation);
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
