package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.periksa.product.FhirReplies;
import dev.periksa.product.HttpReply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which resource types the FHIR check asks for (its replies' parsing: {@code FhirRepliesTest}). */
class FhirExposureCheckTest {

  @Test
  void typesAskedFollowTheCapabilityStatement() {
    var many =
        FhirReplies.capability(
            HttpReply.of(
                200,
                "{\"resourceType\":\"CapabilityStatement\",\"fhirVersion\":\"4.0.1\",\"rest\":[{"
                    + "\"resource\":[{\"type\":\"ValueSet\"},{\"type\":\"Procedure\"},{\"type\":\"Patient\"},"
                    + "{\"type\":\"Encounter\"},{\"type\":\"Condition\"},{\"type\":\"Observation\"},"
                    + "{\"type\":\"Immunization\"},{\"type\":\"DiagnosticReport\"}]}]}"));
    assertEquals(
        List.of(
            "Patient", "Observation", "Condition", "DiagnosticReport", "Immunization", "Encounter"),
        FhirExposureCheck.typesToAsk(many));
    assertEquals(FhirExposureCheck.DEFAULT_TYPES, FhirExposureCheck.typesToAsk(Optional.empty()));
  }
}
