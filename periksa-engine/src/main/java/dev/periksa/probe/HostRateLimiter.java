package dev.periksa.probe;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Spaces requests to each host so that no host sees more than the profile's rate. */
public final class HostRateLimiter {
  private final long intervalNanos;
  private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();

  /**
   * @param perSecond most requests per second to one host
   */
  public HostRateLimiter(double perSecond) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
  }

  /** Blocks until the host may be contacted again. */
  public void acquire(String host) {
    String key = host.toLowerCase(Locale.ROOT);
    long now = System.nanoTime();
    long[] slot = new long[1];
    nextSlot.compute(
        key,
        (k, next) -> {
          long start = next == null || next < now ? now : next;
          slot[0] = start;
          return start + intervalNanos;
        });
    long wait = slot[0] - now;
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ProbeException("interrupted while waiting for the rate limit");
      }
    }
  }
}
