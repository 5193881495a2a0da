package dev.periksa.check.storage;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.TargetContext;
import dev.periksa.product.MySqlGreeting;
import dev.periksa.target.Endpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * STO-3 for MySQL and MariaDB: does a declared server let a stranger in with an empty password or a
 * well-known default one?
 *
 * <p>Through MariaDB Connector/J (which speaks to MySQL too), it tries {@code root} and the
 * endpoint's declared identity's user name with an empty password, then the short list in {@code
 * credentials/mysql.txt}. The server's own refusals (error 1045 access denied, 1698, 1130 host not
 * allowed, or SQLSTATE 28000) count toward a PASS; anything else is INCONCLUSIVE. A successful
 * login is confirmed by the server's version and its list of databases, then the largest tables are
 * counted and sampled (see {@link SqlExposureCheck}).
 */
@AutoService(Check.class)
public final class MySqlExposureCheck extends SqlExposureCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-3.mysql",
          "MySQL and MariaDB servers refuse empty and default passwords",
          "MySQL/MariaDB",
          List.of("STO-3"),
          List.of("mysql"),
          List.of(306, 1392, 521, 359),
          "Give root and every other account a strong unique password (run"
              + " mariadb-secure-installation or mysql_secure_installation), drop anonymous users"
              + " and any account allowed from '%' that no application needs, bind the server to"
              + " a private network, and treat what was reachable as a personal-data breach:"
              + " assess it and notify as the law requires (UU PDP: within 3x24 hours; GDPR Art."
              + " 33: 72 hours).");

  static final String DEFAULTS = "credentials/mysql.txt";
  static final int DEFAULT_PORT = 3306;

  /** Error codes that mean "not with this login": access denied, no password, host not allowed. */
  static final Set<Integer> REFUSALS = Set.of(1045, 1698, 1130);

  private static final List<String> SYSTEM_DATABASES =
      List.of("information_schema", "mysql", "performance_schema", "sys");

  private static final List<Credential> DEFAULT_LIST = Credential.list(DEFAULTS);

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  String product() {
    return "MySQL/MariaDB";
  }

  @Override
  String kind() {
    return "mysql";
  }

  @Override
  int defaultPort() {
    return DEFAULT_PORT;
  }

  @Override
  List<Credential> candidates(TargetContext ctx, Endpoint e) {
    List<Credential> out = new ArrayList<>(DEFAULT_LIST);
    PostgresExposureCheck.identityUser(ctx, e)
        .map(u -> new Credential(u, ""))
        .filter(c -> !out.contains(c))
        .ifPresent(c -> out.add(1, c));
    return out;
  }

  @Override
  String initialDatabase(Endpoint e) {
    return "";
  }

  @Override
  Connection connect(TargetContext ctx, Endpoint e, Credential c, String database)
      throws SQLException {
    int timeoutMs = queryTimeout(ctx) * 1000;
    Properties p = new Properties();
    p.setProperty("user", c.user());
    // MySQL has no "no password": an empty one is what a client without one sends.
    p.setProperty("password", c.password() == null ? "" : c.password());
    p.setProperty("connectTimeout", String.valueOf(timeoutMs));
    p.setProperty("socketTimeout", String.valueOf(timeoutMs));
    // MySQL 8's caching_sha2_password over plain TCP needs the server's key to send a password.
    p.setProperty("allowPublicKeyRetrieval", "true");
    p.setProperty("sslMode", "disable");
    String url = "jdbc:mariadb://" + e.url().getHost() + ":" + e.port(DEFAULT_PORT) + "/";
    Connection conn = new org.mariadb.jdbc.Driver().connect(url, p);
    if (conn == null) {
      throw new SQLException("MariaDB Connector/J did not take " + url);
    }
    try {
      conn.setReadOnly(true);
    } catch (SQLException readOnlyRefused) {
      // Old servers lack read-only sessions; the check only reads anyway, and the login stands.
    }
    return conn;
  }

  @Override
  String refusal(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    if (REFUSALS.contains(e.getErrorCode()) || "28000".equals(e.getSQLState())) {
      return e.getErrorCode() + " " + m;
    }
    return null;
  }

  @Override
  String version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT VERSION()")) {
      if (!rs.next()) {
        throw new SQLException("SELECT VERSION() returned nothing");
      }
      return MySqlGreeting.product(rs.getString(1));
    }
  }

  @Override
  List<String> databases(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW DATABASES")) {
      while (rs.next()) {
        String db = rs.getString(1);
        if (!SYSTEM_DATABASES.contains(db.toLowerCase(java.util.Locale.ROOT))) {
          out.add(db);
        }
      }
    }
    return out;
  }

  @Override
  List<Table> tables(Connection c, String database) throws SQLException {
    List<Table> out = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT table_name, COALESCE(table_rows, 0) FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE'"
                + " ORDER BY 2 DESC, 1 LIMIT 200")) {
      s.setString(1, database);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Table(database, null, rs.getString(1), rs.getLong(2)));
        }
      }
    }
    return out;
  }

  @Override
  String quoted(Table t) {
    return ident(t.database()) + "." + ident(t.name());
  }

  private static String ident(String s) {
    return "`" + s.replace("`", "``") + "`";
  }

  @Override
  <T> T inDatabase(Login login, Connection current, String database, SqlFunction<T> fn)
      throws SQLException {
    // Tables are named with their database: one session reads them all.
    return fn.apply(current);
  }

  @Override
  public String proof() {
    return """
        `root` with an empty password, then `credentials/mysql.txt` (MariaDB Connector/J); same
        proof and sampling
        """;
  }
}
