package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostRateLimiterTest {
  @Test
  void spacesRequestsToOneHostButNotAcrossHosts() {
    HostRateLimiter limiter = new HostRateLimiter(20); // one request per 50 ms per host
    long t0 = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      limiter.acquire("127.0.0.2");
    }
    long sameHost = System.nanoTime() - t0;
    assertTrue(
        sameHost >= 190_000_000L, "5 requests at 20/s need at least 4 intervals: " + sameHost);

    long t1 = System.nanoTime();
    limiter.acquire("127.0.0.5");
    limiter.acquire("127.0.0.6");
    assertTrue(System.nanoTime() - t1 < 45_000_000L, "other hosts are not held back");
  }

  @Test
  void rateMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new HostRateLimiter(0));
  }
}
