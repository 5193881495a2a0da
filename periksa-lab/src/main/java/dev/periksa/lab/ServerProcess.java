package dev.periksa.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server binary from the machine's packages, run as a child process of the lab on one loopback
 * address and a port picked at start, its output in a log file in the lab's folder.
 */
public final class ServerProcess implements AutoCloseable {
  private static final List<String> SEARCH_PATH = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");

  private final Process process;
  private final String host;
  private final int port;
  private final Path log;

  private ServerProcess(Process process, String host, int port, Path log) {
    this.process = process;
    this.host = host;
    this.port = port;
    this.log = log;
  }

  /** The binary's path on PATH or in the usual system folders, if it is installed. */
  public static Optional<Path> find(String binary) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(java.io.File.pathSeparator)));
    }
    dirs.addAll(SEARCH_PATH);
    for (String d : dirs) {
      if (d.isEmpty()) {
        continue;
      }
      Path p = Path.of(d, binary);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The binary, or Unavailable naming the Debian package that brings it. */
  public static Path require(String binary, String debianPackage) throws LabService.Unavailable {
    return find(binary)
        .orElseThrow(
            () ->
                new LabService.Unavailable(
                    binary + " is not installed (apt-get install " + debianPackage + ")"));
  }

  /**
   * A port free on the host right now. Some servers (Redis) refuse port 0, so the port is found by
   * binding one and releasing it; {@link #start} retries if another process takes it meanwhile.
   */
  public static int freePort(String host) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, 0));
      return s.getLocalPort();
    }
  }

  /** Builds a command line for a port; the same port is used for the readiness check. */
  @FunctionalInterface
  public interface Command {
    List<String> forPort(int port) throws IOException;
  }

  /**
   * Starts the server and waits until its port accepts connections.
   *
   * @param name short name for the log file and messages
   * @param env extra environment variables
   */
  public static ServerProcess start(
      String name, Path dir, String host, Command command, Map<String, String> env)
      throws IOException, InterruptedException {
    return start(name, dir, host, 0, command, env);
  }

  /**
   * Starts the server on a port the caller chose (0: one picked here, retried if taken meanwhile)
   * and waits until it accepts connections.
   */
  public static ServerProcess start(
      String name, Path dir, String host, int fixedPort, Command command, Map<String, String> env)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    IOException last = null;
    for (int attempt = 0; attempt < (fixedPort > 0 ? 1 : 3); attempt++) {
      int port = fixedPort > 0 ? fixedPort : freePort(host);
      Path log = dir.resolve(name + ".log");
      ProcessBuilder pb =
          new ProcessBuilder(command.forPort(port))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      ServerProcess s = new ServerProcess(p, host, port, log);
      try {
        s.awaitReady(name);
        return s;
      } catch (IOException e) {
        s.close();
        last = e;
      }
    }
    throw last;
  }

  private void awaitReady(String name) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + ": " + logTail());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException(name + " did not listen on " + host + ":" + port + ": " + logTail());
  }

  /** The end of the server's log, for an error message. */
  public String logTail() {
    try {
      String s = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      return s.length() > 600 ? s.substring(s.length() - 600) : s;
    } catch (IOException e) {
      return "(log unreadable)";
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
