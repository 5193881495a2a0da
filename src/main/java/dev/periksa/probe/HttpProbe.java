package dev.periksa.probe;

import dev.periksa.target.Scope;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.conn.EofSensorInputStream;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.DefaultHttpClient;

/**
 * HTTP requests for checks, through REST Assured: only to hosts in scope, spaced by the per-host
 * rate limit, with connect and read timeouts, never following redirects, and reading at most {@code
 * maxBodyBytes} of any body (the rest is never downloaded).
 *
 * <p>Certificates are not verified here: whether a certificate is valid is the TLS checks'
 * question; a storage check must still see what an attacker sees behind a bad certificate.
 */
public final class HttpProbe {

  /** Default cap on a body read by a check: enough for a listing and a few sample documents. */
  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

  static final String TRUNCATED_HEADER = "X-Periksa-Truncated";

  private final Scope scope;
  private final HostRateLimiter limiter;
  private final RestAssuredConfig config;
  private final Duration timeout;

  public HttpProbe(Scope scope, HostRateLimiter limiter, Duration timeout, int maxBodyBytes) {
    this.scope = scope;
    this.limiter = limiter;
    this.timeout = timeout;
    int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    this.config =
        RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
            .httpClient(
                HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", ms)
                    .setParam("http.socket.timeout", ms)
                    .httpClientFactory(() -> cappedClient(maxBodyBytes)));
  }

  @SuppressWarnings("deprecation")
  private static DefaultHttpClient cappedClient(int maxBodyBytes) {
    DefaultHttpClient client = new DefaultHttpClient();
    // A probe asks once: a retry would hide a dropped connection and break the rate limit.
    client.setHttpRequestRetryHandler(
        new org.apache.http.impl.client.DefaultHttpRequestRetryHandler(0, false));
    client.addResponseInterceptor(
        (HttpResponse response, org.apache.http.protocol.HttpContext c) ->
            cap(response, maxBodyBytes));
    return client;
  }

  /** Replaces the entity by at most {@code max} bytes and drops the connection if more remain. */
  private static void cap(HttpResponse response, int max) throws IOException {
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return;
    }
    InputStream in = entity.getContent();
    if (in == null) {
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    boolean more = false;
    while (true) {
      int want = Math.min(buf.length, max - out.size() + 1);
      int n = in.read(buf, 0, want);
      if (n < 0) {
        break;
      }
      out.write(buf, 0, n);
      if (out.size() > max) {
        more = true;
        break;
      }
    }
    byte[] body = out.toByteArray();
    if (more) {
      body = java.util.Arrays.copyOf(body, max);
      response.addHeader(TRUNCATED_HEADER, "true");
      if (in instanceof EofSensorInputStream eof) {
        eof.abortConnection();
      } else {
        in.close();
      }
    } else {
      in.close();
    }
    ByteArrayEntity capped = new ByteArrayEntity(body);
    if (entity.getContentType() != null) {
      capped.setContentType(entity.getContentType());
    }
    response.setEntity(capped);
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * The same probe (scope, shared rate limit, timeout) reading at most {@code maxBodyBytes} of any
   * body: for replies that must stay tiny even when a server ignores a Range header.
   */
  public HttpProbe withMaxBody(int maxBodyBytes) {
    return new HttpProbe(scope, limiter, timeout, maxBodyBytes);
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
    if (!scope.allows(url.getHost())) {
      throw new OutOfScopeException(
          "not sent: " + url.getHost() + " is outside the target's scope");
    }
    limiter.acquire(url.getHost());
    String request = method + " " + url;
    RequestSpecification spec =
        RestAssured.given()
            .config(config)
            .relaxedHTTPSValidation()
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
      throw describe(url, e);
    }
    Map<String, List<String>> hs = new LinkedHashMap<>();
    boolean truncated = false;
    for (Header h : r.headers()) {
      if (h.getName().equalsIgnoreCase(TRUNCATED_HEADER)) {
        truncated = true;
        continue;
      }
      hs.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.getValue());
    }
    byte[] reply = r.asByteArray();
    return new ProbeResponse(
        request,
        url,
        r.statusCode(),
        hs,
        reply == null ? new byte[0] : reply,
        truncated,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private ProbeException describe(URI url, Exception e) {
    return ProbeErrors.describe(url.getHost(), port(url), timeout, e);
  }

  private static int port(URI url) {
    if (url.getPort() > 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }
}
