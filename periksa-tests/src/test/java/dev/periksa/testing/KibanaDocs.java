package dev.periksa.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Kibana's replies as its public API documentation shows them, served by a real local HTTP server
 * with the headers a Kibana sends. No Kibana can run here (it is in neither Maven Central nor
 * Debian), so these replies prove the Kibana check's parsing and wiring, not the check on a live
 * Kibana.
 *
 * <p>Sources: "Get Kibana's current status" ({@code GET /api/status}: the 200 example, the v7
 * format's {@code status.overall.state}, and the redacted reply unauthenticated callers get); "Find
 * objects API" ({@code GET /api/saved_objects/_find?type=index-pattern}, whose 7.x pages show the
 * list under {@code data}; the API itself names it {@code saved_objects}, with {@code page} and
 * {@code per_page}); "Get all data views" ({@code GET /api/data_views}); Kibana's error reply shape
 * ({@code statusCode}, {@code error}, {@code message}). The {@code kbn-name} header every reply
 * carries comes from Kibana's source (its HTTP lifecycle handlers), not from the documentation.
 */
public final class KibanaDocs {
  private KibanaDocs() {}

  /**
   * The documented 200 example of {@code GET /api/status} (v8 format); the documentation's example
   * is cut at the version block, whose keys here follow the documented schema.
   */
  public static final String STATUS =
      "{\"name\":\"kibana\",\"uuid\":\"5b2de169-2785-441b-ae8c-186a1936b17d\","
          + "\"version\":{\"number\":\"8.19.0\",\"build_hash\":\"abc123\",\"build_number\":1234,"
          + "\"build_snapshot\":false,\"build_flavor\":\"traditional\","
          + "\"build_date\":\"2026-04-30T12:00:00.000Z\"},"
          + "\"status\":{\"overall\":{\"level\":\"available\","
          + "\"summary\":\"All services are available\"},"
          + "\"core\":{\"elasticsearch\":{\"level\":\"available\","
          + "\"summary\":\"Elasticsearch is available\"},"
          + "\"savedObjects\":{\"level\":\"available\","
          + "\"summary\":\"SavedObjects service has completed migrations and is available\"}},"
          + "\"plugins\":{}},"
          + "\"metrics\":{\"collection_interval_in_millis\":5000,"
          + "\"elasticsearch_client\":{\"totalActiveSockets\":4,\"totalIdleSockets\":2,"
          + "\"totalQueuedRequests\":0},\"last_updated\":\"2026-04-30T12:00:05.000Z\"}}";

  /** The same status in the v7 format ({@code state} instead of {@code level}). */
  public static final String STATUS_V7 =
      "{\"name\":\"kibana\",\"uuid\":\"5b2de169-2785-441b-ae8c-186a1936b17d\","
          + "\"version\":{\"number\":\"7.17.0\",\"build_hash\":\"abc123\",\"build_number\":1234,"
          + "\"build_snapshot\":false},"
          + "\"status\":{\"overall\":{\"state\":\"green\",\"title\":\"Green\","
          + "\"nickname\":\"Looking good\",\"icon\":\"success\",\"uiColor\":\"secondary\","
          + "\"since\":\"2026-04-30T12:00:00.000Z\"},\"statuses\":[]},\"metrics\":{}}";

  /** What unauthenticated callers get when the status page is public: the overall level only. */
  public static final String STATUS_REDACTED =
      "{\"status\":{\"overall\":{\"level\":\"available\"}}}";

  /** The find API as it answers, with e-HAC index patterns. */
  public static final String FIND_EHAC =
      "{\"page\":1,\"per_page\":5,\"total\":2,\"saved_objects\":["
          + "{\"type\":\"index-pattern\",\"id\":\"ehac-travellers\",\"namespaces\":[\"default\"],"
          + "\"attributes\":{\"title\":\"ehac-travellers*\"},\"references\":[],"
          + "\"updated_at\":\"2021-08-01T00:00:00.000Z\",\"version\":\"WzEsMV0=\"},"
          + "{\"type\":\"index-pattern\",\"id\":\"ehac-hospitals\",\"namespaces\":[\"default\"],"
          + "\"attributes\":{\"title\":\"ehac-hospitals\"},\"references\":[],"
          + "\"updated_at\":\"2021-08-01T00:00:00.000Z\",\"version\":\"WzIsMV0=\"}]}";

  /** The find API's documented example (7.x pages: the list under {@code data}). */
  public static final String FIND_DOCUMENTED =
      "{\"total\":1,\"data\":[{\"id\":\"my-pattern\",\"type\":\"index-pattern\",\"version\":1,"
          + "\"attributes\":{\"title\":\"my-pattern-*\"}}]}";

  /** The find API on a Kibana without any index pattern. */
  public static final String FIND_NONE =
      "{\"page\":1,\"per_page\":5,\"total\":0,\"saved_objects\":[]}";

  /** The documented example of {@code GET /api/data_views}. */
  public static final String DATA_VIEWS =
      "{\"data_view\":["
          + "{\"id\":\"ff959d40-b880-11e8-a6d9-e546fe2bba5f\",\"namespaces\":[\"default\"],"
          + "\"title\":\"kibana_sample_data_ecommerce\",\"typeMeta\":{},"
          + "\"name\":\"Kibana Sample Data eCommerce\"},"
          + "{\"id\":\"d3d7af60-4c81-11e8-b3d7-01146121b73d\",\"namespaces\":[\"default\"],"
          + "\"title\":\"kibana_sample_data_flights\",\"name\":\"Kibana Sample Data Flights\"},"
          + "{\"id\":\"90943e30-9a47-11e8-b64d-95841ca0b247\",\"namespaces\":[\"default\"],"
          + "\"title\":\"kibana_sample_data_logs\",\"name\":\"Kibana Sample Data Logs\"}]}";

  /** Kibana's reply to an API request without a login when security is on. */
  public static final String UNAUTHORIZED =
      "{\"statusCode\":401,\"error\":\"Unauthorized\",\"message\":\"Unauthorized\"}";

  /** Kibana's reply to an unknown path. */
  public static final String NOT_FOUND =
      "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}";

  /** A reply with headers; JSON unless the headers say otherwise. */
  public record Reply(int status, String body, Map<String, String> headers) {
    public Reply(int status, String body) {
      this(status, body, Map.of());
    }
  }

  /** Kibana's own reply: JSON with its {@code kbn-name} header. */
  public static Reply kibana(int status, String body) {
    return new Reply(status, body, Map.of("kbn-name", "kibana"));
  }

  /** A redirect to Kibana's login page, as a browser-facing Kibana with security on sends. */
  public static Reply loginRedirect() {
    return new Reply(
        302, "", Map.of("kbn-name", "kibana", "Location", "/login?next=%2Fapi%2Fstatus"));
  }

  /** Serves the listed paths (exact match, query ignored) and Kibana's 404 elsewhere. */
  public static TestServers.Running serve(String host, Map<String, Reply> replies)
      throws IOException {
    return serve(host, replies, kibana(404, NOT_FOUND));
  }

  /** Serves the listed paths (exact match, query ignored) and a default elsewhere. */
  public static TestServers.Running serve(String host, Map<String, Reply> replies, Reply otherwise)
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
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
              try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
              }
            }
          }
        });
    s.start();
    return new TestServers.Running(s);
  }
}
