package dev.periksa.check.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.probe.TlsRecordings;
import dev.periksa.probe.TlsVersion;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestCertificates;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.TlsTestServers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TLS-1 against real servers: the lab's legacy nginx (TLS 1.0-1.2, NULL and anonymous suites at
 * OpenSSL security level 0) and every HTTPS server of the hardened twin, JDK servers with TLS
 * 1.2/1.3, a JDK server whose RSA certificate lets it offer static RSA key transport, a server
 * replaying a recorded ServerHello, a plain HTTP port and a closed port.
 */
class TlsVersionsCheckIT {
  static final String HOST = "127.0.0.1";
  private final TlsVersionsCheck check = new TlsVersionsCheck();

  @Test
  void theLegacyTwinFailsOnTls10And11AndOnNullAndAnonymousSuites() {
    CheckResult r = TlsTesting.run(check, SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.HIGH, r.severity());
    Finding versions =
        r.findings().stream()
            .filter(f -> f.title().contains("accepts TLS 1.0"))
            .findFirst()
            .orElseThrow();
    assertTrue(versions.title().startsWith("portal-tls ("), versions.title());
    assertTrue(versions.title().endsWith("accepts TLS 1.0, TLS 1.1"), versions.title());
    assertEquals(Severity.MEDIUM, versions.severity());
    Finding suites =
        r.findings().stream()
            .filter(f -> f.title().contains("weak cipher suites"))
            .findFirst()
            .orElseThrow();
    assertEquals(Severity.HIGH, suites.severity());
    for (String kind :
        List.of(
            "NULL encryption ", "anonymous key exchange ", "no forward secrecy ", "CAMELLIA ")) {
      assertTrue(suites.title().contains(kind), kind + " in " + suites.title());
    }
    Evidence e = suites.evidence().get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> protocols = (Map<String, Object>) e.facts().get("protocols");
    assertTrue(
        String.valueOf(protocols.get("TLS 1.0")).startsWith("accepted"), protocols.toString());
    assertEquals("refused", protocols.get("TLS 1.3"));
    assertEquals("refused", protocols.get("SSLv3"));
    @SuppressWarnings("unchecked")
    List<String> weak = (List<String>) e.facts().get("weakSuites");
    assertTrue(
        weak.contains("TLS 1.0 TLS_RSA_WITH_NULL_SHA (no encryption (NULL cipher))"),
        weak.toString());
  }

  @Test
  void everyHttpsServerOfTheHardenedTwinPasses() {
    TargetProfile p = SharedLab.profile("ehac-hardened.yaml");
    CheckResult r = TlsTesting.run(check, p);
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    // Every TLS service: the HTTPS endpoints and the HL7 interface's MLLP over TLS.
    long tls =
        p.endpoints().stream()
            .filter(e -> List.of("https", "mllps").contains(e.url().getScheme()))
            .count();
    assertTrue(tls >= 8, "the hardened twin's TLS endpoints: " + tls);
    assertEquals(tls, r.observations().size(), r.observations().toString());
    for (String name :
        List.of(
            "search",
            "fhir",
            "api",
            "exports",
            "portal",
            "backoffice",
            "portal-tls",
            "interface-engine")) {
      assertTrue(r.reason().contains(name + ": only TLS 1.2, TLS 1.3"), name + " in " + r.reason());
    }
  }

  @Test
  void aJdkServerWithTls12And13AndAnEcKeyPasses() throws Exception {
    TestCertificates.Issued ec = TestCertificates.leaf("jdk.test").ip(HOST).build();
    try (TlsTestServers.Running s =
        TlsTestServers.https(HOST, ec.serverContext(), Map.of(), "TLSv1.3", "TLSv1.2")) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("http", s.url()));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("not recommended: CBC"), r.reason());
    }
  }

  @Test
  void aJdkServerWithAnRsaKeyOffersStaticRsaKeyTransportAndFails() throws Exception {
    TestCertificates.Issued rsa = TestCertificates.leaf("rsa.test").ip(HOST).rsa(2048).build();
    try (TlsTestServers.Running s =
        TlsTestServers.https(HOST, rsa.serverContext(), Map.of(), "TLSv1.3", "TLSv1.2")) {
      CheckResult r = TlsTesting.run(check, TlsTesting.profile("web", s.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(1, r.findings().size());
      assertEquals(Severity.MEDIUM, r.severity());
      Finding f = r.findings().get(0);
      assertTrue(f.title().contains("(no forward secrecy "), f.title());
      @SuppressWarnings("unchecked")
      List<String> weak = (List<String>) f.evidence().get(0).facts().get("weakSuites");
      assertTrue(
          weak.contains(
              "TLS 1.2 TLS_RSA_WITH_AES_128_GCM_SHA256 (static RSA key transport: no forward"
                  + " secrecy)"),
          weak.toString());
    }
  }

  @Test
  void aServerReplayingARecordedServerHelloIsNotJudged() throws Exception {
    URI legacy = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_TLS"));
    byte[] recorded = TlsRecordings.record(legacy, TlsVersion.TLS_1_0);
    assertTrue(recorded.length > 100, "nginx answered: " + recorded.length);
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
    URI asHttps = URI.create("https://" + HOST + ":" + closed.getPort());
    CheckResult r = TlsTesting.run(check, TlsTesting.profile("fhir", asHttps));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void aTargetWithoutHttpsEndpointsIsNotApplicable() {
    CheckResult r =
        TlsTesting.run(check, TlsTesting.profile("web", URI.create("http://" + HOST + ":1")));
    assertEquals(Outcome.NOT_APPLICABLE, r.outcome(), r.reason());
  }
}
