package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The lab's side-by-side start with fake services (no servers): what it hands back, what it writes,
 * and that a failure leaves nothing running.
 */
class LabStartTest {

  /** A service that waits, then fails or returns one variable, and counts its closes. */
  static final class Fake implements LabService {
    final String name;
    final long millis;
    final Exception failure;
    final AtomicInteger closes = new AtomicInteger();
    volatile boolean began;
    volatile Path dir;

    Fake(String name, long millis, Exception failure) {
      this.name = name;
      this.millis = millis;
      this.failure = failure;
    }

    static Fake up(String name, long millis) {
      return new Fake(name, millis, null);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Map<String, String> start(LabContext ctx) throws Exception {
      began = true;
      dir = ctx.dir();
      ctx.progress("  detail of " + name);
      Thread.sleep(millis);
      if (failure != null) {
        throw failure;
      }
      return Map.of("FAKE_" + name, ctx.secret("hardened"));
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  private static List<Supplier<LabService>> list(Fake... fakes) {
    List<Supplier<LabService>> l = new ArrayList<>();
    for (Fake f : fakes) {
      l.add(() -> f);
    }
    return l;
  }

  @Test
  void aFailingServiceClosesTheOthersAndTheFolderGoes() {
    Fake slow = Fake.up("slow", 400);
    IllegalStateException boom = new IllegalStateException("boom");
    Fake failing = new Fake("failing", 50, boom);
    Fake queued = Fake.up("queued", 0);
    List<String> lines = new ArrayList<>();

    // Two threads: slow and failing begin; queued would begin after failing, and must not.
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                Lab.start(
                    Lab.Options.defaults(), lines::add, list(slow, failing, queued), false, 2));

    assertSame(boom, e, "the first error, as thrown");
    assertEquals(1, slow.closes.get(), "a service that came up is closed once");
    assertEquals(1, failing.closes.get(), "the failing service is closed too");
    assertFalse(queued.began, "no service begins after a failure");
    assertEquals(0, queued.closes.get());
    assertFalse(Files.exists(slow.dir), "the lab folder is deleted");
    assertTrue(lines.contains("- failing: failed; stopping the services started"), lines::toString);
  }

  @Test
  void laterFailuresAreKeptWithTheFirst() {
    IllegalStateException first = new IllegalStateException("first");
    IllegalStateException second = new IllegalStateException("second");
    Fake a = new Fake("a", 20, first);
    Fake b = new Fake("b", 300, second);

    Exception e =
        assertThrows(
            Exception.class,
            () -> Lab.start(Lab.Options.defaults(), line -> {}, list(a, b), false, 2));

    assertSame(first, e);
    assertEquals(List.of(second), List.of(e.getSuppressed()));
    assertEquals(1, a.closes.get());
    assertEquals(1, b.closes.get());
  }

  @Test
  void aRequiredServiceThatIsMissingStopsTheStart() {
    Fake ok = Fake.up("ok", 300);
    Fake missing = new Fake("missing", 0, new LabService.Unavailable("not installed"));

    LabService.Unavailable e =
        assertThrows(
            LabService.Unavailable.class,
            () -> Lab.start(Lab.Options.defaults(), line -> {}, list(ok, missing), true, 4));

    assertEquals("missing is needed here: not installed", e.getMessage());
    assertEquals(1, ok.closes.get());
    assertEquals(1, missing.closes.get());
    assertFalse(Files.exists(ok.dir));
  }

  @Test
  void servicesComeOutInTheListsOrderWhateverOrderTheyAreUpIn() throws Exception {
    Fake slow = Fake.up("slow", 300);
    Fake missing = new Fake("missing", 0, new LabService.Unavailable("not installed"));
    Fake quick = Fake.up("quick", 0);
    List<String> lines = new ArrayList<>();
    List<Thread> writers = new ArrayList<>();

    Path dir;
    try (Lab lab =
        Lab.start(
            Lab.Options.defaults(),
            line -> {
              lines.add(line);
              writers.add(Thread.currentThread());
            },
            list(slow, missing, quick),
            false,
            4)) {
      dir = slow.dir;
      List<String> keys = new ArrayList<>(lab.variables().keySet());
      assertEquals(
          List.of(
              Lab.LEGACY_HOST,
              Lab.HARDENED_HOST,
              Lab.HARDENED_USER,
              Lab.HARDENED_PASSWORD,
              Lab.LAB_CA,
              "FAKE_slow",
              "FAKE_quick",
              Lab.LEGACY_PORTS,
              Lab.HARDENED_PORTS),
          keys);
      String secret = lab.variables().get(Lab.HARDENED_PASSWORD);
      assertEquals(secret, lab.variables().get("FAKE_slow"), "one secret for every service");
      assertEquals(secret, lab.variables().get("FAKE_quick"));
      assertEquals(Map.of("missing", "not installed"), lab.unavailable());
      assertEquals(1, missing.closes.get(), "a service left out is closed");
    }
    assertEquals(1, slow.closes.get());
    assertEquals(1, quick.closes.get());
    assertEquals(1, missing.closes.get());
    assertFalse(Files.exists(dir));

    // One whole line per service, its own lines under it; all from the caller's thread.
    int quickAt = indexStarting(lines, "- quick: up in ");
    assertTrue(quickAt > 0, lines::toString);
    assertEquals("  detail of quick", lines.get(quickAt + 1));
    int slowAt = indexStarting(lines, "- slow: up in ");
    assertTrue(slowAt > quickAt, "lines come as services are up: " + lines);
    assertEquals("  detail of slow", lines.get(slowAt + 1));
    assertTrue(lines.contains("- missing: left out: not installed"), lines::toString);
    assertTrue(lines.get(slowAt + 2).startsWith("Lab ready in "), lines::toString);
    assertTrue(writers.stream().allMatch(t -> t == Thread.currentThread()), "caller's thread");
  }

  private static int indexStarting(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
