package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STO-5 for FHIR against real HAPI FHIR servers (the lab's twins) and hostile look-alikes. */
class FhirExposureCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new FhirExposureCheck(), TargetContext.of(p));
  }

  private static TargetProfile fhir(String name, URI url) {
    return Profiles.of(name, "fhir", url);
  }

  private static Evidence titled(List<Evidence> all, String prefix) {
    return all.stream()
        .filter(e -> e.title().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence titled " + prefix + " in " + all));
  }

  @Test
  void theLegacyTwinServesPatientsAndTestResultsToAnyoneCritical() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(f.title().contains("Patient 300"), f.title());
    assertTrue(f.title().contains("Observation 300"), f.title());
    assertTrue(f.title().startsWith("HAPI FHIR Server"), f.title());

    Evidence meta = titled(f.evidence(), "capability statement");
    assertEquals(200, meta.status());
    assertEquals(List.of("Patient", "Observation"), meta.facts().get("patientTypes"));

    Evidence patients = titled(f.evidence(), "Patient: sample");
    assertEquals(FhirExposureCheck.RESOURCES_PER_TYPE, patients.samples().size());
    for (String type : List.of("NIK", "NAME", "PHONE", "BIRTH_DATE", "ADDRESS")) {
      assertTrue(
          patients.personalData().getOrDefault(type, 0) >= 2,
          type + " in " + patients.personalData());
    }
    assertTrue(patients.samples().get(0).contains("\"resourceType\":\"Patient\""));
    assertTrue(patients.samples().get(0).contains("••••"), "masked: " + patients.samples());
    Evidence tests = titled(f.evidence(), "Observation: sample");
    assertTrue(tests.personalData().getOrDefault("TEST_RESULT", 0) >= 2, tests.toString());

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    assertEquals(List.of(), new RawValueScanner(300).findIn("result", json));
    for (int i = 0; i < 300; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      assertFalse(json.contains(t.get("nama").toString()), "name of traveller " + i);
      assertFalse(json.contains("\"" + t.get("tgl_lahir") + "\""), "birth date of " + i);
    }
  }

  @Test
  void theHardenedTwinPassesWithItsCapabilityStatementPublic() {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("capability statement is public"), r.reason());
    Evidence meta = titled(r.observations(), "capability statement");
    assertEquals(200, meta.status());
    assertEquals(true, meta.facts().get("public"));
    assertEquals(List.of("OAuth"), meta.facts().get("securityServices"));
    for (String type : List.of("Patient", "Observation")) {
      Evidence count = titled(r.observations(), type + ": count");
      assertEquals(401, count.status());
      assertTrue(String.valueOf(count.facts().get("challenge")).startsWith("Bearer"));
      assertEquals(List.of("login"), count.facts().get("issue"));
      assertEquals(401, titled(r.observations(), type + ": sample").status());
    }
    // The declared identity is a bearer token, no login: with it the server answers its owner.
    Evidence owner = titled(r.observations(), "with the declared identity");
    assertEquals(200, owner.status());
    assertEquals(true, owner.facts().get("answered"));
    assertEquals("fhir-reader", owner.facts().get("identity"));
  }

  @Test
  void aServerThatAnswersEveryTypeWithAnEmptyBundleIsNotAFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll(
            "127.0.0.5",
            200,
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[]}")) {
      CheckResult r = scan(fhir("empty-bundles", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void aCatchAllServingCopiedPatientsForEveryTypeIsNotAFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll(
            "127.0.0.5",
            200,
            "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":1,\"entry\":[{"
                + "\"resource\":{\"resourceType\":\"Patient\",\"id\":\"example\"}}]}")) {
      CheckResult r = scan(fhir("copied-bundle", s.url()));
      assertNotEquals(Outcome.FAIL, r.outcome(), r.reason());
    }
  }

  @Test
  void anHtmlPageIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, "<!doctype html><html><body>Portal</body></html>")) {
      CheckResult r = scan(fhir("html", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("did not answer like a FHIR server"), r.reason());
    }
  }

  @Test
  void malformedJsonIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of(
                "/fhir/Patient",
                new TestServers.Reply(200, "{\"resourceType\":\"Bundle\",\"total\":30"),
                "/fhir/Observation",
                new TestServers.Reply(200, "{\"resourceType\":\"Bundle\",\"entry\":[{\"resou")),
            new TestServers.Reply(404, "{\"resourceType\":\"OperationOutcome\",\"issue\":[]}"))) {
      CheckResult r = scan(fhir("malformed", URI.create(s.url() + "/fhir")));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(fhir("down", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void anEndpointOfAnotherKindIsNotApplicable() {
    CheckResult r = scan(Profiles.search("no-fhir", URI.create("http://127.0.0.5:9")));
    assertEquals(Outcome.NOT_APPLICABLE, r.outcome());
  }
}
