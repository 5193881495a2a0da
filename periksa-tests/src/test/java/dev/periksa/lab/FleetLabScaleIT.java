package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.target.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand targets in one JVM: every address binds, every profile loads, one of each kind answers
 * as its kind does, and every answering target serves a request in one bounded round. Prints the
 * start time, the threads and heap the fleet adds, and the round's rate.
 */
class FleetLabScaleIT {
  static final int SIZE = 1_000;

  @TempDir Path dir;

  @Test
  void aThousandTargetsInOneJvm() throws Exception {
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    try (FleetLab fleet = FleetLab.start(SIZE, dir.resolve("profiles"), 1, s -> {})) {
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
      long heapAfter = usedHeap();

      assertEquals(SIZE, fleet.targets().size());
      assertEquals(SIZE, Files.readAllLines(fleet.inventory()).size());
      assertEquals(SIZE, fleet.targets().stream().map(FleetLab.Target::host).distinct().count());
      assertTrue(
          fleet.targets().stream().noneMatch(t -> t.host().startsWith("127.0.")),
          "127.0.0.0/24 belongs to the demo lab");

      long t1 = System.nanoTime();
      ProfileLoader loader = ProfileLoader.withOverrides(fleet.variables());
      for (String line : Files.readAllLines(fleet.inventory())) {
        loader.load(Path.of(line));
      }
      double loadSeconds = (System.nanoTime() - t1) / 1e9;

      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      FleetLab.Target slow = first(fleet, FleetLab.Kind.SLOW_SEARCH);
      long ts = System.nanoTime();
      CompletableFuture<HttpResponse<String>> slowReply =
          http.sendAsync(request(slow.url().resolve("/")), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, send(http, first(fleet, FleetLab.Kind.EXPOSED_SEARCH), "/"));
      assertEquals(401, send(http, first(fleet, FleetLab.Kind.PROTECTED_SEARCH), "/"));
      FleetLab.Target api = first(fleet, FleetLab.Kind.EXPOSED_API);
      assertEquals(200, send(http, api, "/api/v1/travellers/" + api.recordId()));
      FleetLab.Target locked = first(fleet, FleetLab.Kind.PROTECTED_API);
      assertEquals(401, send(http, locked, "/api/v1/travellers/" + locked.recordId()));
      silent(first(fleet, FleetLab.Kind.DEAD_SILENT));
      FleetLab.Target closed = first(fleet, FleetLab.Kind.DEAD_CLOSED);
      assertThrows(
          IOException.class,
          () -> {
            try (Socket s = new Socket()) {
              s.connect(new InetSocketAddress(closed.host(), closed.url().getPort()), 2_000);
            }
          });
      assertEquals(200, slowReply.get(15, TimeUnit.SECONDS).statusCode());
      double slowSeconds = (System.nanoTime() - ts) / 1e9;
      assertTrue(slowSeconds >= FleetLab.SLOW_MILLIS / 1000.0 - 0.1, "slow: " + slowSeconds);

      // One bounded round: every target that answers, 64 requests in flight at most.
      List<FleetLab.Target> answering =
          fleet.targets().stream()
              .filter(
                  t -> t.kind().group().equals("exposed") || t.kind().group().equals("protected"))
              .toList();
      Semaphore inFlight = new Semaphore(64);
      AtomicInteger ok = new AtomicInteger();
      List<CompletableFuture<?>> all = new ArrayList<>();
      long t2 = System.nanoTime();
      for (FleetLab.Target t : answering) {
        inFlight.acquire();
        all.add(
            http.sendAsync(request(t.url().resolve("/")), HttpResponse.BodyHandlers.discarding())
                .whenComplete(
                    (r, e) -> {
                      inFlight.release();
                      if (r != null && (r.statusCode() == 200 || r.statusCode() == 401)) {
                        ok.incrementAndGet();
                      }
                    }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      double roundSeconds = (System.nanoTime() - t2) / 1e9;
      assertEquals(answering.size(), ok.get());

      StringBuilder b = new StringBuilder("\n=== Fleet lab: " + SIZE + " targets in one JVM ===\n");
      b.append(
          String.format("start (bind %d addresses, write profiles): %.2f s%n", SIZE, startSeconds));
      b.append(String.format("profiles loaded with ProfileLoader:       %.2f s%n", loadSeconds));
      b.append(
          String.format(
              "threads: %d before, %d after start (+%d)%n",
              threadsBefore, threadsAfter, threadsAfter - threadsBefore));
      b.append(
          String.format(
              "heap used after GC: +%.1f MiB for the fleet%n",
              (heapAfter - heapBefore) / 1024.0 / 1024.0));
      openFiles().ifPresent(n -> b.append("open file descriptors: ").append(n).append('\n'));
      b.append(
          String.format(
              "one round over the %d answering targets: %.2f s (%.0f requests/s, 64 in flight)%n",
              answering.size(), roundSeconds, answering.size() / roundSeconds));
      b.append(String.format("slow target answered after %.1f s%n", slowSeconds));
      Map<FleetLab.Kind, Integer> counts = fleet.counts();
      counts.forEach((k, v) -> b.append(String.format("  %-16s %4d%n", k, v)));
      System.out.println(b);
    }
  }

  private static FleetLab.Target first(FleetLab fleet, FleetLab.Kind kind) {
    return fleet.targets().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
  }

  private static HttpRequest request(URI u) {
    return HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10)).build();
  }

  private static int send(HttpClient http, FleetLab.Target t, String path) throws Exception {
    return http.send(request(t.url().resolve(path)), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** A silent target accepts the connection and the request, and answers nothing. */
  private static void silent(FleetLab.Target t) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(t.host(), t.url().getPort()), 2_000);
      s.setSoTimeout(1_000);
      s.getOutputStream()
          .write(
              ("GET / HTTP/1.1\r\nHost: " + t.host() + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      assertThrows(SocketTimeoutException.class, in::read);
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static java.util.Optional<Long> openFiles() {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return java.util.Optional.empty();
    }
    try (var s = Files.list(fds)) {
      return java.util.Optional.of(s.count());
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
