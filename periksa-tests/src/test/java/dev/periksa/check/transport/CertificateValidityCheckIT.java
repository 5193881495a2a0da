package dev.periksa.check.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import dev.periksa.probe.TlsRecordings;
import dev.periksa.probe.TlsVersion;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestCertificates;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.TlsTestServers;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS-2 against real servers: the lab's legacy nginx (self-signed, expired, another name, RSA 1024,
 * SHA-1) and every HTTPS server of the hardened twin (lab CA trusted through the profile, and not
 * trusted without it), then the JDK's HTTPS server with one flaw at a time, a TLS 1.3-only server,
 * a plain HTTP port and a closed port.
 */
class CertificateValidityCheckIT {
  static final String HOST = "127.0.0.1";
  static TestCertificates.Issued ca;
  private final CertificateValidityCheck check = new CertificateValidityCheck();

  @BeforeAll
  static void makeCa() throws Exception {
    ca = TestCertificates.ca("Periksa test CA");
  }

  private CheckResult serve(TestCertificates.Issued cert, String... protocols) throws Exception {
    try (TlsTestServers.Running s =
        TlsTestServers.https(HOST, cert.serverContext(), Map.of(), protocols)) {
      return TlsTesting.run(check, TlsTesting.profile("web", s.url(), ca.certificate()));
    }
  }

  private static Finding only(CheckResult r) {
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(1, r.findings().size(), r.findings().toString());
    return r.findings().get(0);
  }

  @Test
  void theLegacyTwinsCertificateFailsOnEveryCount() {
    CheckResult r = TlsTesting.run(check, SharedLab.profile("ehac-legacy.yaml"));
    Finding f = only(r);
    assertEquals(Severity.MEDIUM, f.severity());
    for (String part :
        List.of(
            "is self-signed",
            "expired on",
            "does not name 127.0.0.2 (subjectAltName: DNS:ehac.kemkes.go.id)",
            "has an RSA 1024-bit key",
            "SHA1withRSA")) {
      assertTrue(f.title().contains(part), part + " in " + f.title());
    }
    assertTrue(
        r.reason().contains("portal-tls: untrusted, hostname, expired, key, signature"),
        r.reason());
  }

  @Test
  void everyHttpsServerOfTheHardenedTwinPassesWithTheLabCaTrusted() {
    TargetProfile p = SharedLab.profile("ehac-hardened.yaml");
    assertEquals(1, p.tls().trustedCas().size());
    CheckResult r = TlsTesting.run(check, p);
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    for (String name :
        List.of("search", "fhir", "api", "exports", "portal", "backoffice", "portal-tls")) {
      assertTrue(r.reason().contains(name + ": valid certificate"), name + " in " + r.reason());
    }
    assertTrue(!r.reason().contains("warning"), r.reason());
  }

  @Test
  void withoutTheLabCaTheHardenedCertificatesAreUntrusted() {
    TargetProfile p = TlsTesting.withoutTrust(SharedLab.profile("ehac-hardened.yaml"));
    CheckResult r = TlsTesting.run(check, p);
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    for (Finding f : r.findings()) {
      assertTrue(f.title().contains("does not chain to a trusted CA"), f.title());
      assertTrue(!f.title().contains("self-signed") && !f.title().contains("expired"), f.title());
    }
  }

  @Test
  void aSoundCertificateFromADeclaredCaPasses() throws Exception {
    CheckResult r = serve(TestCertificates.leaf("ok.test").issuedBy(ca).ip(HOST).build());
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
  }

  @Test
  void anExpiredCertificateFails() throws Exception {
    Instant now = Instant.now();
    Finding f =
        only(
            serve(
                TestCertificates.leaf("expired.test")
                    .issuedBy(ca)
                    .ip(HOST)
                    .valid(now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(2)))
                    .build()));
    assertTrue(f.title().contains("presents a certificate that expired on"), f.title());
    assertTrue(!f.title().contains("trusted CA"), "trusted apart from its dates: " + f.title());
  }

  @Test
  void aCertificateNotYetValidFails() throws Exception {
    Instant now = Instant.now();
    Finding f =
        only(
            serve(
                TestCertificates.leaf("future.test")
                    .issuedBy(ca)
                    .ip(HOST)
                    .valid(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(100)))
                    .build()));
    assertTrue(f.title().contains("is not valid before"), f.title());
  }

  @Test
  void aSelfSignedCertificateFails() throws Exception {
    Finding f = only(serve(TestCertificates.leaf("self.test").ip(HOST).build()));
    assertTrue(f.title().contains("is self-signed"), f.title());
  }

  @Test
  void aCertificateForAnotherNameFails() throws Exception {
    Finding f =
        only(
            serve(
                TestCertificates.leaf("other.test")
                    .issuedBy(ca)
                    .dns("portal.example.org")
                    .ip("127.0.0.9")
                    .build()));
    assertTrue(
        f.title()
            .contains(
                "does not name 127.0.0.1 (subjectAltName: DNS:portal.example.org, IP:127.0.0.9)"),
        f.title());
  }

  @Test
  void aSmallRsaKeyFails() throws Exception {
    Finding f =
        only(serve(TestCertificates.leaf("small.test").issuedBy(ca).ip(HOST).rsa(1024).build()));
    assertTrue(
        f.title().contains("that has an RSA 1024-bit key (at least 2048 needed)"), f.title());
  }

  @Test
  void aSha1SignatureFails() throws Exception {
    Finding f =
        only(
            serve(
                TestCertificates.leaf("sha1.test")
                    .issuedBy(ca)
                    .ip(HOST)
                    .signature("SHA1withECDSA")
                    .build()));
    assertTrue(f.title().contains("signed with SHA1withECDSA"), f.title());
    assertTrue(!f.title().contains("trusted CA"), f.title());
  }

  @Test
  void aCertificateEndingWithin30DaysPassesWithAWarning() throws Exception {
    Instant now = Instant.now();
    CheckResult r =
        serve(
            TestCertificates.leaf("soon.test")
                .issuedBy(ca)
                .ip(HOST)
                .valid(now.minus(Duration.ofDays(80)), now.plus(Duration.ofDays(10)))
                .build());
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("warning: the certificate expires on"), r.reason());
  }

  @Test
  void aTls13OnlyServerIsJudgedThroughJsse() throws Exception {
    Finding f = only(serve(TestCertificates.leaf("self13.test").ip(HOST).build(), "TLSv1.3"));
    assertTrue(f.title().contains("is self-signed"), f.title());
  }

  @Test
  void aServerReplayingTheLegacyCertificateIsNotJudged() throws Exception {
    URI legacy = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_TLS"));
    byte[] recorded = TlsRecordings.record(legacy, TlsVersion.TLS_1_2);
    assertTrue(recorded.length > 500, "nginx answered with its certificate: " + recorded.length);
    try (TlsTestServers.Replaying fake = new TlsTestServers.Replaying(HOST, recorded)) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", fake.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("answers no TLS server gives"), r.reason());
    }
  }

  @Test
  void aPlainHttpPortIsInconclusiveNotPass() throws Exception {
    try (TestServers.Running plain = TestServers.catchAll(HOST, 200, "{}")) {
      URI asHttps = URI.create("https://" + HOST + ":" + plain.url().getPort());
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", asHttps));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("does not speak TLS"), r.reason());
    }
  }

  @Test
  void anUnreachablePortIsInconclusive() throws Exception {
    URI closed = TestServers.nothingListening(HOST);
    CheckResult r =
        TlsTesting.run(
            check,
            TlsTesting.profile("s3", URI.create("https://" + HOST + ":" + closed.getPort())));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }
}
