package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run's per-host limits, shared by the targets scanned at once. */
class HostLimitsTest {

  @Test
  void aHostIsPacedByTheStrictestProfileThatReachesIt() {
    HostLimits run = new HostLimits(6);
    HostRateLimiter fast = run.limiter(20); // 50 ms apart
    HostRateLimiter slow = run.limiter(5); // 200 ms apart
    slow.acquire("10.0.0.9");
    long t0 = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      fast.acquire("10.0.0.9");
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    // Four more requests to the host after the slow profile's first: 200 ms apart, not 50.
    assertTrue(ms >= 4 * 200 - 20, "four requests took " + ms + " ms");
  }

  @Test
  void anotherHostKeepsItsOwnPace() {
    HostLimits run = new HostLimits(6);
    run.limiter(1).acquire("10.0.0.9"); // the next request to 10.0.0.9 must wait a second
    long t0 = System.nanoTime();
    run.limiter(1000).acquire("10.0.0.10");
    run.limiter(1000).acquire("10.0.0.10");
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertTrue(ms < 900, "another host waited " + ms + " ms for the first host's pace");
  }

  @Test
  void connectionsToAHostAreCappedAndComeBackWhenClosed() throws Exception {
    HostLimits run = new HostLimits(2);
    HostLimits.Permit a = run.connection("Db.Example", 0);
    HostLimits.Permit b = run.connection("db.example", 0);
    assertNotNull(a);
    assertNotNull(b);
    assertNull(run.connection("db.example", TimeUnit.MILLISECONDS.toNanos(50)), "a third");
    assertNotNull(run.connection("other.example", 0), "another host has its own");
    a.close();
    a.close(); // closing twice gives back one connection, not two
    HostLimits.Permit c = run.connection("db.example", 0);
    assertNotNull(c);
    assertNull(run.connection("db.example", 0), "still two at most");
  }

  @Test
  void aLimiterMadeAloneCapsNoConnections() throws Exception {
    HostRateLimiter alone = new HostRateLimiter(1000);
    for (int i = 0; i < 50; i++) {
      assertNotNull(alone.connection("db.example"));
    }
  }
}
