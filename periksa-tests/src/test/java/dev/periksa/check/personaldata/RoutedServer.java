package dev.periksa.check.personaldata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server (the JDK's) for look-alikes: each path prefix has a handler that sees the
 * request (method, path, query, body) and gives a status, headers and body. The longest matching
 * prefix wins; anything else is 404.
 */
final class RoutedServer implements AutoCloseable {
  /** What a handler sees. */
  record Request(
      String method, String path, String query, String body, Map<String, String> headers) {}

  /** What a handler answers. */
  record Reply(int status, Map<String, String> headers, String body) {
    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body);
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final Map<String, Function<Request, Reply>> routes = new LinkedHashMap<>();

  RoutedServer(String host) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, 0), 16);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  RoutedServer route(String prefix, Function<Request, Reply> handler) {
    routes.put(prefix, handler);
    return this;
  }

  URI url() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
      String path = ex.getRequestURI().getRawPath();
      Request req =
          new Request(ex.getRequestMethod(), path, ex.getRequestURI().getRawQuery(), body, headers);
      Function<Request, Reply> h = null;
      int best = -1;
      for (Map.Entry<String, Function<Request, Reply>> r : routes.entrySet()) {
        if (path.startsWith(r.getKey()) && r.getKey().length() > best) {
          h = r.getValue();
          best = r.getKey().length();
        }
      }
      Reply reply = h == null ? Reply.json(404, "{\"error\":\"not_found\"}") : h.apply(req);
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
