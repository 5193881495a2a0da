package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.periksa.target.Scope;
import dev.periksa.testing.TestServers;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The probe's guarantees, against real servers: scope, no redirects, body cap, timeout. */
class HttpProbeIT {
  private static HttpProbe probe(String host, Duration timeout, int cap) {
    return new HttpProbe(new Scope(List.of(host)), new HostRateLimiter(100), timeout, cap);
  }

  @Test
  void aHostOutsideTheScopeIsNeverContacted() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.5", 0), 4);
    s.createContext(
        "/",
        ex -> {
          hits.incrementAndGet();
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    s.start();
    try {
      URI url = URI.create("http://127.0.0.5:" + s.getAddress().getPort() + "/");
      assertThrows(
          OutOfScopeException.class,
          () -> probe("127.0.0.9", Duration.ofSeconds(2), 1024).get(url));
      assertEquals(0, hits.get());
      assertEquals(204, probe("127.0.0.5", Duration.ofSeconds(2), 1024).get(url).status());
      assertEquals(1, hits.get());
    } finally {
      s.stop(0);
    }
  }

  @Test
  void redirectsAreReportedNotFollowed() throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.5", 0), 4);
    s.createContext(
        "/",
        ex -> {
          ex.getResponseHeaders().add("Location", "http://127.0.0.9/stolen");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    s.start();
    try {
      URI url = URI.create("http://127.0.0.5:" + s.getAddress().getPort() + "/");
      ProbeResponse r = probe("127.0.0.5", Duration.ofSeconds(2), 1024).get(url);
      assertEquals(302, r.status());
      assertEquals("http://127.0.0.9/stolen", r.header("location").orElseThrow());
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aHugeBodyIsCutAtTheCap() throws Exception {
    String huge = "x".repeat(5_000_000);
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, huge)) {
      ProbeResponse r = probe("127.0.0.5", Duration.ofSeconds(5), 64 * 1024).get(s.url());
      assertEquals(64 * 1024, r.body().length);
      assertTrue(r.truncated());
      assertTrue(r.json().isEmpty(), "a truncated body is never parsed as JSON");
    }
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "{\"ok\":true}")) {
      ProbeResponse r = probe("127.0.0.5", Duration.ofSeconds(5), 64 * 1024).get(s.url());
      assertFalse(r.truncated());
      assertArrayEquals("{\"ok\":true}".getBytes(), r.body());
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOut() throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.5", 0), 4);
    s.createContext(
        "/",
        ex -> {
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.close();
        });
    s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    s.start();
    try {
      URI url = URI.create("http://127.0.0.5:" + s.getAddress().getPort() + "/");
      ProbeException e =
          assertThrows(
              ProbeException.class,
              () -> probe("127.0.0.5", Duration.ofMillis(500), 1024).get(url));
      assertTrue(e.getMessage().contains("no complete reply"), e.getMessage());
    } finally {
      s.stop(0);
    }
  }
}
