package dev.periksa.lab;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * The e-HAC traveller API, in two builds. The <em>legacy</em> build has the flaws that leaked
 * health data through real health apps: a default {@code admin/admin} account; HS256 tokens signed
 * with a secret from public wordlists; tokens that are decoded but never verified (so {@code alg:
 * none}, tampered claims, expired or {@code exp}-less tokens and RS256-to-HS256 key confusion all
 * pass); any traveller served to any logged-in user by sequential id; NIK, passport and test result
 * unmasked; no throttling of failed logins; login over plain HTTP; tokens taken from the query
 * string; a session cookie without Secure, HttpOnly or SameSite; and the e-HAC card lookup
 * answering without a login. It also leaks personal data into URLs and error messages: the card's
 * verification link (the QR code) carries the NIK in its query string, the search takes the NIK in
 * the query string and turns a POSTed NIK into a redirect to such a URL (post/redirect/get), and
 * errors answer like a Spring Boot service with {@code include-stacktrace=always}: the raw input in
 * the message and a stack trace (its JSON parser still quotes the request body in its errors, as
 * Jackson did by default before 2.16). The <em>hardened</em> build fixes each: HTTPS only, RS256
 * tokens with a 2048-bit key verified strictly (algorithm, signature, issuer, expiry), records only
 * for their owner, identity numbers masked, 429 with a lockout after a few failures, no default
 * account, a header-only token and a Secure/HttpOnly/SameSite cookie, an opaque verification code
 * in the card's link, a search that takes the number only in a POST body (and refuses a GET that
 * carries one), and generic errors with a correlation id. (Five failed logins of one user name
 * within a minute lock it for a minute.)
 *
 * <p>Routes: {@code POST /api/v1/auth/login} ({"username","password"} → {"token"}), {@code GET
 * /api/v1/me}, {@code GET /api/v1/travellers} (a page), {@code GET /api/v1/travellers/{id}}, {@code
 * GET /api/v1/hac/{id}} (the e-HAC card), {@code GET /api/v1/verify...} (the card's QR link),
 * {@code GET|POST /api/v1/search} (by NIK or passport number), {@code GET /.well-known/jwks.json},
 * {@code GET /api/v1/health}.
 */
final class EhacApi implements AutoCloseable {
  /** The legacy build's HMAC secret: the example secret of a well-known JWT debugger. */
  static final String LEGACY_JWT_SECRET = "your-256-bit-secret";

  static final String ISSUER = "https://ehac.lab/api";
  static final String COOKIE = "EHAC_SESSION";
  static final int LOCKOUT_AFTER = 5;
  static final Duration LOCKOUT = Duration.ofSeconds(60);
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

  /** A user of the API and the traveller records they own. */
  record User(String username, String password, String role, List<String> owns) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The legacy build's parser: its errors quote the request body they choked on. */
  private static final ObjectMapper LEGACY_JSON =
      JsonMapper.builder().enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private final boolean legacy;
  private final Map<String, User> users = new LinkedHashMap<>();
  private final HttpServer server;
  private final ExecutorService pool;
  private final RSAKey rsa;
  private final DefaultJWTProcessor<SecurityContext> verifier;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  /** Failed logins of one user name within the current window. */
  private static final class Failures {
    int count;
    Instant windowStart = Instant.EPOCH;
    Instant lockedUntil = Instant.EPOCH;
  }

  private EhacApi(boolean legacy, HttpServer server, List<User> users) throws Exception {
    this.legacy = legacy;
    this.server = server;
    users.forEach(u -> this.users.put(u.username(), u));
    // Both builds publish an RSA key (the legacy one for "partner" tokens it never checks).
    this.rsa =
        new RSAKeyGenerator(2048)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .keyID(UUID.randomUUID().toString())
            .generate();
    this.verifier = new DefaultJWTProcessor<>();
    verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
    verifier.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(rsa.toPublicJWK()))));
    verifier.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("sub", "exp", "iat")));
    pool = LabHttp.daemonPool(8, legacy ? "ehac-api-legacy" : "ehac-api-hardened");
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The legacy build on plain HTTP. */
  static EhacApi legacy(String host, List<User> users) throws Exception {
    return new EhacApi(true, LabHttp.create(host, null), users);
  }

  /** The hardened build on HTTPS only (TLS 1.2 and 1.3). */
  static EhacApi hardened(String host, SSLContext tls, List<User> users) throws Exception {
    return new EhacApi(false, LabHttp.create(host, tls), users);
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    // The exchange stays open for the fault answer: try-with-resources would close it first.
    try (ex) {
      try {
        route(ex);
      } catch (RuntimeException | IOException e) {
        fault(ex, e);
      }
    }
  }

  private void route(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    if (!legacy) {
      ex.getResponseHeaders()
          .add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    ex.getResponseHeaders().add("Cache-Control", "no-store");
    if (path.equals("/api/v1/health")) {
      send(ex, 200, json(Map.of("status", "UP")));
    } else if (path.equals("/.well-known/jwks.json")) {
      send(ex, 200, new JWKSet(rsa.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
    } else if (path.equals("/api/v1/auth/login")) {
      login(ex);
    } else if (path.equals("/api/v1/me")) {
      User u = authenticate(ex);
      if (u != null) {
        send(ex, 200, json(Map.of("username", u.username(), "role", u.role(), "owns", u.owns())));
      }
    } else if (path.equals("/api/v1/travellers")) {
      User u = authenticate(ex);
      if (u != null) {
        list(ex, u);
      }
    } else if (path.startsWith("/api/v1/travellers/")) {
      User u = authenticate(ex);
      if (u != null) {
        record(ex, u, path.substring("/api/v1/travellers/".length()), false);
      }
    } else if (path.startsWith("/api/v1/hac/")) {
      // The e-HAC card lookup: the legacy build answers it without a login.
      User u = legacy ? null : authenticate(ex);
      if (legacy || u != null) {
        record(ex, u, path.substring("/api/v1/hac/".length()), true);
      }
    } else if (path.equals("/api/v1/verify") || path.startsWith("/api/v1/verify/")) {
      verify(ex, path);
    } else if (path.equals("/api/v1/search")) {
      User u = authenticate(ex);
      if (u != null) {
        search(ex, u);
      }
    } else {
      send(ex, 404, json(Map.of("error", "not_found")));
    }
  }

  /**
   * An unhandled error. The legacy build answers as Spring Boot does with {@code
   * server.error.include-message=always} and {@code include-stacktrace=always}: the exception's
   * message (which quotes the input) and its stack trace. The hardened build answers with a
   * correlation id only, for the operator to find the details in its own logs.
   */
  private void fault(HttpExchange ex, Exception e) throws IOException {
    boolean badInput = e instanceof IOException;
    int status = badInput ? 400 : 500;
    if (!legacy) {
      send(
          ex,
          status,
          json(
              Map.of(
                  "error",
                  badInput ? "bad_request" : "internal",
                  "correlation_id",
                  UUID.randomUUID().toString())));
      return;
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("timestamp", Instant.now().toString());
    body.put("status", status);
    body.put("error", badInput ? "Bad Request" : "Internal Server Error");
    body.put("message", (badInput ? "JSON parse error: " : "") + e.getMessage());
    body.put("trace", trace.toString());
    body.put("path", ex.getRequestURI().getRawPath());
    send(ex, status, json(body));
  }

  private void login(HttpExchange ex) throws IOException {
    if (!"POST".equals(ex.getRequestMethod())) {
      ex.getResponseHeaders().add("Allow", "POST");
      send(ex, 405, json(Map.of("error", "method_not_allowed")));
      return;
    }
    // A body that is not JSON is a fault: answered with an echo on legacy, generically on hardened.
    JsonNode body = readJson(ex);
    String username = body == null ? "" : body.path("username").asText("");
    String password = body == null ? "" : body.path("password").asText("");
    Failures f = legacy ? null : failures.computeIfAbsent(username, k -> new Failures());
    if (f != null) {
      synchronized (f) {
        if (Instant.now().isBefore(f.lockedUntil)) {
          ex.getResponseHeaders().add("Retry-After", String.valueOf(LOCKOUT.toSeconds()));
          send(ex, 429, json(Map.of("error", "too_many_attempts")));
          return;
        }
      }
    }
    User u = users.get(username);
    if (u == null || !MessageDigest.isEqual(bytes(u.password()), bytes(password))) {
      if (f != null) {
        synchronized (f) {
          // Failures count within one window, so stray mistakes days apart never add up.
          Instant now = Instant.now();
          if (now.isAfter(f.windowStart.plus(LOCKOUT))) {
            f.count = 0;
            f.windowStart = now;
          }
          if (++f.count >= LOCKOUT_AFTER) {
            f.lockedUntil = Instant.now().plus(LOCKOUT);
            f.count = 0;
          }
        }
      }
      send(ex, 401, json(Map.of("error", "invalid_credentials")));
      return;
    }
    if (f != null) {
      synchronized (f) {
        f.count = 0;
      }
    }
    String token = issue(u);
    String cookie =
        legacy
            ? COOKIE + "=" + token + "; Path=/"
            : COOKIE + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
    ex.getResponseHeaders().add("Set-Cookie", cookie);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", token);
    out.put("token_type", "Bearer");
    out.put("expires_in", TOKEN_LIFETIME.toSeconds());
    send(ex, 200, json(out));
  }

  private String issue(User u) {
    Instant now = Instant.now();
    try {
      if (legacy) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", u.username());
        claims.put("role", u.role());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(TOKEN_LIFETIME).getEpochSecond());
        String head = b64(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT")));
        String body = b64(JSON.writeValueAsBytes(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes(LEGACY_JWT_SECRET), "HmacSHA256"));
        return head + "." + body + "." + b64(mac.doFinal(bytes(head + "." + body)));
      }
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(rsa.getKeyID())
                  .build(),
              new JWTClaimsSet.Builder()
                  .issuer(ISSUER)
                  .subject(u.username())
                  .claim("role", u.role())
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                  .build());
      jwt.sign(new RSASSASigner(rsa));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException("cannot issue a token", e);
    }
  }

  /** The user a request carries a valid token for, or null after answering 401. */
  private User authenticate(HttpExchange ex) throws IOException {
    String token = null;
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = auth.substring(7).strip();
    }
    if (token == null) {
      String cookies = ex.getRequestHeaders().getFirst("Cookie");
      if (cookies != null) {
        for (String c : cookies.split(";")) {
          String t = c.strip();
          if (t.startsWith(COOKIE + "=")) {
            token = t.substring(COOKIE.length() + 1);
          }
        }
      }
    }
    if (token == null && legacy) {
      token = query(ex).get("access_token");
    }
    User u = token == null ? null : (legacy ? decodeWithoutVerifying(token) : verify(token));
    if (u == null) {
      ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"ehac\"");
      send(ex, 401, json(Map.of("error", "unauthorized")));
    }
    return u;
  }

  /** The legacy flaw: the claims are read, the signature and expiry never checked. */
  private User decodeWithoutVerifying(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length < 2) {
      return null;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      User u = users.get(claims.path("sub").asText(""));
      if (u == null) {
        return null;
      }
      // Whatever role the token claims is believed too.
      return new User(u.username(), u.password(), claims.path("role").asText(u.role()), u.owns());
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private User verify(String token) {
    try {
      JWTClaimsSet claims = verifier.process(token, null);
      return users.get(claims.getSubject());
    } catch (Exception e) {
      return null;
    }
  }

  private void list(HttpExchange ex, User u) throws IOException {
    List<Object> out = new ArrayList<>();
    if (legacy) {
      int page = Math.max(1, parseInt(query(ex).get("page"), 1));
      for (int i = (page - 1) * 20; i < page * 20; i++) {
        out.add(EhacData.traveller(i));
      }
    } else {
      for (String id : u.owns()) {
        int i = index(id);
        if (i >= 0) {
          out.add(masked(EhacData.traveller(i)));
        }
      }
    }
    send(ex, 200, json(Map.of("data", out)));
  }

  private void record(HttpExchange ex, User u, String id, boolean card) throws IOException {
    String decoded = URLDecoder.decode(id, StandardCharsets.UTF_8);
    int i = legacy ? lenientIndex(decoded) : index(decoded);
    boolean allowed =
        i >= 0
            && (legacy
                || (u != null && (u.owns().contains(EhacData.travellerId(i)) || isAdmin(u))));
    if (i < 0 || !allowed) {
      // The hardened build does not say whether someone else's record exists.
      send(ex, 404, json(Map.of("error", "not_found")));
      return;
    }
    Map<String, Object> t = EhacData.traveller(i);
    Map<String, Object> doc = legacy ? t : masked(t);
    if (card) {
      Map<String, Object> c = new LinkedHashMap<>();
      for (String k :
          List.of("id_ehac", "nama", "nik", "no_paspor", "jenis_tes", "hasil_tes", "tgl_tes")) {
        if (doc.containsKey(k)) {
          c.put(k, doc.get(k));
        }
      }
      c.put("verifikasi", verificationLink(t));
      doc = c;
    }
    send(ex, 200, json(doc));
  }

  /**
   * The link the card's QR code holds. Legacy puts the traveller's identity number in its query
   * string, where every proxy, access log and browser history keeps it; hardened an opaque code.
   */
  private String verificationLink(Map<String, Object> t) {
    String id = t.get("id_ehac").toString();
    if (legacy) {
      String key = t.containsKey("nik") ? "nik" : "paspor";
      Object number = t.containsKey("nik") ? t.get("nik") : t.get("no_paspor");
      return "/api/v1/verify?" + key + "=" + enc(number.toString()) + "&id=" + enc(id);
    }
    return "/api/v1/verify/" + verificationCode(id);
  }

  private String verificationCode(String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(rsa.toRSAPrivateKey().getEncoded(), "HmacSHA256"));
      return b64(mac.doFinal(bytes(id))).substring(0, 22);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a verification code", e);
    }
  }

  /** The QR link's target: whether a card is genuine, nothing more. */
  private void verify(HttpExchange ex, String path) throws IOException {
    boolean valid = false;
    if (legacy && path.equals("/api/v1/verify")) {
      Map<String, String> q = query(ex);
      int i = index(q.get("id"));
      if (i >= 0) {
        Map<String, Object> t = EhacData.traveller(i);
        valid =
            String.valueOf(t.get("nik")).equals(q.get("nik"))
                || String.valueOf(t.get("no_paspor")).equals(q.get("paspor"));
      }
    } else if (!legacy && path.startsWith("/api/v1/verify/")) {
      String code = path.substring("/api/v1/verify/".length());
      for (int i = 0; i < EhacApiLab.RECORDS && !valid; i++) {
        valid = verificationCode(EhacData.travellerId(i)).equals(code);
      }
    } else {
      send(ex, 404, json(Map.of("error", "not_found")));
      return;
    }
    send(ex, 200, json(Map.of("valid", valid)));
  }

  /**
   * Look-up by identity number. Legacy takes it from the query string ({@code GET ?nik=}) and
   * answers a POST by redirecting to that URL; hardened takes it only from a POST body, refuses a
   * GET that carries one, and finds only the caller's own records.
   */
  private void search(HttpExchange ex, User u) throws IOException {
    boolean post = "POST".equals(ex.getRequestMethod());
    if (legacy) {
      if (post) {
        JsonNode body = readJson(ex);
        String nik = body == null ? "" : body.path("nik").asText("");
        ex.getResponseHeaders().add("Location", "/api/v1/search?nik=" + enc(nik));
        send(ex, 303, new byte[0]);
        return;
      }
      String nik = query(ex).get("nik");
      if (nik == null || nik.isEmpty()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now().toString());
        body.put("status", 400);
        body.put("error", "Bad Request");
        body.put(
            "message",
            "Required request parameter 'nik' for method parameter type String is not present");
        body.put("path", "/api/v1/search");
        send(ex, 400, json(body));
        return;
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < EhacApiLab.RECORDS; i++) {
        Map<String, Object> t = EhacData.traveller(i);
        if (nik.equals(t.get("nik")) || nik.equals(t.get("no_paspor"))) {
          out.add(t);
        }
      }
      send(ex, 200, json(Map.of("data", out)));
      return;
    }
    if (!post) {
      if (ex.getRequestURI().getRawQuery() != null) {
        send(
            ex,
            400,
            json(
                Map.of(
                    "error",
                    "identity numbers are not accepted in URLs; send them in the body of a POST",
                    "correlation_id",
                    UUID.randomUUID().toString())));
      } else {
        ex.getResponseHeaders().add("Allow", "POST");
        send(ex, 405, json(Map.of("error", "method_not_allowed")));
      }
      return;
    }
    JsonNode body = readJson(ex);
    String number = body == null ? "" : body.path("nik").asText("");
    List<Object> out = new ArrayList<>();
    for (String id : u.owns()) {
      int i = index(id);
      if (i >= 0) {
        Map<String, Object> t = EhacData.traveller(i);
        if (!number.isEmpty()
            && (number.equals(t.get("nik")) || number.equals(t.get("no_paspor")))) {
          out.add(masked(t));
        }
      }
    }
    send(ex, 200, json(Map.of("data", out)));
  }

  /** A JSON request body (at most 8 KiB); a body that is not JSON throws, as a fault. */
  private JsonNode readJson(HttpExchange ex) throws IOException {
    return (legacy ? LEGACY_JSON : JSON).readTree(ex.getRequestBody().readNBytes(8192));
  }

  private static boolean isAdmin(User u) {
    return "admin".equals(u.role());
  }

  /** What the owner needs, no more: identity numbers masked, the result as a travel decision. */
  static Map<String, Object> masked(Map<String, Object> t) {
    Map<String, Object> m = new LinkedHashMap<>(t);
    m.computeIfPresent("nik", (k, v) -> keep(v.toString(), 4, 4));
    m.computeIfPresent("no_paspor", (k, v) -> keep(v.toString(), 1, 2));
    m.computeIfPresent("no_hp", (k, v) -> keep(v.toString(), 4, 2));
    m.remove("alamat");
    Object result = m.remove("hasil_tes");
    m.put("status_perjalanan", "POSITIF".equals(result) ? "DITUNDA" : "DIIZINKAN");
    return m;
  }

  private static String keep(String v, int head, int tail) {
    if (v.length() <= head + tail) {
      return "*".repeat(v.length());
    }
    return v.substring(0, head)
        + "*".repeat(v.length() - head - tail)
        + v.substring(v.length() - tail);
  }

  /**
   * The legacy build's id parsing: {@code EHAC-00000101}, or the bare number, is parsed as an int;
   * anything else throws, and the fault answer quotes it.
   */
  private static int lenientIndex(String id) {
    int n = Integer.parseInt(id.startsWith("EHAC-") ? id.substring(5) : id);
    return n >= 1 && n <= EhacApiLab.RECORDS ? n - 1 : -1;
  }

  private static int index(String id) {
    if (id == null || !id.matches("EHAC-[0-9]{8}")) {
      return -1;
    }
    int n = Integer.parseInt(id.substring(5));
    return n >= 1 && n <= EhacApiLab.RECORDS ? n - 1 : -1;
  }

  private static Map<String, String> query(HttpExchange ex) {
    Map<String, String> q = new LinkedHashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw == null) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        q.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }

  private static int parseInt(String s, int fallback) {
    try {
      return s == null ? fallback : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static byte[] json(Object o) {
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
