package dev.periksa.product;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Apache CouchDB: its welcome banner ({@code GET /}), its database list ({@code GET /_all_dbs}), a
 * database's information and CouchDB's own errors ({@code {"error": ..., "reason": ...}}).
 */
public final class CouchDbReplies {
  private CouchDbReplies() {}

  /** What {@code GET /} of a CouchDB server says about itself. */
  public record Banner(String version, String vendor) {}

  /** The banner of a 2xx root: {@code {"couchdb": "Welcome", "version": ...}}. */
  public static Optional<Banner> welcome(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .filter(j -> "welcome".equalsIgnoreCase(j.path("couchdb").asText("")))
        .filter(j -> j.path("version").isText())
        .map(
            j ->
                new Banner(j.path("version").asText(""), j.path("vendor").path("name").asText("")));
  }

  /** A 2xx {@code _all_dbs}: a JSON array of database names, nothing else. */
  public static Optional<List<String>> databases(HttpReply r) {
    return r.rows(n -> n.isText() ? Optional.of(n.asText("")) : Optional.empty());
  }

  /** The {@code doc_count} of a 2xx database information reply ({@code GET /<db>}). */
  public static OptionalLong documentCount(HttpReply r) {
    if (!r.isSuccess()) {
      return OptionalLong.empty();
    }
    return r.json()
        .map(j -> j.path("doc_count"))
        .filter(Json::isNumber)
        .map(n -> OptionalLong.of(n.asLong(0)))
        .orElse(OptionalLong.empty());
  }

  /** CouchDB's refusal: 401 or 403 with {@code {"error":"unauthorized"|"forbidden"}}. */
  public static boolean refusal(HttpReply r) {
    String error = error(r);
    return r.isRefusal() && (error.equals("unauthorized") || error.equals("forbidden"));
  }

  /** CouchDB's own error for a database that does not exist: 404, {@code not_found}, a reason. */
  public static boolean notFound(HttpReply r) {
    return r.status() == 404
        && r.json()
            .map(j -> "not_found".equals(j.path("error").asText("")) && j.path("reason").isText())
            .orElse(false);
  }

  /** The {@code error} of a CouchDB error reply, or "". */
  public static String error(HttpReply r) {
    return r.json().map(j -> j.path("error").asText("")).orElse("");
  }

  /** The {@code reason} of a CouchDB error reply, or "". */
  public static String reason(HttpReply r) {
    return r.json().map(j -> j.path("reason").asText("")).orElse("");
  }

  /** What discovery knows a CouchDB root by: its welcome banner. */
  public static boolean identifies(HttpReply root) {
    return welcome(root).isPresent();
  }
}
