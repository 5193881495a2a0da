package dev.periksa.lab;

import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.MemcachedWire;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Scope;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code memcached} from the machine's packages on one loopback address and a port picked at
 * start, without UDP. With a user it runs with SASL (-S): its own SASL configuration and user
 * database in its folder (made with {@code saslpasswd2}), binary protocol only, nothing served
 * before a login.
 */
public final class MemcachedServer implements AutoCloseable {
  private final ServerProcess process;
  private final String user;
  private final String password;

  private MemcachedServer(ServerProcess process, String user, String password) {
    this.process = process;
    this.user = user;
    this.password = password;
  }

  /**
   * Starts memcached in its own folder.
   *
   * @param user the one SASL user, or null for a server that serves anyone
   */
  public static MemcachedServer start(Path dir, String host, String user, String password)
      throws LabService.Unavailable, IOException, InterruptedException {
    Path binary = ServerProcess.require("memcached", "memcached");
    Files.createDirectories(dir);
    Map<String, String> env = Map.of();
    if (user != null) {
      Path saslpasswd = ServerProcess.require("saslpasswd2", "sasl2-bin");
      Path sasl = dir.resolve("sasl");
      Files.createDirectories(sasl);
      Path db = sasl.resolve("sasldb2");
      Files.writeString(
          sasl.resolve("memcached.conf"), "mech_list: plain\nsasldb_path: " + db + "\n");
      Process p =
          new ProcessBuilder(
                  saslpasswd.toString(), "-p", "-c", "-a", "memcached", "-f", db.toString(), user)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("saslpasswd2.log").toFile())
              .start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(password.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("saslpasswd2 could not create the memcached SASL user");
      }
      env = Map.of("SASL_CONF_PATH", sasl.toString());
    }
    String runAs = System.getProperty("user.name");
    boolean sasl = user != null;
    ServerProcess p =
        ServerProcess.start(
            "memcached",
            dir,
            host,
            port -> {
              List<String> cmd = new ArrayList<>();
              cmd.addAll(
                  List.of(
                      binary.toString(),
                      "-l",
                      host,
                      "-p",
                      String.valueOf(port),
                      "-U",
                      "0",
                      "-m",
                      "16",
                      "-c",
                      "64",
                      "-t",
                      "1",
                      "-u",
                      runAs));
              if (sasl) {
                cmd.add("-S");
              }
              return cmd;
            },
            env);
    return new MemcachedServer(p, user, password);
  }

  public URI url() {
    return URI.create("memcached://" + process.host() + ":" + process.port());
  }

  /** Stores values over the binary protocol, after a SASL login if the server has a user. */
  public void set(Map<String, String> entries) {
    TcpProbe tcp =
        new TcpProbe(
            new Scope(List.of(process.host())),
            new HostRateLimiter(1_000),
            Duration.ofSeconds(10),
            Integer.MAX_VALUE);
    try (TcpProbe.Session s = tcp.open(process.host(), process.port())) {
      if (user != null) {
        s.send(MemcachedWire.saslPlain(user, password));
        expectOk(MemcachedWire.readBinary(s), "SASL login");
      }
      byte[] extras = ByteBuffer.allocate(8).putInt(0).putInt(0).array(); // flags, no expiry
      for (Map.Entry<String, String> e : entries.entrySet()) {
        s.send(
            MemcachedWire.binary(
                MemcachedWire.OP_SET,
                extras,
                e.getKey().getBytes(StandardCharsets.US_ASCII),
                e.getValue().getBytes(StandardCharsets.UTF_8)));
        expectOk(MemcachedWire.readBinary(s), "set");
      }
    }
  }

  private static void expectOk(MemcachedWire.BinaryReply r, String what) {
    if (r.status() != MemcachedWire.STATUS_OK) {
      throw new IllegalStateException(
          "memcached refused a lab " + what + " (status " + r.status() + ")");
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
