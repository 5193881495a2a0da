package dev.periksa.product;

import java.util.List;
import java.util.Optional;

/**
 * Elasticsearch and OpenSearch: the root banner ({@code GET /}), the index listing ({@code
 * _cat/indices?format=json}) and the product's own error shapes. Each reader wants the whole shape,
 * not a word: a page that merely mentions "You Know, for Search" is not a cluster.
 */
public final class SearchClusterReplies {
  private SearchClusterReplies() {}

  /** What {@code GET /} of an Elasticsearch-family node says about itself. */
  public record Banner(String product, String version, String cluster) {
    /** "OpenSearch 2.19.6". */
    public String describe() {
      return product + (version.isEmpty() ? "" : " " + version);
    }
  }

  /** One row of {@code _cat/indices?format=json}: documents and bytes are 0 when not given. */
  public record Index(String name, long documents, long bytes) {}

  /**
   * The banner of a 2xx root: a JSON object naming a {@code version.number}, with {@code
   * version.distribution} "opensearch" (OpenSearch 2 has its own tagline) or the tagline "You Know,
   * for Search" (Elasticsearch, OpenSearch 1).
   */
  public static Optional<Banner> banner(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              Json v = j.path("version");
              if (!v.path("number").isText()) {
                return Optional.empty();
              }
              String number = v.path("number").asText("");
              String cluster = j.path("cluster_name").asText("");
              if ("opensearch".equals(v.path("distribution").asText(""))) {
                return Optional.of(new Banner("OpenSearch", number, cluster));
              }
              if (j.path("tagline").asText("").contains("You Know, for Search")) {
                return Optional.of(new Banner("Elasticsearch", number, cluster));
              }
              return Optional.empty();
            });
  }

  /**
   * A 2xx index listing: a JSON array whose every row names its {@code index}; {@code docs.count}
   * and {@code store.size} are read as numbers or as the strings {@code _cat} gives them.
   */
  public static Optional<List<Index>> indices(HttpReply r) {
    return r.rows(
        row ->
            row.path("index").isText()
                ? Optional.of(
                    new Index(
                        row.path("index").asText(""),
                        row.path("docs.count").asLong(0),
                        row.path("store.size").asLong(0)))
                : Optional.empty());
  }

  /** The {@code error.type} of an Elasticsearch-family error reply, if it is one. */
  public static Optional<String> errorType(HttpReply r) {
    return r.json().map(j -> j.path("error").path("type").asText("")).filter(s -> !s.isEmpty());
  }

  /**
   * The product's own error on an invented path: 404 with an Elasticsearch-family {@code
   * error.type} and a {@code status}.
   */
  public static boolean notFound(HttpReply r) {
    return r.status() == 404
        && r.json()
            .map(j -> j.path("error").path("type").isText() && j.has("status"))
            .orElse(false);
  }

  /** A secured cluster's refusal: 401 or 403 with {@code error.type} "security_exception". */
  public static boolean securityRefusal(HttpReply r) {
    return r.isRefusal() && errorType(r).map("security_exception"::equals).orElse(false);
  }

  /** What discovery knows a cluster's root by: its banner, or its security plugin's refusal. */
  public static boolean identifies(HttpReply root) {
    return banner(root).isPresent() || securityRefusal(root);
  }
}
