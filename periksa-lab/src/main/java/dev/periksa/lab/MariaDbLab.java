package dev.periksa.lab;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC back office's MariaDB in both twins: the legacy one keeps MariaDB's installed {@code
 * root} account with an empty password, reachable from any host; the hardened one gives root a
 * strong throwaway password and lets no anonymous or default account in. Both hold the database
 * {@code ehac}. Needs Debian's {@code mariadb-server-core}; without it the lab goes on without
 * MariaDB.
 */
final class MariaDbLab implements LabService {
  static final String LEGACY_URL = "PERIKSA_LAB_LEGACY_MYSQL";
  static final String HARDENED_URL = "PERIKSA_LAB_HARDENED_MYSQL";
  static final String DATABASE = "ehac";

  private MariaDbServer legacy;
  private MariaDbServer hardened;
  private volatile int travellers;

  @Override
  public String name() {
    return "MariaDB (Debian mariadb-server-core)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    MariaDbServer.server();
    Path legacyData = ctx.dir().resolve("mariadb-legacy/data");
    Path hardenedData = ctx.dir().resolve("mariadb-hardened/data");
    MariaDbServer.install(legacyData, ctx.dir().resolve("mariadb-legacy"));
    MariaDbServer.copy(legacyData, hardenedData);

    Twins<MariaDbServer> twins =
        Twins.start(() -> legacy(ctx, legacyData), () -> hardened(ctx, hardenedData));
    legacy = twins.legacy;
    hardened = twins.hardened;

    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_URL, legacy.url().toString());
    v.put(HARDENED_URL, hardened.url().toString());
    return v;
  }

  private MariaDbServer legacy(LabContext ctx, Path data) throws Exception {
    MariaDbServer s =
        MariaDbServer.start(data, ctx.dir().resolve("mariadb-legacy/run"), ctx.legacyHost());
    try {
      // A root that may log in from anywhere with no password: the classic exposed install.
      s.execute("CREATE USER 'root'@'%' IDENTIFIED BY ''", "GRANT ALL ON *.* TO 'root'@'%'");
      travellers = s.loadEhac(DATABASE, ctx.records());
      return s;
    } catch (Exception e) {
      s.close();
      throw e;
    }
  }

  private static MariaDbServer hardened(LabContext ctx, Path data) throws Exception {
    MariaDbServer s =
        MariaDbServer.start(data, ctx.dir().resolve("mariadb-hardened/run"), ctx.hardenedHost());
    try {
      s.loadEhac(DATABASE, ctx.records());
      String reader = "'" + LabContext.HARDENED_USER + "'@'%'";
      s.execute(
          "CREATE USER "
              + reader
              + " IDENTIFIED BY '"
              + ctx.secret("hardened").replace("\\", "\\\\").replace("'", "''")
              + "'",
          "GRANT SELECT ON " + DATABASE + ".* TO " + reader);
      s.requirePasswords(ctx.secret("mariadb-root"));
      return s;
    } catch (Exception e) {
      s.close();
      throw e;
    }
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   mysql      "
            + url(legacy)
            + "  (root, empty password, "
            + travellers
            + " travellers)",
        "hardened mysql      " + url(hardened) + "  (strong passwords only)");
  }

  private static URI url(MariaDbServer s) {
    return s == null ? null : s.url();
  }

  @Override
  public void close() {
    try {
      if (hardened != null) {
        hardened.close();
      }
    } finally {
      if (legacy != null) {
        legacy.close();
      }
    }
  }
}
