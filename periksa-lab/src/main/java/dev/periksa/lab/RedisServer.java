package dev.periksa.lab;

import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.Resp;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Scope;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real {@code redis-server} from the machine's packages, started with a generated configuration:
 * one loopback address, a port picked at start, no persistence, and optionally a password (and an
 * ACL user) so it refuses strangers.
 */
public final class RedisServer implements AutoCloseable {
  private final ServerProcess process;
  private final String password;

  private RedisServer(ServerProcess process, String password) {
    this.process = process;
    this.password = password;
  }

  /**
   * Starts redis-server in its own folder.
   *
   * @param requirepass the default user's password, or null for a server that answers anyone
   * @param user an ACL user to add with {@code userPassword}, or null
   */
  public static RedisServer start(
      Path dir, String host, String requirepass, String user, String userPassword)
      throws LabService.Unavailable, IOException, InterruptedException {
    Path binary = ServerProcess.require("redis-server", "redis-server");
    Files.createDirectories(dir);
    ServerProcess p =
        ServerProcess.start(
            "redis",
            dir,
            host,
            port -> {
              List<String> conf = new ArrayList<>();
              conf.add("bind " + host);
              conf.add("port " + port);
              conf.add("protected-mode no");
              conf.add("daemonize no");
              conf.add("save \"\"");
              conf.add("appendonly no");
              conf.add("dir " + dir);
              conf.add("logfile \"\"");
              conf.add("maxmemory 64mb");
              if (requirepass != null) {
                conf.add("requirepass " + requirepass);
              }
              if (user != null) {
                conf.add("user " + user + " on >" + userPassword + " ~* &* +@all");
              }
              Path file = dir.resolve("redis.conf");
              Files.write(file, conf);
              Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
              return List.of(binary.toString(), file.toString());
            },
            Map.of());
    return new RedisServer(p, requirepass);
  }

  public URI url() {
    return URI.create("redis://" + process.host() + ":" + process.port());
  }

  public String host() {
    return process.host();
  }

  public int port() {
    return process.port();
  }

  /** Writes string keys, logging in first if the server has a password. */
  public void set(Map<String, String> entries) {
    TcpProbe tcp =
        new TcpProbe(
            new Scope(List.of(process.host())),
            new HostRateLimiter(1_000),
            Duration.ofSeconds(10),
            Integer.MAX_VALUE);
    try (TcpProbe.Session s = tcp.open(process.host(), process.port())) {
      if (password != null) {
        expectOk(Resp.call(s, "AUTH", password));
      }
      for (Map.Entry<String, String> e : entries.entrySet()) {
        expectOk(Resp.call(s, "SET", e.getKey(), e.getValue()));
      }
    }
  }

  private static void expectOk(Resp.Reply r) {
    if (!(r instanceof Resp.Simple s && s.text().equals("OK"))) {
      throw new IllegalStateException("redis-server refused a lab write: " + r);
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
