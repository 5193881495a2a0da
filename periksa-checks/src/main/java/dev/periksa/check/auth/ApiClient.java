package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Talks to a declared HTTP API the way its profile describes: logs in with the login form, and
 * sends requests anonymously, with a bearer token, or with the session cookie. Tokens and passwords
 * stay in memory: evidence must never carry them (the redactor masks JWTs it sees, as a second line
 * of defence).
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TargetContext ctx;
  private final Endpoint endpoint;

  public ApiClient(TargetContext ctx, Endpoint endpoint) {
    if (endpoint.api() == null) {
      throw new IllegalArgumentException(endpoint.name() + " has no api section");
    }
    this.ctx = ctx;
    this.endpoint = endpoint;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public ApiSettings settings() {
    return endpoint.api();
  }

  /**
   * A logged-in session, or an identity's own credential.
   *
   * @param token the bearer token, or null when the API keeps the session in a cookie only
   * @param cookies {@code name=value} of every cookie the login set
   * @param setCookies the raw {@code Set-Cookie} headers, for checks of their attributes
   * @param apiKey the header and key of an identity that presents an API key, or null
   */
  public record Session(
      String token,
      List<String> cookies,
      List<String> setCookies,
      Map.Entry<String, String> apiKey) {
    public Session(String token, List<String> cookies, List<String> setCookies) {
      this(token, cookies, setCookies, null);
    }

    /** The headers that carry this session on a request. */
    public Map<String, String> headers() {
      if (token != null) {
        return Map.of("Authorization", "Bearer " + token);
      }
      if (apiKey != null) {
        return Map.of(apiKey.getKey(), apiKey.getValue());
      }
      return cookies.isEmpty() ? Map.of() : Map.of("Cookie", String.join("; ", cookies));
    }
  }

  /**
   * What a login attempt got.
   *
   * @param response the login reply (its body may hold a token: never put it in evidence); for an
   *     identity with a credential of its own, a stand-in with status 0 (nothing was sent)
   * @param session the session, when the login worked
   */
  public record Login(ProbeResponse response, Optional<Session> session) {
    public boolean ok() {
      return session.isPresent();
    }
  }

  /**
   * Whether requests can be made as this identity here: it carries a token or an API key, or it has
   * a password and the API declares a login.
   */
  public boolean canActAs(Identity id) {
    return id != null && (id.hasCredential() || (id.canLogIn() && settings().login() != null));
  }

  /**
   * Logs in as a declared identity; an identity with a token or an API key of its own is a session
   * at once, without a request.
   */
  public Login login(Identity id) {
    if (id.hasCredential()) {
      ProbeResponse none =
          new ProbeResponse(
              "(" + id.name() + "'s own " + (id.token() != null ? "token" : "API key") + ")",
              endpoint.url(),
              0,
              Map.of(),
              new byte[0],
              false,
              java.time.Duration.ZERO);
      Session s =
          id.token() != null
              ? new Session(id.token().reveal(), List.of(), List.of())
              : new Session(
                  null, List.of(), List.of(), Map.entry(id.apiKeyHeader(), id.apiKey().reveal()));
      return new Login(none, Optional.of(s));
    }
    if (!id.canLogIn()) {
      throw new IllegalStateException(id.name() + " has no password to log in with");
    }
    return login(id.username(), id.password().reveal());
  }

  /**
   * Logs in as a declared identity and records it: an observation that says whether the login
   * worked (never the reply's body, which carries the token), and, when it did not, an INCONCLUSIVE
   * part naming what could not be done without it.
   *
   * @param without what the check cannot do without this login, e.g. "no request could be made as
   *     that identity"
   * @return the session, or empty after recording why not
   */
  public Optional<Session> loginRecorded(Identity id, CheckResult.Builder result, String without) {
    Login login = login(id);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("identity", id.name());
    facts.put("loggedIn", login.ok());
    result.observe(
        ctx.redactor()
            .capture(
                "login as " + id.name(),
                login.response().request(),
                login.response().status(),
                null,
                facts));
    if (!login.ok()) {
      result.part(
          Outcome.INCONCLUSIVE,
          endpoint.name()
              + ": cannot log in as "
              + id.name()
              + " ("
              + login.response().status()
              + "), so "
              + without);
    }
    return login.session();
  }

  /** Sends the login form once; a 2xx reply with a token or a session cookie is a login. */
  public Login login(String username, String password) {
    ApiSettings.Login form = settings().login();
    if (form == null) {
      throw new IllegalStateException(endpoint.name() + " declares no login");
    }
    byte[] body;
    String type;
    if ("form".equals(form.format())) {
      body =
          (enc(form.usernameField())
                  + "="
                  + enc(username)
                  + "&"
                  + enc(form.passwordField())
                  + "="
                  + enc(password))
              .getBytes(StandardCharsets.UTF_8);
      type = "application/x-www-form-urlencoded";
    } else {
      Map<String, String> m = new LinkedHashMap<>();
      m.put(form.usernameField(), username);
      m.put(form.passwordField(), password);
      try {
        body = JSON.writeValueAsBytes(m);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      type = "application/json";
    }
    ProbeResponse r =
        ctx.http()
            .send(
                "POST",
                endpoint.resolve(form.path()),
                Map.of("Content-Type", type, "Accept", "application/json"),
                body);
    List<String> setCookies = r.headers().getOrDefault("set-cookie", List.of());
    List<String> cookies = new ArrayList<>();
    for (String c : setCookies) {
      int semi = c.indexOf(';');
      cookies.add((semi < 0 ? c : c.substring(0, semi)).strip());
    }
    String token = null;
    if (form.tokenField() != null) {
      JsonNode j = r.json().orElse(null);
      for (String part : form.tokenField().split("\\.")) {
        j = j == null ? null : j.get(part);
      }
      if (j != null && j.isTextual() && !j.asText().isBlank()) {
        token = j.asText();
      }
    }
    boolean ok = r.isSuccess() && (token != null || !cookies.isEmpty());
    return new Login(
        r, ok ? Optional.of(new Session(token, cookies, setCookies)) : Optional.empty());
  }

  /** A request without any credentials. */
  public ProbeResponse anonymous(String path) {
    return ctx.http().get(endpoint.resolve(path), Map.of("Accept", "application/json"));
  }

  /** A request with the session's bearer token (or its cookies when it has no token). */
  public ProbeResponse get(String path, Session s) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Accept", "application/json");
    h.putAll(s.headers());
    return ctx.http().get(endpoint.resolve(path), h);
  }

  /** A request with a given bearer token (a crafted one, say). */
  public ProbeResponse withToken(String path, String token) {
    return ctx.http()
        .get(
            endpoint.resolve(path),
            Map.of("Accept", "application/json", "Authorization", "Bearer " + token));
  }

  /** A URL of this API. */
  public URI url(String path) {
    return endpoint.resolve(path);
  }

  /** A path template with its {@code {id}} replaced (URL-encoded). */
  public static String fill(String template, String id) {
    return template.replace("{id}", enc(id));
  }

  /** The declared identities that may log in here, in the order the profile names them. */
  public List<Identity> identities() {
    List<Identity> out = new ArrayList<>();
    for (String name : settings().identities()) {
      ctx.profile().identity(name).ifPresent(out::add);
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
