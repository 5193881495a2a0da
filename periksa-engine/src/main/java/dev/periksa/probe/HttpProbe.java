package dev.periksa.probe;

import dev.periksa.target.Scope;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.conn.scheme.Scheme;
import org.apache.http.conn.scheme.SchemeRegistry;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.DefaultHttpClient;
import org.apache.http.impl.conn.BasicClientConnectionManager;

/**
 * The one HTTP client of every check, through REST Assured: only to hosts in scope, spaced by the
 * per-host rate limit, each exchange (connect, TLS, headers, body) within one deadline besides the
 * idle timeout, at most {@code maxBodyBytes} of any body read (gzip and deflate inflated with the
 * inflated bytes counted), redirects followed only on request and only within scope, and every
 * reply saying whether its body was read whole ({@link Reading}).
 *
 * <p>A service that stalls or times out {@link HostHealth#MAX_STALLS} times in a run is asked
 * nothing more. Each exchange is recorded in the {@link ProbeLog} of the check that made it, and
 * its sockets are held there, so a check that ends or runs out of time leaves nothing open.
 *
 * <p>Certificates are not verified here: whether a certificate is valid is the TLS checks'
 * question; a storage check must still see what an attacker sees behind a bad certificate.
 */
public final class HttpProbe {

  /** Default cap on a body read by a check: enough for a listing and a few sample documents. */
  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

  /** Redirects followed by {@link #follow} unless told otherwise. */
  public static final int DEFAULT_MAX_REDIRECTS = 5;

  private final Scope scope;
  private final HostRateLimiter limiter;
  private final HostHealth health;
  private final Duration timeout;
  private final int maxBodyBytes;
  private final ProbeLog log;
  private final boolean bodyNeeded;
  private final boolean follow;

  public HttpProbe(Scope scope, HostRateLimiter limiter, Duration timeout, int maxBodyBytes) {
    this(scope, limiter, new HostHealth(), timeout, maxBodyBytes, ProbeLog.detached(), true);
  }

  public HttpProbe(
      Scope scope,
      HostRateLimiter limiter,
      HostHealth health,
      Duration timeout,
      int maxBodyBytes,
      ProbeLog log,
      boolean bodyNeeded) {
    this(scope, limiter, health, timeout, maxBodyBytes, log, bodyNeeded, false);
  }

  private HttpProbe(
      Scope scope,
      HostRateLimiter limiter,
      HostHealth health,
      Duration timeout,
      int maxBodyBytes,
      ProbeLog log,
      boolean bodyNeeded,
      boolean follow) {
    this.follow = follow;
    this.scope = scope;
    this.limiter = limiter;
    this.health = health;
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
    this.log = log;
    this.bodyNeeded = bodyNeeded;
  }

  /** The most one exchange may take, connect to last byte (also the idle timeout). */
  public Duration timeout() {
    return timeout;
  }

  public Scope scope() {
    return scope;
  }

  public HostHealth health() {
    return health;
  }

  /**
   * The same probe (scope, shared rate limit, timeout, log) reading at most {@code maxBodyBytes} of
   * any body: for replies that must stay tiny even when a server ignores a Range header.
   */
  public HttpProbe withMaxBody(int maxBodyBytes) {
    return new HttpProbe(scope, limiter, health, timeout, maxBodyBytes, log, bodyNeeded, follow);
  }

  /** The same probe recording into another check's log. */
  public HttpProbe withLog(ProbeLog log) {
    return new HttpProbe(scope, limiter, health, timeout, maxBodyBytes, log, bodyNeeded, follow);
  }

  /** The same probe with another timeout (at most this one's). */
  public HttpProbe withTimeout(Duration t) {
    Duration capped = t.compareTo(timeout) < 0 ? t : timeout;
    return new HttpProbe(scope, limiter, health, capped, maxBodyBytes, log, bodyNeeded, follow);
  }

  /**
   * The same probe for requests whose status and headers are all a check judges: a body cut short
   * does not put the check's verdict in doubt.
   */
  public HttpProbe headersOnly() {
    return new HttpProbe(scope, limiter, health, timeout, maxBodyBytes, log, false, follow);
  }

  /**
   * The same probe following the redirects of a GET (within scope, at most {@link
   * #DEFAULT_MAX_REDIRECTS}) to the reply they lead to. When a chain cannot be followed to its end
   * (a loop, a hop out of scope, too many hops), the last reply reached is returned as unreadable:
   * where the request leads is unknown, so nothing may PASS on it.
   */
  public HttpProbe followingRedirects() {
    return new HttpProbe(scope, limiter, health, timeout, maxBodyBytes, log, bodyNeeded, true);
  }

  public ProbeResponse get(URI url) {
    return send("GET", url, Map.of());
  }

  public ProbeResponse get(URI url, Map<String, String> headers) {
    return send("GET", url, headers);
  }

  /** Sends one request; a reply of any status is returned, no reply raises ProbeException. */
  public ProbeResponse send(String method, URI url, Map<String, String> headers) {
    return send(method, url, headers, null);
  }

  /**
   * Sends one request with a body (for the few write probes a profile opts in to); a reply of any
   * status is returned, no reply raises ProbeException.
   */
  public ProbeResponse send(String method, URI url, Map<String, String> headers, byte[] body) {
    if (follow && body == null && ("GET".equals(method) || "HEAD".equals(method))) {
      Redirects chain = follow(method, url, headers, DEFAULT_MAX_REDIRECTS);
      if (chain.complete() && chain.replies().size() == 1) {
        return chain.first();
      }
      if (chain.complete()) {
        return new ProbeResponse(chain.last(), chain, chain.last().reading());
      }
      Reading stopped =
          Reading.unreadable("its redirects could not be followed: " + chain.describe());
      log.record(new ProbeLog.Entry(method + " " + url, stopped, bodyNeeded));
      return new ProbeResponse(chain.last(), chain, stopped);
    }
    return sendOnce(method, url, headers, body);
  }

  private ProbeResponse sendOnce(String method, URI url, Map<String, String> headers, byte[] body) {
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    try {
      if (!tls || url.getHost() == null || health.needsLegacyTls(url.getHost(), port(url))) {
        return exchange(method, url, headers, body, tls);
      }
      try {
        return exchange(method, url, headers, body, false);
      } catch (ProbeException e) {
        if (!handshakeRefused(e)) {
          throw e;
        }
        // The JDK's TLS (1.2 and 1.3, modern suites) was refused: try once more as an old
        // client, and remember the service if that works, so later exchanges go straight to it.
        ProbeResponse r = exchange(method, url, headers, body, true);
        health.legacyTls(url.getHost(), port(url));
        return r;
      }
    } catch (ProbeException e) {
      if (!(e instanceof OutOfScopeException)) {
        log.record(
            new ProbeLog.Entry(method + " " + url, Reading.unreadable(e.getMessage()), bodyNeeded));
      }
      throw e;
    }
  }

  /** A TLS handshake the server ended (protocol version, no common suite), nothing else. */
  private static boolean handshakeRefused(ProbeException e) {
    if (e.stalled()
        || e instanceof OutOfScopeException
        || e instanceof HostHealth.GivenUpException) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  private ProbeResponse exchange(
      String method, URI url, Map<String, String> headers, byte[] body, boolean legacyTls) {
    String host = url.getHost();
    if (host == null || !scope.allows(host)) {
      throw new OutOfScopeException(
          "not sent: " + (host == null ? url : host) + " is outside the target's scope");
    }
    int port = port(url);
    health.check(host, port);
    limiter.acquire(host);
    String request = method + " " + url;
    boolean tls = "https".equalsIgnoreCase(url.getScheme());
    Exchange ex = new Exchange(host, port, timeout, log);
    ex.permit(limiter.connection(host));
    BodyReader.Body[] read = new BodyReader.Body[1];
    RequestSpecification spec =
        RestAssured.given()
            .config(config(ex, read, legacyTls))
            .urlEncodingEnabled(false)
            .redirects()
            .follow(false);
    headers.forEach(spec::header);
    if (body != null) {
      spec.body(body);
    }
    long start = System.nanoTime();
    Response r;
    try {
      r = spec.request(method, url.toString());
    } catch (Exception e) {
      ProbeException pe = ProbeErrors.describe(ex, tls, e);
      if (pe.stalled()) {
        health.stalled(host, port, pe.getMessage());
      }
      throw pe;
    } finally {
      ex.close();
    }
    Map<String, List<String>> hs = new LinkedHashMap<>();
    for (Header h : r.headers()) {
      hs.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.getValue());
    }
    byte[] reply = read[0] != null ? read[0].bytes() : r.asByteArray();
    Reading reading = read[0] != null ? read[0].reading() : Reading.COMPLETE;
    if (read[0] != null && read[0].stalled()) {
      health.stalled(host, port, reading.why());
    }
    ProbeResponse resp =
        new ProbeResponse(
            request,
            url,
            r.statusCode(),
            hs,
            reply == null ? new byte[0] : reply,
            read[0] != null && read[0].partial(),
            reading,
            Duration.ofNanos(System.nanoTime() - start));
    boolean prefix = headers.keySet().stream().anyMatch("range"::equalsIgnoreCase);
    log.record(new ProbeLog.Entry(request, resp.reading(), bodyNeeded, prefix));
    return resp;
  }

  /**
   * Follows redirects from a GET within the scope, at most {@code maxHops} of them: every hop is
   * recorded, a hop outside the scope is recorded and never contacted, a loop is recognised.
   * Headers are sent again only to the same host.
   */
  public Redirects follow(URI url, Map<String, String> headers, int maxHops) {
    return follow("GET", url, headers, maxHops);
  }

  private Redirects follow(String method, URI url, Map<String, String> headers, int maxHops) {
    List<ProbeResponse> replies = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    URI at = url;
    seen.add(key(at));
    while (true) {
      Map<String, String> hs = at.getHost().equalsIgnoreCase(url.getHost()) ? headers : Map.of();
      ProbeResponse r;
      try {
        r = sendOnce(method, at, hs, null);
      } catch (ProbeException e) {
        if (replies.isEmpty()) {
          throw e;
        }
        // The chain leads somewhere that does not answer: that is where it ends.
        return new Redirects(replies, Redirects.Stop.UNREACHABLE, at);
      }
      replies.add(r);
      if (!r.isRedirect()) {
        return new Redirects(replies, Redirects.Stop.FINAL, null);
      }
      URI next;
      try {
        next = at.resolve(r.header("location").orElseThrow().strip());
      } catch (IllegalArgumentException e) {
        return new Redirects(replies, Redirects.Stop.BAD_LOCATION, null);
      }
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || next.getHost() == null) {
        return new Redirects(replies, Redirects.Stop.BAD_LOCATION, next);
      }
      if (!scope.allows(next.getHost())) {
        return new Redirects(replies, Redirects.Stop.OUT_OF_SCOPE, next);
      }
      if (!seen.add(key(next))) {
        return new Redirects(replies, Redirects.Stop.LOOP, next);
      }
      if (replies.size() > maxHops) {
        return new Redirects(replies, Redirects.Stop.LIMIT, next);
      }
      at = next;
    }
  }

  public Redirects follow(URI url, Map<String, String> headers) {
    return follow(url, headers, DEFAULT_MAX_REDIRECTS);
  }

  private static String key(URI u) {
    return u.getScheme().toLowerCase(Locale.ROOT)
        + "://"
        + u.getHost().toLowerCase(Locale.ROOT)
        + ":"
        + port(u)
        + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  private RestAssuredConfig config(Exchange ex, BodyReader.Body[] read, boolean legacyTls) {
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    return RestAssuredConfig.config()
        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
        .httpClient(
            HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", ms)
                .setParam("http.socket.timeout", ms)
                .httpClientFactory(() -> client(ex, read, legacyTls)));
  }

  @SuppressWarnings("deprecation")
  private DefaultHttpClient client(Exchange ex, BodyReader.Body[] read, boolean legacyTls) {
    SchemeRegistry schemes = new SchemeRegistry();
    schemes.register(new Scheme("http", 80, ExchangeSockets.plain(ex)));
    schemes.register(
        new Scheme(
            "https", 443, legacyTls ? ExchangeSockets.legacyTls(ex) : ExchangeSockets.tls(ex)));
    BasicClientConnectionManager connections = new BasicClientConnectionManager(schemes);
    ex.adopt(connections::shutdown);
    DefaultHttpClient client = new DefaultHttpClient(connections);
    // A probe asks once: a retry would hide a dropped connection and break the rate limit.
    client.setHttpRequestRetryHandler(
        new org.apache.http.impl.client.DefaultHttpRequestRetryHandler(0, false));
    client.addResponseInterceptor(
        (HttpResponse response, org.apache.http.protocol.HttpContext c) -> {
          ex.headersArrived();
          HttpEntity entity = response.getEntity();
          if (entity == null) {
            return;
          }
          BodyReader.Body b =
              BodyReader.read(
                  entity.getContent(),
                  entity.getContentEncoding() == null
                      ? null
                      : entity.getContentEncoding().getValue(),
                  entity.getContentLength(),
                  maxBodyBytes,
                  ex);
          read[0] = b;
          ByteArrayEntity capped = new ByteArrayEntity(b.bytes());
          if (entity.getContentType() != null) {
            capped.setContentType(entity.getContentType());
          }
          response.setEntity(capped);
          // The decoded body replaces the encoded one.
          response.removeHeaders("Content-Encoding");
        });
    return client;
  }

  static int port(URI url) {
    if (url.getPort() > 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }
}
