package dev.periksa.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a loopback address that answers scripted replies (with their own content
 * type and headers) by method, path and, when given, exact query, and logs every request it gets.
 * For products no local server exists for: it serves replies copied from their documentation, so a
 * check's wiring (URLs, headers, parsing, verdict) runs over a real socket.
 */
public final class ScriptedServer implements AutoCloseable {

  /** One reply. */
  public record Reply(int status, String contentType, String body, Map<String, String> headers) {
    public Reply(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }

    public static Reply xml(int status, String body) {
      return new Reply(status, "application/xml", body);
    }

    public static Reply json(int status, String body) {
      return new Reply(status, "application/json; charset=utf-8", body);
    }

    public static Reply text(int status, String body) {
      return new Reply(status, "text/plain; charset=utf-8", body);
    }
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final Map<String, Reply> routes = new LinkedHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<Map<String, String>> headerLog =
      Collections.synchronizedList(new ArrayList<>());
  private volatile Reply otherwise = Reply.text(404, "not found");

  public ScriptedServer(String host) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, 0), 16);
    server.setExecutor(pool);
    server.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.getRequestBody().readAllBytes();
            URI u = ex.getRequestURI();
            String path = u.getRawPath();
            String query = u.getRawQuery();
            String method = ex.getRequestMethod();
            Map<String, String> hs = new LinkedHashMap<>();
            ex.getRequestHeaders()
                .forEach(
                    (k, v) -> hs.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            synchronized (log) {
              log.add(method + " " + path + (query == null ? "" : "?" + query));
              headerLog.add(hs);
            }
            Reply r;
            synchronized (routes) {
              r = routes.get(method + " " + path + (query == null ? "" : "?" + query));
              if (r == null) {
                r = routes.get(method + " " + path);
              }
            }
            if (r == null) {
              r = otherwise;
            }
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", r.contentType());
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
              try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
              }
            }
          }
        });
    server.start();
  }

  /**
   * Answers {@code GET} of a path (raw, as sent) with this reply; a path with {@code ?query} must
   * match the query exactly, a path without one matches any query.
   */
  public ScriptedServer on(String rawPathAndQuery, Reply reply) {
    return on("GET", rawPathAndQuery, reply);
  }

  public ScriptedServer on(String method, String rawPathAndQuery, Reply reply) {
    synchronized (routes) {
      routes.put(method + " " + rawPathAndQuery, reply);
    }
    return this;
  }

  /** The reply for everything not scripted (404 text by default). */
  public ScriptedServer otherwise(Reply reply) {
    this.otherwise = reply;
    return this;
  }

  public URI url() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getHostString() + ":" + a.getPort());
  }

  /** Every request so far, as {@code "METHOD /path?query"}. */
  public List<String> requests() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /**
   * The headers of each request so far (names in lower case), in the order of {@link #requests()}.
   */
  public List<Map<String, String>> requestHeaders() {
    synchronized (log) {
      return List.copyOf(headerLog);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
