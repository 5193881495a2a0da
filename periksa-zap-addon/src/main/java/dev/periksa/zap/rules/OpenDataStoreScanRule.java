package dev.periksa.zap.rules;

import dev.periksa.product.HttpReply;
import dev.periksa.product.S3Replies;
import dev.periksa.product.SearchClusterReplies;
import dev.periksa.product.SolrReplies;
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
 * request. Each reply is read by the product's parser in {@code dev.periksa.product} ({@link
 * SearchClusterReplies}, {@link S3Replies}, {@link SolrReplies}), the same that Periksa's discovery
 * and checks use, so the rule and the checks agree on what a store is. Alert references: {@code
 * 120101-1} search cluster, {@code -2} S3, {@code -3} Solr.
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
    HttpReply rootReply = Messages.reply(root);
    Optional<SearchClusterReplies.Banner> banner = SearchClusterReplies.banner(rootReply);
    if (banner.isPresent()) {
      HttpMessage cat = get(base, "/_cat/indices?format=json&h=index,docs.count");
      if (cat != null) {
        SearchClusterReplies.indices(Messages.reply(cat))
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
                            i.size(),
                            i.stream().mapToLong(SearchClusterReplies.Index::documents).sum())));
      }
      return;
    }
    Optional<List<String>> buckets = S3Replies.buckets(rootReply);
    if (buckets.isPresent()) {
      String first = buckets.get().isEmpty() ? null : buckets.get().get(0);
      HttpMessage listing = first == null ? null : get(base, "/" + encode(first) + "?max-keys=1");
      Optional<S3Replies.Listing> keys =
          listing == null ? Optional.empty() : S3Replies.listing(Messages.reply(listing), first);
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
    if (cores != null) {
      SolrReplies.cores(Messages.reply(cores))
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
                          c.size(), c.stream().mapToLong(SolrReplies.Core::documents).sum())));
    }
  }

  /** Whether the host's own page is a bucket listing (then it is alerted on, without a request). */
  private boolean bucketPage(HttpMessage base) {
    Optional<S3Replies.Listing> keys = S3Replies.listing(Messages.reply(base));
    keys.ifPresent(
        k ->
            raise(
                base,
                S3_REF,
                "ListBucketResult",
                "An S3 bucket lists its objects to anyone (ListBucketResult naming "
                    + k.objects().size()
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
