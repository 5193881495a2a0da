package dev.periksa.check.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.CouchDbReplies;
import dev.periksa.product.CouchDbReplies.Banner;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * STO-3 for Apache CouchDB: does a declared server answer a stranger, anonymously (the "admin
 * party" of old releases, or a server opened up by its configuration) or with a default admin
 * password?
 *
 * <p>Exposure needs two signals: the database list ({@code GET /_all_dbs}, a JSON array of names)
 * and either CouchDB's welcome banner ({@code {"couchdb":"Welcome", "version": ...}}) or CouchDB's
 * own {@code not_found} error on an invented database name, asked first so that a catch-all page
 * repeating the banner is recognised as a look-alike. When anonymous requests are refused with
 * CouchDB's {@code {"error":"unauthorized"}}, the short list in {@code credentials/couchdb.txt} is
 * tried with HTTP Basic authentication. An open server is sampled minimally: at most {@link
 * #DOCS_PER_DATABASE} documents from each of its {@link #MAX_DATABASES_SAMPLED} largest databases.
 *
 * <p>Limitation: neither Debian nor Maven Central ships a CouchDB server, so this check is proven
 * against replies copied from CouchDB's own documentation served by a real local HTTP server, not
 * against a running CouchDB.
 */
@AutoService(Check.class)
public final class CouchDbExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-3.couchdb",
          "CouchDB servers refuse anonymous and default-admin requests",
          "CouchDB",
          List.of("STO-3"),
          List.of("couchdb"),
          List.of(306, 1392, 359),
          "Create a server admin with a strong unique password (no admin party), set"
              + " [chttpd] require_valid_user = true and admin_only_all_dbs = true, give every"
              + " database a _security object with members, bind CouchDB to a private network"
              + " behind TLS, and treat what was reachable as a personal-data breach: assess it and"
              + " notify as the law requires (UU PDP: within 3x24 hours; GDPR Art. 33: 72"
              + " hours).");

  static final String DEFAULTS = "credentials/couchdb.txt";

  /** Databases whose size is asked. */
  static final int MAX_DATABASES_INFO = 10;

  /** Databases sampled when a server is open, largest first. */
  static final int MAX_DATABASES_SAMPLED = 3;

  /** Documents read from each sampled database. */
  static final int DOCS_PER_DATABASE = 2;

  /** Databases named in the evidence. */
  static final int MAX_DATABASES_LISTED = 50;

  private static final List<Credential> DEFAULT_LIST = Credential.list(DEFAULTS);

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    URI base = e.url();
    ProbeResponse random =
        ctx.http().get(StoreProbing.resolve(base, "/periksa-" + StoreProbing.token()));
    ProbeResponse root = ctx.http().get(StoreProbing.resolve(base, "/"));
    ProbeResponse allDbs = ctx.http().get(StoreProbing.resolve(base, "/_all_dbs"));

    Optional<Banner> banner = CouchDbReplies.welcome(root.reply());
    boolean catchAll =
        random.isSuccess()
            && (CouchDbReplies.welcome(random.reply()).isPresent() || same(random, root));
    boolean productError = CouchDbReplies.notFound(random.reply());
    Optional<List<String>> dbs = CouchDbReplies.databases(allDbs.reply());

    Evidence rootEvidence = bannerEvidence(ctx, root, banner, "banner (GET /)");
    Evidence listEvidence = listEvidence(ctx, allDbs, dbs, "database list (GET /_all_dbs)");
    result.observe(rootEvidence);
    result.observe(listEvidence);

    if (catchAll) {
      result.observe(
          ctx.redactor()
              .capture(
                  "random path",
                  random.request(),
                  random.status(),
                  random.body(),
                  Map.of("note", "answers an invented database name like the root page")));
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers every path with the same page; a look-alike; whether CouchDB is behind it cannot be told");
      return;
    }
    if (dbs.isPresent() && (banner.isPresent() || productError)) {
      exposed(ctx, e, null, banner, dbs.get(), List.of(rootEvidence, listEvidence), result);
      return;
    }
    boolean couch = banner.isPresent() || productError || CouchDbReplies.refusal(root.reply());
    if (couch && CouchDbReplies.refusal(allDbs.reply())) {
      tryDefaults(ctx, e, result);
      return;
    }
    result.part(
        Outcome.INCONCLUSIVE,
        e.name()
            + ": did not answer like CouchDB (GET / → "
            + root.status()
            + ", GET /_all_dbs → "
            + allDbs.status()
            + ")");
  }

  /** Anonymous requests are refused: the default admin logins, one request each. */
  private void tryDefaults(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    List<Map<String, Object>> refused = new ArrayList<>();
    for (Credential c : DEFAULT_LIST) {
      Map<String, String> auth = basic(c);
      ProbeResponse list = ctx.http().get(StoreProbing.resolve(e.url(), "/_all_dbs"), auth);
      Optional<List<String>> dbs = CouchDbReplies.databases(list.reply());
      if (dbs.isPresent()) {
        ProbeResponse root = ctx.http().get(StoreProbing.resolve(e.url(), "/"), auth);
        Optional<Banner> banner = CouchDbReplies.welcome(root.reply());
        Evidence rootEvidence =
            bannerEvidence(ctx, root, banner, "banner as " + c.masked() + " (GET /)");
        Evidence listEvidence =
            listEvidence(ctx, list, dbs, "database list as " + c.masked() + " (GET /_all_dbs)");
        if (banner.isEmpty()) {
          result.observe(rootEvidence);
          result.observe(listEvidence);
          result.part(
              Outcome.INCONCLUSIVE,
              e.name() + ": a list answered " + c.masked() + " but no CouchDB banner came with it");
          return;
        }
        if (!refused.isEmpty()) {
          result.observe(refusedEvidence(ctx, e, refused));
        }
        exposed(ctx, e, c, banner, dbs.get(), List.of(rootEvidence, listEvidence), result);
        return;
      }
      if (!CouchDbReplies.refusal(list.reply())) {
        result.observe(refusedEvidence(ctx, e, refused));
        result.observe(listEvidence(ctx, list, dbs, "database list as " + c.masked()));
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": answered "
                + c.masked()
                + " with neither a database list nor CouchDB's refusal ("
                + list.status()
                + ")");
        return;
      }
      Map<String, Object> attempt = new LinkedHashMap<>();
      attempt.put("credential", c.masked());
      attempt.put("reply", list.status() + " " + CouchDbReplies.reason(list.reply()));
      refused.add(attempt);
    }
    result.observe(refusedEvidence(ctx, e, refused));
    result.part(
        Outcome.PASS,
        e.name()
            + ": refuses anonymous requests and all "
            + refused.size()
            + " default admin logins");
  }

  private void exposed(
      TargetContext ctx,
      Endpoint e,
      Credential c,
      Optional<Banner> banner,
      List<String> dbs,
      List<Evidence> seen,
      CheckResult.Builder result) {
    Map<String, String> auth = c == null ? Map.of() : basic(c);
    List<Evidence> evidence = new ArrayList<>(seen);
    List<String> asked =
        dbs.stream()
            .sorted(Comparator.comparing((String d) -> d.startsWith("_")))
            .limit(MAX_DATABASES_INFO)
            .toList();
    Map<String, Long> docCounts = new LinkedHashMap<>();
    for (String db : asked) {
      ProbeResponse info = ctx.http().get(StoreProbing.resolve(e.url(), "/" + encode(db)), auth);
      CouchDbReplies.documentCount(info.reply()).ifPresent(n -> docCounts.put(db, n));
    }
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    List<String> sample =
        docCounts.entrySet().stream()
            .filter(en -> !en.getKey().startsWith("_") && en.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(MAX_DATABASES_SAMPLED)
            .map(Map.Entry::getKey)
            .toList();
    for (String db : sample) {
      ProbeResponse r =
          ctx.http()
              .get(
                  StoreProbing.resolve(
                      e.url(),
                      "/"
                          + encode(db)
                          + "/_all_docs?limit="
                          + DOCS_PER_DATABASE
                          + "&include_docs=true"),
                  auth);
      List<String> docs = new ArrayList<>();
      r.json()
          .filter(j -> r.isSuccess())
          .map(j -> j.path("rows"))
          .ifPresent(
              rows -> {
                for (JsonNode row : rows) {
                  JsonNode doc = row.path("doc");
                  if (doc.isObject()
                      && !row.path("id").asText("").startsWith("_design/")
                      && docs.size() < DOCS_PER_DATABASE) {
                    docs.add(doc.toString());
                  }
                }
              });
      for (String d : docs) {
        ctx.scanner()
            .count(ctx.scanner().scan(d))
            .forEach((k, v) -> total.merge(k, v, Integer::sum));
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("database", db);
      facts.put("documents", docCounts.get(db));
      facts.put("sampled", docs.size());
      evidence.add(
          ctx.redactor()
              .capture("sample of database " + db, r.request(), r.status(), r.body(), facts, docs));
    }
    long documents = docCounts.values().stream().mapToLong(Long::longValue).sum();
    Severity severity = Redactor.severityOf(total);
    String product = banner.map(b -> "CouchDB " + b.version()).orElse("CouchDB");
    String holds =
        total.isEmpty()
            ? "no personal data in the sample"
            : "sample holds "
                + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
    String who = c == null ? "answers anyone" : "lets a stranger in as " + c.masked();
    Finding f =
        new Finding(
            String.format(
                "%s %s: %s, %s; %s",
                product,
                who,
                SqlExposureCheck.plural(dbs.size(), "database"),
                SqlExposureCheck.plural(documents, "document"),
                holds),
            e.url().toString(),
            severity,
            evidence,
            METADATA.remediation());
    result.fail(
        f,
        e.name()
            + (c == null ? ": open to anyone" : ": default admin login " + c.masked())
            + " ("
            + severity
            + ")");
  }

  private Evidence bannerEvidence(
      TargetContext ctx, ProbeResponse root, Optional<Banner> banner, String title) {
    Map<String, Object> facts = new LinkedHashMap<>();
    banner.ifPresent(
        b -> {
          facts.put("product", "CouchDB");
          facts.put("version", b.version());
          if (!b.vendor().isEmpty()) {
            facts.put("vendor", b.vendor());
          }
        });
    root.header("www-authenticate").ifPresent(h -> facts.put("challenge", h));
    String error = CouchDbReplies.error(root.reply());
    if (!error.isEmpty()) {
      facts.put("error", error);
    }
    return ctx.redactor().capture(title, root.request(), root.status(), root.body(), facts);
  }

  private Evidence listEvidence(
      TargetContext ctx, ProbeResponse list, Optional<List<String>> dbs, String title) {
    Map<String, Object> facts = new LinkedHashMap<>();
    dbs.ifPresent(
        d -> {
          facts.put("databaseCount", d.size());
          facts.put("databases", d.stream().limit(MAX_DATABASES_LISTED).toList());
        });
    String error = CouchDbReplies.error(list.reply());
    if (!error.isEmpty()) {
      facts.put("error", error);
    }
    return ctx.redactor().capture(title, list.request(), list.status(), list.body(), facts);
  }

  private Evidence refusedEvidence(
      TargetContext ctx, Endpoint e, List<Map<String, Object>> refused) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("refused", refused.size());
    facts.put("attempts", refused);
    return ctx.redactor()
        .capture("default admin logins refused", e.url() + "/_all_dbs", 0, null, facts);
  }

  private static Map<String, String> basic(Credential c) {
    String pair = c.user() + ":" + (c.password() == null ? "" : c.password());
    return Map.of(
        "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean same(ProbeResponse a, ProbeResponse b) {
    return a.status() == b.status() && java.util.Arrays.equals(a.body(), b.body());
  }

  private static String encode(String db) {
    return URLEncoder.encode(db, StandardCharsets.UTF_8);
  }

  @Override
  public String proof() {
    return """
        welcome banner (or CouchDB's own `not_found`) plus a `/_all_dbs` list, anonymously or with
        `credentials/couchdb.txt` over Basic auth; 2 documents from each of the 3 largest
        databases. Proven on CouchDB's documented replies only (no CouchDB server is packaged
        here)
        """;
  }
}
