package dev.periksa.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;

/**
 * An exposed Kibana over patient data. A real OpenSearch node holds synthetic e-HAC travellers on
 * the internal address (out of both twins' scope, as a cluster behind its console usually is); in
 * front of it, each twin runs a console that speaks Kibana's HTTP API as Kibana documents it:
 * {@code /api/status} with the cluster's real health, the saved index patterns and data views (one
 * per real index), and the Dev Tools console proxy that forwards a request to the cluster.
 *
 * <p>No Kibana can run here (it is in neither Maven Central nor Debian), so the console is this
 * lab's own, built on Kibana's documented API; the cluster behind it is real. The legacy console
 * answers anyone, in clear, as Kibana without security does; the hardened one speaks HTTPS only and
 * answers 401 to every API request without a login, as Kibana with security on does (its status
 * page redacted to the overall level, which Kibana may show to anyone).
 */
public final class KibanaLab implements LabService {
  public static final String LEGACY_URL = "PERIKSA_LAB_LEGACY_KIBANA";
  public static final String HARDENED_URL = "PERIKSA_LAB_HARDENED_KIBANA";

  /** The Kibana version the console reports. */
  static final String VERSION = "8.19.0";

  /** Travellers loaded: the console's danger does not grow with the count. */
  private static final int MAX_RECORDS = 2_000;

  private SearchNode node;
  private Console legacy;
  private Console hardened;

  @Override
  public String name() {
    return "Kibana console (Kibana's HTTP API over OpenSearch 2.19.6)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    long t0 = System.nanoTime();
    node =
        SearchNode.start(
            ctx.dir().resolve("kibana-opensearch"),
            "patients",
            List.of(ctx.internalHost()),
            ctx.internalHost());
    EhacLoader.load(node.client(), Math.min(ctx.records(), MAX_RECORDS), ctx::progress);
    ctx.progress(
        String.format(
            "  OpenSearch up and loaded on the internal address in %.1f s",
            (System.nanoTime() - t0) / 1e9));
    URI cluster =
        URI.create("http://" + ctx.internalHost() + ":" + node.httpPort(ctx.internalHost()));
    legacy = new Console(ctx.legacyHost(), null, cluster, null);
    hardened =
        new Console(
            ctx.hardenedHost(),
            ctx.serverTls("kibana.hardened.lab", ctx.hardenedHost()),
            cluster,
            LabContext.HARDENED_USER + ":" + ctx.secret("hardened"));
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_URL, legacy.url().toString());
    v.put(HARDENED_URL, hardened.url().toString());
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   kibana   " + legacy.url() + "  (answers anyone, console proxy included)",
        "hardened kibana   " + hardened.url() + "  (HTTPS, login on every API request)");
  }

  @Override
  public void close() throws Exception {
    try {
      if (legacy != null) {
        legacy.close();
      }
      if (hardened != null) {
        hardened.close();
      }
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }

  /** One console: Kibana's HTTP API, with or without a login. */
  static final class Console implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService pool;
    private final HttpClient client;
    private final URI cluster;
    private final byte[] expectedAuth;
    private final String uuid = UUID.randomUUID().toString();
    private final URI url;

    /**
     * @param tls HTTPS when given, plain HTTP when null
     * @param credentials {@code user:password} every API request needs, or null for none
     */
    Console(String host, SSLContext tls, URI cluster, String credentials) throws IOException {
      this.cluster = cluster;
      this.expectedAuth =
          credentials == null
              ? null
              : ("Basic "
                      + Base64.getEncoder()
                          .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                  .getBytes(StandardCharsets.UTF_8);
      this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      server = LabHttp.create(host, tls);
      pool = LabHttp.daemonPool(4, "kibana-console");
      server.setExecutor(pool);
      server.createContext("/", this::handle);
      server.start();
      url =
          URI.create(
              (tls == null ? "http" : "https")
                  + "://"
                  + host
                  + ":"
                  + server.getAddress().getPort());
    }

    URI url() {
      return url;
    }

    private void handle(HttpExchange ex) throws IOException {
      try (ex) {
        byte[] body = ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().add("kbn-name", "kibana");
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        String path = ex.getRequestURI().getPath();
        boolean loggedIn =
            expectedAuth == null
                || MessageDigest.isEqual(
                    String.valueOf(ex.getRequestHeaders().getFirst("Authorization"))
                        .getBytes(StandardCharsets.UTF_8),
                    expectedAuth);
        if (path.equals("/") || path.equals("/app/home") || path.equals("/login")) {
          page(ex, path, loggedIn);
          return;
        }
        if (!loggedIn) {
          if (path.equals("/api/status")) {
            send(ex, 200, "{\"status\":{\"overall\":{\"level\":\"available\"}}}");
          } else {
            send(ex, 401, error(401, "Unauthorized", "Unauthorized"));
          }
          return;
        }
        switch (path) {
          case "/api/status" -> send(ex, 200, status());
          case "/api/saved_objects/_find" -> send(ex, 200, savedObjects());
          case "/api/data_views" -> send(ex, 200, dataViews());
          case "/api/console/proxy" -> proxy(ex, body);
          default -> send(ex, 404, error(404, "Not Found", "Not Found"));
        }
      } catch (IOException | RuntimeException e) {
        // The client went away, or the cluster did not answer: what a console would log.
      }
    }

    /**
     * The browser's way in, as Kibana answers it: the root redirects to the home app, or to the
     * login page when a login is needed; both are the app's HTML shell.
     */
    private void page(HttpExchange ex, String path, boolean loggedIn) throws IOException {
      if (path.equals("/")) {
        ex.getResponseHeaders().set("Location", loggedIn ? "/app/home" : "/login?next=%2F");
        send(ex, 302, "");
        return;
      }
      if (path.equals("/app/home") && !loggedIn) {
        ex.getResponseHeaders().set("Location", "/login?next=%2Fapp%2Fhome");
        send(ex, 302, "");
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
      send(
          ex,
          200,
          "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Elastic</title>"
              + "</head><body><div id=\"kibana-body\" data-test-subj=\"kibanaChrome\">"
              + "<div class=\"kbnWelcomeView\"><div class=\"kbnWelcomeTitle\">Please upgrade"
              + " your browser</div></div></div></body></html>");
    }

    private String status() throws IOException {
      JsonNode health = cluster("GET", "/_cluster/health", null);
      String level =
          switch (health.path("status").asText("red")) {
            case "green", "yellow" -> "available";
            default -> "degraded";
          };
      ObjectNode s = JSON.createObjectNode();
      s.put("name", "kibana");
      s.put("uuid", uuid);
      ObjectNode version = s.putObject("version");
      version.put("number", VERSION);
      version.put("build_flavor", "traditional");
      version.put("build_snapshot", false);
      ObjectNode status = s.putObject("status");
      status.putObject("overall").put("level", level).put("summary", "All services are available");
      status
          .putObject("core")
          .putObject("elasticsearch")
          .put("level", level)
          .put("summary", "Elasticsearch is " + level);
      return s.toString();
    }

    /** One index pattern per real index of the cluster (system indices left out). */
    private List<String> indices() throws IOException {
      List<String> out = new ArrayList<>();
      for (JsonNode i : cluster("GET", "/_cat/indices?format=json&h=index", null)) {
        String name = i.path("index").asText();
        if (!name.startsWith(".")) {
          out.add(name);
        }
      }
      out.sort(null);
      return out;
    }

    private String savedObjects() throws IOException {
      List<String> names = indices();
      ObjectNode r = JSON.createObjectNode();
      r.put("page", 1);
      r.put("per_page", names.size());
      r.put("total", names.size());
      ArrayNode list = r.putArray("saved_objects");
      for (String n : names) {
        ObjectNode o = list.addObject();
        o.put("type", "index-pattern");
        o.put("id", n);
        o.putArray("namespaces").add("default");
        o.putObject("attributes").put("title", n + "*");
        o.putArray("references");
      }
      return r.toString();
    }

    private String dataViews() throws IOException {
      ObjectNode r = JSON.createObjectNode();
      ArrayNode list = r.putArray("data_view");
      for (String n : indices()) {
        list.addObject().put("id", n).put("title", n + "*").put("name", n);
      }
      return r.toString();
    }

    /** Dev Tools: {@code POST /api/console/proxy?path=...&method=GET} with {@code kbn-xsrf}. */
    private void proxy(HttpExchange ex, byte[] body) throws IOException {
      if (!"POST".equals(ex.getRequestMethod())
          || ex.getRequestHeaders().getFirst("kbn-xsrf") == null) {
        send(ex, 400, error(400, "Bad Request", "Request must contain a kbn-xsrf header."));
        return;
      }
      Map<String, String> q = new LinkedHashMap<>();
      String raw = ex.getRequestURI().getRawQuery();
      for (String kv : raw == null ? new String[0] : raw.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          q.put(
              kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      String path = q.getOrDefault("path", "/");
      String method = q.getOrDefault("method", "GET");
      HttpResponse<byte[]> res = forward(method, path.startsWith("/") ? path : "/" + path, body);
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      LabHttp.send(ex, res.statusCode(), res.body());
    }

    private JsonNode cluster(String method, String path, byte[] body) throws IOException {
      return JSON.readTree(forward(method, path, body).body());
    }

    private HttpResponse<byte[]> forward(String method, String path, byte[] body)
        throws IOException {
      HttpRequest.Builder req =
          HttpRequest.newBuilder(cluster.resolve(path))
              .timeout(Duration.ofSeconds(20))
              .header("Content-Type", "application/json")
              .method(
                  method,
                  body == null || body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        return client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    private static String error(int status, String error, String message) {
      return JSON.createObjectNode()
          .put("statusCode", status)
          .put("error", error)
          .put("message", message)
          .toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
      LabHttp.send(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }
}
