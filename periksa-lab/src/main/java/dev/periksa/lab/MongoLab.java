package dev.periksa.lab;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC app's MongoDB: a real mongo-java-server holding travellers and sessions. The legacy
 * twin's answers anyone; the hardened twin's holds the same data and answers error 13
 * (Unauthorized) to everything but the handshake, as {@code mongod --auth} does.
 */
final class MongoLab implements LabService {
  static final String LEGACY = "PERIKSA_LAB_LEGACY_MONGODB";
  static final String HARDENED = "PERIKSA_LAB_HARDENED_MONGODB";

  /** Travellers in the {@code ehac.travellers} collection (the search cluster holds them all). */
  static final int TRAVELLERS = 500;

  static final int SESSIONS = 50;

  private MongoServer legacy;
  private MongoServer hardened;
  private URI legacyUrl;
  private URI hardenedUrl;

  @Override
  public String name() {
    return "MongoDB (mongo-java-server)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) {
    int travellers = Math.min(TRAVELLERS, ctx.records());
    legacy = new MongoServer(load(new MemoryBackend(), travellers));
    legacy.bind(ctx.legacyHost(), 0);
    hardened = new MongoServer(new UnauthorizedBackend(load(new MemoryBackend(), travellers)));
    hardened.bind(ctx.hardenedHost(), 0);
    legacyUrl =
        URI.create("mongodb://" + ctx.legacyHost() + ":" + legacy.getLocalAddress().getPort());
    hardenedUrl =
        URI.create("mongodb://" + ctx.hardenedHost() + ":" + hardened.getLocalAddress().getPort());
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY, legacyUrl.toString());
    v.put(HARDENED, hardenedUrl.toString());
    return v;
  }

  /** The e-HAC database: travellers (personal and health data) and login sessions. */
  static MongoBackend load(MemoryBackend backend, int travellers) {
    List<Document> docs = new ArrayList<>();
    for (int i = 0; i < travellers; i++) {
      Document d = new Document(EhacData.traveller(i));
      d.put("_id", d.get("id_ehac"));
      docs.add(d);
    }
    // resolveDatabase registers the database, so listDatabases names it.
    MongoDatabase ehac = backend.resolveDatabase("ehac");
    ehac.createCollectionOrThrowIfExists("travellers").insertDocuments(docs);
    List<Document> sessions = new ArrayList<>();
    for (int i = 0; i < Math.min(SESSIONS, travellers); i++) {
      Document s = new Document();
      s.put("_id", EhacSessions.key(i));
      s.put("id_ehac", EhacData.traveller(i).get("id_ehac"));
      s.put("created", "2021-08-" + String.format("%02d", 1 + i % 28) + "T08:00:00+07:00");
      sessions.add(s);
    }
    ehac.createCollectionOrThrowIfExists("sessions").insertDocuments(sessions);
    return backend;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   mongodb  " + legacyUrl + "  (no access control)",
        "hardened mongodb  " + hardenedUrl + "  (error 13 Unauthorized before login)");
  }

  @Override
  public void close() {
    try {
      if (legacy != null) {
        legacy.shutdownNow();
      }
    } finally {
      if (hardened != null) {
        hardened.shutdownNow();
      }
    }
  }
}
