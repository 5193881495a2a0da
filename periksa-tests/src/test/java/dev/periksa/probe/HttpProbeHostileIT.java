package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.json.LenientJson;
import dev.periksa.target.Scope;
import dev.periksa.testing.hostile.Behaviour;
import dev.periksa.testing.hostile.HostileLab;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP probe against every hostile behaviour: each exchange ends within its deadline, says how
 * much it read and why it stopped, in words without class names, and leaves nothing open.
 */
class HttpProbeHostileIT {
  private static final String HOST = "127.0.0.1";
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final long MARGIN_MS = 1500;
  private static HostileLab lab;

  @BeforeAll
  static void start() throws Exception {
    lab = new HostileLab(HOST, Duration.ofMillis(400));
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  private static HttpProbe probe(ProbeLog log) {
    return new HttpProbe(
        new Scope(List.of(HOST)),
        new HostRateLimiter(100),
        new HostHealth(),
        TIMEOUT,
        HttpProbe.DEFAULT_MAX_BODY_BYTES,
        log,
        true);
  }

  private static URI url(Behaviour b, String path) {
    return URI.create(lab.server(b).url() + path);
  }

  /** Runs one exchange; its result or its failure, and how long it took. */
  private record Outcome(ProbeResponse reply, ProbeException error, long millis) {}

  private static Outcome exchange(Behaviour b) {
    try (ProbeLog log = new ProbeLog()) {
      long t0 = System.nanoTime();
      try {
        ProbeResponse r = probe(log).get(url(b, "/api/patients"));
        return new Outcome(r, null, (System.nanoTime() - t0) / 1_000_000);
      } catch (ProbeException e) {
        return new Outcome(null, e, (System.nanoTime() - t0) / 1_000_000);
      } finally {
        assertEquals(0, log.held(), b + ": the exchange left something open");
      }
    }
  }

  private static void readable(String why) {
    assertFalse(why.contains("Exception"), why);
    assertFalse(why.contains("null"), why);
  }

  @Test
  void stallsEndAtTheWholeExchangeDeadlineAndSayWhatArrived() {
    for (Behaviour b : List.of(Behaviour.TRICKLE, Behaviour.SILENCE)) {
      Outcome o = exchange(b);
      assertNotNull(o.error(), b + " should give no reply");
      assertTrue(o.error().stalled(), b + ": " + o.error().getMessage());
      assertTrue(o.millis() < TIMEOUT.toMillis() + MARGIN_MS, b + " took " + o.millis() + " ms");
      readable(o.error().getMessage());
    }
    Outcome trickle = exchange(Behaviour.TRICKLE);
    assertTrue(
        trickle.error().getMessage().contains("bytes arrived, not a complete status line"),
        trickle.error().getMessage());
    String silence = exchange(Behaviour.SILENCE).error().getMessage();
    assertTrue(silence.contains("nothing arrived"), "silence: " + silence);
  }

  @Test
  void aStallAfterTheHeadersIsAnUnreadableReplyThatSaysWhatArrived() {
    Outcome o = exchange(Behaviour.STALL_AFTER_HEADERS);
    assertNotNull(o.reply());
    assertEquals(Reading.State.UNREADABLE, o.reply().reading().state());
    assertTrue(
        o.reply().reading().why().contains("the headers and 46 bytes"), o.reply().reading().why());
    assertEquals(46, o.reply().body().length);
    assertTrue(o.millis() < TIMEOUT.toMillis() + MARGIN_MS, o.millis() + " ms");
    readable(o.reply().reading().why());
  }

  @Test
  void anEndlessBodyIsCutAtTheCap() {
    Outcome o = exchange(Behaviour.ENDLESS_BODY);
    assertEquals(Reading.State.TRUNCATED, o.reply().reading().state());
    assertEquals(HttpProbe.DEFAULT_MAX_BODY_BYTES, o.reply().body().length);
    assertTrue(o.reply().truncated());
  }

  @Test
  void aGzipBombIsStoppedAfterAFewHundredKilobytesOfWork() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    Outcome o = exchange(Behaviour.GZIP_BOMB);
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    assertNotNull(o.reply());
    assertFalse(o.reply().reading().complete(), o.reply().reading().toString());
    assertTrue(o.reply().body().length <= HttpProbe.DEFAULT_MAX_BODY_BYTES);
    assertTrue(o.reply().reading().why().contains("decompression bomb"), o.reply().reading().why());
    // Not a benchmark: a bound far above the few milliseconds it takes, far below full inflation.
    assertTrue(cpuMs < 2000, "inflating took " + cpuMs + " ms of CPU");
  }

  @Test
  void aBodyShorterThanAnnouncedIsUnreadable() {
    Outcome o = exchange(Behaviour.HUGE_CONTENT_LENGTH);
    assertEquals(Reading.State.UNREADABLE, o.reply().reading().state());
    assertTrue(
        o.reply().reading().why().contains("bytes of the 9,000,000,000 bytes announced"),
        o.reply().reading().why());
  }

  @Test
  void resetsGarbageAndBinaryAreReadableReasons() {
    for (Behaviour b :
        List.of(Behaviour.TCP_RESET, Behaviour.TLS_GARBAGE, Behaviour.TLS_THEN_BINARY)) {
      Outcome o = exchange(b);
      assertNotNull(o.error(), b + " gave a reply: " + o.reply());
      assertFalse(o.error().stalled(), b + ": " + o.error().getMessage());
      readable(o.error().getMessage());
    }
  }

  @Test
  void malformedAndDeepJsonAreUnreadable() {
    for (Behaviour b : List.of(Behaviour.MALFORMED_JSON, Behaviour.DEEP_JSON)) {
      Outcome o = exchange(b);
      assertEquals(Reading.State.UNREADABLE, o.reply().reading().state(), b.name());
      assertTrue(o.reply().json().isEmpty());
      readable(o.reply().reading().why());
    }
    assertTrue(
        exchange(Behaviour.DEEP_JSON).reply().reading().why().contains("nested deeper"),
        "deep JSON");
  }

  @Test
  void aListCutAtTheCapStillYieldsItsCompleteRecords() {
    ProbeResponse r = exchange(Behaviour.PERSONAL_DATA_LIST).reply();
    assertEquals(Reading.State.TRUNCATED, r.reading().state());
    assertTrue(r.json().isEmpty());
    LenientJson.Parsed p = r.partialJson().orElseThrow();
    assertFalse(p.complete());
    assertTrue(p.tree().isArray());
    assertTrue(p.tree().size() > 500, "records: " + p.tree().size());
    assertTrue(p.tree().get(0).has("nama"));
  }

  @Test
  void redirectsAreFollowedWithinScopeLoopsRecognisedAndOutOfScopeNeverContacted() {
    List<String> contacted = new CopyOnWriteArrayList<>();
    Connections.listen((h, p) -> contacted.add(h));
    try (ProbeLog log = new ProbeLog()) {
      Redirects loop = probe(log).follow(url(Behaviour.REDIRECT_LOOP, "/start"), Map.of());
      assertEquals(Redirects.Stop.LOOP, loop.stop());
      assertEquals(3, loop.replies().size());
      Redirects out = probe(log).follow(url(Behaviour.REDIRECT_OUT_OF_SCOPE, "/x"), Map.of());
      assertEquals(Redirects.Stop.OUT_OF_SCOPE, out.stop());
      assertEquals("192.0.2.1", out.next().getHost());
      assertTrue(out.describe().contains("outside the scope"), out.describe());
    } finally {
      Connections.listen(null);
    }
    assertFalse(contacted.isEmpty());
    assertTrue(contacted.stream().allMatch(HOST::equals), "contacted " + contacted);
  }

  @Test
  void aServiceThatStalledTwiceIsNotAskedAgain() {
    try (ProbeLog log = new ProbeLog()) {
      HttpProbe p = probe(log);
      URI silent = url(Behaviour.SILENCE, "/");
      for (int i = 0; i < HostHealth.MAX_STALLS; i++) {
        assertThrows(ProbeException.class, () -> p.get(silent));
      }
      int before = lab.server(Behaviour.SILENCE).connections();
      long t0 = System.nanoTime();
      ProbeException e = assertThrows(HostHealth.GivenUpException.class, () -> p.get(silent));
      assertTrue((System.nanoTime() - t0) / 1_000_000 < 100);
      assertTrue(e.getMessage().contains("stalled or timed out 2 times"), e.getMessage());
      assertEquals(before, lab.server(Behaviour.SILENCE).connections());
    }
  }

  @Test
  void aCheckLogClosedMidExchangeEndsTheExchangeAtOnce() throws Exception {
    ProbeLog log = new ProbeLog();
    HttpProbe p =
        new HttpProbe(
            new Scope(List.of(HOST)),
            new HostRateLimiter(100),
            new HostHealth(),
            Duration.ofSeconds(30),
            HttpProbe.DEFAULT_MAX_BODY_BYTES,
            log,
            true);
    Thread closer =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                return;
              }
              log.close("the check ran out of time");
            });
    closer.start();
    long t0 = System.nanoTime();
    assertThrows(ProbeException.class, () -> p.get(url(Behaviour.SILENCE, "/")));
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000);
    closer.join();
    assertEquals(0, log.held());
  }
}
