package dev.periksa.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real nginx from the machine's packages (Debian's {@code nginx}, built with OpenSSL), started in
 * the foreground with a configuration generated in its own folder: one HTTPS port and one plain
 * HTTP port on one loopback address, both picked at start. Pages are answered by nginx's {@code
 * return} directive, so worker processes read no file; when the lab runs as root the workers run as
 * root too ({@code user root}), as an unprivileged user nginx ignores the directive and keeps the
 * lab's user.
 */
public final class NginxServer implements AutoCloseable {
  /** Mozilla "intermediate" TLS 1.2 suites (OpenSSL names); TLS 1.3 keeps OpenSSL's defaults. */
  public static final String STRONG_CIPHERS =
      "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
          + "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
          + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

  private final ServerProcess process;
  private final int plainPort;

  private NginxServer(ServerProcess process, int plainPort) {
    this.process = process;
    this.plainPort = plainPort;
  }

  /** Writes the two server blocks of a configuration, given the ports chosen. */
  @FunctionalInterface
  public interface Servers {
    String blocks(int httpsPort, int plainPort);
  }

  /**
   * Starts nginx with the given server blocks inside an {@code http} block of its own (logs, temp
   * folders and the pid file in {@code dir}).
   */
  public static NginxServer start(Path dir, String host, Servers servers)
      throws LabService.Unavailable, IOException, InterruptedException {
    return start(dir, host, 0, 0, servers);
  }

  /**
   * As {@link #start(Path, String, Servers)}, on the ports given (0: picked at start), for a lab
   * that keeps its services inside one port range.
   */
  public static NginxServer start(
      Path dir, String host, int httpsPort, int plainPort, Servers servers)
      throws LabService.Unavailable, IOException, InterruptedException {
    Path binary = ServerProcess.require("nginx", "nginx");
    Files.createDirectories(dir.resolve("temp"));
    int[] plain = new int[1];
    ServerProcess p =
        ServerProcess.start(
            "nginx",
            dir,
            host,
            httpsPort,
            port -> {
              plain[0] = plainPort > 0 ? plainPort : ServerProcess.freePort(host);
              Path conf = dir.resolve("nginx.conf");
              Files.writeString(conf, config(dir, servers.blocks(port, plain[0])));
              List<String> cmd = new ArrayList<>();
              cmd.add(binary.toString());
              // Errors go to the process's output, which the lab keeps in nginx.log.
              cmd.add("-e");
              cmd.add("stderr");
              cmd.add("-p");
              cmd.add(dir.toString());
              cmd.add("-c");
              cmd.add(conf.toString());
              cmd.add("-g");
              cmd.add("daemon off; master_process on;");
              return cmd;
            },
            Map.of());
    NginxServer n = new NginxServer(p, plain[0]);
    try {
      n.awaitPlainPort();
    } catch (IOException e) {
      n.close();
      throw e;
    }
    return n;
  }

  private static String config(Path dir, String servers) {
    String temp = dir.resolve("temp").toString();
    return String.join(
        "\n",
        "worker_processes 1;",
        "pid " + dir.resolve("nginx.pid") + ";",
        "error_log stderr warn;",
        runsAsRoot() ? "user root root;" : "",
        "events { worker_connections 128; }",
        "http {",
        "  access_log " + dir.resolve("access.log") + ";",
        "  client_body_temp_path " + temp + "/client;",
        "  proxy_temp_path " + temp + "/proxy;",
        "  fastcgi_temp_path " + temp + "/fastcgi;",
        "  uwsgi_temp_path " + temp + "/uwsgi;",
        "  scgi_temp_path " + temp + "/scgi;",
        "  default_type text/html;",
        "  charset utf-8;",
        servers,
        "}",
        "");
  }

  private static boolean runsAsRoot() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (RuntimeException | LinkageError e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /** The plain port was free when chosen; wait until nginx listens there too. */
  private void awaitPlainPort() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress(process.host(), plainPort), 500);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException(
              "nginx did not listen on "
                  + process.host()
                  + ":"
                  + plainPort
                  + ": "
                  + process.logTail());
        }
        Thread.sleep(50);
      }
    }
  }

  public URI httpsUrl() {
    return URI.create("https://" + process.host() + ":" + process.port());
  }

  public URI plainUrl() {
    return URI.create("http://" + process.host() + ":" + plainPort);
  }

  @Override
  public void close() {
    process.close();
  }
}
