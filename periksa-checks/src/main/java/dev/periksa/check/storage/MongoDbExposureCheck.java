package dev.periksa.check.storage;

import com.google.auto.service.AutoService;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.event.ServerHeartbeatFailedEvent;
import com.mongodb.event.ServerMonitorListener;
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
import dev.periksa.probe.ProbeErrors;
import dev.periksa.probe.ProbeException;
import dev.periksa.target.Endpoint;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * STO-3 for MongoDB: does a declared MongoDB let a stranger list and read its databases?
 *
 * <p>Uses the official driver without credentials, with the profile's timeout for server selection,
 * connecting and reading. The first signal is the handshake ({@code isMaster}, or {@code hello}
 * where only that is known, a reply with {@code maxWireVersion}), the second {@code listDatabases}
 * answering {@code ok: 1} with a database list; error 13 (Unauthorized) there is a PASS. Something
 * that is not MongoDB (an HTTP server on the port) never completes the driver's handshake and is
 * INCONCLUSIVE. An open server is sampled minimally: at most 2 documents from each of its 3 largest
 * collections.
 */
@AutoService(Check.class)
public final class MongoDbExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-3.mongodb",
          "MongoDB refuses sessions without credentials",
          "MongoDB",
          List.of("STO-3"),
          List.of("mongodb"),
          List.of(306),
          "Turn on access control (security.authorization: enabled) with a user per application"
              + " and strong passwords, bind MongoDB to a private address (net.bindIp) behind a"
              + " firewall and require TLS. Treat what was reachable as a personal-data breach:"
              + " assess it and notify as the law requires (UU PDP: within 3x24 hours; GDPR Art."
              + " 33: 72 hours).");

  static final int DEFAULT_PORT = 27017;

  /** Collections sampled when a server is open, largest first. */
  static final int MAX_COLLECTIONS_SAMPLED = 3;

  /** Documents read from each sampled collection. */
  static final int DOCS_PER_COLLECTION = 2;

  /** Databases and collections looked at (named and counted) on an open server. */
  static final int MAX_DATABASES = 20;

  static final int MAX_COLLECTIONS_COUNTED = 100;

  /** The driver's own databases, never sampled. */
  private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

  private static final JsonWriterSettings JSON =
      JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected boolean connectsThroughDriver() {
    return true;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    AtomicReference<Throwable> heartbeat = new AtomicReference<>();
    try (MongoClient client = connect(ctx, e, heartbeat)) {
      // The check's end (or deadline) closes the driver's client and its sockets too.
      java.io.Closeable closer = client::close;
      ctx.log().hold(closer);
      try {
        probe(ctx, e, client, result);
      } finally {
        ctx.log().release(closer);
      }
    } catch (ProbeException ex) {
      StoreProbing.noReply(ctx, e, result, "hello", ex.getMessage());
    } catch (MongoException | IllegalArgumentException | IllegalStateException ex) {
      if (ex instanceof com.mongodb.MongoTimeoutException
          || ex instanceof com.mongodb.MongoSocketReadTimeoutException) {
        ctx.tcp().stalled(e.url().getHost(), e.port(DEFAULT_PORT), "MongoDB: no answer in time");
      }
      StoreProbing.noReply(ctx, e, result, "hello", describe(e, ex, heartbeat.get(), ctx));
    }
  }

  private static MongoClient connect(
      TargetContext ctx, Endpoint e, AtomicReference<Throwable> heartbeat) {
    String host = e.url().getHost();
    int port = e.port(DEFAULT_PORT);
    ctx.tcp().admit(host);
    long ms = ctx.tcp().timeout().toMillis();
    String query = e.url().getQuery() == null ? "" : e.url().getQuery();
    boolean tls = query.matches("(?i)(.*&)?(tls|ssl)=true(&.*)?");
    ServerMonitorListener failures =
        new ServerMonitorListener() {
          @Override
          public void serverHeartbeatFailed(ServerHeartbeatFailedEvent event) {
            heartbeat.set(event.getThrowable());
          }
        };
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyToClusterSettings(
                b ->
                    b.hosts(List.of(new ServerAddress(host, port)))
                        .mode(ClusterConnectionMode.SINGLE)
                        .serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                b ->
                    b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
                        .readTimeout((int) ms, TimeUnit.MILLISECONDS))
            .applyToConnectionPoolSettings(b -> b.maxSize(1).maxWaitTime(ms, TimeUnit.MILLISECONDS))
            .applyToServerSettings(b -> b.addServerMonitorListener(failures))
            .applyToSslSettings(b -> b.enabled(tls))
            .retryReads(false)
            .retryWrites(false)
            .applicationName("periksa")
            .build();
    return MongoClients.create(settings);
  }

  private void probe(TargetContext ctx, Endpoint e, MongoClient client, CheckResult.Builder b) {
    MongoDatabase admin = client.getDatabase("admin");
    Document hello;
    try {
      // isMaster first: every MongoDB answers it (hello came with 4.4 and not every server has it).
      hello = admin.runCommand(new Document("isMaster", 1));
    } catch (MongoCommandException ex) {
      hello = admin.runCommand(new Document("hello", 1));
    }
    Optional<String> version = buildInfo(admin);
    Map<String, Object> hf = new LinkedHashMap<>();
    version.ifPresent(v -> hf.put("version", v));
    hf.put("maxWireVersion", hello.get("maxWireVersion"));
    Object primary = hello.containsKey("isWritablePrimary") ? "isWritablePrimary" : "ismaster";
    hf.put("writablePrimary", hello.get(primary));
    if (hello.getString("setName") != null) {
      hf.put("replicaSet", hello.getString("setName"));
    }
    Evidence handshake =
        ctx.redactor()
            .capture(
                "handshake (isMaster, buildInfo)",
                "isMaster; buildInfo",
                0,
                Redactor.utf8(hello.toJson(JSON)),
                hf);
    b.observe(handshake);
    if (!(hello.get("maxWireVersion") instanceof Number) || !ok(hello)) {
      b.part(Outcome.INCONCLUSIVE, e.name() + ": the handshake reply is not MongoDB's");
      return;
    }

    Document listing;
    try {
      listing = admin.runCommand(new Document("listDatabases", 1).append("nameOnly", false));
    } catch (MongoCommandException ex) {
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("code", ex.getErrorCode());
      facts.put("codeName", ex.getErrorCodeName());
      facts.put("errmsg", StoreProbing.brief(ex.getErrorMessage()));
      b.observe(
          ctx.redactor()
              .capture(
                  "database listing (listDatabases)",
                  "listDatabases",
                  ex.getErrorCode(),
                  Redactor.utf8(ex.getResponse().toJson()),
                  facts));
      if (ex.getErrorCode() == 13 || "Unauthorized".equals(ex.getErrorCodeName())) {
        b.part(
            Outcome.PASS,
            e.name() + ": refuses to list databases without credentials (error 13 Unauthorized)");
      } else {
        b.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": listDatabases failed with error "
                + ex.getErrorCode()
                + " "
                + StoreProbing.brief(ex.getErrorCodeName()));
      }
      return;
    }
    List<Document> dbs = databases(listing);
    Map<String, Object> lf = new LinkedHashMap<>();
    lf.put("databaseCount", dbs.size());
    List<Map<String, Object>> named = new ArrayList<>();
    for (Document d : dbs.stream().limit(50).toList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", d.getString("name"));
      m.put("sizeOnDisk", d.get("sizeOnDisk") instanceof Number n ? n.longValue() : 0L);
      named.add(m);
    }
    lf.put("databases", named);
    Evidence listingEvidence =
        ctx.redactor()
            .capture(
                "database listing (listDatabases)",
                "listDatabases",
                0,
                Redactor.utf8(listing.toJson(JSON)),
                lf);
    b.observe(listingEvidence);
    if (!ok(listing) || !(listing.get("databases") instanceof List<?>)) {
      b.part(Outcome.INCONCLUSIVE, e.name() + ": listDatabases answered without a database list");
      return;
    }
    exposed(ctx, e, client, version, dbs, List.of(handshake, listingEvidence), b);
  }

  private void exposed(
      TargetContext ctx,
      Endpoint e,
      MongoClient client,
      Optional<String> version,
      List<Document> dbs,
      List<Evidence> seen,
      CheckResult.Builder b) {
    List<Evidence> evidence = new ArrayList<>(seen);
    List<Coll> colls = new ArrayList<>();
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    try {
      sample(ctx, client, dbs, colls, evidence, total);
    } catch (MongoException ex) {
      // Two signals are in already: a refusal or a broken session while sampling leaves the
      // finding standing.
      evidence.add(StoreProbing.samplingStopped(ctx, ex));
    }
    Severity severity = Redactor.severityOf(total);
    long documents = colls.stream().mapToLong(Coll::documents).sum();
    Finding f =
        new Finding(
            String.format(
                "MongoDB%s answers anyone: %s, %s, %,d documents; %s",
                version.map(v -> " " + v).orElse(""),
                StoreProbing.count(dbs.size(), "database"),
                StoreProbing.count(colls.size(), "collection"),
                documents,
                StoreProbing.holds(total)),
            e.url().toString(),
            severity,
            evidence,
            METADATA.remediation());
    b.fail(f, e.name() + ": open to anyone (" + severity + ")");
  }

  /** Collections counted, largest first, then a few documents of the largest three. */
  private void sample(
      TargetContext ctx,
      MongoClient client,
      List<Document> dbs,
      List<Coll> colls,
      List<Evidence> evidence,
      Map<PiiType, Integer> total) {
    for (Document d : dbs.stream().limit(MAX_DATABASES).toList()) {
      String db = d.getString("name");
      if (db == null || SYSTEM_DATABASES.contains(db)) {
        continue;
      }
      MongoDatabase database = client.getDatabase(db);
      try (MongoCursor<String> names = database.listCollectionNames().iterator()) {
        while (names.hasNext() && colls.size() < MAX_COLLECTIONS_COUNTED) {
          String c = names.next();
          if (!c.startsWith("system.")) {
            colls.add(new Coll(db, c, database.getCollection(c).estimatedDocumentCount()));
          }
        }
      }
    }
    colls.sort(Comparator.comparingLong(Coll::documents).reversed());
    Map<String, Object> cf = new LinkedHashMap<>();
    cf.put("collectionCount", colls.size());
    cf.put("documents", colls.stream().mapToLong(Coll::documents).sum());
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Coll c : colls.stream().limit(50).toList()) {
      listed.add(
          Map.of("database", c.database(), "collection", c.name(), "documents", c.documents()));
    }
    cf.put("collections", listed);
    evidence.add(
        ctx.redactor()
            .capture(
                "collections (listCollections, count)", "listCollections; count", 0, null, cf));

    for (Coll c : colls.stream().limit(MAX_COLLECTIONS_SAMPLED).toList()) {
      MongoCollection<Document> coll = client.getDatabase(c.database()).getCollection(c.name());
      List<String> docs = new ArrayList<>();
      try (MongoCursor<Document> cur =
          coll.find().limit(DOCS_PER_COLLECTION).batchSize(DOCS_PER_COLLECTION).iterator()) {
        while (cur.hasNext() && docs.size() < DOCS_PER_COLLECTION) {
          docs.add(cur.next().toJson(JSON));
        }
      }
      docs.forEach(d -> StoreProbing.count(ctx, d, total));
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("database", c.database());
      facts.put("collection", c.name());
      facts.put("documents", c.documents());
      facts.put("sampled", docs.size());
      evidence.add(
          ctx.redactor()
              .capture(
                  "sample of collection " + c.database() + "." + c.name(),
                  "find " + c.database() + "." + c.name() + " limit " + DOCS_PER_COLLECTION,
                  0,
                  Redactor.utf8(String.join("\n", docs)),
                  facts,
                  docs));
    }
  }

  /** One collection and its document count. */
  private record Coll(String database, String name, long documents) {}

  private static Optional<String> buildInfo(MongoDatabase admin) {
    try {
      Document bi = admin.runCommand(new Document("buildInfo", 1));
      return Optional.ofNullable(bi.getString("version"));
    } catch (MongoCommandException | ClassCastException ex) {
      return Optional.empty();
    }
  }

  private static List<Document> databases(Document listing) {
    List<Document> out = new ArrayList<>();
    if (listing.get("databases") instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Document d && d.get("name") instanceof String) {
          out.add(d);
        }
      }
    }
    return out;
  }

  private static boolean ok(Document d) {
    return d.get("ok") instanceof Number n && n.doubleValue() == 1.0;
  }

  /** One sentence for what stopped the driver, from the monitor's last failure if there was one. */
  static String describe(Endpoint e, Exception ex, Throwable heartbeat, TargetContext ctx) {
    String where = e.url().getHost() + ":" + e.port(DEFAULT_PORT);
    Throwable t = heartbeat != null ? heartbeat : ex;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ConnectException) {
        return "connection refused by " + where;
      }
      if (c instanceof SocketTimeoutException
          || c instanceof com.mongodb.MongoSocketReadTimeoutException) {
        return "no reply from "
            + where
            + " within "
            + ctx.tcp().timeout().toMillis() / 1000.0
            + " s";
      }
      if (c instanceof com.mongodb.MongoSocketReadException) {
        return where + " closed the connection without a MongoDB reply";
      }
      if (c instanceof java.net.SocketException) {
        return "connection to " + where + " broke: " + c.getMessage();
      }
      if (c instanceof com.mongodb.MongoInternalException) {
        return where
            + " did not answer the MongoDB handshake: "
            + StoreProbing.brief(c.getMessage());
      }
    }
    if (ex instanceof com.mongodb.MongoTimeoutException) {
      return "no MongoDB handshake from "
          + where
          + " within "
          + ctx.tcp().timeout().toMillis() / 1000.0
          + " s";
    }
    return "MongoDB session with "
        + where
        + " failed: "
        + StoreProbing.brief(ProbeErrors.plain(ex));
  }

  @Override
  public String proof() {
    return """
        official driver without credentials, `isMaster` handshake plus `listDatabases` ok:1 (error
        13 Unauthorized is a PASS), 2 documents from each of the 3 largest collections
        """;
  }
}
