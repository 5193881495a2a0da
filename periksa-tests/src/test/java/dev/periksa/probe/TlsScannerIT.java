package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.lab.NginxServer;
import dev.periksa.probe.TlsScanner.Scan;
import dev.periksa.probe.TlsScanner.Support;
import dev.periksa.target.Scope;
import dev.periksa.testing.TestCertificates;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.TlsTestServers;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The raw ClientHello scanner against real servers: nginx (OpenSSL 3) with TLS 1.0-1.2 and weak
 * suites at security level 0, the JDK's HTTPS server with TLS 1.2/1.3 only and with TLS 1.3 only, a
 * plain HTTP server, a closed port, and a server that replays a recorded ServerHello.
 */
class TlsScannerIT {
  static final String HOST = "127.0.0.1";
  @TempDir static Path dir;
  static NginxServer weak;
  static TestCertificates.Issued rsa;

  static TlsScanner scanner() {
    return new TlsScanner(
        new TcpProbe(
            new Scope(List.of(HOST)), new HostRateLimiter(200), Duration.ofSeconds(3), 256 * 1024));
  }

  @BeforeAll
  static void startNginx() throws Exception {
    rsa = TestCertificates.leaf("weak.test").ip(HOST).rsa(2048).build();
    Path[] pem = rsa.writePem(dir, "weak");
    weak =
        NginxServer.start(
            dir.resolve("nginx"),
            HOST,
            (https, plain) ->
                String.join(
                    "\n",
                    "server { listen " + HOST + ":" + https + " ssl;",
                    " ssl_certificate " + pem[1] + "; ssl_certificate_key " + pem[0] + ";",
                    " ssl_protocols TLSv1 TLSv1.1 TLSv1.2;",
                    " ssl_ciphers \"ALL:COMPLEMENTOFALL:@SECLEVEL=0\";",
                    " location / { return 200 'ok'; } }",
                    "server { listen "
                        + HOST
                        + ":"
                        + plain
                        + "; location / { return 200 'ok'; } }"));
  }

  @AfterAll
  static void stop() {
    if (weak != null) {
      weak.close();
    }
  }

  @Test
  void findsTls10AndWeakSuitesOnNginxAtSecurityLevelZero() {
    URI u = weak.httpsUrl();
    Scan scan = scanner().scan(u.getHost(), u.getPort());
    System.out.println(scan);
    assertTrue(scan.speaksTls());
    assertTrue(scan.violations().isEmpty(), scan.violations().toString());
    assertEquals(
        List.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1, TlsVersion.TLS_1_2), scan.accepted());
    assertEquals(Support.REFUSED, scan.versions().get(TlsVersion.SSL_3_0).support());
    assertEquals(Support.REFUSED, scan.versions().get(TlsVersion.TLS_1_3).support());
    List<String> tls10 =
        scan.versions().get(TlsVersion.TLS_1_0).suites().stream().map(CipherSuite::name).toList();
    assertTrue(tls10.contains("TLS_RSA_WITH_NULL_SHA"), tls10.toString());
    assertTrue(tls10.contains("TLS_ECDH_anon_WITH_AES_128_CBC_SHA"), tls10.toString());
    assertTrue(scan.versions().get(TlsVersion.TLS_1_2).complete());
    assertTrue(
        scan.versions().get(TlsVersion.TLS_1_2).suites().size() > 20,
        scan.versions().get(TlsVersion.TLS_1_2).suites().toString());
  }

  @Test
  void readsTheCertificateFromTheClearHandshake() {
    URI u = weak.httpsUrl();
    TlsScanner s = scanner();
    Scan v = s.versions(u.getHost(), u.getPort());
    List<List<X509Certificate>> chains = s.certificates(u.getHost(), u.getPort(), v);
    assertEquals(1, chains.size());
    assertEquals(rsa.certificate(), chains.get(0).get(0));
  }

  @Test
  void jdkServerWithTls12And13OnlyAcceptsJustThose() throws Exception {
    TestCertificates.Issued ec = TestCertificates.leaf("jdk.test").ip(HOST).build();
    try (TlsTestServers.Running s =
        TlsTestServers.https(HOST, ec.serverContext(), Map.of(), "TLSv1.3", "TLSv1.2")) {
      Scan scan = scanner().scan(HOST, s.port());
      System.out.println(scan);
      assertEquals(List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3), scan.accepted());
      assertEquals(3, scan.versions().get(TlsVersion.TLS_1_3).suites().size());
      assertTrue(scan.versions().get(TlsVersion.TLS_1_2).complete());
    }
  }

  @Test
  void tls13OnlyServerGivesItsCertificateThroughJsse() throws Exception {
    TestCertificates.Issued ec = TestCertificates.leaf("jdk13.test").ip(HOST).build();
    try (TlsTestServers.Running s =
        TlsTestServers.https(HOST, ec.serverContext(), Map.of(), "TLSv1.3")) {
      TlsScanner scanner = scanner();
      Scan scan = scanner.versions(HOST, s.port());
      assertEquals(List.of(TlsVersion.TLS_1_3), scan.accepted());
      List<List<X509Certificate>> chains = scanner.certificates(HOST, s.port(), scan);
      assertEquals(1, chains.size());
      assertEquals(ec.certificate(), chains.get(0).get(0));
    }
  }

  @Test
  void aPlainHttpPortIsNotTls() {
    URI u = weak.plainUrl();
    Scan scan = scanner().scan(u.getHost(), u.getPort());
    assertFalse(scan.speaksTls(), scan.toString());
    assertTrue(scan.notTls().startsWith("it answered \"HTTP/1.1 400"), scan.notTls());
    assertTrue(scan.accepted().isEmpty());
  }

  @Test
  void aClosedPortRaisesProbeException() throws Exception {
    URI u = TestServers.nothingListening(HOST);
    ProbeException e =
        assertThrows(ProbeException.class, () -> scanner().scan(u.getHost(), u.getPort()));
    assertTrue(e.getMessage().contains("refused"), e.getMessage());
  }

  @Test
  void aRecordedServerHelloIsRecognisedAsNoRealServer() throws Exception {
    byte[] recorded = TlsRecordings.record(weak.httpsUrl(), TlsVersion.TLS_1_0);
    assertTrue(recorded.length > 100);
    try (TlsTestServers.Replaying r = new TlsTestServers.Replaying(HOST, recorded)) {
      Scan scan = scanner().scan(HOST, r.url().getPort());
      System.out.println(scan);
      assertFalse(scan.violations().isEmpty(), scan.toString());
      TlsScanner.Reply again =
          scanner()
              .hello(HOST, r.url().getPort(), TlsVersion.TLS_1_2, CipherSuites.legacy(), false);
      assertInstanceOf(TlsScanner.Downgraded.class, again);
    }
  }
}
