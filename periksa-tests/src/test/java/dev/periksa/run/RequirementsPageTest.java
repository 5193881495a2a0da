package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Check;
import dev.periksa.check.registry.Checks;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Requirement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The requirements page is generated from the catalogue, the features and the checks, and the
 * committed {@code docs/requirements.md} is exactly what would be generated now.
 */
class RequirementsPageTest {

  @Test
  void theCommittedPageIsTheGeneratedOne() throws Exception {
    Path committed = Path.of(RequirementsPage.FILE);
    assertTrue(
        Files.isRegularFile(committed),
        RequirementsPage.FILE + " is missing; write it with: " + RequirementsPage.REGENERATE);
    assertEquals(
        RequirementsPage.markdown(),
        Files.readString(committed, StandardCharsets.UTF_8),
        RequirementsPage.FILE
            + " is not what the catalogue, features and checks generate; regenerate it with: "
            + RequirementsPage.REGENERATE);
  }

  @Test
  void everyCheckSaysWhatProvesItAndEveryRequirementHasItsSectionAndFeature() {
    for (Check c : Checks.all()) {
      assertFalse(
          c.proof().isBlank(), c.metadata().id() + " has no proof(): the page would be empty");
    }
    String page = RequirementsPage.markdown();
    for (Requirement r : Catalogue.standard().requirements()) {
      assertTrue(page.contains("\n## " + r.id() + " " + r.title() + "\n"), r.id());
      assertTrue(
          page.contains("Feature: `features/"), "a feature named for " + r.id() + " on the page");
    }
    for (Check c : Checks.all()) {
      assertTrue(page.contains("| `" + c.metadata().id() + "`"), c.metadata().id());
    }
  }
}
