package dev.periksa.product;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Kibana and OpenSearch Dashboards: the status API ({@code /api/status}), the saved index patterns
 * and data views, and the app's refusals (its own 401, or a redirect to its login page).
 */
public final class KibanaReplies {
  private KibanaReplies() {}

  /** What {@code /api/status} says: product, version and overall status (v8 level or v7 state). */
  public record Banner(String product, String version, String overall) {
    /** "Kibana 8.19.0", or the product alone when the status hides the version. */
    public String describe() {
      return version.isEmpty() ? product : product + " " + version;
    }
  }

  /** An index pattern or data view, by title; {@code raw} is what was read of it, as JSON. */
  public record View(String title, String raw) {}

  /**
   * The status of a 2xx reply: a non-empty {@code status.overall.level} (Kibana 8) or {@code state}
   * (Kibana 7). OpenSearch Dashboards names itself in its {@code osd-name} header.
   */
  public static Optional<Banner> status(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              Json overall = j.path("status").path("overall");
              String level =
                  overall.path("level").isText()
                      ? overall.path("level").asText("")
                      : overall.path("state").asText("");
              if (level.isEmpty()) {
                return Optional.empty();
              }
              String product =
                  r.header("osd-name").isPresent() ? "OpenSearch Dashboards" : "Kibana";
              return Optional.of(
                  new Banner(product, j.path("version").path("number").asText(""), level));
            });
  }

  /**
   * The first {@code max} views of a 2xx saved-objects reply ({@code saved_objects}, or {@code
   * data} with a {@code total} as older documentation shows it) or data-views reply ({@code
   * data_view}); every item must have a title.
   */
  public static Optional<List<View>> views(HttpReply r, int max) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              Json items;
              if (j.path("saved_objects").isArray()) {
                items = j.path("saved_objects");
              } else if (j.path("data").isArray() && j.has("total")) {
                items = j.path("data");
              } else if (j.path("data_view").isArray()) {
                items = j.path("data_view");
              } else {
                return Optional.empty();
              }
              List<View> out = new ArrayList<>();
              for (Json item : items.elements()) {
                String title =
                    item.path("attributes").path("title").isText()
                        ? item.path("attributes").path("title").asText("")
                        : item.path("title").asText(null);
                if (title == null) {
                  return Optional.empty();
                }
                if (out.size() < max) {
                  out.add(new View(title, item.toString()));
                }
              }
              return Optional.of(out);
            });
  }

  /** The {@code total} a saved-objects reply gives, when it gives one. */
  public static Optional<Long> total(HttpReply r) {
    return r.json().map(j -> j.path("total")).filter(Json::isNumber).map(t -> t.asLong(0));
  }

  /**
   * Kibana's own refusal: 401 with its name header ({@code kbn-name}, or {@code osd-name}) and its
   * JSON error with {@code statusCode} 401.
   */
  public static boolean unauthorized(HttpReply r) {
    boolean named = r.header("kbn-name").isPresent() || r.header("osd-name").isPresent();
    return r.status() == 401
        && named
        && r.json().map(j -> j.path("statusCode").asLong(0) == 401).orElse(false);
  }

  /** 401 or 403, or a redirect to a login page: the app wants a login. */
  public static boolean loginWall(HttpReply r) {
    if (r.isRefusal()) {
      return true;
    }
    if (r.status() < 300 || r.status() > 399) {
      return false;
    }
    return r.header("location")
        .map(
            l -> {
              try {
                String path = URI.create(l.trim()).getPath();
                return path != null && path.toLowerCase(Locale.ROOT).contains("/login");
              } catch (IllegalArgumentException ex) {
                return false;
              }
            })
        .orElse(false);
  }

  /** What discovery knows Kibana's status API by: its status, or its own refusal. */
  public static boolean identifies(HttpReply status) {
    return status(status).isPresent() || unauthorized(status);
  }
}
