package dev.periksa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.Json;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The categories: a waived result lands in "waived" only, never also in "not applicable". */
class AllureReportTest {
  @TempDir Path dir;

  @Test
  void waivedAndNotApplicableSkipsAreToldApart() throws Exception {
    AllureReport.writeCategories(dir);
    JsonNode cats = Json.MAPPER.readTree(dir.resolve("categories.json").toFile());
    assertEquals("Violation found", cats.get(0).path("name").asText());
    assertEquals("failed", cats.get(0).path("matchedStatuses").get(0).asText());
    assertEquals("Could not verify (INCONCLUSIVE)", cats.get(1).path("name").asText());
    assertEquals("broken", cats.get(1).path("matchedStatuses").get(0).asText());
    String waived = cats.get(2).path("messageRegex").asText();
    String notApplicable = cats.get(3).path("messageRegex").asText();
    assertEquals("Waived (accepted risk)", cats.get(2).path("name").asText());
    assertEquals("Not applicable", cats.get(3).path("name").asText());
    // Allure matches the whole message, across lines.
    String w = "WAIVED: 1 finding(s) of STO-4.web accepted by a@b until 2027-01-01:\nreason";
    String na = "no Solr service declared or discovered";
    assertTrue(matches(waived, w));
    assertFalse(matches(notApplicable, w));
    assertTrue(matches(notApplicable, na));
    assertFalse(matches(waived, na));
  }

  private static boolean matches(String regex, String message) {
    return Pattern.compile(regex, Pattern.DOTALL).matcher(message).matches();
  }
}
