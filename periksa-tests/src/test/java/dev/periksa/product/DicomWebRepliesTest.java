package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import dev.periksa.testing.DicomJsonExamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DICOM JSON as DICOMweb archives answer QIDO-RS, on the standard's example and on look-alikes. */
class DicomWebRepliesTest {

  private static HttpReply reply(int status, String body, Map<String, List<String>> headers) {
    return new HttpReply(status, headers, body.getBytes(StandardCharsets.UTF_8), true);
  }

  private static HttpReply ok(String body) {
    return reply(200, body, Map.of());
  }

  @Test
  void theStandardsExampleIsOneStudyWithPatientAttributes() {
    var ds = DicomWebReplies.datasets(ok(DicomJsonExamples.PS3_18_STUDY)).orElseThrow();
    assertEquals(1, ds.size());
    assertTrue(DicomWebReplies.studyInstanceUid(ds.get(0)));
    assertEquals(
        List.of(DicomWebReplies.PATIENT_NAME, DicomWebReplies.PATIENT_ID),
        DicomWebReplies.patientTags(ds.get(0)));
    assertTrue(DicomWebReplies.identifies(ok(DicomJsonExamples.PS3_18_STUDY)));
  }

  @Test
  void tagsAreReadInEitherCase() {
    String lower =
        "[{\"0020000d\":{\"vr\":\"UI\",\"Value\":[\"1.2.840.1\"]},"
            + "\"00100020\":{\"vr\":\"LO\",\"Value\":[\"P1\"]},"
            + "\"00080061\":{\"vr\":\"CS\",\"Value\":[\"CT\",\"MR\"]}}]";
    Json study = DicomWebReplies.datasets(ok(lower)).orElseThrow().get(0);
    assertTrue(DicomWebReplies.studyInstanceUid(study));
    assertEquals(List.of(DicomWebReplies.PATIENT_ID), DicomWebReplies.patientTags(study));
    assertEquals(
        List.of("CT", "MR"), DicomWebReplies.values(study, DicomWebReplies.MODALITIES_IN_STUDY));
    String badUid = "[{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"not-a-uid\"]}}]";
    assertFalse(
        DicomWebReplies.studyInstanceUid(DicomWebReplies.datasets(ok(badUid)).get().get(0)));
  }

  @Test
  void theDetectorsReadItsPatientModule() {
    PersonalDataScanner s = new PersonalDataScanner();
    Map<PiiType, Integer> c = s.count(s.scan(DicomJsonExamples.PS3_18_STUDY));
    // Patient name (alphabetic and ideographic groups) and birth date; the referring physician
    // (00080090) is not the patient.
    assertEquals(2, c.get(PiiType.NAME), c.toString());
    assertEquals(1, c.get(PiiType.BIRTH_DATE), c.toString());
  }

  @Test
  void otherJsonArraysAreNotDicom() {
    for (String notDicom :
        new String[] {
          "[{\"id\":1,\"name\":\"x\"}]",
          "[{\"0020000D\":\"1.2.3\"}]",
          "{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}",
          "[1,2,3]",
          "[{}]"
        }) {
      assertTrue(DicomWebReplies.datasets(ok(notDicom)).isEmpty(), notDicom);
      assertFalse(DicomWebReplies.identifies(ok(notDicom)), notDicom);
    }
    assertEquals(0, DicomWebReplies.datasets(ok("[]")).orElseThrow().size());
    assertTrue(
        DicomWebReplies.datasets(reply(401, DicomJsonExamples.PS3_18_STUDY, Map.of())).isEmpty());
  }

  @Test
  void discoveryTakesAnEmptyResultOnlyWhenTypedDicomJson() {
    Map<String, List<String>> typed =
        Map.of("Content-Type", List.of("application/dicom+json; charset=utf-8"));
    assertFalse(DicomWebReplies.identifies(ok("[]")));
    assertTrue(DicomWebReplies.identifies(reply(200, "[]", typed)));
    assertTrue(DicomWebReplies.identifies(reply(204, "", typed)));
    assertFalse(DicomWebReplies.identifies(reply(204, "", Map.of())));
    assertTrue(
        DicomWebReplies.identifies(
            reply(
                401,
                "",
                Map.of("www-authenticate", List.of("Basic realm=\"Orthanc Secure Area\"")))));
    assertFalse(
        DicomWebReplies.identifies(
            reply(401, "", Map.of("www-authenticate", List.of("Basic realm=\"archive\"")))));
  }
}
