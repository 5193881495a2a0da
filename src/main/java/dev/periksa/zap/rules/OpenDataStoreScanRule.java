package dev.periksa.zap.rules;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.httpclient.URI;
import org.parosproxy.paros.core.scanner.AbstractHostPlugin;
import org.parosproxy.paros.core.scanner.Alert;
import org.parosproxy.paros.core.scanner.Category;
import org.parosproxy.paros.network.HttpHeader;
import org.parosproxy.paros.network.HttpMessage;
import org.parosproxy.paros.network.HttpRequestHeader;

/**
 * 120101: a data store that answers without credentials ({@link HealthRule#OPEN_DATA_STORE}). Once
 * per host, at most two requests, none of which reads a record:
 *
 * <ol>
 *   <li>{@code GET /}: an Elasticsearch/OpenSearch banner (a version with "You Know, for Search" or
 *       the OpenSearch distribution), or an S3 service's {@code ListAllMyBucketsResult};
 *   <li>then the second signal: after a banner, {@code GET /_cat/indices?format=json} must answer a
 *       JSON array of indices (a catch-all page that echoes the banner does not); after a bucket
 *       list, {@code GET /<first bucket>?max-keys=1} must list it; when the root is neither, {@code
 *       GET /solr/admin/cores?action=STATUS&wt=json} must answer Solr's core status.
 * </ol>
 *
 * A bucket listing ZAP already fetched as a page ({@code ListBucketResult}) counts without a
 * request. Alert references: {@code 120101-1} search cluster, {@code -2} S3, {@code -3} Solr.
 */
public class OpenDataStoreScanRule extends AbstractHostPlugin {
  static final HealthRule RULE = HealthRule.OPEN_DATA_STORE;

  /** Alert reference of each kind of store. */
  static final String SEARCH_REF = RULE.id() + "-1";

  static final String S3_REF = RULE.id() + "-2";
  static final String SOLR_REF = RULE.id() + "-3";

  @Override
  public int getId() {
    return RULE.id();
  }

  @Override
  public String getName() {
    return RULE.name();
  }

  @Override
  public String getDescription() {
    return RULE.description();
  }

  @Override
  public int getCategory() {
    return Category.SERVER;
  }

  @Override
  public String getSolution() {
    return RULE.solution();
  }

  @Override
  public String getReference() {
    return RULE.reference();
  }

  @Override
  public int getRisk() {
    return RULE.risk();
  }

  @Override
  public int getCweId() {
    return RULE.cweId();
  }

  @Override
  public int getWascId() {
    return RULE.wascId();
  }

  @Override
  public Map<String, String> getAlertTags() {
    return Alerts.tags(RULE);
  }

  @Override
  public List<Alert> getExampleAlerts() {
    return Alerts.examples(RULE, "You Know, for Search");
  }

  @Override
  public void scan() {
    HttpMessage base = getBaseMsg();
    if (base == null) {
      return;
    }
    if (Messages.answered(base) && bucketPage(base)) {
      return;
    }
    HttpMessage root = get(base, "/");
    if (root == null) {
      return;
    }
    String rootBody = Messages.body(root);
    Optional<DataStoreReplies.SearchBanner> banner =
        ok(root) ? DataStoreReplies.searchBanner(rootBody) : Optional.empty();
    if (banner.isPresent()) {
      HttpMessage cat = get(base, "/_cat/indices?format=json&h=index,docs.count");
      if (cat != null && ok(cat)) {
        DataStoreReplies.indices(Messages.body(cat))
            .ifPresent(
                i ->
                    raise(
                        cat,
                        SEARCH_REF,
                        banner.get().describe(),
                        String.format(
                            "%s (cluster %s) answers anyone: GET / gives its banner and GET"
                                + " /_cat/indices lists %d indices holding %,d documents.",
                            banner.get().describe(),
                            banner.get().cluster(),
                            i.indices(),
                            i.documents())));
      }
      return;
    }
    Optional<List<String>> buckets =
        ok(root) ? DataStoreReplies.buckets(rootBody) : Optional.empty();
    if (buckets.isPresent()) {
      String first = buckets.get().isEmpty() ? null : buckets.get().get(0);
      HttpMessage listing = first == null ? null : get(base, "/" + encode(first) + "?max-keys=1");
      Optional<Integer> keys =
          listing != null && ok(listing)
              ? DataStoreReplies.objectKeys(Messages.body(listing))
              : Optional.empty();
      raise(
          root,
          S3_REF,
          "ListAllMyBucketsResult",
          "An S3 object store lists its "
              + buckets.get().size()
              + " buckets to anyone (GET / gives ListAllMyBucketsResult)"
              + (keys.isPresent()
                  ? "; GET /" + first + "?max-keys=1 lists its objects too."
                  : "."));
      return;
    }
    HttpMessage cores = get(base, "/solr/admin/cores?action=STATUS&wt=json");
    if (cores != null && ok(cores)) {
      DataStoreReplies.cores(Messages.body(cores))
          .ifPresent(
              c ->
                  raise(
                      cores,
                      SOLR_REF,
                      "\"responseHeader\"",
                      String.format(
                          "An Apache Solr node answers anyone: GET"
                              + " /solr/admin/cores?action=STATUS lists %d cores holding %,d"
                              + " documents.",
                          c.cores(), c.documents())));
    }
  }

  /** Whether the host's own page is a bucket listing (then it is alerted on, without a request). */
  private boolean bucketPage(HttpMessage base) {
    if (!ok(base)) {
      return false;
    }
    Optional<Integer> keys = DataStoreReplies.objectKeys(Messages.body(base));
    keys.ifPresent(
        k ->
            raise(
                base,
                S3_REF,
                "ListBucketResult",
                "An S3 bucket lists its objects to anyone (ListBucketResult naming "
                    + k
                    + " keys)."));
    return keys.isPresent();
  }

  private void raise(HttpMessage msg, String ref, String evidence, String otherInfo) {
    Alerts.describe(newAlert(), RULE)
        .setAlertRef(ref)
        .setUri(Alerts.maskedUri(msg))
        .setEvidence(evidence)
        .setOtherInfo(otherInfo)
        .setMessage(msg)
        .raise();
  }

  private static boolean ok(HttpMessage msg) {
    int s = msg.getResponseHeader().getStatusCode();
    return s >= 200 && s < 300;
  }

  /** A GET of a path on the base message's host; null when it could not be sent. */
  private HttpMessage get(HttpMessage base, String pathAndQuery) {
    if (isStop()) {
      return null;
    }
    try {
      URI b = base.getRequestHeader().getURI();
      int port = b.getPort();
      URI uri =
          new URI(
              b.getScheme() + "://" + b.getHost() + (port > 0 ? ":" + port : "") + pathAndQuery,
              true);
      HttpMessage msg = getNewMsg();
      msg.getRequestHeader().setMethod(HttpRequestHeader.GET);
      msg.getRequestHeader().setURI(uri);
      msg.getRequestHeader().setHeader(HttpHeader.CONTENT_TYPE, null);
      msg.getRequestHeader().setHeader(HttpHeader.CONTENT_LENGTH, null);
      msg.getRequestBody().setBody(new byte[0]);
      sendAndReceive(msg, false);
      return Messages.answered(msg) ? msg : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
