package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Finds which known products answer on the hosts and ports a profile lists, so their checks run
 * without each endpoint being declared. Work is spread over a bounded pool; every request goes
 * through the target's probes (scope, per-host rate limit, timeouts, caps). Closed ports are
 * skipped after one connection attempt; on an open port the first fingerprint that recognises its
 * product wins, those whose usual ports include it first.
 */
public final class Discovery {

  /**
   * What answered where.
   *
   * @param host host in scope
   * @param port port
   * @param product product name, e.g. "Redis"
   * @param kind endpoint kind its checks probe
   * @param url the endpoint URL handed to those checks
   */
  public record Found(String host, int port, String product, String kind, URI url) {
    /** As an endpoint named after product and port. */
    public Endpoint endpoint() {
      return new Endpoint("discovered " + kind + " " + host + ":" + port, kind, url, null);
    }
  }

  private final List<Fingerprint> fingerprints;
  private final Fingerprint.Probes probes;

  public Discovery(List<Fingerprint> fingerprints, Fingerprint.Probes probes) {
    this.fingerprints = List.copyOf(fingerprints);
    this.probes = probes;
  }

  /** Runs discovery as the profile's {@code discovery} section asks; nothing when there is none. */
  public List<Found> run(TargetProfile profile, Consumer<String> progress) {
    TargetProfile.DiscoverySettings d = profile.discovery();
    if (d == null) {
      return List.of();
    }
    List<String> hosts = d.hosts().isEmpty() ? profile.scope().hosts() : d.hosts();
    Set<Integer> ports = new LinkedHashSet<>(d.ports());
    if (ports.isEmpty()) {
      fingerprints.forEach(f -> ports.addAll(f.defaultPorts()));
    }
    progress.accept(
        String.format(
            "  discovery: %d host(s) x %d port(s), %d product fingerprints, %d at a time",
            hosts.size(), ports.size(), fingerprints.size(), d.concurrency()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            d.concurrency(),
            r -> {
              Thread t = new Thread(r, "discovery");
              t.setDaemon(true);
              return t;
            });
    List<Future<Found>> futures = new ArrayList<>();
    for (String host : hosts) {
      for (int port : ports) {
        futures.add(pool.submit(() -> identify(host, port)));
      }
    }
    List<Found> found = new ArrayList<>();
    try {
      for (Future<Found> f : futures) {
        try {
          Found x = f.get();
          if (x != null) {
            found.add(x);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          // A fingerprint that failed on one port found nothing there.
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    found.sort(Comparator.comparing(Found::host).thenComparingInt(Found::port));
    return found;
  }

  /** The product on one host and port, or null. */
  Found identify(String host, int port) {
    try (var session = probes.tcp().open(host, port)) {
      // Open: worth asking what it is.
    } catch (ProbeException e) {
      return null;
    }
    List<Fingerprint> ordered = new ArrayList<>(fingerprints);
    ordered.sort(Comparator.comparing(f -> f.defaultPorts().contains(port) ? 0 : 1));
    for (Fingerprint f : ordered) {
      try {
        var url = f.identify(probes, host, port);
        if (url.isPresent()) {
          return new Found(host, port, f.product(), f.kind(), url.get());
        }
      } catch (RuntimeException e) {
        // A fingerprint must not throw; if one does, it did not recognise the port.
      }
    }
    return null;
  }

  /** The discovered endpoints the profile does not already declare (same kind, host and port). */
  public static List<Endpoint> newEndpoints(TargetProfile profile, List<Found> found) {
    List<Endpoint> out = new ArrayList<>();
    for (Found f : found) {
      boolean declared =
          profile.endpoints().stream()
              .anyMatch(
                  e ->
                      e.kind().equals(f.kind())
                          && f.host().equalsIgnoreCase(e.url().getHost())
                          && e.url().getPort() == f.port());
      if (!declared) {
        out.add(f.endpoint());
      }
    }
    return out;
  }
}
