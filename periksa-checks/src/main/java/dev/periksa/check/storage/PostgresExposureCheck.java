package dev.periksa.check.storage;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.TargetContext;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * STO-3 for PostgreSQL: does a declared server let a stranger in without a password ({@code trust}
 * in {@code pg_hba.conf}) or with a well-known default password?
 *
 * <p>Through the PostgreSQL JDBC driver, it logs in as {@code postgres} and as the endpoint's
 * declared identity's user name without a password, then tries the short list in {@code
 * credentials/postgresql.txt}. The server's own authentication errors (SQLSTATE class 28, or its
 * demand for a password the stranger does not have) are refusals; anything else is INCONCLUSIVE. A
 * successful login is confirmed by the server's version and its database catalogue, then the
 * largest tables are counted and sampled (see {@link SqlExposureCheck}).
 */
@AutoService(Check.class)
public final class PostgresExposureCheck extends SqlExposureCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-3.postgresql",
          "PostgreSQL servers refuse sessions without a password or with a default one",
          "PostgreSQL",
          List.of("STO-3"),
          List.of("postgresql"),
          List.of(306, 1392, 359),
          "Require a password for every network connection (scram-sha-256 in pg_hba.conf, no"
              + " `trust` lines for host connections), give every login role a strong unique"
              + " password, let the server listen only on a private network, and treat what was"
              + " reachable as a personal-data breach: assess it and notify as the law requires"
              + " (UU PDP: within 3x24 hours; GDPR Art. 33: 72 hours).");

  static final String DEFAULTS = "credentials/postgresql.txt";
  static final int DEFAULT_PORT = 5432;

  private static final List<Credential> DEFAULT_LIST = Credential.list(DEFAULTS);

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  String product() {
    return "PostgreSQL";
  }

  @Override
  String kind() {
    return "postgresql";
  }

  @Override
  int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  List<Credential> candidates(TargetContext ctx, Endpoint e) {
    List<Credential> out = new ArrayList<>();
    out.add(Credential.withoutPassword("postgres"));
    identityUser(ctx, e)
        .filter(u -> !u.equals("postgres"))
        .ifPresent(u -> out.add(Credential.withoutPassword(u)));
    out.addAll(DEFAULT_LIST);
    return out;
  }

  static Optional<String> identityUser(TargetContext ctx, Endpoint e) {
    if (e.identity() == null) {
      return Optional.empty();
    }
    return ctx.profile().identity(e.identity()).map(Identity::username);
  }

  @Override
  String initialDatabase(Endpoint e) {
    String path = e.url().getPath();
    if (path != null && path.length() > 1) {
      return path.substring(1);
    }
    return "postgres";
  }

  @Override
  Connection connect(TargetContext ctx, Endpoint e, Credential c, String database)
      throws SQLException {
    try {
      return open(ctx, e, c, database);
    } catch (SQLException ex) {
      // "database does not exist" comes after authentication: the login worked, the name did not.
      if ("3D000".equals(ex.getSQLState()) && !"template1".equals(database)) {
        ctx.tcp().admit(e.url().getHost());
        return open(ctx, e, c, "template1");
      }
      throw ex;
    }
  }

  private Connection open(TargetContext ctx, Endpoint e, Credential c, String database)
      throws SQLException {
    int timeout = queryTimeout(ctx);
    Properties p = new Properties();
    p.setProperty("user", c.user());
    if (c.password() != null) {
      p.setProperty("password", c.password());
    }
    p.setProperty("connectTimeout", String.valueOf(timeout));
    p.setProperty("socketTimeout", String.valueOf(timeout));
    p.setProperty("loginTimeout", String.valueOf(timeout));
    // Encrypt when the server offers it, without judging its certificate (TLS-2's question).
    p.setProperty("sslmode", "prefer");
    p.setProperty("gssEncMode", "disable");
    p.setProperty("ApplicationName", "periksa");
    p.setProperty(
        "options", "-c default_transaction_read_only=on -c statement_timeout=" + (timeout * 1000L));
    String url =
        "jdbc:postgresql://"
            + e.url().getHost()
            + ":"
            + e.port(DEFAULT_PORT)
            + "/"
            + URLEncoder.encode(database, StandardCharsets.UTF_8);
    Connection conn = new org.postgresql.Driver().connect(url, p);
    if (conn == null) {
      throw new SQLException("the PostgreSQL driver did not take " + url);
    }
    return conn;
  }

  @Override
  String refusal(SQLException e) {
    String state = e.getSQLState();
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    if (state != null && state.startsWith("28")) {
      return state + " " + m;
    }
    // The server asked for a password (or Kerberos, SSPI...) that a stranger does not have.
    String lower = m.toLowerCase(Locale.ROOT);
    if ("08004".equals(state) && (lower.contains("password") || lower.contains("authentication"))) {
      return state + " " + m;
    }
    return null;
  }

  @Override
  String version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      if (!rs.next()) {
        throw new SQLException("SHOW server_version returned nothing");
      }
      return "PostgreSQL " + rs.getString(1).split(" ")[0];
    }
  }

  @Override
  List<String> databases(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT datname FROM pg_catalog.pg_database"
                    + " WHERE datallowconn AND NOT datistemplate ORDER BY datname")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Override
  List<Table> tables(Connection c, String database) throws SQLException {
    List<Table> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT n.nspname, c.relname, GREATEST(c.reltuples, 0)::bigint"
                + " FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"
                + " ORDER BY 3 DESC, 1, 2 LIMIT 200")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Table(database, rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
      }
    }
    return out;
  }

  @Override
  String quoted(Table t) {
    return ident(t.schema()) + "." + ident(t.name());
  }

  private static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  @Override
  <T> T inDatabase(Login login, Connection current, String database, SqlFunction<T> fn)
      throws SQLException {
    if (database.equals(current.getCatalog())) {
      return fn.apply(current);
    }
    login.ctx().tcp().admit(login.endpoint().url().getHost());
    try (Connection c =
        held(login.ctx(), open(login.ctx(), login.endpoint(), login.credential(), database))) {
      return fn.apply(c);
    }
  }

  @Override
  public String proof() {
    return """
        login without a password (`trust`) as `postgres` and the declared identity's user, then
        `credentials/postgresql.txt`; a session is confirmed by the server's version and database
        catalogue, tables counted, 2 rows from each of the 3 largest sampled
        """;
  }
}
