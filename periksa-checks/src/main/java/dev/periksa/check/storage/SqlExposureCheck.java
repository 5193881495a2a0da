package dev.periksa.check.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.periksa.target.Identity;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * STO-3 for SQL databases reached through their JDBC drivers: a stranger tries to log in without a
 * password, then with the product's short default list. Each attempt is one connection, cleared by
 * the target's scope and rate limit first.
 *
 * <p>A login the server refuses (its own authentication error) counts toward a PASS; anything else
 * (no reply, a reply that is not the product's protocol, a server error) makes the endpoint
 * INCONCLUSIVE. A login that succeeds is the violation; the check then proves it with a second,
 * product-specific signal (the server's version and its catalogue of databases), counts tables and
 * reads at most {@link #ROWS_PER_TABLE} rows from each of the {@link #MAX_TABLES_SAMPLED} largest
 * tables, so the severity follows the data.
 */
abstract class SqlExposureCheck extends EndpointCheck {

  /** Databases whose tables are listed. */
  static final int MAX_DATABASES = 10;

  /** Tables whose rows are counted (largest estimates first). */
  static final int MAX_TABLES_COUNTED = 20;

  /** Tables sampled, largest first. */
  static final int MAX_TABLES_SAMPLED = 3;

  /** Rows read from each sampled table. */
  static final int ROWS_PER_TABLE = 2;

  /** Rows counted at most in one table; more shows as "at least". */
  static final long COUNT_CAP = 1_000_000;

  /** Tables and databases named in the evidence. */
  static final int MAX_LISTED = 50;

  /** Characters kept of one column value in a sample (before masking). */
  static final int MAX_VALUE_CHARS = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A table found after login. */
  record Table(String database, String schema, String name, long estimate) {
    String qualified() {
      return schema == null ? database + "." + name : database + "." + schema + "." + name;
    }
  }

  /** A table with its rows counted (or estimated when counting failed). */
  record Counted(Table table, long rows, boolean atLeast, boolean estimated) {}

  /** A session as a stranger, and how it was opened. */
  record Login(TargetContext ctx, Endpoint endpoint, Credential credential, String database) {}

  /** Functions that read through a connection. */
  @FunctionalInterface
  interface SqlFunction<T> {
    T apply(Connection c) throws SQLException;
  }

  /** Product name for titles, e.g. "PostgreSQL". */
  abstract String product();

  /** The endpoint kind this check probes. */
  abstract String kind();

  /** The product's usual port, for URLs that name none. */
  abstract int defaultPort();

  /** The logins to try, in order: without a password first, then the shipped defaults. */
  abstract List<Credential> candidates(TargetContext ctx, Endpoint e);

  /** The database a first session opens, e.g. from the URL's path. */
  abstract String initialDatabase(Endpoint e);

  /** Opens one session; the host has been cleared by the probe's scope and rate limit. */
  abstract Connection connect(TargetContext ctx, Endpoint e, Credential c, String database)
      throws SQLException;

  /**
   * Why the server refused this login, when the error is the server's own refusal of the
   * credential; null for any other error (which makes the endpoint INCONCLUSIVE).
   */
  abstract String refusal(SQLException e);

  /** Product and version as the server reports them, e.g. "PostgreSQL 17.6". */
  abstract String version(Connection c) throws SQLException;

  /** Databases a session may look into, system ones left out. */
  abstract List<String> databases(Connection c) throws SQLException;

  /** Tables of one database with their estimated rows, largest first. */
  abstract List<Table> tables(Connection c, String database) throws SQLException;

  /** The table's name as SQL writes it, quoted. */
  abstract String quoted(Table t);

  /** Runs {@code fn} on a session that can read {@code database} (a new one if need be). */
  abstract <T> T inDatabase(Login login, Connection current, String database, SqlFunction<T> fn)
      throws SQLException;

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    List<Map<String, Object>> refused = new ArrayList<>();
    String database = initialDatabase(e);
    for (Credential c : candidates(ctx, e)) {
      Connection conn;
      try {
        ctx.tcp().admit(e.url().getHost());
        conn = held(ctx, connect(ctx, e, c, database));
      } catch (SQLException ex) {
        String why = refusal(ex);
        if (why != null) {
          Map<String, Object> attempt = new LinkedHashMap<>();
          attempt.put("credential", c.masked());
          attempt.put("reply", c.scrub(cap(why, 200)));
          refused.add(attempt);
          continue;
        }
        String error = c.scrub(describe(ex));
        if (!refused.isEmpty()) {
          result.observe(refusedEvidence(ctx, e, refused));
        }
        result.observe(
            ctx.redactor()
                .capture(
                    "no usable reply from " + e.name(),
                    location(e) + " as " + c.masked(),
                    0,
                    null,
                    Map.of("error", error)));
        result.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": did not answer a login like " + product() + " (" + error + ")");
        return;
      }
      try (conn) {
        exposed(new Login(ctx, e, c, database), conn, refused, result);
      } catch (SQLException ex) {
        // The session is already the violation; a failure while looking around only limits what
        // the finding can say, and exposed() records it.
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": logged in as "
                + c.masked()
                + " but could not read the catalogue to confirm it ("
                + cap(c.scrub(describe(ex)), 200)
                + ")");
      }
      return;
    }
    result.observe(refusedEvidence(ctx, e, refused));
    result.part(
        Outcome.PASS,
        e.name()
            + ": refused all "
            + refused.size()
            + " logins a stranger tried (without a password, then the product's defaults)");
    confirmWithIdentity(ctx, e, result);
  }

  private void exposed(
      Login login, Connection conn, List<Map<String, Object>> refused, CheckResult.Builder result)
      throws SQLException {
    TargetContext ctx = login.ctx();
    Endpoint e = login.endpoint();
    Credential c = login.credential();
    String version = version(conn);
    List<Evidence> evidence = new ArrayList<>();

    Map<String, Object> loginFacts = new LinkedHashMap<>();
    loginFacts.put("product", version);
    loginFacts.put("credential", c.masked());
    loginFacts.put("how", c.how());
    loginFacts.put("refusedBefore", refused.size());
    evidence.add(
        ctx.redactor()
            .capture(
                "login as " + c.masked(),
                location(e) + "/" + login.database(),
                0,
                Redactor.utf8(version),
                loginFacts));

    List<String> notes = new ArrayList<>();
    List<String> dbs = databases(conn);
    List<Counted> counted = new ArrayList<>();
    int budget = MAX_TABLES_COUNTED;
    List<Table> all = new ArrayList<>();
    for (String db : dbs.stream().limit(MAX_DATABASES).toList()) {
      try {
        int left = budget;
        List<Counted> here =
            inDatabase(
                login,
                conn,
                db,
                s -> {
                  List<Table> ts = tables(s, db);
                  all.addAll(ts);
                  List<Counted> out = new ArrayList<>();
                  for (Table t : ts.stream().limit(left).toList()) {
                    out.add(count(s, t, ctx));
                  }
                  return out;
                });
        counted.addAll(here);
        budget -= here.size();
      } catch (SQLException ex) {
        notes.add(db + ": " + cap(c.scrub(describe(ex)), 200));
      }
    }
    long rows = counted.stream().mapToLong(Counted::rows).sum();
    evidence.add(inventoryEvidence(ctx, e, dbs, all, counted, rows, notes));

    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    List<Counted> sample =
        counted.stream()
            .filter(t -> t.rows() > 0)
            .sorted(Comparator.comparingLong(Counted::rows).reversed())
            .limit(MAX_TABLES_SAMPLED)
            .toList();
    for (Counted t : sample) {
      try {
        List<String> docs =
            inDatabase(login, conn, t.table().database(), s -> sampleRows(s, t.table(), ctx));
        for (String d : docs) {
          ctx.scanner()
              .count(ctx.scanner().scan(d))
              .forEach((k, v) -> total.merge(k, v, Integer::sum));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("table", t.table().qualified());
        facts.put("rows", t.rows());
        facts.put("sampled", docs.size());
        evidence.add(
            ctx.redactor()
                .capture(
                    "sample of table " + t.table().qualified(),
                    "SELECT * FROM " + quoted(t.table()) + " LIMIT " + ROWS_PER_TABLE,
                    0,
                    Redactor.utf8(String.join("\n", docs)),
                    facts,
                    docs));
      } catch (SQLException ex) {
        notes.add(t.table().qualified() + ": " + cap(c.scrub(describe(ex)), 200));
      }
    }
    if (!refused.isEmpty()) {
      result.observe(refusedEvidence(ctx, e, refused));
    }
    Severity severity = Redactor.severityOf(total);
    String holds =
        total.isEmpty()
            ? "no personal data in the sample"
            : "sample holds "
                + total.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
    Finding f =
        new Finding(
            String.format(
                "%s lets a stranger in as %s %s: %s, %s, %s; %s",
                version,
                c.user(),
                c.how(),
                plural(dbs.size(), "database"),
                plural(all.size(), "table"),
                plural(rows, "row"),
                holds),
            location(e),
            severity,
            evidence,
            metadata().remediation());
    result.fail(f, e.name() + ": logged in as " + c.masked() + " (" + severity + ")");
  }

  private Counted count(Connection s, Table t, TargetContext ctx) {
    String sql =
        "SELECT COUNT(*) FROM (SELECT 1 FROM " + quoted(t) + " LIMIT " + (COUNT_CAP + 1) + ") n";
    try (Statement st = s.createStatement()) {
      st.setQueryTimeout(queryTimeout(ctx));
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        long n = rs.getLong(1);
        return new Counted(t, Math.min(n, COUNT_CAP), n > COUNT_CAP, false);
      }
    } catch (SQLException e) {
      return new Counted(t, Math.max(0, t.estimate()), false, true);
    }
  }

  private List<String> sampleRows(Connection s, Table t, TargetContext ctx) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = s.createStatement()) {
      st.setQueryTimeout(queryTimeout(ctx));
      st.setMaxRows(ROWS_PER_TABLE);
      try (ResultSet rs =
          st.executeQuery("SELECT * FROM " + quoted(t) + " LIMIT " + ROWS_PER_TABLE)) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next() && out.size() < ROWS_PER_TABLE) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.put(md.getColumnLabel(i), value(rs.getObject(i)));
          }
          try {
            out.add(JSON.writeValueAsString(row));
          } catch (JsonProcessingException e) {
            throw new SQLException("a row could not be written as JSON", e);
          }
        }
      }
    }
    return out;
  }

  /** A column value as a sample shows it: numbers and booleans as they are, the rest as text. */
  static Object value(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof byte[] b) {
      return "<" + b.length + " bytes>";
    }
    return cap(v.toString(), MAX_VALUE_CHARS);
  }

  private Evidence inventoryEvidence(
      TargetContext ctx,
      Endpoint e,
      List<String> dbs,
      List<Table> all,
      List<Counted> counted,
      long rows,
      List<String> notes) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("databaseCount", dbs.size());
    facts.put("databases", dbs.stream().limit(MAX_LISTED).toList());
    facts.put("tableCount", all.size());
    facts.put("rows", rows);
    List<Map<String, Object>> tables = new ArrayList<>();
    Set<Table> seen = new LinkedHashSet<>();
    for (Counted t : counted) {
      if (tables.size() >= MAX_LISTED) {
        break;
      }
      seen.add(t.table());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", t.table().qualified());
      m.put("rows", t.rows());
      if (t.atLeast()) {
        m.put("atLeast", true);
      }
      if (t.estimated()) {
        m.put("estimated", true);
      }
      tables.add(m);
    }
    for (Table t : all) {
      if (tables.size() >= MAX_LISTED) {
        break;
      }
      if (!seen.contains(t)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.qualified());
        m.put("estimatedRows", Math.max(0, t.estimate()));
        tables.add(m);
      }
    }
    facts.put("tables", tables);
    if (!notes.isEmpty()) {
      facts.put("notRead", notes);
    }
    String listing =
        all.stream().map(t -> t.qualified() + " " + t.estimate()).collect(Collectors.joining("\n"));
    return ctx.redactor()
        .capture(
            "databases and tables",
            location(e),
            0,
            listing.getBytes(StandardCharsets.UTF_8),
            facts);
  }

  private Evidence refusedEvidence(
      TargetContext ctx, Endpoint e, List<Map<String, Object>> refused) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("refused", refused.size());
    facts.put("attempts", refused);
    return ctx.redactor().capture("logins refused", location(e), 0, null, facts);
  }

  /** With the declared identity the server should let us in: proof the refusals came from it. */
  private void confirmWithIdentity(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (e.identity() == null) {
      return;
    }
    Optional<Identity> id = ctx.profile().identity(e.identity());
    // The confirmation logs in: an identity with a token or key alone has nothing to log in with.
    if (id.isEmpty() || !id.get().canLogIn()) {
      return;
    }
    Credential c = new Credential(id.get().username(), id.get().password().reveal());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("identity", id.get().name());
    try {
      ctx.tcp().admit(e.url().getHost());
      try (Connection conn = held(ctx, connect(ctx, e, c, initialDatabase(e)))) {
        facts.put("answered", true);
        facts.put("product", version(conn));
      }
    } catch (SQLException ex) {
      facts.put("answered", false);
      facts.put("error", cap(c.scrub(describe(ex)), 200));
    } catch (ProbeException ex) {
      facts.put("answered", false);
      facts.put("error", ex.getMessage());
    }
    result.observe(
        ctx.redactor().capture("with the declared identity", location(e), 0, null, facts));
  }

  /** host:port as evidence names it, in the endpoint's own scheme. */
  final String location(Endpoint e) {
    return e.url().getScheme() + "://" + e.url().getHost() + ":" + e.port(defaultPort());
  }

  /** The run's capped timeout in whole seconds, for the drivers. */
  static int queryTimeout(TargetContext ctx) {
    return (int) Math.max(1, (ctx.timeout().toMillis() + 999) / 1000);
  }

  /**
   * A driver's connection held by the check, so its end (or its deadline) aborts it: a JDBC
   * connection blocked on a silent server is closed from outside, not waited for.
   */
  static Connection held(TargetContext ctx, Connection c) {
    java.io.Closeable abort =
        () -> {
          try {
            c.abort(Runnable::run);
          } catch (SQLException | RuntimeException ex) {
            // Already closed.
          }
        };
    ctx.log().hold(abort);
    return c;
  }

  @Override
  protected boolean connectsThroughDriver() {
    return true;
  }

  static String describe(SQLException e) {
    String state = e.getSQLState();
    String m = ProbeErrors.plain(e);
    return (state == null ? "" : state + " ") + m.strip();
  }

  /** "1 table", "2 tables", "1,234 rows". */
  static String plural(long n, String noun) {
    return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
  }

  static String cap(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max) + "…";
  }
}
