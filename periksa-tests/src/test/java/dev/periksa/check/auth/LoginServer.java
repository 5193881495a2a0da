package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.periksa.lab.EhacData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real login server for the cases the lab API does not have: it checks one user's password
 * at {@code POST /api/v1/auth/login} (JSON, as the lab's) and answers wrong passwords the way a
 * {@link Mode} says; {@code GET /api/v1/travellers} serves one synthetic traveller to its token.
 */
final class LoginServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How wrong passwords are answered. */
  enum Mode {
    /** 401 at once, every time. */
    FLAT,
    /** 401, after a delay that grows by 400 ms with every failure past the fifth. */
    GROWING,
    /** 401, then from the sixth failure 403 with an "account locked" message. */
    LOCK_MESSAGE
  }

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final String user;
  private final String password;
  private final Mode mode;
  private final String token = UUID.randomUUID().toString();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();

  LoginServer(String host, String user, String password, Mode mode) throws IOException {
    this.user = user;
    this.password = password;
    this.mode = mode;
    server = HttpServer.create(new InetSocketAddress(host, 0), 16);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create(
        "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
  }

  /** Login requests received so far. */
  int logins() {
    return logins.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/api/v1/auth/login") && "POST".equals(ex.getRequestMethod())) {
        logins.incrementAndGet();
        JsonNode body = JSON.readTree(ex.getRequestBody().readNBytes(8192));
        if (user.equals(body.path("username").asText())
            && password.equals(body.path("password").asText())) {
          send(ex, 200, Map.of("token", token));
          return;
        }
        int n = failures.incrementAndGet();
        if (mode == Mode.GROWING && n > 5) {
          sleep(400L * (n - 5));
        }
        if (mode == Mode.LOCK_MESSAGE && n > 5) {
          send(ex, 403, Map.of("error", "account locked, try again later"));
          return;
        }
        send(ex, 401, Map.of("error", "invalid_credentials"));
      } else if (path.equals("/api/v1/travellers")) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (("Bearer " + token).equals(auth)) {
          send(ex, 200, Map.of("data", java.util.List.of(EhacData.traveller(7))));
        } else {
          ex.getResponseHeaders().add("WWW-Authenticate", "Bearer");
          send(ex, 401, Map.of("error", "unauthorized"));
        }
      } else {
        send(ex, 404, Map.of("error", "not_found"));
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange ex, int status, Object body) throws IOException {
    byte[] b = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
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
