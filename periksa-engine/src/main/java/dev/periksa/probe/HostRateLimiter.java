package dev.periksa.probe;

import java.util.concurrent.TimeUnit;

/**
 * Spaces requests to each host so that no host sees more than the profile's rate, and keeps the
 * run's cap on connections open to a host at once ({@link HostLimits}, shared by every target of
 * the run; a limiter made on its own shares nothing and caps no connections).
 */
public final class HostRateLimiter {
  private final long intervalNanos;
  private final HostLimits limits;

  /**
   * @param perSecond most requests per second to one host
   */
  public HostRateLimiter(double perSecond) {
    this(perSecond, HostLimits.unshared());
  }

  HostRateLimiter(double perSecond, HostLimits limits) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    this.intervalNanos = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
    this.limits = limits;
  }

  /** Blocks until the host may be contacted again. */
  public void acquire(String host) {
    try {
      limits.acquire(host, intervalNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeException("interrupted while waiting for the rate limit");
    }
  }

  /**
   * Longest wait for one of a host's connections: the check's own deadline (which interrupts the
   * wait) comes first in any run with sane limits.
   */
  static final java.time.Duration CONNECTION_WAIT = java.time.Duration.ofMinutes(10);

  /**
   * One of the host's connections for an exchange, waiting while the run's other exchanges hold
   * them all (the wait is not the exchange's: its timeout starts once it has a connection).
   *
   * @throws ProbeException when none came back in {@link #CONNECTION_WAIT}, or the wait was
   *     interrupted (the check ran out of time)
   */
  HostLimits.Permit connection(String host) {
    try {
      HostLimits.Permit p = limits.connection(host, CONNECTION_WAIT.toNanos());
      if (p == null) {
        throw new ProbeException(
            "not sent: the "
                + limits.connectionsPerHost()
                + " connections the run allows to "
                + host
                + " at once stayed busy for "
                + BodyReader.seconds(CONNECTION_WAIT.toMillis()),
            null,
            false);
      }
      return p;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProbeException("interrupted while waiting for a connection to " + host);
    }
  }
}
