package dev.periksa.check.transport;

import dev.periksa.check.Check;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.TargetContext;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import dev.periksa.target.TlsSettings;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Profiles and runs for the transport checks' tests. */
final class TlsTesting {
  private TlsTesting() {}

  static CheckResult run(Check check, TargetProfile p) {
    CheckResult r = new CheckRunner(Duration.ofSeconds(120)).run(check, TargetContext.of(p));
    System.out.println(
        check.metadata().id() + " on " + p.name() + ": " + r.outcome() + " - " + r.reason());
    r.findings().forEach(f -> System.out.println("  " + f.severity() + ": " + f.title()));
    return r;
  }

  /** One endpoint of the given kind at the URL; the CAs given are trusted besides the JDK's. */
  static TargetProfile profile(String kind, URI url, X509Certificate... trusted) {
    return profile(List.of(new Endpoint("server", kind, url, null)), trusted);
  }

  static TargetProfile profile(List<Endpoint> endpoints, X509Certificate... trusted) {
    return new TargetProfile(
        "TLS test target",
        "",
        new Scope(endpoints.stream().map(e -> e.url().getHost()).distinct().toList()),
        200,
        3,
        endpoints,
        List.of(),
        List.of(),
        null,
        null,
        trusted.length == 0
            ? TlsSettings.NONE
            : new TlsSettings(List.of(), Arrays.asList(trusted)));
  }

  /** The same profile without its tls section. */
  static TargetProfile withoutTrust(TargetProfile p) {
    return new TargetProfile(
        p.name(),
        p.description(),
        p.scope(),
        p.rateLimit(),
        p.timeoutSeconds(),
        p.endpoints(),
        p.identities(),
        p.skipped(),
        p.discovery(),
        p.source(),
        TlsSettings.NONE);
  }
}
