package dev.periksa.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.lab.FleetServer.Reply;
import dev.periksa.lab.FleetServer.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated Elasticsearch 7 or OpenSearch 2 node for the fleet lab: the REST replies a single
 * node gives to what Periksa's search-cluster check and discovery ask ({@code GET /}, {@code
 * _cat/indices}, {@code _search}, {@code _cluster/health}, {@code _count}, an index's own page, the
 * product's errors), shaped as the real products shape them. It is not the real server the checks
 * are proven on (the demo lab runs a real OpenSearch node for that); it exists so a thousand
 * clusters fit in one JVM for scale measurement.
 *
 * <p>Documents are made on demand from {@link EhacData} (synthetic travellers with NIK, passport,
 * phone and test result), so a cluster costs a few fields whatever its announced size. A protected
 * node answers every request without credentials with 401, {@code WWW-Authenticate: Basic} and the
 * security plugin's {@code security_exception}, as Elasticsearch security does.
 */
final class FleetSearchCluster implements FleetServer.Handler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CHALLENGE = "Basic realm=\"security\" charset=\"UTF-8\"";

  /** Which product the node is. */
  enum Product {
    ELASTICSEARCH,
    OPENSEARCH
  }

  private final Product product;
  private final String cluster;
  private final String uuid;
  private final boolean secured;
  private final int firstTraveller;
  private final int travellers;

  /**
   * @param firstTraveller the {@link EhacData} index of this node's first traveller
   * @param travellers documents its travellers' index announces and serves
   */
  FleetSearchCluster(
      Product product, String cluster, boolean secured, int firstTraveller, int travellers) {
    this.product = product;
    this.cluster = cluster;
    this.secured = secured;
    this.firstTraveller = firstTraveller;
    this.travellers = travellers;
    this.uuid = Long.toHexString(((long) firstTraveller << 20) ^ 0x5EA2C4L) + "Xq7vQ";
  }

  @Override
  public Reply answer(Request r) {
    if (secured) {
      return refusal(r);
    }
    String path =
        r.path().length() > 1 && r.path().endsWith("/")
            ? r.path().substring(0, r.path().length() - 1)
            : r.path();
    String[] seg = path.equals("/") ? new String[0] : path.substring(1).split("/");
    boolean read = r.method().equals("GET") || r.method().equals("HEAD");
    boolean search = read || r.method().equals("POST");
    if (seg.length == 0 && read) {
      return json(200, banner());
    }
    if (seg.length == 2 && seg[0].equals("_cat") && seg[1].equals("indices") && read) {
      return catIndices(r);
    }
    if (seg.length == 2 && seg[0].equals("_cat") && seg[1].equals("health") && read) {
      return text(
          200,
          System.currentTimeMillis() / 1000
              + " 00:00:00 "
              + cluster
              + " yellow 1 1 2 2 0 0 2 0 - 50.0%\n");
    }
    if (seg.length == 2 && seg[0].equals("_cluster") && seg[1].equals("health") && read) {
      return json(200, health());
    }
    if (seg.length == 1 && seg[0].equals("_search") && search) {
      return json(200, search(null, r));
    }
    if (seg.length >= 1 && !seg[0].startsWith("_")) {
      String index = seg[0];
      if (!exists(index)) {
        return json(404, indexNotFound(index));
      }
      if (seg.length == 1 && read) {
        return json(200, Map.of(index, indexInfo(index)));
      }
      if (seg.length == 2 && seg[1].equals("_search") && search) {
        return json(200, search(index, r));
      }
      if (seg.length == 2 && seg[1].equals("_count") && search) {
        return json(200, Map.of("count", documents(index), "_shards", shards()));
      }
      if (seg.length == 2 && seg[1].equals("_mapping") && read) {
        return json(200, Map.of(index, Map.of("mappings", indexInfo(index).get("mappings"))));
      }
    }
    return json(
        400,
        Map.of(
            "error",
            "no handler found for uri [" + r.path() + "] and method [" + r.method() + "]"));
  }

  private Reply refusal(Request r) {
    Map<String, Object> cause = new LinkedHashMap<>();
    cause.put("type", "security_exception");
    cause.put("reason", "missing authentication credentials for REST request [" + r.path() + "]");
    cause.put("header", Map.of("WWW-Authenticate", CHALLENGE));
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("root_cause", List.of(cause));
    error.putAll(cause);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("status", 401);
    return new Reply(
        401,
        "application/json; charset=UTF-8",
        bytes(body),
        Map.of("WWW-Authenticate", CHALLENGE),
        0);
  }

  private Map<String, Object> banner() {
    Map<String, Object> v = new LinkedHashMap<>();
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", cluster + "-1");
    b.put("cluster_name", cluster);
    b.put("cluster_uuid", uuid);
    if (product == Product.OPENSEARCH) {
      v.put("distribution", "opensearch");
      v.put("number", "2.11.1");
      v.put("build_type", "tar");
      v.put("build_hash", "6b1986e964d440be9137eba1413015c31c5a7752");
      v.put("build_date", "2023-11-29T21:43:10.135035992Z");
      v.put("build_snapshot", false);
      v.put("lucene_version", "9.7.0");
      v.put("minimum_wire_compatibility_version", "7.10.0");
      v.put("minimum_index_compatibility_version", "7.0.0");
      b.put("version", v);
      b.put("tagline", "The OpenSearch Project: https://opensearch.org/");
    } else {
      v.put("number", "7.10.2");
      v.put("build_flavor", "default");
      v.put("build_type", "docker");
      v.put("build_hash", "747e1cc71def077253878a59143c1f785afa92b9");
      v.put("build_date", "2021-01-13T00:42:12.435326Z");
      v.put("build_snapshot", false);
      v.put("lucene_version", "8.7.0");
      v.put("minimum_wire_compatibility_version", "6.8.0");
      v.put("minimum_index_compatibility_version", "6.0.0-beta1");
      b.put("version", v);
      b.put("tagline", "You Know, for Search");
    }
    return b;
  }

  private boolean exists(String index) {
    return index.equals(EhacData.TRAVELLERS_INDEX) || index.equals(EhacData.HOSPITALS_INDEX);
  }

  private int documents(String index) {
    return index.equals(EhacData.TRAVELLERS_INDEX) ? travellers : EhacData.HOSPITALS;
  }

  /** Rough store size: what the real node reports is of the same order. */
  private long bytesOf(String index) {
    return documents(index) * (index.equals(EhacData.TRAVELLERS_INDEX) ? 610L : 190L);
  }

  /** {@code _cat/indices}: JSON rows of strings ({@code format=json}) or the text table. */
  private Reply catIndices(Request r) {
    List<String> columns =
        r.query().containsKey("h")
            ? List.of(r.query().get("h").split(","))
            : List.of(
                "health",
                "status",
                "index",
                "uuid",
                "pri",
                "rep",
                "docs.count",
                "docs.deleted",
                "store.size",
                "pri.store.size");
    boolean inBytes = "b".equals(r.query().get("bytes"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String index : List.of(EhacData.TRAVELLERS_INDEX, EhacData.HOSPITALS_INDEX)) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (String c : columns) {
        row.put(c, cat(c.trim(), index, inBytes));
      }
      rows.add(row);
    }
    if ("json".equals(r.query().get("format"))) {
      return json(200, rows);
    }
    StringBuilder b = new StringBuilder();
    for (Map<String, Object> row : rows) {
      b.append(String.join(" ", row.values().stream().map(String::valueOf).toList())).append('\n');
    }
    return text(200, b.toString());
  }

  private String cat(String column, String index, boolean inBytes) {
    long size = bytesOf(index);
    String shown = inBytes ? Long.toString(size) : String.format("%.1fkb", size / 1024.0);
    return switch (column) {
      case "health" -> "yellow";
      case "status" -> "open";
      case "index", "i" -> index;
      case "uuid" -> uuid + index.length();
      case "pri" -> "1";
      case "rep" -> "1";
      case "docs.count", "dc" -> Integer.toString(documents(index));
      case "docs.deleted" -> "0";
      case "store.size", "ss", "pri.store.size" -> shown;
      default -> "";
    };
  }

  private Map<String, Object> health() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("cluster_name", cluster);
    h.put("status", "yellow");
    h.put("timed_out", false);
    h.put("number_of_nodes", 1);
    h.put("number_of_data_nodes", 1);
    h.put("active_primary_shards", 2);
    h.put("active_shards", 2);
    h.put("relocating_shards", 0);
    h.put("initializing_shards", 0);
    h.put("unassigned_shards", 2);
    h.put("delayed_unassigned_shards", 0);
    h.put("number_of_pending_tasks", 0);
    h.put("number_of_in_flight_fetch", 0);
    h.put("task_max_waiting_in_queue_millis", 0);
    h.put("active_shards_percent_as_number", 50.0);
    return h;
  }

  /** A search: the first {@code size} documents from {@code from} (no query is evaluated). */
  private Map<String, Object> search(String index, Request r) {
    int size = intParam(r, "size", 10, 0, 100);
    int from = intParam(r, "from", 0, 0, Integer.MAX_VALUE);
    List<String> indices =
        index != null
            ? List.of(index)
            : List.of(EhacData.TRAVELLERS_INDEX, EhacData.HOSPITALS_INDEX);
    long total = 0;
    List<Map<String, Object>> hits = new ArrayList<>();
    for (String idx : indices) {
      int n = documents(idx);
      total += n;
      for (int k = from; k < n && hits.size() < size; k++) {
        Map<String, Object> hit = new LinkedHashMap<>();
        hit.put("_index", idx);
        if (product == Product.ELASTICSEARCH) {
          hit.put("_type", "_doc");
        }
        Map<String, Object> source;
        if (idx.equals(EhacData.TRAVELLERS_INDEX)) {
          source = EhacData.traveller(firstTraveller + k);
          hit.put("_id", source.get("id_ehac"));
        } else {
          source = EhacData.hospital(k);
          hit.put("_id", source.get("rs_id"));
        }
        hit.put("_score", 1.0);
        hit.put("_source", source);
        hits.add(hit);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("took", 2);
    body.put("timed_out", false);
    body.put("_shards", shards());
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("total", Map.of("value", total, "relation", "eq"));
    h.put("max_score", hits.isEmpty() ? null : 1.0);
    h.put("hits", hits);
    body.put("hits", h);
    return body;
  }

  private static int intParam(Request r, String name, int dflt, int min, int max) {
    try {
      int v = Integer.parseInt(r.query().getOrDefault(name, Integer.toString(dflt)));
      return Math.max(min, Math.min(max, v));
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  private static Map<String, Object> shards() {
    return Map.of("total", 1, "successful", 1, "skipped", 0, "failed", 0);
  }

  private Map<String, Object> indexInfo(String index) {
    Map<String, Object> settings =
        Map.of(
            "index",
            Map.of(
                "number_of_shards",
                "1",
                "number_of_replicas",
                "1",
                "uuid",
                uuid + index.length(),
                "provided_name",
                index));
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("aliases", Map.of());
    info.put("mappings", Map.of("dynamic", "true"));
    info.put("settings", settings);
    return info;
  }

  private static Map<String, Object> indexNotFound(String index) {
    Map<String, Object> cause = new LinkedHashMap<>();
    cause.put("type", "index_not_found_exception");
    cause.put("reason", "no such index [" + index + "]");
    cause.put("resource.type", "index_or_alias");
    cause.put("resource.id", index);
    cause.put("index_uuid", "_na_");
    cause.put("index", index);
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("root_cause", List.of(cause));
    error.putAll(cause);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("status", 404);
    return body;
  }

  private static Reply json(int status, Object body) {
    return new Reply(status, "application/json; charset=UTF-8", bytes(body), Map.of(), 0);
  }

  private static Reply text(int status, String body) {
    return new Reply(
        status,
        "text/plain; charset=UTF-8",
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Map.of(),
        0);
  }

  static byte[] bytes(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
