package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Capability statements, Bundles and OperationOutcomes of any FHIR version. */
class FhirRepliesTest {

  private static HttpReply reply(int status, String body) {
    return HttpReply.of(status, body);
  }

  @Test
  void aDstu2ConformanceAndAnR4CapabilityStatementBothNameTheirTypes() {
    var dstu2 =
        FhirReplies.capability(
                reply(
                    200,
                    "{\"resourceType\":\"Conformance\",\"fhirVersion\":\"1.0.2\",\"rest\":[{\"mode\":"
                        + "\"server\",\"resource\":[{\"type\":\"Patient\"},{\"type\":\"Condition\"}]}]}"))
            .orElseThrow();
    assertEquals(Set.of("Patient", "Condition"), dstu2.types());
    var r4 =
        FhirReplies.capability(
                reply(
                    200,
                    "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\","
                        + "\"software\":{\"name\":\"X\",\"version\":\"1\"},\"rest\":[{\"mode\":\"client\","
                        + "\"resource\":[{\"type\":\"Encounter\"}]},{\"mode\":\"server\",\"security\":"
                        + "{\"service\":[{\"coding\":[{\"code\":\"SMART-on-FHIR\"}]}]},\"resource\":"
                        + "[{\"type\":\"Observation\"}]}]}"))
            .orElseThrow();
    assertEquals(Set.of("Observation"), r4.types(), "client-mode resources are not served");
    assertEquals(List.of("SMART-on-FHIR"), r4.securityServices());
    assertEquals("X 1 (FHIR 4.0.1)", r4.label());
    assertTrue(FhirReplies.capability(reply(200, "{\"resourceType\":\"Bundle\"}")).isEmpty());
    assertTrue(
        FhirReplies.capability(reply(401, "{\"resourceType\":\"CapabilityStatement\"}")).isEmpty());
  }

  @Test
  void discoveryWantsADeclaredVersionOrAnOutcomeWithTheRefusal() {
    String versioned = "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\"}";
    String unversioned = "{\"resourceType\":\"Conformance\"}";
    assertTrue(FhirReplies.identifies(reply(200, versioned)));
    // The check still reads it (DSTU2's fhirVersion is optional); discovery has only this reply.
    assertEquals("?", FhirReplies.capability(reply(200, unversioned)).orElseThrow().fhirVersion());
    assertFalse(FhirReplies.identifies(reply(200, unversioned)));
    String outcome =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
            + "\"code\":\"login\"}]}";
    assertTrue(FhirReplies.identifies(reply(401, outcome)));
    assertFalse(FhirReplies.identifies(reply(404, outcome)), "only a refusal says FHIR here");
    assertEquals(List.of("login"), FhirReplies.outcome(reply(401, outcome)).orElseThrow().codes());
    assertTrue(FhirReplies.outcome(reply(401, versioned)).isEmpty());
  }

  @Test
  void onlyMatchEntriesCountAsSearchResults() {
    var b =
        FhirReplies.searchBundle(
                reply(
                    200,
                    "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":7,\"entry\":["
                        + "{\"resource\":{\"resourceType\":\"Observation\"},\"search\":{\"mode\":\"match\"}},"
                        + "{\"resource\":{\"resourceType\":\"Patient\"},\"search\":{\"mode\":\"include\"}},"
                        + "{\"resource\":{\"resourceType\":\"OperationOutcome\"},\"search\":{\"mode\":\"outcome\"}}]}"))
            .orElseThrow();
    assertEquals(7L, b.total());
    assertEquals(List.of("Observation"), b.entryTypes());
    assertEquals("{\"resourceType\":\"Observation\"}", b.matches().get(0).toString());
    var noTotal =
        FhirReplies.searchBundle(reply(200, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}"))
            .orElseThrow();
    assertEquals(null, noTotal.total());
    assertTrue(noTotal.matches().isEmpty());
    assertTrue(
        FhirReplies.searchBundle(reply(200, "{\"resourceType\":\"Bundle\",\"total\":2.5}"))
            .map(x -> x.total() == null)
            .orElseThrow(),
        "a total that is not a whole number is no total");
    assertTrue(
        FhirReplies.searchBundle(reply(401, "{\"resourceType\":\"Bundle\"}")).isEmpty(),
        "only a 2xx is a search result");
  }
}
