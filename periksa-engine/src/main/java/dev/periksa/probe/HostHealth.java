package dev.periksa.probe;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for one run, the services ({@code host:port}) that stalled or timed out, as Nuclei's
 * max-host-error does: once a service has stalled {@link #MAX_STALLS} times, nothing more is sent
 * to it and every further probe of it is INCONCLUSIVE at once with that reason, so one stalled
 * service costs a run seconds, not minutes.
 */
public final class HostHealth {
  /** Stalls or timeouts after which a service is given up for the rest of the run. */
  public static final int MAX_STALLS = 2;

  private final int maxStalls;
  private final Map<String, Record> stalls = new ConcurrentHashMap<>();
  private final java.util.Set<String> legacyTls = ConcurrentHashMap.newKeySet();

  private record Record(int count, String last) {}

  public HostHealth() {
    this(MAX_STALLS);
  }

  public HostHealth(int maxStalls) {
    this.maxStalls = maxStalls;
  }

  /** Notes that a service stalled or timed out; {@code what} says how, for the reason. */
  public void stalled(String host, int port, String what) {
    stalls.merge(key(host, port), new Record(1, what), (a, b) -> new Record(a.count + 1, b.last));
  }

  /** Why nothing more is sent to a service, or empty while it may still be asked. */
  public Optional<String> givenUp(String host, int port) {
    Record r = stalls.get(key(host, port));
    if (r == null || r.count < maxStalls) {
      return Optional.empty();
    }
    return Optional.of(
        "not asked: "
            + key(host, port)
            + " stalled or timed out "
            + r.count
            + " times in this run (last: "
            + r.last
            + ")");
  }

  /** Notes that a service speaks only a TLS the JDK refuses (TLS 1.0/1.1, old suites). */
  void legacyTls(String host, int port) {
    legacyTls.add(key(host, port));
  }

  /** Whether a service is known to need the legacy TLS client. */
  public boolean needsLegacyTls(String host, int port) {
    return legacyTls.contains(key(host, port));
  }

  /** Throws when a service has been given up. */
  void check(String host, int port) {
    Optional<String> why = givenUp(host, port);
    if (why.isPresent()) {
      throw new GivenUpException(why.get());
    }
  }

  private static String key(String host, int port) {
    return host + ":" + port;
  }

  /** Nothing was sent: the service stalled too often in this run. */
  public static final class GivenUpException extends ProbeException {
    private static final long serialVersionUID = 1L;

    GivenUpException(String message) {
      super(message);
    }
  }
}
