package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the FHIR check reads capability statements and Bundles of any FHIR version. */
class FhirParsingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDstu2ConformanceAndAnR4CapabilityStatementBothNameTheirTypes() throws Exception {
    var dstu2 =
        FhirExposureCheck.Capability.of(
                JSON.readTree(
                    "{\"resourceType\":\"Conformance\",\"fhirVersion\":\"1.0.2\",\"rest\":[{\"mode\":"
                        + "\"server\",\"resource\":[{\"type\":\"Patient\"},{\"type\":\"Condition\"}]}]}"))
            .orElseThrow();
    assertEquals(Set.of("Patient", "Condition"), dstu2.types());
    var r4 =
        FhirExposureCheck.Capability.of(
                JSON.readTree(
                    "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\","
                        + "\"software\":{\"name\":\"X\",\"version\":\"1\"},\"rest\":[{\"mode\":\"client\","
                        + "\"resource\":[{\"type\":\"Encounter\"}]},{\"mode\":\"server\",\"security\":"
                        + "{\"service\":[{\"coding\":[{\"code\":\"SMART-on-FHIR\"}]}]},\"resource\":"
                        + "[{\"type\":\"Observation\"}]}]}"))
            .orElseThrow();
    assertEquals(Set.of("Observation"), r4.types(), "client-mode resources are not served");
    assertEquals(List.of("SMART-on-FHIR"), r4.securityServices());
    assertEquals("X 1 (FHIR 4.0.1)", r4.label());
    assertTrue(
        FhirExposureCheck.Capability.of(JSON.readTree("{\"resourceType\":\"Bundle\"}")).isEmpty());
  }

  @Test
  void onlyMatchEntriesCountAsSearchResults() throws Exception {
    var b =
        FhirExposureCheck.SearchBundle.of(
                JSON.readTree(
                    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":7,\"entry\":["
                        + "{\"resource\":{\"resourceType\":\"Observation\"},\"search\":{\"mode\":\"match\"}},"
                        + "{\"resource\":{\"resourceType\":\"Patient\"},\"search\":{\"mode\":\"include\"}},"
                        + "{\"resource\":{\"resourceType\":\"OperationOutcome\"},\"search\":{\"mode\":\"outcome\"}}]}"))
            .orElseThrow();
    assertEquals(7L, b.total());
    assertEquals(List.of("Observation"), b.entryTypes());
    var noTotal =
        FhirExposureCheck.SearchBundle.of(
                JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"))
            .orElseThrow();
    assertEquals(null, noTotal.total());
    assertTrue(noTotal.matches().isEmpty());
  }

  @Test
  void typesAskedFollowTheCapabilityStatement() throws Exception {
    var many =
        FhirExposureCheck.Capability.of(
            JSON.readTree(
                "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\",\"rest\":[{"
                    + "\"resource\":[{\"type\":\"ValueSet\"},{\"type\":\"Procedure\"},{\"type\":\"Patient\"},"
                    + "{\"type\":\"Encounter\"},{\"type\":\"Condition\"},{\"type\":\"Observation\"},"
                    + "{\"type\":\"Immunization\"},{\"type\":\"DiagnosticReport\"}]}]}"));
    assertEquals(
        List.of(
            "Patient", "Observation", "Condition", "DiagnosticReport", "Immunization", "Encounter"),
        FhirExposureCheck.typesToAsk(many));
    assertEquals(
        FhirExposureCheck.DEFAULT_TYPES, FhirExposureCheck.typesToAsk(java.util.Optional.empty()));
  }
}
