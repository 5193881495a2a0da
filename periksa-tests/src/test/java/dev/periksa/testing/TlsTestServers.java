package dev.periksa.testing;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Real servers for TLS tests: the JDK's HTTPS server with a given certificate, protocols and reply
 * headers; the JDK's plain HTTP server with a given status and headers (a redirect, or a page); and
 * a TCP server that answers every connection with the same recorded bytes (a look-alike of a TLS
 * server). Each binds a loopback address on a port chosen at bind time.
 */
public final class TlsTestServers {
  private TlsTestServers() {}

  /** A running HTTP or HTTPS server. */
  public record Running(HttpServer server, String scheme) implements AutoCloseable {
    public URI url() {
      InetSocketAddress a = server.getAddress();
      return URI.create(scheme + "://" + a.getHostString() + ":" + a.getPort());
    }

    public int port() {
      return server.getAddress().getPort();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  /**
   * An HTTPS server (JSSE) answering every path with a small page and the given headers.
   *
   * @param protocols e.g. "TLSv1.3", "TLSv1.2"; the JDK's defaults when empty
   */
  public static Running https(
      String host, SSLContext tls, Map<String, String> headers, String... protocols)
      throws IOException {
    HttpsServer s = HttpsServer.create(new InetSocketAddress(host, 0), 16);
    s.setHttpsConfigurator(
        new HttpsConfigurator(tls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = tls.getDefaultSSLParameters();
            if (protocols.length > 0) {
              p.setProtocols(protocols);
            }
            params.setSSLParameters(p);
          }
        });
    serve(s, 200, headers);
    return new Running(s, "https");
  }

  /** A plain HTTP server answering every path with the status and headers given. */
  public static Running plain(String host, int status, Map<String, String> headers)
      throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(host, 0), 16);
    serve(s, status, headers);
    return new Running(s, "http");
  }

  private static void serve(HttpServer s, int status, Map<String, String> headers) {
    s.setExecutor(Executors.newFixedThreadPool(2));
    s.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.getRequestBody().readAllBytes();
            headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            byte[] page =
                "<html><body><h1>Portal</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(status, page.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(page);
            }
          }
        });
    s.start();
  }

  /**
   * Reads whatever a client sends first, then answers every connection with the same bytes and
   * closes: a recording of a real server's reply, replayed to any hello.
   */
  public static final class Replaying implements AutoCloseable {
    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    public Replaying(String host, byte[] reply) throws IOException {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(host, 0));
      pool.execute(
          () -> {
            while (!socket.isClosed()) {
              try {
                Socket c = socket.accept();
                pool.execute(() -> answer(c, reply));
              } catch (IOException e) {
                return;
              }
            }
          });
    }

    private static void answer(Socket c, byte[] reply) {
      try (c) {
        c.setSoTimeout(2_000);
        InputStream in = c.getInputStream();
        in.read(new byte[4096]);
        c.getOutputStream().write(reply);
        c.getOutputStream().flush();
        Thread.sleep(100);
      } catch (IOException | InterruptedException e) {
        // The client went away.
      }
    }

    public URI url() {
      return URI.create(
          "https://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      socket.close();
      pool.shutdownNow();
    }
  }
}
