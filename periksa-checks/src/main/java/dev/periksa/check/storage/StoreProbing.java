package dev.periksa.check.storage;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.target.Endpoint;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the storage checks share: invented names, URLs, sample scanning, failure notes. */
final class StoreProbing {
  private static final SecureRandom RANDOM = new SecureRandom();

  private StoreProbing() {}

  /** A random hex token for invented commands and keys a real store cannot know. */
  static String token() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A path (with its query) on a base URL; a trailing slash of the base is not doubled. */
  static java.net.URI resolve(java.net.URI base, String pathAndQuery) {
    String b = base.toString();
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    return java.net.URI.create(b + pathAndQuery);
  }

  /** Scans one raw sample and adds its personal-data counts to the running total. */
  static void count(TargetContext ctx, String sample, Map<PiiType, Integer> total) {
    List<PiiMatch> ms = ctx.scanner().scan(sample);
    ctx.scanner().count(ms).forEach((k, v) -> total.merge(k, v, Integer::sum));
  }

  /** "1 database", "3 databases". */
  static String count(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  /** "sample holds NIK, phone number" or "no personal data in the sample". */
  static String holds(Map<PiiType, Integer> total) {
    return total.isEmpty()
        ? "no personal data in the sample"
        : "sample holds "
            + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
  }

  /** One endpoint gave no usable reply: an observation and an INCONCLUSIVE part. */
  static void noReply(
      TargetContext ctx, Endpoint e, CheckResult.Builder result, String what, String error) {
    String masked = ctx.redactor().redact(error);
    result.observe(
        ctx.redactor()
            .capture(
                "no usable reply from " + e.name(),
                what + " " + e.url(),
                0,
                null,
                Map.of("error", masked)));
    result.part(Outcome.INCONCLUSIVE, e.name() + ": " + masked);
  }

  /** What stopped the sampling of a store already proven open; the finding stands without it. */
  static Evidence samplingStopped(TargetContext ctx, RuntimeException ex) {
    return ctx.redactor()
        .capture(
            "sampling stopped",
            "",
            0,
            null,
            Map.of("error", ctx.redactor().redact(String.valueOf(ex.getMessage()))));
  }

  /** A reply text cut to a length a report line can carry. */
  static String brief(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("[\\p{Cntrl}]", "?");
    return t.length() > 120 ? t.substring(0, 120) + "…" : t;
  }
}
