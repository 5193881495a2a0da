package dev.periksa.product;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Apache Solr: its system information ({@code /admin/info/system?wt=json}), its core status ({@code
 * /admin/cores?action=STATUS&wt=json}) and its own challenge. Each reader wants Solr's whole shape,
 * with the {@code responseHeader} every Solr JSON reply carries.
 */
public final class SolrReplies {
  private SolrReplies() {}

  /** What {@code /admin/info/system} says about the node. */
  public record Banner(String product, String version, String lucene, String mode) {
    /** "Apache Solr 9.10.1". */
    public String describe() {
      return product + " " + version;
    }
  }

  /** One core of the core status: its name, documents and index size in bytes. */
  public record Core(String name, long documents, long bytes) {}

  /**
   * The system information of a 2xx reply: a {@code responseHeader} object and both {@code
   * lucene.solr-spec-version} and {@code lucene.lucene-spec-version}.
   */
  public static Optional<Banner> systemInfo(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              Json lucene = j.path("lucene");
              if (!lucene.path("solr-spec-version").isText()
                  || !lucene.path("lucene-spec-version").isText()
                  || !j.path("responseHeader").isObject()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Banner(
                      "Apache Solr",
                      lucene.path("solr-spec-version").asText(""),
                      lucene.path("lucene-spec-version").asText(""),
                      j.path("mode").asText("")));
            });
  }

  /**
   * The cores of a 2xx core status: a {@code responseHeader} object and a {@code status} object
   * whose every core has a numeric {@code index.numDocs} (its name is its {@code name}, else its
   * key).
   */
  public static Optional<List<Core>> cores(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              Json status = j.path("status");
              if (!j.path("responseHeader").isObject() || !status.isObject()) {
                return Optional.empty();
              }
              List<Core> out = new ArrayList<>();
              for (Map.Entry<String, Json> core : status.fields().entrySet()) {
                Json index = core.getValue().path("index");
                if (!index.path("numDocs").isNumber()) {
                  return Optional.empty();
                }
                out.add(
                    new Core(
                        core.getValue().path("name").asText(core.getKey()),
                        index.path("numDocs").asLong(0),
                        index.path("sizeInBytes").asLong(0)));
              }
              return Optional.of(out);
            });
  }

  /** A secured node's refusal: 401 with Solr's own challenge, {@code Basic realm="solr"}. */
  public static boolean challenge(HttpReply r) {
    return r.status() == 401
        && r.header("www-authenticate")
            .map(h -> h.toLowerCase(Locale.ROOT).replace(" ", "").contains("realm=\"solr\""))
            .orElse(false);
  }

  /** What discovery knows Solr's system information by: the banner, or Solr's challenge. */
  public static boolean identifies(HttpReply info) {
    return systemInfo(info).isPresent() || challenge(info);
  }
}
