package dev.periksa.probe;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What one run allows each host, whichever targets and checks reach it: a request rate and a number
 * of connections open at once. Targets scanned concurrently may share a host (two profiles of one
 * server, a fleet behind one gateway): the host's pace is then set by the strictest profile that
 * reaches it, so each profile's {@code rateLimit} stays a ceiling on everything the run sends that
 * host, not only on that profile's own requests.
 */
public final class HostLimits {
  /** Connections open at once to one host, by default. */
  public static final int DEFAULT_CONNECTIONS = 6;

  private final int connections;
  private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();
  private final Map<String, Long> interval = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> open = new ConcurrentHashMap<>();

  /**
   * @param connectionsPerHost most connections open at once to one host
   */
  public HostLimits(int connectionsPerHost) {
    if (connectionsPerHost < 1) {
      throw new IllegalArgumentException("at least one connection per host is needed");
    }
    this.connections = connectionsPerHost;
  }

  /** No cap on connections and a pace of its own: what a limiter made alone has. */
  static HostLimits unshared() {
    return new HostLimits(Integer.MAX_VALUE);
  }

  public int connectionsPerHost() {
    return connections;
  }

  /** A rate limiter of one profile, reporting to this run's per-host pace. */
  public HostRateLimiter limiter(double perSecond) {
    return new HostRateLimiter(perSecond, this);
  }

  private static String key(String host) {
    return host.toLowerCase(Locale.ROOT);
  }

  /**
   * Blocks until the host may be sent one more request: requests to a host are spaced by the
   * longest interval any profile reaching it asked for.
   */
  void acquire(String host, long intervalNanos) throws InterruptedException {
    String key = key(host);
    long step = interval.merge(key, intervalNanos, Math::max);
    long now = System.nanoTime();
    long[] slot = new long[1];
    nextSlot.compute(
        key,
        (k, next) -> {
          long start = next == null || next - now < 0 ? now : next;
          slot[0] = start;
          return start + step;
        });
    long wait = slot[0] - now;
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /**
   * Takes one of the host's connections, waiting at most {@code waitNanos} for one to be returned.
   *
   * @return a permit to give back when the connection closes, or null when none came in time
   */
  Permit connection(String host, long waitNanos) throws InterruptedException {
    if (connections == Integer.MAX_VALUE) {
      return Permit.NONE;
    }
    Semaphore s = open.computeIfAbsent(key(host), k -> new Semaphore(connections, true));
    return s.tryAcquire(Math.max(0, waitNanos), TimeUnit.NANOSECONDS) ? new Permit(s) : null;
  }

  /** One connection taken; returned once, on close. */
  static final class Permit implements AutoCloseable {
    static final Permit NONE = new Permit(null);
    private Semaphore from;

    private Permit(Semaphore from) {
      this.from = from;
    }

    @Override
    public synchronized void close() {
      if (from != null) {
        from.release();
        from = null;
      }
    }
  }
}
