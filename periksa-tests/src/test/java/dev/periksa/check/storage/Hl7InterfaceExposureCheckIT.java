package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.discovery.Discovery;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.Hl7Engine;
import dev.periksa.report.ResultModel;
import dev.periksa.target.ProfileLoader;
import dev.periksa.testing.Hl7Servers;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.TestCertificates;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.hostile.Behaviour;
import dev.periksa.testing.hostile.HostileServer;
import dev.periksa.testing.hostile.Patients;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STO-6 against real HL7 v2 engines (HAPI's MLLP listener): one that answers anyone in clear, the
 * same behind TLS that demands a client certificate, and servers that misbehave.
 */
class Hl7InterfaceExposureCheckIT {
  private static final Hl7InterfaceExposureCheck CHECK = new Hl7InterfaceExposureCheck();

  private static Hl7Engine.Patient patient() {
    return Hl7Servers.patient();
  }

  private static CheckResult scan(String kind, URI url) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(CHECK, TargetContext.of(Profiles.of("engine", kind, url)));
  }

  @Test
  void anEngineThatAnswersAnyoneFailsWithThePatientsDataMaskedAndOnlyOneQuerySent()
      throws Exception {
    Hl7Engine.Patient p = patient();
    try (Hl7Engine engine = Hl7Servers.open("127.0.0.5", p)) {
      CheckResult r = scan("hl7", engine.url());
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = r.findings().get(0);
      assertTrue(
          f.title().startsWith("hl7 answers a stranger's HL7 query (ADR^A19, MSA-1 AA, in clear)"),
          f.title());
      assertTrue(f.title().contains("NIK"), f.title());
      assertTrue(f.severity().compareTo(Severity.HIGH) >= 0, f.severity().toString());
      // One harmless query, for the synthetic patient, and nothing else.
      assertEquals(1, engine.received().size(), engine.received().toString());
      String sent = engine.received().get(0);
      assertTrue(sent.contains("QRY^A19"), sent);
      assertTrue(sent.contains(Hl7InterfaceExposureCheck.SYNTHETIC_PATIENT), sent);
      // Nothing raw of the patient in what Periksa keeps.
      String kept = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      for (String raw : new String[] {p.nik(), p.given(), p.family(), p.phone()}) {
        assertFalse(kept.contains(raw), "raw value in the result: " + raw);
      }
      assertTrue(kept.contains("MLLP in clear"), kept);
    }
  }

  @Test
  void theSameEngineBehindMutualTlsPassesAndHearsNothing() throws Exception {
    TestCertificates.Issued ca = TestCertificates.ca("SIMRS interface CA");
    TestCertificates.Issued leaf =
        TestCertificates.leaf("127.0.0.6").ip("127.0.0.6").issuedBy(ca).build();
    try (Hl7Engine engine =
        Hl7Servers.mutualTls("127.0.0.6", "127.0.0.4", patient(), leaf.serverContext())) {
      assertEquals("mllps", engine.url().getScheme());
      CheckResult r = scan("hl7", engine.url());
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("client certificate (mutual TLS)"), r.reason());
      assertTrue(engine.received().isEmpty(), engine.received().toString());
    }
  }

  @Test
  void silenceGarbageAndNothingListeningAreInconclusive() throws Exception {
    try (TestServers.Running http = TestServers.catchAll("127.0.0.5", 200, "{\"ok\":true}")) {
      URI u = URI.create("mllp://127.0.0.5:" + http.url().getPort());
      CheckResult r = scan("hl7", u);
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
    URI down = TestServers.nothingListening("127.0.0.5");
    CheckResult r = scan("hl7", URI.create("mllp://127.0.0.5:" + down.getPort()));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void hostileMllpServersAreInconclusiveWithinTheDeadline() throws Exception {
    for (Behaviour b :
        List.of(
            Behaviour.MLLP_NO_END_BLOCK,
            Behaviour.MLLP_ENDLESS_FRAME,
            Behaviour.MLLP_GARBAGE_FRAME)) {
      try (HostileServer h = new HostileServer("127.0.0.1", b, Duration.ofMillis(500), null)) {
        long t0 = System.nanoTime();
        CheckResult r =
            new CheckRunner(Duration.ofSeconds(25))
                .run(
                    CHECK,
                    TargetContext.of(
                        Profiles.of("engine", "hl7", URI.create("mllp://127.0.0.1:" + h.port()))));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Outcome.INCONCLUSIVE, r.outcome(), b + ": " + r.reason());
        assertTrue(ms < 29_000, b + " took " + ms + " ms");
        assertTrue(r.findings().isEmpty(), b.toString());
        String kept = Json.MAPPER.writeValueAsString(ResultModel.check(r)) + r.reason();
        Patients.Patient p = Patients.patient(0);
        for (String raw : new String[] {p.nik(), p.name(), p.phone(), p.address()}) {
          assertFalse(kept.contains(raw), b + ": raw value in the result");
        }
      }
    }
  }

  @Test
  void discoveryFindsAnEngineWithoutAskingForAPatient() throws Exception {
    try (Hl7Engine engine = Hl7Servers.open("127.0.0.5", patient())) {
      String yaml =
          "name: found\nscope: {hosts: [\"127.0.0.5\"]}\ndiscovery: {ports: ["
              + engine.url().getPort()
              + "]}\n";
      var p =
          ProfileLoader.withOverrides(Map.of()).parse(java.nio.file.Path.of("found.yaml"), yaml);
      var found = Discovery.forProfile(p).run(p, s -> {});
      assertEquals(1, found.size(), found.toString());
      assertEquals("hl7", found.get(0).kind());
      assertEquals(engine.url(), found.get(0).url());
      assertTrue(
          engine.received().stream().noneMatch(m -> m.contains("QRY")),
          engine.received().toString());
    }
  }

  @Test
  void otherKindsAreNotApplicable() {
    assertEquals(
        Outcome.NOT_APPLICABLE, scan("redis", URI.create("redis://127.0.0.5:9")).outcome());
  }
}
