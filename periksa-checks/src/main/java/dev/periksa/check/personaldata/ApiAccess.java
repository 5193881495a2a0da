package dev.periksa.check.personaldata;

import dev.periksa.check.CheckResult;
import dev.periksa.check.TargetContext;
import dev.periksa.check.auth.ApiClient;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A declared HTTP API as the personal-data checks use it: logged in as its first declared identity
 * that is not the throttle identity (the one a password-guessing burst may have locked), or
 * anonymous when the api section declares no login. Only the identity's own records are read.
 */
final class ApiAccess {
  private final TargetContext ctx;
  private final ApiClient client;
  private final Identity identity;
  private final ApiClient.Session session;
  private final String problem;

  private ApiAccess(
      TargetContext ctx,
      ApiClient client,
      Identity identity,
      ApiClient.Session session,
      String problem) {
    this.ctx = ctx;
    this.client = client;
    this.identity = identity;
    this.session = session;
    this.problem = problem;
  }

  /**
   * Logs in when the api section says how; the login's status is observed, never its body (it
   * carries the token). A failed login leaves an anonymous access with {@link #problem()} set.
   */
  static ApiAccess open(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    ApiClient client = new ApiClient(ctx, e);
    Identity id = pick(client, e);
    if (e.api().login() == null && (id == null || !id.hasCredential())) {
      return new ApiAccess(ctx, client, id, null, null);
    }
    if (id == null) {
      return new ApiAccess(
          ctx,
          client,
          null,
          null,
          "the api section names no identity to log in with (api.identities)");
    }
    if (!client.canActAs(id)) {
      return new ApiAccess(
          ctx, client, id, null, id.name() + " has no password to log in with, nor a token");
    }
    ApiClient.Login login = client.login(id);
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
      return new ApiAccess(
          ctx,
          client,
          id,
          null,
          "cannot log in as " + id.name() + " (" + login.response().status() + ")");
    }
    return new ApiAccess(ctx, client, id, login.session().get(), null);
  }

  private static Identity pick(ApiClient client, Endpoint e) {
    String throttle = e.api().throttleIdentity();
    List<Identity> ids = client.identities();
    Optional<Identity> owner =
        ids.stream()
            .filter(i -> !i.name().equals(throttle))
            .filter(i -> !i.owns().isEmpty())
            .findFirst();
    return owner.orElse(
        ids.stream().filter(i -> !i.name().equals(throttle)).findFirst().orElse(null));
  }

  ApiClient client() {
    return client;
  }

  /** Why the access is anonymous although the API declares a login, or null. */
  String problem() {
    return problem;
  }

  boolean loggedIn() {
    return session != null;
  }

  /** Who reads: the identity's name, or "a stranger". */
  String who() {
    return session != null ? identity.name() : "a stranger";
  }

  /**
   * Paths of what the API serves the identity: its first own record through {@code api.record},
   * then each {@code api.personalData} path (with {@code {id}} its first own record), without
   * repeats.
   */
  List<String> ownPaths() {
    Set<String> out = new LinkedHashSet<>();
    String own = identity == null || identity.owns().isEmpty() ? null : identity.owns().get(0);
    String record = client.settings().record();
    if (record != null && record.contains("{id}") && own != null) {
      out.add(ApiClient.fill(record, own));
    }
    for (String p : client.settings().personalData()) {
      if (!p.contains("{id}")) {
        out.add(p);
      } else if (own != null) {
        out.add(ApiClient.fill(p, own));
      }
    }
    return new ArrayList<>(out);
  }

  /** A GET with the session's credentials (anonymous without a session). */
  ProbeResponse get(String pathAndQuery) {
    return session != null ? client.get(pathAndQuery, session) : client.anonymous(pathAndQuery);
  }

  /** A request with a body, with the session's credentials when there is a session. */
  ProbeResponse send(String method, String path, String contentType, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Accept", "application/json");
    h.put("Content-Type", contentType);
    if (session != null) {
      h.putAll(session.headers());
    }
    return ctx.http().send(method, client.url(path), h, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A request with a body and no credentials (a login form, say). */
  ProbeResponse sendAnonymous(String method, String path, String contentType, String body) {
    return ctx.http()
        .send(
            method,
            client.url(path),
            Map.of("Accept", "application/json", "Content-Type", contentType),
            body.getBytes(StandardCharsets.UTF_8));
  }
}
