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
import dev.periksa.lab.DimseServers;
import dev.periksa.probe.DicomWire;
import dev.periksa.probe.DimseClient;
import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.TcpProbe;
import dev.periksa.report.ResultModel;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.TestServers;
import dev.periksa.testing.hostile.Behaviour;
import dev.periksa.testing.hostile.HostileServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STO-5 for DICOM (DIMSE) against real archives: Orthanc's DICOM port and dcmtk's dcmqrscp, each
 * open to any AE title and restricted to one known peer, holding five synthetic studies.
 */
class DicomDimseExposureCheckIT {
  private static final int STUDIES = 5;

  @TempDir Path dir;

  private static CheckResult scan(URI url) {
    TargetProfile p = Profiles.of("dimse", "dicom", url);
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new DicomDimseExposureCheck(), TargetContext.of(p));
  }

  private static Evidence titled(List<Evidence> all, String prefix) {
    return all.stream().filter(e -> e.title().startsWith(prefix)).findFirst().orElseThrow();
  }

  private static void assumeOrthanc() {
    assertTrue(
        DimseServers.orthancInstalled(),
        "these tests need Orthanc (apt-get install orthanc orthanc-dicomweb; .ci/run does)");
  }

  private static void assumeDcmtk() {
    assertTrue(
        DimseServers.dcmtkInstalled(),
        "these tests need dcmtk (apt-get install dcmtk; .ci/run does)");
  }

  /** An open archive: FAIL with at most three matches, identifiers masked in the result. */
  private static void assertExposed(CheckResult r, String calledAe) throws Exception {
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    // Name, NIK (or passport) and birth date: identity without health data the detectors know.
    assertEquals(Severity.HIGH, r.severity(), r.reason());
    Finding f = r.findings().get(0);
    Evidence association = titled(f.evidence(), "association as PERIKSA to " + calledAe);
    assertEquals(true, association.facts().get("accepted"));
    assertEquals("status 0x0000", titled(f.evidence(), "C-ECHO").facts().get("status"));
    Evidence query = titled(f.evidence(), "study query (C-FIND)");
    assertEquals(DicomDimseExposureCheck.MAX_MATCHES, query.facts().get("matches"));
    assertEquals(true, query.facts().get("patientIdentifiers"));
    // Association, echo and three matches: a few KiB, not the archive.
    assertTrue(
        ((Number) query.facts().get("bytesRead")).longValue() < 8192, query.facts().toString());
    assertEquals(DicomDimseExposureCheck.MAX_MATCHES, query.samples().size());
    assertTrue(query.personalData().getOrDefault("NAME", 0) > 0, query.personalData().toString());
    assertTrue(
        query.personalData().getOrDefault("BIRTH_DATE", 0) > 0, query.personalData().toString());

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    for (String id : DimseServers.patientIds(STUDIES)) {
      assertFalse(json.contains(id), "a patient ID in the result");
    }
  }

  @Test
  void orthancOpenToAnyAeTitleServesStudies() throws Exception {
    assumeOrthanc();
    try (DimseServers.Running s = DimseServers.orthanc(dir, true, STUDIES)) {
      CheckResult r = scan(s.url());
      // Orthanc without DicomCheckCalledAet accepts any called AE title: the first one tried.
      assertExposed(r, DicomDimseExposureCheck.COMMON_CALLED_AES.get(0));
    }
  }

  @Test
  void orthancRestrictedToAKnownModalityRefusesTheStranger() throws Exception {
    assumeOrthanc();
    try (DimseServers.Running s = DimseServers.orthanc(dir, false, STUDIES)) {
      CheckResult r = scan(s.url());
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertEquals(DicomDimseExposureCheck.COMMON_CALLED_AES.size(), r.observations().size());
      assertTrue(
          r.observations().stream().allMatch(e -> e.facts().get("accepted") == Boolean.FALSE));
    }
  }

  @Test
  void orthancWithItsAeTitleInTheUrlRefusesTheStranger() throws Exception {
    assumeOrthanc();
    try (DimseServers.Running s = DimseServers.orthanc(dir, false, STUDIES)) {
      CheckResult r = scan(URI.create(s.url() + "/" + DimseServers.ORTHANC_AE));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertEquals(1, r.observations().size());
      assertTrue(r.reason().contains("calling AE title not recognized"), r.reason());
    }
  }

  @Test
  void dcmqrscpOpenToAnyPeerServesStudiesAndFindscuAgrees() throws Exception {
    assumeDcmtk();
    try (DimseServers.Running s = DimseServers.dcmqrscp(dir, true, STUDIES)) {
      // No AE title in the URL: ANY-SCP and ORTHANC are refused, DCMQRSCP is accepted.
      CheckResult r = scan(s.url());
      assertExposed(r, DimseServers.DCMQRSCP_AE);
      assertEquals(3, r.findings().get(0).evidence().size(), "association, echo, query");

      // The same server through dcmtk's own findscu and through the probe's client, unbounded.
      List<String> findscu = findscu(s.port(), DimseServers.DCMQRSCP_AE);
      assertEquals(DimseServers.patientIds(STUDIES).stream().sorted().toList(), sorted(findscu));
      TcpProbe tcp =
          new TcpProbe(
              new Scope(List.of("127.0.0.1")),
              new HostRateLimiter(50),
              Duration.ofSeconds(20),
              1 << 20);
      DimseClient.Association a =
          DimseClient.associate(tcp, s.url(), 104, "PERIKSA", DimseServers.DCMQRSCP_AE);
      List<String> probe = new ArrayList<>();
      try (DimseClient c = a.client().orElseThrow()) {
        Map<Integer, String[]> id = new LinkedHashMap<>();
        id.put(0x00080052, new String[] {"CS", "STUDY"});
        id.put(0x00100010, new String[] {"PN", "*"});
        id.put(0x00100020, new String[] {"LO", ""});
        DimseClient.Find f = c.find(DicomWire.STUDY_ROOT_FIND, id, 100);
        assertEquals(0, f.finalStatus());
        for (int i = 0; i < f.matches().size(); i++) {
          probe.add(DicomWire.text(f.matches().get(i), 0x00100020, f.charsets().get(i)));
        }
        c.release();
      }
      assertEquals(sorted(findscu), sorted(probe));
      // The check read at most three of these five.
      assertEquals(
          DicomDimseExposureCheck.MAX_MATCHES,
          titled(r.findings().get(0).evidence(), "study query").facts().get("matches"));
    }
  }

  @Test
  void dcmqrscpRestrictedToAKnownPeerRefusesTheStranger() throws Exception {
    assumeDcmtk();
    try (DimseServers.Running s = DimseServers.dcmqrscp(dir, false, STUDIES)) {
      CheckResult r = scan(URI.create(s.url() + "/" + DimseServers.DCMQRSCP_AE));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      // The known peer is still served: the refusal is the archive's, not a broken server.
      assertEquals(
          DimseServers.patientIds(STUDIES).stream().sorted().toList(),
          sorted(findscuAs(s.port(), DimseServers.KNOWN_PEER, DimseServers.DCMQRSCP_AE)));
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r = scan(URI.create("dicom://" + down.getHost() + ":" + down.getPort()));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void hostileDicomServersAreInconclusiveWithinTheDeadline() throws Exception {
    for (Behaviour b :
        List.of(
            Behaviour.DICOM_GARBAGE_AFTER_ACCEPT,
            Behaviour.DICOM_ENDLESS_PENDING,
            Behaviour.DICOM_MALFORMED_PDU)) {
      try (HostileServer h = new HostileServer("127.0.0.1", b, Duration.ofMillis(500), null)) {
        long t0 = System.nanoTime();
        CheckResult r = scan(URI.create("dicom://127.0.0.1:" + h.port()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Outcome.INCONCLUSIVE, r.outcome(), b + ": " + r.reason());
        assertTrue(ms < 15_000, b + " took " + ms + " ms");
        assertTrue(r.findings().isEmpty(), b.toString());
      }
    }
  }

  private static List<String> sorted(List<String> l) {
    return l.stream().sorted().toList();
  }

  private static List<String> findscu(int port, String calledAe) throws Exception {
    return findscuAs(port, "PERIKSA", calledAe);
  }

  /** PatientIDs of every study findscu is sent. */
  private static List<String> findscuAs(int port, String callingAe, String calledAe)
      throws Exception {
    Process p =
        new ProcessBuilder(
                "/usr/bin/findscu",
                "-v",
                "-S",
                "-aet",
                callingAe,
                "-aec",
                calledAe,
                "-k",
                "QueryRetrieveLevel=STUDY",
                "-k",
                "PatientName=*",
                "-k",
                "PatientID",
                "127.0.0.1",
                String.valueOf(port))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("\\(0010,0020\\) LO \\[([^\\]]*)\\]").matcher(out);
    int responses = 0;
    Matcher pending = Pattern.compile("Find Response: \\d+ \\(Pending\\)").matcher(out);
    while (pending.find()) {
      responses++;
    }
    while (m.find()) {
      ids.add(m.group(1).strip());
    }
    assertEquals(responses, ids.size(), "one PatientID per pending response");
    assertTrue(responses > 0, "findscu found nothing: " + out);
    return ids;
  }
}
