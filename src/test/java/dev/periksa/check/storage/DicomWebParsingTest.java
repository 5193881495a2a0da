package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DICOM JSON reading of the DICOMweb check, on the standard's example and on non-DICOM JSON.
 */
class DicomWebParsingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theStandardsExampleIsOneStudyWithPatientAttributes() throws Exception {
    var ds = DicomWebExposureCheck.datasets(JSON.readTree(DicomJsonExamples.PS3_18_STUDY));
    assertTrue(ds.isPresent());
    assertEquals(1, ds.get().size());
    assertTrue(ds.get().get(0).has(DicomWebExposureCheck.STUDY_INSTANCE_UID));
    assertTrue(ds.get().get(0).has(DicomWebExposureCheck.PATIENT_NAME));
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
  void otherJsonArraysAreNotDicom() throws Exception {
    for (String notDicom :
        new String[] {
          "[{\"id\":1,\"name\":\"x\"}]",
          "[{\"0020000D\":\"1.2.3\"}]",
          "{\"0020000D\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}}",
          "[1,2,3]",
          "[{}]"
        }) {
      assertTrue(DicomWebExposureCheck.datasets(JSON.readTree(notDicom)).isEmpty(), notDicom);
    }
    assertEquals(0, DicomWebExposureCheck.datasets(JSON.readTree("[]")).orElseThrow().size());
  }
}
