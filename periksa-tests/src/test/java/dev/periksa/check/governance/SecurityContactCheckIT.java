package dev.periksa.check.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.periksa.check.Attestation;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Severity;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestCertificates;
import dev.periksa.testing.TestServers;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * GOV-1 against the lab's real web fronts (the hardened Jetty serves a current security.txt over
 * HTTPS, the legacy one an expired file over HTTP), HTTPS catch-all look-alikes and a port where
 * nothing listens.
 */
class SecurityContactCheckIT {
  private static final String HOST = "127.0.0.1";
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  static Attestation attest(TargetProfile p, LocalDate expires, String... covers) {
    return new Attestation(
        "GOV-1",
        p.name(),
        List.of(covers),
        "runbook exercised",
        "A. Wijaya",
        "DPO",
        TODAY.minusDays(30),
        expires,
        "test attestations[0]");
  }

  static CheckResult run(TargetProfile p, Attestation... a) {
    return new SecurityContactCheck().run(TargetContext.of(p).withAttestations(List.of(a)));
  }

  /** The breach-notification process, in a run that certifies process requirements or not. */
  static CheckResult process(TargetProfile p, boolean certified, Attestation... a) {
    return new BreachProcessCheck()
        .run(TargetContext.of(p).withAttestations(List.of(a)).withProcessCertified(certified));
  }

  @Test
  void legacyFailsOnItsExpiredPlainHttpSecurityTxtEvenWithTheProcessAttested() {
    TargetProfile p = SharedLab.profile("ehac-legacy.yaml");
    CheckResult r = run(p, attest(p, null, "breach-notification"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.MEDIUM, r.severity());
    String title = r.findings().get(0).title();
    assertTrue(title.contains("expired on 2021-12-31"), title);
    assertTrue(title.contains("plain HTTP"), title);
  }

  @Test
  void legacyWithItsSecurityContactAlsoAttestedIsAttested() {
    TargetProfile p = SharedLab.profile("ehac-legacy.yaml");
    CheckResult r = run(p, attest(p, null, "breach-notification", "security-contact"));
    assertEquals(Outcome.ATTESTED, r.outcome(), r.reason());
    assertTrue(r.reason().contains("security contact is attested by A. Wijaya (DPO)"), r.reason());
  }

  @Test
  void theContactIsAdvisory() {
    assertTrue(new SecurityContactCheck().metadata().advisory());
    assertFalse(new BreachProcessCheck().metadata().advisory());
  }

  @Test
  void hardenedPublishesAContactAndItsProcessIsAttestedWhenProcessIsCertified() {
    TargetProfile p = SharedLab.profile("ehac-hardened.yaml");
    CheckResult contact = run(p, attest(p, TODAY.plusYears(1), "breach-notification"));
    assertEquals(Outcome.PASS, contact.outcome(), contact.reason());
    assertTrue(
        contact.reason().contains("security contact published at https://"), contact.reason());
    CheckResult r = process(p, true, attest(p, TODAY.plusYears(1), "breach-notification"));
    assertEquals(Outcome.ATTESTED, r.outcome(), r.reason());
    Exemption e = r.exemptions().get(0);
    assertEquals(Exemption.Kind.ATTESTATION, e.kind());
    assertTrue(e.current());
    assertTrue(e.describe().startsWith("ATTESTED (GOV-1 breach-notification) by A. Wijaya (DPO)"));
    assertTrue(r.findings().isEmpty());
  }

  @Test
  void theProcessWithoutAnAttestationCannotBeVerifiedWhenCertifiedAndIsNotAskedOtherwise() {
    TargetProfile p = SharedLab.profile("ehac-hardened.yaml");
    CheckResult asked = process(p, true);
    assertEquals(Outcome.INCONCLUSIVE, asked.outcome());
    assertTrue(asked.reason().contains("cannot be verified remotely; attest it"), asked.reason());
    CheckResult notAsked = process(p, false);
    assertEquals(Outcome.NOT_APPLICABLE, notAsked.outcome(), notAsked.reason());
    assertTrue(notAsked.reason().contains("--certify-process"), notAsked.reason());
  }

  @Test
  void aTargetWithoutAWebFrontIsNotIncompleteBecauseOfGov1() {
    TargetProfile p = Profiles.of("database only", "redis", URI.create("redis://127.0.0.1:6379"));
    assertEquals(Outcome.NOT_APPLICABLE, run(p).outcome());
    assertEquals(Outcome.NOT_APPLICABLE, process(p, false).outcome());
  }

  @Test
  void anExpiredAttestationNoLongerCountsAndIsShownAsExpired() {
    TargetProfile p = SharedLab.profile("ehac-hardened.yaml");
    CheckResult r = process(p, true, attest(p, TODAY.minusDays(1), "breach-notification"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("expired on " + TODAY.minusDays(1)), r.reason());
    assertFalse(r.exemptions().get(0).current());
    assertTrue(r.exemptions().get(0).describe().startsWith("attestation expired on"));
  }

  @Test
  void anHttpsCatchAllHtmlPageIsNoSecurityTxt() throws Exception {
    try (Served s = https("text/html", "<html><body><h1>e-HAC</h1></body></html>")) {
      TargetProfile p = Profiles.of("look-alike", "web", url(s));
      CheckResult r = run(p, attest(p, null, "breach-notification"));
      assertEquals(Outcome.FAIL, r.outcome(), "never a PASS or an attestation of the contact");
      String facts = r.findings().get(0).evidence().get(0).facts().toString();
      assertTrue(facts.contains("lookalike: answers an invented path alike"), facts);
    }
  }

  @Test
  void anHttpsCatchAllServingSecurityTxtAtEveryPathIsNoSecurityTxt() throws Exception {
    String txt =
        "Contact: mailto:x@example.com\nExpires: "
            + OffsetDateTime.now(ZoneOffset.UTC).plusDays(90).withNano(0)
            + "\n";
    try (Served s = https("text/plain; charset=utf-8", txt)) {
      TargetProfile p = Profiles.of("look-alike", "web", url(s));
      CheckResult r = run(p, attest(p, null, "breach-notification"));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    }
  }

  @Test
  void nothingListeningIsInconclusive() throws Exception {
    URI nowhere = TestServers.nothingListening(HOST);
    TargetProfile p = Profiles.of("gone", "web", URI.create("https://" + nowhere.getAuthority()));
    CheckResult r = run(p, attest(p, null, "breach-notification"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("could not read /.well-known/security.txt"), r.reason());
  }

  /** An HTTPS server answering every path with the same 200 reply, in a closeable wrapper. */
  private static Served https(String type, String body) throws Exception {
    HttpsServer s = HttpsServer.create(new InetSocketAddress(HOST, 0), 16);
    s.setHttpsConfigurator(
        new HttpsConfigurator(
            TestCertificates.leaf("lookalike.test").ip(HOST).build().serverContext()));
    s.setExecutor(Executors.newFixedThreadPool(2));
    s.createContext(
        "/",
        ex -> {
          try (ex) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
              out.write(b);
            }
          }
        });
    s.start();
    return new Served(s);
  }

  record Served(HttpsServer server) implements AutoCloseable {
    @Override
    public void close() {
      server.stop(0);
    }
  }

  private static URI url(Served s) {
    return URI.create("https://" + HOST + ":" + s.server().getAddress().getPort());
  }
}
