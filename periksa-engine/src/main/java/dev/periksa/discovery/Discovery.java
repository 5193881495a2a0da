package dev.periksa.discovery;

import dev.periksa.check.TargetContext;
import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.probe.TcpProbe;
import dev.periksa.probe.TlsScanner;
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

  /** Longest wait for any one discovery request (the profile's timeout if shorter). */
  public static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(2);

  /**
   * Connection attempts per second to one host while looking for open ports: paced apart from the
   * profile's rate of requests (a refused connection costs a server nothing an HTTP request would),
   * so a thousand ports take seconds, not minutes; the fingerprints' requests to open ports still
   * keep the profile's rate.
   */
  public static final double CONNECT_RATE = 400;

  private final List<Fingerprint> fingerprints;
  private final Fingerprint.Probes probes;
  private final TcpProbe connect;

  public Discovery(List<Fingerprint> fingerprints, Fingerprint.Probes probes) {
    this(fingerprints, probes, probes.tcp());
  }

  /**
   * @param connect the probe that finds open ports (its own, faster pace)
   */
  public Discovery(List<Fingerprint> fingerprints, Fingerprint.Probes probes, TcpProbe connect) {
    this.fingerprints = List.copyOf(fingerprints);
    this.probes = probes;
    this.connect = connect;
  }

  /**
   * Discovery through a profile's own probes (its scope and rate limit; every request timing out
   * after at most {@link #TIMEOUT}, since discovery asks many questions most ports cannot answer),
   * with open ports looked for at {@link #CONNECT_RATE}.
   */
  public static Discovery forProfile(TargetProfile p) {
    TargetContext probes = TargetContext.of(p, List.of(), TIMEOUT);
    return new Discovery(
        Fingerprints.all(),
        new Fingerprint.Probes(probes.http(), probes.tcp()),
        new TcpProbe(
            p.scope(),
            new HostRateLimiter(CONNECT_RATE),
            probes.tcp().timeout(),
            HttpProbe.DEFAULT_MAX_BODY_BYTES));
  }

  /**
   * Ports where web servers, JSON APIs and TLS services commonly listen, looked at when a discovery
   * section names no ports (beside each product's own usual ports).
   */
  public static final List<Integer> COMMON_WEB_PORTS =
      List.of(80, 443, 3000, 4443, 5000, 8000, 8008, 8080, 8081, 8088, 8443, 8888, 9000, 9443);

  /**
   * The ports looked at when a discovery section names none: common web ports and each product's.
   */
  public static List<Integer> defaultPorts(List<Fingerprint> fingerprints) {
    Set<Integer> ports = new java.util.TreeSet<>(COMMON_WEB_PORTS);
    fingerprints.forEach(f -> ports.addAll(f.defaultPorts()));
    return List.copyOf(ports);
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
      ports.addAll(defaultPorts(fingerprints));
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

  /** What a port speaks, learnt from one connection: who talks first, and how it takes HTTP. */
  enum PortWire {
    /** Answered an HTTP request with an HTTP status line. */
    HTTP,
    /** Answered plain text with a TLS alert: HTTPS, most likely. */
    TLS,
    /** Spoke first, or answered HTTP in another protocol. */
    OTHER,
    /** Said nothing either way (or closed): anything is possible. */
    UNKNOWN
  }

  /** Waits briefly for a greeting, then sends a minimal HTTP request and reads the first bytes. */
  PortWire classify(String host, int port) {
    try (var session = connect.open(host, port)) {
      if (session.peek(GREETING_WAIT, 16).length > 0) {
        return PortWire.OTHER;
      }
      session.send("GET / HTTP/1.0\r\nHost: " + host + "\r\n\r\n");
      byte[] reply = session.peek(REPLY_WAIT, 16);
      if (reply.length == 0) {
        return PortWire.UNKNOWN;
      }
      String head = new String(reply, java.nio.charset.StandardCharsets.US_ASCII);
      if (head.startsWith("HTTP/")) {
        // A TLS port answers a plain request with 400 in clear on some servers (nginx: "The plain
        // HTTP request was sent to HTTPS port"); a handshake tells which it is.
        return head.matches("HTTP/\\d(\\.\\d)? 400.*") && tlsHandshakes(host, port)
            ? PortWire.TLS
            : PortWire.HTTP;
      }
      return reply[0] == 0x15 ? PortWire.TLS : PortWire.OTHER;
    }
  }

  static final java.time.Duration GREETING_WAIT = java.time.Duration.ofMillis(300);
  static final java.time.Duration REPLY_WAIT = java.time.Duration.ofMillis(1500);

  /** The product on one host and port, or null. */
  Found identify(String host, int port) {
    PortWire wire;
    try {
      wire = classify(host, port);
    } catch (ProbeException e) {
      return null; // closed, or out of scope
    }
    List<Fingerprint> ordered = new ArrayList<>();
    for (Fingerprint f : fingerprints) {
      boolean http = f.wire() == Fingerprint.Wire.HTTP;
      if (wire == PortWire.UNKNOWN
          || (http && (wire == PortWire.HTTP || wire == PortWire.TLS))
          || (!http && wire == PortWire.OTHER)) {
        ordered.add(f);
      }
    }
    // Raw protocols first where nothing answered: HTTP fingerprints fail fast on them.
    ordered.sort(
        Comparator.comparing((Fingerprint f) -> f.defaultPorts().contains(port) ? 0 : 1)
            .thenComparing(f -> f.wire() == Fingerprint.Wire.TCP ? 0 : 1));
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
    return generic(host, port, wire);
  }

  /**
   * What answers when no product is recognised: a web server or a JSON API (over HTTP or HTTPS), or
   * a TLS service that does not speak HTTP, so the web, API, TLS and personal-data checks still run
   * on it; null when the port speaks something else or nothing.
   */
  Found generic(String host, int port, PortWire wire) {
    if (wire != PortWire.HTTP && wire != PortWire.TLS && wire != PortWire.UNKNOWN) {
      return null;
    }
    for (String scheme : wire == PortWire.HTTP ? List.of("http") : List.of("https")) {
      URI url = URI.create(scheme + "://" + host + ":" + port);
      try {
        ProbeResponse r =
            probes
                .http()
                .headersOnly()
                .get(
                    URI.create(url + "/"),
                    java.util.Map.of("Accept", "application/json, text/html;q=0.9, */*;q=0.5"));
        String type = r.header("content-type").orElse("").toLowerCase(java.util.Locale.ROOT);
        boolean json = type.contains("json");
        String over = scheme.equals("https") ? " over HTTPS" : "";
        return new Found(
            host, port, (json ? "JSON API" : "web server") + over, json ? "http" : "web", url);
      } catch (ProbeException e) {
        if (scheme.equals("https") && tlsHandshakes(host, port)) {
          return new Found(
              host, port, "TLS service (no HTTP)", "tls", URI.create("tls://" + host + ":" + port));
        }
      }
    }
    return null;
  }

  /** Whether a TLS handshake (any version) completes on the port. */
  private boolean tlsHandshakes(String host, int port) {
    try {
      return new TlsScanner(probes.tcp()).versions(host, port).speaksTls();
    } catch (ProbeException e) {
      return false;
    }
  }

  /** The discovered endpoints the profile does not already declare (same kind, host and port). */
  public static List<Endpoint> newEndpoints(TargetProfile profile, List<Found> found) {
    List<Endpoint> out = new ArrayList<>();
    for (Found f : found) {
      boolean declared =
          profile.endpoints().stream()
              .anyMatch(
                  e ->
                      // A bare TLS service adds nothing to any endpoint declared on its port
                      // (an HL7 interface behind mutual TLS, say): the declared kind speaks it.
                      (e.kind().equals(f.kind()) || f.kind().equals("tls"))
                          && f.host().equalsIgnoreCase(e.url().getHost())
                          && e.url().getPort() == f.port());
      if (!declared) {
        out.add(f.endpoint());
      }
    }
    return out;
  }
}
