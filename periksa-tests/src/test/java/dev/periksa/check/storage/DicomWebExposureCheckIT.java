package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.DicomWebLab;
import dev.periksa.lab.EhacData;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.DicomJsonExamples;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STO-5 for DICOMweb against real Orthanc archives (the lab's twins) and hostile look-alikes. */
class DicomWebExposureCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new DicomWebExposureCheck(), TargetContext.of(p));
  }

  private static TargetProfile dicomweb(String name, URI url) {
    return Profiles.of(name, "dicomweb", url);
  }

  /** The twins' archives need Debian's Orthanc; without it the lab leaves them out. */
  private static void assumeOrthanc() {
    assertTrue(
        SharedLab.get().variables().containsKey(DicomWebLab.LEGACY_DICOMWEB),
        () ->
            "these tests need Orthanc (apt-get install orthanc orthanc-dicomweb; .ci/run does): "
                + SharedLab.get().unavailable());
  }

  private static Evidence titled(List<Evidence> all, String prefix) {
    return all.stream().filter(e -> e.title().startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void theLegacyArchiveAnswersStudyQueriesFromAnyone() throws Exception {
    assumeOrthanc();
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    // Name, NIK and birth date: identity without health data the detectors know.
    assertEquals(Severity.HIGH, r.severity());
    Finding f = r.findings().get(0);
    Evidence query = titled(f.evidence(), "study query");
    assertEquals(200, query.status());
    assertEquals(true, query.facts().get("studyInstanceUid"));
    assertEquals(List.of("00100010", "00100020"), query.facts().get("patientTags"));
    assertEquals(List.of("CT"), query.facts().get("modalities"));
    assertEquals(1, query.samples().size());
    for (String type : List.of("NAME", "BIRTH_DATE")) {
      assertEquals(1, query.personalData().getOrDefault(type, 0), type + query.personalData());
    }
    // The patient id is a NIK or a passport number; a foreign passport whose letters read "MR" or
    // "RM" (5 of the 20,000 travellers) is, without its issuer tag, a medical record number to any
    // reader. Which study comes first is Orthanc's choice, so any of the three identity types.
    assertEquals(
        1,
        query.personalData().getOrDefault("NIK", 0)
            + query.personalData().getOrDefault("PASSPORT", 0)
            + query.personalData().getOrDefault("MEDICAL_RECORD_NUMBER", 0),
        "the patient id is an identity number: " + query.personalData());

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    assertEquals(List.of(), new RawValueScanner(DicomWebLab.STUDIES).findIn("result", json));
    for (int i = 0; i < DicomWebLab.STUDIES; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      String birth = t.get("tgl_lahir").toString().replace("-", "");
      assertFalse(json.contains(birth), "birth date of traveller " + i);
    }
  }

  @Test
  void theHardenedArchiveRefusesStrangersAndAnswersItsIdentity() {
    assumeOrthanc();
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    Evidence query = titled(r.observations(), "study query");
    assertEquals(401, query.status());
    assertTrue(String.valueOf(query.facts().get("challenge")).startsWith("Basic"));
    Evidence confirmed = titled(r.observations(), "with the declared identity");
    assertEquals(200, confirmed.status());
    assertEquals(true, confirmed.facts().get("answered"));
  }

  @Test
  void aCatchAllServingTheStandardsExampleForEveryPathIsNotAFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, DicomJsonExamples.PS3_18_STUDY)) {
      CheckResult r = scan(dicomweb("copied-study", URI.create(s.url() + "/dicom-web")));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void anHtmlPageIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, "<!doctype html><html><body>Viewer</body></html>")) {
      CheckResult r = scan(dicomweb("html", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void malformedJsonIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of(
                "/dicom-web/studies",
                new TestServers.Reply(200, "[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2")),
            new TestServers.Reply(404, "{\"HttpError\":\"Not Found\"}"))) {
      CheckResult r = scan(dicomweb("malformed", URI.create(s.url() + "/dicom-web")));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(dicomweb("down", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
