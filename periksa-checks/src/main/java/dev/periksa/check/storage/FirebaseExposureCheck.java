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
import dev.periksa.product.StoreError;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * STO-2 for Firebase Realtime Database: do the database's security rules let a stranger read it
 * through the REST API ({@code GET /.json})?
 *
 * <p>The root (and each path in the endpoint's {@code resources}) is read shallowly ({@code
 * ?shallow=true}: child names only, never a dump). Exposure needs two signals: a shallow listing of
 * child names, plus either records read from a child ({@code orderBy="$key"&limitToFirst=2}) or
 * Firebase's own answer for an invented path ({@code null} with 200, where a catch-all server would
 * repeat its page). A database whose rules refuse answers {@code 401 {"error": "Permission
 * denied"}} and passes; an empty database ({@code null} at the root) is INCONCLUSIVE, since a reply
 * of {@code null} alone proves nothing. No write probe is made here.
 *
 * <p>Limitation: no Firebase server (nor the Firebase emulator, an npm/Java-jar tool outside this
 * project's toolchain) runs in the lab, so the parser is proven on replies copied from Firebase's
 * public REST documentation and the check's wiring against a local HTTP server that serves those
 * documented replies; it has not been run against the real service.
 */
@AutoService(Check.class)
public final class FirebaseExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-2.firebase",
          "Firebase Realtime Databases refuse anonymous reads",
          "Firebase Realtime Database",
          List.of("STO-2"),
          List.of("firebase"),
          List.of(284, 359),
          "Replace security rules that allow \".read\": true (or test-mode rules) with rules that"
              + " require an authenticated user and limit each user to their own records, and"
              + " treat what was reachable as a personal-data breach: assess it and notify as the"
              + " law requires (UU PDP: within 3x24 hours; GDPR Art. 33: 72 hours).");

  /** Child nodes of one path from which records are read. */
  static final int NODES_SAMPLED = 2;

  /** Records read from each sampled node. */
  static final int RECORDS_PER_NODE = 2;

  /** Child names shown in the evidence. */
  static final int NAMES_SHOWN = 10;

  /** Paths tried on one endpoint at most (the root first). */
  static final int MAX_PATHS = 10;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    String invented = StoreUrls.invented("periksa-");
    ProbeResponse random = ctx.http().get(url(e.url(), invented, null));
    Map<String, Object> rf = new LinkedHashMap<>();
    rf.put("path", "/" + invented);
    Evidence randomEvidence =
        ctx.redactor()
            .capture(
                "invented path (/" + invented + ")",
                random.request(),
                random.status(),
                random.body(),
                rf);
    result.observe(randomEvidence);
    boolean randomNull = random.status() == 200 && random.text().strip().equals("null");

    Set<String> paths = new LinkedHashSet<>();
    paths.add("");
    for (String r : e.resources()) {
      paths.add(strip(r));
    }
    for (String p : paths.stream().limit(MAX_PATHS).toList()) {
      node(ctx, e, p, random, randomNull, randomEvidence, result);
    }
  }

  private void node(
      TargetContext ctx,
      Endpoint e,
      String path,
      ProbeResponse random,
      boolean randomNull,
      Evidence randomEvidence,
      CheckResult.Builder result) {
    String shown = "/" + path;
    String where = e.name() + ": " + shown;
    ProbeResponse r = ctx.http().get(url(e.url(), path, "shallow=true"));
    Optional<JsonNode> json = r.json();
    Optional<StoreError> err = json.flatMap(StoreReplies::firebaseError);
    Optional<List<String>> children = json.flatMap(StoreReplies::firebaseShallow);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("path", shown);
    children.ifPresent(
        c -> {
          facts.put("children", c.size());
          facts.put("names", c.stream().limit(NAMES_SHOWN).toList());
        });
    err.ifPresent(x -> facts.put("error", x.message()));
    Evidence shallow =
        ctx.redactor()
            .capture("shallow read of " + shown, r.request(), r.status(), r.body(), facts);
    result.observe(shallow);

    if (r.isRefusal() && err.isPresent()) {
      result.part(
          Outcome.PASS,
          where + " refuses anonymous reads (" + r.status() + " " + err.get().message() + ")");
      return;
    }
    if (!r.isSuccess() || json.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          where
              + ": did not answer like Firebase ("
              + r.status()
              + err.map(x -> " " + x.message()).orElse("")
              + ")");
      return;
    }
    if (random.isSuccess() && !randomNull && Arrays.equals(random.body(), r.body())) {
      result.part(
          Outcome.INCONCLUSIVE,
          where
              + ": answers an invented path with the same page; a look-alike; whether Firebase is behind it cannot be told");
      return;
    }
    if (json.get().isNull()) {
      result.part(
          Outcome.INCONCLUSIVE,
          where
              + " answers anonymously but holds nothing (null); an empty database and any other"
              + " server look alike here");
      return;
    }
    if (children.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          where + ": the shallow read did not come back as Firebase's list of child names");
      return;
    }

    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    merge(total, ctx.scanner().count(ctx.scanner().scan(String.join("\n", children.get()))));
    List<Evidence> evidence = new ArrayList<>(List.of(randomEvidence, shallow));
    int records = 0;
    List<String> subtrees =
        children.get().stream()
            .filter(c -> json.get().path(c).isBoolean() && json.get().path(c).asBoolean())
            .limit(NODES_SAMPLED)
            .toList();
    for (String child : subtrees) {
      String childPath = path.isEmpty() ? child : path + "/" + child;
      records += sample(ctx, e, childPath, total, evidence);
    }
    if (!randomNull && records == 0) {
      evidence.forEach(result::observe);
      result.part(
          Outcome.INCONCLUSIVE,
          where
              + " lists child names to anyone, but served no record and did not answer an"
              + " invented path like Firebase: one signal, not two");
      return;
    }
    Severity severity = Redactor.severityOf(total);
    String holds =
        total.isEmpty()
            ? "nothing personal in what was read"
            : "what was read holds "
                + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
    Finding f =
        new Finding(
            String.format(
                Locale.ROOT,
                "Firebase Realtime Database answers anyone at %s: %d child nodes%s; %s",
                shown,
                children.get().size(),
                records > 0 ? ", records readable" : "",
                holds),
            url(e.url(), path, null).toString(),
            severity,
            evidence,
            METADATA.remediation());
    result.fail(f, where + " is readable by anyone (" + severity + ")");
  }

  /** Counts a node's children and reads its first records; returns how many records came back. */
  private int sample(
      TargetContext ctx,
      Endpoint e,
      String path,
      Map<PiiType, Integer> total,
      List<Evidence> evidence) {
    String shown = ctx.redactor().redact("/" + path);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("path", shown);
    ProbeResponse count = ctx.http().get(url(e.url(), path, "shallow=true"));
    count
        .json()
        .filter(JsonNode::isObject)
        .ifPresentOrElse(
            j -> facts.put("records", j.size()),
            () -> facts.put("records", count.truncated() ? "more than the reply cap holds" : "?"));
    ProbeResponse r =
        ctx.http().get(url(e.url(), path, "orderBy=%22%24key%22&limitToFirst=" + RECORDS_PER_NODE));
    List<String> recs = new ArrayList<>();
    r.json()
        .filter(j -> r.isSuccess() && j.isObject())
        .ifPresent(
            j -> {
              // Keys of records are often ids (or phone numbers): keep only the values.
              Iterator<JsonNode> it = j.elements();
              while (it.hasNext() && recs.size() < RECORDS_PER_NODE) {
                JsonNode v = it.next();
                if (!v.isNull()) {
                  recs.add(v.toString());
                }
              }
            });
    for (String rec : recs) {
      merge(total, ctx.scanner().count(ctx.scanner().scan(rec)));
    }
    facts.put("sampled", recs.size());
    evidence.add(
        ctx.redactor()
            .capture("records of " + shown, r.request(), r.status(), r.body(), facts, recs));
    return recs.size();
  }

  /** {@code base/path.json?query}, each path segment encoded. */
  static URI url(URI base, String path, String query) {
    StringBuilder p = new StringBuilder("/");
    if (!path.isEmpty()) {
      p.append(StoreUrls.key(path));
    }
    p.append(".json");
    return StoreUrls.at(base, p.toString(), query);
  }

  private static String strip(String path) {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.endsWith(".json")) {
      p = p.substring(0, p.length() - 5);
    }
    return p;
  }

  private static void merge(Map<PiiType, Integer> into, Map<PiiType, Integer> from) {
    from.forEach((k, v) -> into.merge(k, v, Integer::sum));
  }

  @Override
  public String proof() {
    return """
        Applies to: Firebase Realtime Database, kind `firebase`. shallow `/.json` (and each path
        in `resources`) plus 2 records of a child or Firebase's `null` for an invented path; `401
        Permission denied` passes; proven on Firebase's documented replies, no real Firebase
        server in the tests
        """;
  }
}
