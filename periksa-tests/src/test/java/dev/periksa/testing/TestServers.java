package dev.periksa.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Small real servers for the cases the lab does not cover: look-alikes, malformed replies, resets
 * and addresses where nothing listens. Each binds a loopback address on a port chosen at bind time.
 */
public final class TestServers {
  private TestServers() {}

  /** A running HTTP server; close it after use. */
  public record Running(HttpServer server) implements AutoCloseable {
    public URI url() {
      InetSocketAddress a = server.getAddress();
      return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /** A canned reply. */
  public record Reply(int status, String body) {}

  /** Answers every path with the same status and body, like a catch-all page. */
  public static Running catchAll(String host, int status, String body) throws IOException {
    return paths(host, Map.of(), new Reply(status, body));
  }

  /** Answers the listed paths (exact match, query ignored) and everything else with a default. */
  public static Running paths(String host, Map<String, Reply> replies, Reply otherwise)
      throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(host, 0), 16);
    s.setExecutor(Executors.newFixedThreadPool(2));
    s.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.getRequestBody().readAllBytes();
            Reply r = replies.getOrDefault(ex.getRequestURI().getPath(), otherwise);
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            // Labelled as what it is: JSON as JSON, a page as HTML, anything else as text.
            String t = r.body().stripLeading();
            ex.getResponseHeaders()
                .add(
                    "Content-Type",
                    t.startsWith("{") || t.startsWith("[")
                        ? "application/json"
                        : t.startsWith("<?xml")
                            ? "application/xml"
                            : t.startsWith("<") ? "text/html" : "text/plain");
            ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
              try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
              }
            }
          }
        });
    s.start();
    return new Running(s);
  }

  /** An OpenSearch-like banner, as a look-alike would copy it. */
  public static final String OPENSEARCH_BANNER =
      "{\"name\":\"node-1\",\"cluster_name\":\"docker-cluster\",\"version\":{\"distribution\":"
          + "\"opensearch\",\"number\":\"2.11.0\"},\"tagline\":\"The OpenSearch Project: "
          + "https://opensearch.org/\"}";

  /** A loopback address and port where nothing listens (bound, then released). */
  public static URI nothingListening(String host) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, 0));
      return URI.create("http://" + host + ":" + s.getLocalPort());
    }
  }

  /** Accepts connections and closes them at once, without a byte of reply. */
  public static final class Resetting implements AutoCloseable {
    private final ServerSocket socket;

    public Resetting(String host) throws IOException {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(host, 0));
      Thread t =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket c = socket.accept()) {
                    c.setSoLinger(true, 0);
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "resetting-server");
      t.setDaemon(true);
      t.start();
    }

    public URI url() {
      return URI.create(
          "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
