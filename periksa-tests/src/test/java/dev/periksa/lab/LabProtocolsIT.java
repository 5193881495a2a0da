package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Check;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.storage.DicomDimseExposureCheck;
import dev.periksa.check.storage.Hl7InterfaceExposureCheck;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.report.ResultModel;
import dev.periksa.testing.Hl7Servers;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lab's health-data protocols besides HTTP, started as the lab starts them (a {@link
 * LabContext} of their own, without the rest of the lab): the PACS's DICOM port (STO-5) and the HL7
 * v2 interface engine (STO-6). The legacy twin's fail with the travellers' data masked; the
 * hardened twin's pass, and still serve the partner they were set up for.
 */
class LabProtocolsIT {
  private static final int RECORDS = 50;

  static Path dir;
  static LabContext ctx;
  static final List<LabService> running = new ArrayList<>();
  static Map<String, String> vars = new java.util.HashMap<>();

  @BeforeAll
  static void startTheProtocols() throws Exception {
    dir = Files.createTempDirectory("periksa-lab-protocols-");
    ctx =
        new LabContext(
            Lab.Options.defaults().withRecords(RECORDS), dir, new LabCertificates(), line -> {});
    for (LabService s : List.of(new DicomWebLab(), new Hl7Lab())) {
      running.add(s);
      vars.putAll(s.start(ctx));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    for (LabService s : running) {
      s.close();
    }
    Lab.deleteTree(dir);
  }

  private static CheckResult scan(Check check, String kind, String variable) {
    URI url = URI.create(vars.get(variable));
    return new CheckRunner(Duration.ofSeconds(60))
        .run(check, TargetContext.of(Profiles.of("ehac", kind, url)));
  }

  /** Nothing of the synthetic travellers, raw, in what Periksa keeps of a result. */
  private static void nothingRaw(CheckResult r) throws Exception {
    String kept = Json.MAPPER.writeValueAsString(ResultModel.check(r)) + r.reason();
    assertEquals(List.of(), new RawValueScanner(Hl7Lab.TRAVELLERS).findIn("result", kept));
    for (int i = 0; i < DicomWebLab.STUDIES; i++) {
      String id = DicomRecords.studyTags(i).get("PatientID");
      assertFalse(kept.contains(id), "a patient ID of the archive in the result");
    }
  }

  @Test
  void theLabNamesEachProtocolUnderItsTwinsAddress() {
    assertEquals(ctx.legacyHost(), URI.create(vars.get(DicomWebLab.LEGACY_DICOM)).getHost());
    assertTrue(vars.get(DicomWebLab.LEGACY_DICOM).endsWith("/" + OrthancServer.AE_TITLE));
    assertEquals(ctx.hardenedHost(), URI.create(vars.get(DicomWebLab.HARDENED_DICOM)).getHost());
    assertTrue(vars.get(Hl7Lab.LEGACY_HL7).startsWith("mllp://" + ctx.legacyHost() + ":"));
    assertTrue(vars.get(Hl7Lab.HARDENED_HL7).startsWith("mllps://" + ctx.hardenedHost() + ":"));
  }

  @Test
  void theLegacyArchiveAnswersAStrangersDicomQuery() throws Exception {
    CheckResult r = scan(new DicomDimseExposureCheck(), "dicom", DicomWebLab.LEGACY_DICOM);
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertTrue(r.severity().compareTo(Severity.HIGH) >= 0, r.severity().toString());
    nothingRaw(r);
  }

  @Test
  void theHardenedArchiveRefusesTheStrangersAeTitle() throws Exception {
    CheckResult r = scan(new DicomDimseExposureCheck(), "dicom", DicomWebLab.HARDENED_DICOM);
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("calling AE title not recognized"), r.reason());
  }

  @Test
  void theLegacyEngineAnswersAStrangersQueryWithATraveller() throws Exception {
    CheckResult r = scan(new Hl7InterfaceExposureCheck(), "hl7", Hl7Lab.LEGACY_HL7);
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    String title = r.findings().get(0).title();
    assertTrue(title.contains("in clear") && title.contains("NIK"), title);
    assertTrue(r.severity().compareTo(Severity.HIGH) >= 0, r.severity().toString());
    nothingRaw(r);
  }

  @Test
  void theHardenedEngineRefusesAStrangerButServesALabPartner() throws Exception {
    CheckResult r = scan(new Hl7InterfaceExposureCheck(), "hl7", Hl7Lab.HARDENED_HL7);
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("client certificate (mutual TLS)"), r.reason());

    // A partner system with a lab-CA client certificate asks for a traveller it knows by e-HAC id.
    Hl7Engine.Patient known = Hl7Servers.patient();
    URI url = URI.create(vars.get(Hl7Lab.HARDENED_HL7));
    String query =
        "MSH|^~\\&|SIMRS|RSUD|EHAC|EHAC|20240101000000||QRY^A19^QRY_A19|Q1|P|2.5\r"
            + "QRD|20240101000000|R|I|Q1|||1^RD|"
            + known.mrn()
            + "^^^^MR|DEM\r";
    try (SSLSocket s =
        (SSLSocket)
            ctx.partnerTls("simrs-partner")
                .getSocketFactory()
                .createSocket(url.getHost(), url.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(0x0b);
      out.write(query.getBytes(StandardCharsets.UTF_8));
      out.write(new byte[] {0x1c, 0x0d});
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      for (int b = in.read(); b >= 0 && b != 0x1c; b = in.read()) {
        reply.write(b);
      }
      String answer = reply.toString(StandardCharsets.UTF_8);
      assertTrue(answer.contains("ADR^A19"), "the partner got no ADR^A19");
      // The traveller asked for, not the fallback (compared without printing the value).
      assertTrue(answer.contains(known.nik()), "the partner got another traveller");
    }
  }
}
