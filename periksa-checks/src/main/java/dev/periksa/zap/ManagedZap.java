package dev.periksa.zap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.zaproxy.clientapi.core.ClientApi;
import org.zaproxy.clientapi.core.ClientApiException;

/**
 * A ZAP daemon Periksa runs itself: the cached {@link ZapDistribution} started in a JVM of its own
 * on 127.0.0.1 at a port chosen now, with a random API key and a fresh home folder, and stopped on
 * {@link #close()}.
 *
 * <p>It never outlives Periksa: {@link #close()} asks ZAP to shut down, then ends the process, then
 * kills it; a JVM shutdown hook does the same when Periksa exits without closing it; and ZAP's JVM
 * runs under {@link ZapLauncher}, which ends it when the Periksa process disappears (even by kill
 * -9, when no hook runs). Homes live under the cache's {@code runs/} folder and those left by a
 * killed run are removed at the next start.
 */
public final class ManagedZap implements ZapConnection, AutoCloseable {
  /** Most time from launch to the first API answer. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** Heap of ZAP's JVM: a bounded scan of a few bases needs little. */
  static final String HEAP = "-Xmx512m";

  private static final String ZAP_MAIN = "org.zaproxy.zap.ZAP";

  private final Process process;
  private final Path home;
  private final URI url;
  private final String apiKey;
  private final Thread hook;
  private volatile Duration startTime;
  private volatile boolean closed;

  private static volatile long lastPid = -1;

  private ManagedZap(Process process, Path home, URI url, String apiKey, Thread hook) {
    lastPid = process.pid();
    this.process = process;
    this.home = home;
    this.url = url;
    this.apiKey = apiKey;
    this.hook = hook;
  }

  /** Starts ZAP from the default cache (assembling it first if needed). */
  public static ManagedZap start(Consumer<String> progress) throws IOException {
    return start(ZapDistribution.ensure(progress), List.of(), progress);
  }

  /**
   * Starts ZAP from an assembled distribution.
   *
   * @param extraAddOns more add-on writers, each called with the home's {@code plugin/} folder
   *     before the start (ZAP loads add-ons from there at start only)
   */
  public static ManagedZap start(
      ZapDistribution dist, List<AddOnWriter> extraAddOns, Consumer<String> progress)
      throws IOException {
    long t0 = System.nanoTime();
    Path runs = Files.createDirectories(dist.dir().resolve("runs"));
    removeStaleHomes(runs);
    Path home =
        Files.createDirectory(
            runs.resolve(ProcessHandle.current().pid() + "-" + hex(new SecureRandom(), 4)));
    try {
      Path plugin = Files.createDirectories(home.resolve("plugin"));
      for (Path addOn : dist.addOns()) {
        link(addOn, plugin.resolve(addOn.getFileName()));
      }
      for (AddOnWriter w : extraAddOns) {
        w.writeTo(plugin);
      }
      Path launcher = writeLauncher(home.resolve("launcher"));
      String key = hex(new SecureRandom(), 16);
      int port = freePort();
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add(HEAP);
      cmd.add("-XX:+UseSerialGC");
      // C1 only: ZAP's start is most of its CPU (class loading, add-ons), and its scans wait on
      // the network; the optimising compiler would spend more than it saves.
      cmd.add("-XX:TieredStopAtLevel=1");
      cmd.add("-Djava.awt.headless=true");
      cmd.add("-cp");
      cmd.add(
          Stream.concat(Stream.of(launcher), dist.classPath().stream())
              .map(Path::toString)
              .collect(Collectors.joining(java.io.File.pathSeparator)));
      cmd.add(ZapLauncher.class.getName());
      cmd.add(ZAP_MAIN);
      cmd.addAll(
          List.of(
              "-daemon",
              "-silent",
              "-host",
              "127.0.0.1",
              "-port",
              String.valueOf(port),
              "-dir",
              home.toString(),
              "-config",
              "api.key=" + key,
              // The API answers only this machine; the Java client names ZAP "zap" in its requests
              // (it sends them through ZAP as a proxy), so that name is allowed too.
              "-config",
              "api.addrs.addr(0).name=127.0.0.1",
              "-config",
              "api.addrs.addr(0).regex=false",
              "-config",
              "api.addrs.addr(0).enabled=true",
              "-config",
              "api.addrs.addr(1).name=zap",
              "-config",
              "api.addrs.addr(1).regex=false",
              "-config",
              "api.addrs.addr(1).enabled=true",
              "-config",
              "database.recoverylog=false",
              "-config",
              "start.checkForUpdates=false",
              "-config",
              "start.checkAddonUpdates=false"));
      progress.accept("starting ZAP " + ZapDistribution.VERSION + " on 127.0.0.1:" + port);
      Process p =
          new ProcessBuilder(cmd)
              .directory(home.toFile())
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("zap-console.log").toFile())
              .start();
      Thread hook = new Thread(() -> stop(p, null), "periksa-zap-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      ManagedZap zap = new ManagedZap(p, home, URI.create("http://127.0.0.1:" + port), key, hook);
      try {
        zap.awaitApi(START_TIMEOUT);
      } catch (IOException | RuntimeException e) {
        zap.close();
        throw e;
      }
      zap.startTime = Duration.ofNanos(System.nanoTime() - t0);
      progress.accept(
          String.format(
              "ZAP %s answers on 127.0.0.1:%d (%.1f s)",
              ZapDistribution.VERSION, port, zap.startTime.toMillis() / 1000.0));
      return zap;
    } catch (IOException | RuntimeException e) {
      ZapDistribution.deleteTree(home);
      throw e;
    }
  }

  /** Writes one more add-on into ZAP's {@code plugin/} folder before it starts. */
  @FunctionalInterface
  public interface AddOnWriter {
    void writeTo(Path pluginDir) throws IOException;
  }

  private void awaitApi(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ClientApi api = client();
    ClientApiException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            "ZAP exited (code " + process.exitValue() + ") before answering: " + tail());
      }
      try {
        api.core.version();
        return;
      } catch (ClientApiException e) {
        last = e;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while ZAP was starting");
      }
    }
    throw new IOException(
        "ZAP did not answer within "
            + timeout.toSeconds()
            + " s"
            + (last == null ? "" : " (last error: " + last.getMessage() + ")")
            + ": "
            + tail());
  }

  /** The last lines ZAP wrote, to say why it did not start. */
  String tail() {
    Path log = home.resolve("zap-console.log");
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> useful =
          lines.stream().filter(l -> l.contains("ERROR") || l.contains("Exception")).toList();
      List<String> pick = useful.isEmpty() ? lines : useful;
      return String.join(" | ", pick.subList(Math.max(0, pick.size() - 3), pick.size()));
    } catch (IOException e) {
      return "no console output";
    }
  }

  @Override
  public URI url() {
    return url;
  }

  @Override
  public String apiKey() {
    return apiKey;
  }

  @Override
  public ClientApi client() {
    return new ClientApi(url.getHost(), url.getPort(), apiKey);
  }

  @Override
  public String describe() {
    return "managed ZAP " + ZapDistribution.VERSION + " at " + url;
  }

  /** The process id of ZAP's JVM. */
  /** The process id of the last ZAP started in this JVM, or -1: lets a test see it is gone. */
  public static long lastStartedPid() {
    return lastPid;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return !closed && process.isAlive();
  }

  /** Launch to first API answer. */
  public Duration startTime() {
    return startTime;
  }

  /** The home folder of this run. */
  public Path home() {
    return home;
  }

  /** Resident memory of ZAP's JVM in bytes (Linux), or -1 when it cannot be read. */
  public long residentBytes() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(process, this::client);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook runs or ran.
    }
    ZapDistribution.deleteTree(home);
  }

  /** API shutdown, then a polite end, then a kill; each step waits a little. */
  private static void stop(Process p, Supplier<ClientApi> api) {
    if (!p.isAlive()) {
      return;
    }
    if (api != null) {
      try {
        api.get().core.shutdown();
        if (p.waitFor(10, TimeUnit.SECONDS)) {
          return;
        }
      } catch (ClientApiException e) {
        // Not answering: end the process below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    p.destroy();
    try {
      if (p.waitFor(5, TimeUnit.SECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Removes homes whose Periksa process is gone (named {@code <pid>-<random>}). */
  private static void removeStaleHomes(Path runs) {
    try (Stream<Path> s = Files.list(runs)) {
      for (Path h : s.toList()) {
        String name = h.getFileName().toString();
        int dash = name.indexOf('-');
        try {
          long pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
        } catch (NumberFormatException e) {
          // Not one of ours by name: removed like a stale one.
        }
        ZapDistribution.deleteTree(h);
      }
    } catch (IOException e) {
      // Stale homes waste disk only.
    }
  }

  private static void link(Path target, Path link) throws IOException {
    try {
      Files.createSymbolicLink(link, target.toAbsolutePath());
    } catch (UnsupportedOperationException | IOException e) {
      // No symbolic links on this file system (or not allowed): a copy serves the same.
      Files.copy(target, link);
    }
  }

  /** Copies {@link ZapLauncher}'s class file into a class folder of its own. */
  private static Path writeLauncher(Path dir) throws IOException {
    String resource = ZapLauncher.class.getName().replace('.', '/') + ".class";
    Path out = dir.resolve(resource);
    Files.createDirectories(out.getParent());
    try (InputStream in = ZapLauncher.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("cannot find " + resource + " on Periksa's class path");
      }
      Files.copy(in, out);
    }
    return dir;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static String hex(SecureRandom r, int bytes) {
    byte[] b = new byte[bytes];
    r.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
