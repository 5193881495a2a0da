package dev.periksa.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB server from Debian's {@code mariadb-server-core}, started by the lab as a child
 * process with a data folder of its own: nothing of the system's MariaDB (if any) is used. A fresh
 * data folder has {@code root} with an empty password, as MariaDB installs it.
 */
public final class MariaDbServer implements AutoCloseable {

  /** Debian's packages that bring the server and its install script. */
  public static final String PACKAGES = "mariadb-server-core mariadb-client-core";

  // Small InnoDB files: the lab's tables are tiny and two servers share the machine.
  private static final List<String> STORAGE =
      List.of(
          "--innodb-log-file-size=4M",
          "--innodb-data-file-path=ibdata1:4M:autoextend",
          "--innodb-buffer-pool-size=16M");

  private final Process process;
  private final String host;
  private final int port;
  private final Path runDir;
  private String rootPassword = "";
  private Thread exitHook;

  private MariaDbServer(Process process, String host, int port, Path runDir) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.runDir = runDir;
  }

  /** The server binary, or Unavailable with the packages to install. */
  static Path server() throws LabService.Unavailable {
    for (String p : List.of("/usr/sbin/mariadbd", "/usr/sbin/mysqld")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    throw new LabService.Unavailable("MariaDB is not installed (apt-get install " + PACKAGES + ")");
  }

  /**
   * Creates a data folder with MariaDB's own install script (system tables, {@code root} with an
   * empty password, no test database).
   */
  public static void install(Path dataDir, Path logDir) throws Exception {
    server();
    Path script = Path.of("/usr/bin/mariadb-install-db");
    if (!Files.isExecutable(script)) {
      throw new LabService.Unavailable(
          "mariadb-install-db is not installed (apt-get install " + PACKAGES + ")");
    }
    Files.createDirectories(dataDir);
    Files.createDirectories(logDir);
    List<String> cmd = new ArrayList<>();
    cmd.add(script.toString());
    cmd.add("--no-defaults");
    cmd.addAll(userOption());
    cmd.add("--datadir=" + dataDir);
    cmd.add("--auth-root-authentication-method=normal");
    cmd.add("--skip-test-db");
    cmd.add("--skip-name-resolve");
    cmd.addAll(STORAGE);
    Path log = logDir.resolve("mariadb-install.log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("mariadb-install-db did not finish in 120 s (see " + log + ")");
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "mariadb-install-db failed with " + p.exitValue() + " (see " + log + ")");
    }
  }

  /** Copies an installed data folder, so a second server skips the install script. */
  public static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir)));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Starts a server on an installed data folder, listening on {@code host} only (TCP, a port chosen
   * now), its socket and logs in {@code runDir}.
   */
  public static MariaDbServer start(Path dataDir, Path runDir, String host) throws Exception {
    Path binary = server();
    Files.createDirectories(runDir);
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort(host);
      List<String> cmd = new ArrayList<>();
      cmd.add(binary.toString());
      cmd.add("--no-defaults");
      cmd.addAll(userOption());
      cmd.add("--datadir=" + dataDir);
      cmd.add("--bind-address=" + host);
      cmd.add("--port=" + port);
      cmd.add("--socket=" + runDir.resolve("mariadb.sock"));
      cmd.add("--pid-file=" + runDir.resolve("mariadb.pid"));
      cmd.add("--log-error=" + runDir.resolve("mariadb.err"));
      cmd.add("--skip-name-resolve");
      cmd.add("--performance-schema=OFF");
      cmd.add("--max-connections=40");
      cmd.addAll(STORAGE);
      Process p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(runDir.resolve("mariadb.out").toFile())
              .start();
      MariaDbServer s = new MariaDbServer(p, host, port, runDir);
      s.exitHook = new Thread(s::close, "mariadb-stop");
      Runtime.getRuntime().addShutdownHook(s.exitHook);
      try {
        s.awaitReady();
        return s;
      } catch (IOException e) {
        s.close();
        last = e;
      }
    }
    throw last;
  }

  /** MariaDB refuses to run as root unless told to; as anyone else it runs as itself. */
  private static List<String> userOption() {
    return "root".equals(System.getProperty("user.name")) ? List.of("--user=root") : List.of();
  }

  private static int freePort(String host) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, 0));
      return s.getLocalPort();
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "mariadbd exited with " + process.exitValue() + " (see mariadb.err in " + runDir + ")");
      }
      try (Connection c = root()) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while MariaDB started", e);
      }
    }
    throw new IOException("MariaDB did not answer within 60 s", last);
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** The endpoint URL a target profile uses: {@code mysql://host:port}. */
  public URI url() {
    return URI.create("mysql://" + host + ":" + port);
  }

  /** A root session over TCP on the server's own address. */
  public Connection root() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "root");
    p.setProperty("password", rootPassword);
    p.setProperty("connectTimeout", "2000");
    return new org.mariadb.jdbc.Driver().connect("jdbc:mariadb://" + host + ":" + port + "/", p);
  }

  /** Runs statements as root. */
  public void execute(String... sql) throws SQLException {
    try (Connection c = root();
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /**
   * Every root account gets {@code password}; any account a stranger could guess (root from any
   * host, anonymous users) is dropped.
   */
  public void requirePasswords(String password) throws SQLException {
    String quoted = "'" + password.replace("\\", "\\\\").replace("'", "''") + "'";
    List<String> sql = new ArrayList<>();
    // Accounts named by host name (root@<hostname>) are not even loaded under
    // --skip-name-resolve: remove them from the grant table itself.
    sql.add(
        "DELETE FROM mysql.global_priv WHERE User = 'root'"
            + " AND Host NOT IN ('localhost', '127.0.0.1', '::1', '%')");
    sql.add("FLUSH PRIVILEGES");
    try (Connection c = root();
        Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT User, Host FROM mysql.user")) {
      while (rs.next()) {
        String user = rs.getString(1);
        String h = rs.getString(2);
        String account = "'" + user.replace("'", "''") + "'@'" + h.replace("'", "''") + "'";
        if (user.isEmpty()) {
          sql.add("DROP USER " + account);
        } else if (user.equals("root")
            && List.of("localhost", "127.0.0.1", "::1", "%").contains(h)) {
          sql.add("ALTER USER " + account + " IDENTIFIED BY " + quoted);
        }
      }
    }
    sql.add("FLUSH PRIVILEGES");
    execute(sql.toArray(String[]::new));
    rootPassword = password;
  }

  /** Creates a database holding the synthetic e-HAC tables; returns the travellers loaded. */
  public int loadEhac(String database, int records) throws SQLException {
    execute("CREATE DATABASE " + database);
    int travellers = EhacTables.travellers(records);
    try (Connection c = root()) {
      c.setCatalog(database);
      EhacTables.load(c, travellers);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE TABLE " + EhacTables.TRAVELLERS + ", " + EhacTables.HOSPITALS);
      }
    }
    return travellers;
  }

  /**
   * Stops the server (SIGTERM, a clean shutdown) and waits for it; a JVM that exits without closing
   * the lab stops it too. Concurrent callers wait for the first.
   */
  @Override
  public synchronized void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // Already exiting: this may be the hook itself.
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
