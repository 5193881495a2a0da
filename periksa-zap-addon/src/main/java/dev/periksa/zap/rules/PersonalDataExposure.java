package dev.periksa.zap.rules;

import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiCategory;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.product.HttpReply;
import dev.periksa.product.S3Replies;
import dev.periksa.product.SearchClusterReplies;
import dev.periksa.product.SolrReplies;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The personal data one response body carries, as Periksa's detectors see it, already masked: what
 * the personal-data rules report. Pure: no ZAP type, so it is tested on its own.
 *
 * @param counts matches of each type (tokens left out: they are not personal data)
 * @param risk High when identity numbers, health or financial data are present, else Medium
 * @param confidence High when the detectors are sure of some match (0.9 or more), else Medium
 * @param evidence the masked value of the weightiest match, e.g. {@code 3174••••••••0001}
 * @param excerpt a masked stretch of the body around that match
 * @param severity Periksa's own severity of the data (identity + health: CRITICAL)
 */
public record PersonalDataExposure(
    Map<PiiType, Integer> counts,
    int risk,
    int confidence,
    String evidence,
    String excerpt,
    Severity severity) {

  /** Characters of a body read; a bigger reply is judged by its beginning. */
  static final int MAX_CHARS = 256 * 1024;

  /** Characters shown each side of the weightiest match. */
  static final int EXCERPT_SIDE = 80;

  /** Matches at least this sure make the alert's confidence High. */
  static final double SURE = 0.9;

  private static final PersonalDataScanner SCANNER = new PersonalDataScanner();

  /** The scanner every rule shares (stateless and thread-safe). */
  static PersonalDataScanner scanner() {
    return SCANNER;
  }

  /**
   * The personal data in a body that came whole with a 2xx reply (see {@link #in(String,
   * HttpReply)}).
   */
  public static Optional<PersonalDataExposure> in(String body) {
    return in(body, body == null ? null : HttpReply.of(200, body));
  }

  /**
   * The personal data in a reply's text, or empty when it carries none, is binary, or the reply is
   * a data store's description of itself (an S3 bucket or object listing, an index listing, Solr's
   * core status, as {@code dev.periksa.product} reads them for PII-1 and rule 120101 too): the
   * owner and core names there are the store's, not a data subject's; rule 120101 reports such
   * stores.
   *
   * @param body the text judged, at most {@link #MAX_CHARS} of it
   * @param reply the whole reply, whose shape decides whether it is a store's self-description
   */
  public static Optional<PersonalDataExposure> in(String body, HttpReply reply) {
    if (body == null || body.isEmpty() || binary(body) || selfDescription(reply)) {
      return Optional.empty();
    }
    String text = body.length() > MAX_CHARS ? body.substring(0, MAX_CHARS) : body;
    List<PiiMatch> all = new ArrayList<>(SCANNER.scan(text));
    all.sort((a, b) -> Integer.compare(a.start(), b.start()));
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    PiiMatch weightiest = null;
    double sure = 0;
    for (PiiMatch m : all) {
      if (m.type().category() == PiiCategory.CREDENTIAL) {
        continue;
      }
      counts.merge(m.type(), 1, Integer::sum);
      sure = Math.max(sure, m.confidence());
      if (weightiest == null || weight(m) > weight(weightiest)) {
        weightiest = m;
      }
    }
    if (weightiest == null) {
      return Optional.empty();
    }
    boolean special = false;
    for (PiiType t : counts.keySet()) {
      PiiCategory c = t.category();
      special |= c == PiiCategory.IDENTITY || c == PiiCategory.HEALTH || c == PiiCategory.FINANCIAL;
    }
    String evidence =
        Redactor.mask(weightiest.type(), text.substring(weightiest.start(), weightiest.end()));
    return Optional.of(
        new PersonalDataExposure(
            counts,
            special ? HealthRule.RISK_HIGH : HealthRule.RISK_MEDIUM,
            sure >= SURE ? HealthRule.CONFIDENCE_HIGH : HealthRule.CONFIDENCE_MEDIUM,
            evidence,
            excerpt(text, all, weightiest),
            Redactor.severityOf(counts)));
  }

  /** "NIK 2, phone number 1" style summary of the counts. */
  public String summary() {
    StringJoiner j = new StringJoiner(", ");
    counts.forEach((t, n) -> j.add(t.label() + " " + n));
    return j.toString();
  }

  /** The alert's other-info text: what was found, Periksa's severity and a masked excerpt. */
  public String otherInfo() {
    return "Personal data found (masked): "
        + summary()
        + ".\nPeriksa severity: "
        + severity
        + ".\nExcerpt: "
        + excerpt;
  }

  /** Identity numbers first, then health and financial data, then other personal data. */
  private static int weight(PiiMatch m) {
    int category =
        switch (m.type().category()) {
          case IDENTITY -> 4;
          case HEALTH, FINANCIAL -> 3;
          case PERSONAL -> 2;
          case CREDENTIAL -> 0;
        };
    return category * 10 + (int) Math.round(m.confidence() * 9);
  }

  /**
   * The body masked as a whole (every match, tokens included), then cut around the weightiest
   * match: cutting first and scanning the piece could lose the field name that made a value
   * recognisable, and leave it raw.
   */
  private static String excerpt(String text, List<PiiMatch> all, PiiMatch focus) {
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    int focusStart = 0;
    int focusEnd = 0;
    for (PiiMatch m : all) {
      if (m.start() < at) {
        continue;
      }
      out.append(text, at, m.start());
      if (m == focus) {
        focusStart = out.length();
      }
      out.append(Redactor.mask(m.type(), text.substring(m.start(), m.end())));
      if (m == focus) {
        focusEnd = out.length();
      }
      at = m.end();
    }
    out.append(text, at, text.length());
    int from = Math.max(0, focusStart - EXCERPT_SIDE);
    int to = Math.min(out.length(), focusEnd + EXCERPT_SIDE);
    String cut = out.substring(from, to).replaceAll("\\s+", " ").strip();
    return (from > 0 ? "…" : "") + cut + (to < out.length() ? "…" : "");
  }

  /** Whether a reply is a data store describing itself rather than serving records. */
  private static boolean selfDescription(HttpReply r) {
    return r != null
        && (SearchClusterReplies.banner(r).isPresent()
            || SearchClusterReplies.indices(r).isPresent()
            || S3Replies.buckets(r).isPresent()
            || S3Replies.listing(r).isPresent()
            || SolrReplies.cores(r).isPresent());
  }

  /** A NUL in the first KiB means a binary body (an image, an archive), not text. */
  private static boolean binary(String body) {
    int n = Math.min(body.length(), 1024);
    for (int i = 0; i < n; i++) {
      if (body.charAt(i) == '\0') {
        return true;
      }
    }
    return false;
  }
}
