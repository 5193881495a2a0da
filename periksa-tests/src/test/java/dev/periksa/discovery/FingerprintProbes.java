package dev.periksa.discovery;

import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Scope;
import java.time.Duration;
import java.util.List;

/** Probes for fingerprint tests, scoped to the hosts a test names. */
final class FingerprintProbes {
  private FingerprintProbes() {}

  static Fingerprint.Probes on(String... hosts) {
    Scope scope = new Scope(List.of(hosts));
    HostRateLimiter limiter = new HostRateLimiter(50);
    Duration timeout = Duration.ofSeconds(5);
    return new Fingerprint.Probes(
        new HttpProbe(scope, limiter, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES),
        new TcpProbe(scope, limiter, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES));
  }
}
