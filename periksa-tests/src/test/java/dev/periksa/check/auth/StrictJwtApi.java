package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import dev.periksa.target.Scope;
import dev.periksa.target.Secret;
import dev.periksa.target.TargetProfile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HS256 API for the edge cases the lab's twins do not cover: it verifies every token with
 * nimbus (HS256 only, signature, and {@code exp} when required) under a secret the test chooses,
 * which may be a weak one. Users "alice" (owns R-1) and "bob" (owns R-2); records hold no personal
 * data.
 */
final class StrictJwtApi implements AutoCloseable {
  static final String PASSWORD = "correct horse battery staple";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final byte[] secret;
  private final boolean issueExp;
  private final DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
  private final Map<String, String> owns = Map.of("alice", "R-1", "bob", "R-2");

  /**
   * @param secret the HMAC secret (any length: signed raw when nimbus would refuse a short one)
   * @param issueExp whether issued tokens carry {@code exp}; when false, none is required either
   */
  StrictJwtApi(String host, String secret, boolean issueExp) throws IOException {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.issueExp = issueExp;
    verifier.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(padded())));
    verifier.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(null, issueExp ? Set.of("sub", "exp") : Set.of("sub")));
    server = HttpServer.create(new InetSocketAddress(host, 0), 16);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  /** nimbus refuses HMAC keys under 256 bits; a weak secret is verified by raw HMAC instead. */
  private byte[] padded() {
    return secret.length >= 32 ? secret : new byte[32];
  }

  URI url() {
    return URI.create(
        "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** A profile declaring this API with both users as identities. */
  TargetProfile profile(String name) {
    ApiSettings api =
        new ApiSettings(
            new ApiSettings.Login("/login", "json", "username", "password", "token"),
            List.of("/records/{id}"),
            "/records/{id}",
            List.of("alice", "bob"),
            null,
            30,
            List.of(),
            null);
    return new TargetProfile(
        name,
        "",
        new Scope(List.of(url().getHost())),
        50,
        3,
        List.of(new Endpoint("api", "http", url(), null, List.of(), null, api)),
        List.of(
            new Identity("alice", "alice", new Secret(PASSWORD), List.of("R-1")),
            new Identity("bob", "bob", new Secret(PASSWORD), List.of("R-2"))),
        List.of(),
        null,
        null);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/login") && "POST".equals(ex.getRequestMethod())) {
        JsonNode body = JSON.readTree(ex.getRequestBody().readNBytes(4096));
        String user = body.path("username").asText("");
        if (!owns.containsKey(user) || !PASSWORD.equals(body.path("password").asText(""))) {
          send(ex, 401, Map.of("error", "invalid_credentials"));
          return;
        }
        send(ex, 200, Map.of("token", issue(user)));
      } else if (path.startsWith("/records/")) {
        String user = verify(ex.getRequestHeaders().getFirst("Authorization"));
        if (user == null) {
          send(ex, 401, Map.of("error", "unauthorized"));
          return;
        }
        String id = path.substring("/records/".length());
        if (!id.equals(owns.get(user))) {
          send(ex, 404, Map.of("error", "not_found"));
          return;
        }
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("id", id);
        rec.put("owner", user);
        rec.put("status", "ok");
        send(ex, 200, rec);
      } else {
        send(ex, 404, Map.of("error", "not_found"));
      }
    }
  }

  private String issue(String user) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder c = new JWTClaimsSet.Builder().subject(user).issueTime(Date.from(now));
    if (issueExp) {
      c.expirationTime(Date.from(now.plusSeconds(600)));
    }
    JWSHeader h = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
    try {
      if (secret.length >= 32) {
        SignedJWT jwt = new SignedJWT(h, c.build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
      }
      String input = h.toBase64URL() + "." + c.build().toPayload().toBase64URL();
      return input
          + "."
          + com.nimbusds.jose.util.Base64URL.encode(
              TokenForge.hmac("HmacSHA256", secret, input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String verify(String auth) {
    if (auth == null || !auth.startsWith("Bearer ")) {
      return null;
    }
    String token = auth.substring(7);
    try {
      if (secret.length >= 32) {
        return verifier.process(token, null).getSubject();
      }
      // A weak secret: check alg, signature and claims by hand, as strictly.
      TokenForge.Captured t = TokenForge.parse(token).orElse(null);
      if (t == null
          || !"HS256".equals(t.alg())
          || !java.security.MessageDigest.isEqual(
              TokenForge.hmac("HmacSHA256", secret, t.signingInput()), t.signature().decode())) {
        return null;
      }
      Date exp = t.claims().getExpirationTime();
      if (issueExp && (exp == null || exp.before(new Date()))) {
        return null;
      }
      return t.claims().getSubject();
    } catch (Exception e) {
      return null;
    }
  }

  private static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] b = JSON.writeValueAsBytes(body);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
