package dev.periksa.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;

/**
 * The hardened twin's door to its search cluster: HTTPS only (TLS 1.2 and 1.3), HTTP Basic
 * authentication on every request, HSTS, and a reverse proxy to the cluster on an internal address.
 * A stranger gets the same 401 an Elasticsearch cluster with security enabled gives.
 */
final class AuthenticatingFront implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "transfer-encoding",
          "content-length",
          "host",
          "upgrade",
          "authorization",
          "te",
          "trailer",
          "proxy-authorization",
          "proxy-authenticate");
  private static final byte[] UNAUTHORIZED =
      ("{\"error\":{\"root_cause\":[{\"type\":\"security_exception\","
              + "\"reason\":\"missing authentication credentials for REST request\"}],"
              + "\"type\":\"security_exception\","
              + "\"reason\":\"missing authentication credentials for REST request\"},\"status\":401}")
          .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService pool;
  private final HttpClient upstreamClient;
  private final URI upstream;
  private final byte[] expectedAuth;

  AuthenticatingFront(String host, SSLContext tls, URI upstream, String user, String password)
      throws IOException {
    this.upstream = upstream;
    this.expectedAuth =
        ("Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .getBytes(StandardCharsets.UTF_8);
    this.upstreamClient =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    server = LabHttp.create(host, tls);
    pool = LabHttp.daemonPool(8, "hardened-front");
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getResponseHeaders()
          .add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null
          || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expectedAuth)) {
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders()
            .add("WWW-Authenticate", "Basic realm=\"security\" charset=\"UTF-8\"");
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        send(ex, 401, UNAUTHORIZED);
        return;
      }
      URI target = upstream.resolve(ex.getRequestURI().toString());
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder req =
          HttpRequest.newBuilder(target)
              .timeout(Duration.ofSeconds(30))
              .method(
                  ex.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      ex.getRequestHeaders()
          .forEach(
              (k, vs) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(java.util.Locale.ROOT))) {
                  vs.forEach(v -> req.header(k, v));
                }
              });
      HttpResponse<byte[]> res;
      try {
        res = upstreamClient.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        send(ex, 503, new byte[0]);
        return;
      } catch (IOException e) {
        send(ex, 502, new byte[0]);
        return;
      }
      res.headers()
          .map()
          .forEach(
              (k, vs) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(java.util.Locale.ROOT))
                    && !k.startsWith(":")) {
                  vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                }
              });
      send(ex, res.statusCode(), "HEAD".equals(ex.getRequestMethod()) ? new byte[0] : res.body());
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    LabHttp.send(ex, status, body);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
