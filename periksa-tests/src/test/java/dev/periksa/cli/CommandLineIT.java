package dev.periksa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.result.ExitCodes;
import dev.periksa.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: exit codes and what lands in the run folder. */
class CommandLineIT {
  @TempDir Path dir;

  @Test
  void aTargetThatIsDownIsIncompleteWithExitTwo() throws Exception {
    String url = TestServers.nothingListening("127.0.0.7").toString();
    Path profile = dir.resolve("down.yaml");
    Files.writeString(
        profile,
        "name: down\nscope:\n  hosts: [127.0.0.7]\nendpoints:\n"
            + "  - name: search\n    kind: search\n    url: \""
            + url
            + "\"\n");
    Path out = dir.resolve("run");
    assertEquals(
        ExitCodes.INCONCLUSIVE,
        Main.execute("scan", "--target", profile.toString(), "--out", out.toString()));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals("INCOMPLETE", results.at("/targets/0/verdict").asText());
    assertEquals("INCONCLUSIVE", results.at("/targets/0/requirements/0/outcome").asText());
    assertEquals(true, Files.exists(out.resolve("report.html")));
  }

  @Test
  void aBadProfileStopsTheRunWithExit64BeforeAnyProbe() throws Exception {
    Path profile = dir.resolve("bad.yaml");
    Files.writeString(
        profile,
        "name: bad\nscope:\n  hosts: [127.0.0.7]\nendpoints:\n"
            + "  - name: search\n    kind: search\n    url: \"http://127.0.0.8:9200\"\n");
    Path out = dir.resolve("run");
    assertEquals(
        ExitCodes.USAGE,
        Main.execute("scan", "--target", profile.toString(), "--out", out.toString()));
    assertFalse(Files.exists(out), "nothing is written when the profile is refused");
  }

  @Test
  void aUsersFeatureFolderRunsAndAScenarioWithoutAVerdictIsInconclusive() throws Exception {
    Path features = Files.createDirectories(dir.resolve("features"));
    Files.writeString(
        features.resolve("own.feature"),
        "@STO-1\nFeature: own\n\n"
            + "  Scenario: a step Periksa does not know\n    When something nobody defined happens\n");
    Path profile = dir.resolve("down.yaml");
    Files.writeString(
        profile,
        "name: down\nscope:\n  hosts: [127.0.0.7]\nendpoints:\n"
            + "  - name: search\n    kind: search\n    url: \"http://127.0.0.7:9\"\n");
    Path out = dir.resolve("run");
    assertEquals(
        ExitCodes.INCONCLUSIVE,
        Main.execute(
            "scan",
            "--target",
            profile.toString(),
            "--features",
            features.toString(),
            "--out",
            out.toString(),
            "--no-report"));
    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals("INCONCLUSIVE", results.at("/targets/0/requirements/0/outcome").asText());
    assertEquals(
        true,
        results
            .at("/targets/0/requirements/0/checks/0/reason")
            .asText()
            .contains("stopped before a verdict"));
    assertFalse(Files.exists(out.resolve("report.html")), "--no-report skips the report");
  }

  @Test
  void aFeatureFolderThatCannotRunIsExit64() throws Exception {
    Path profile = dir.resolve("down.yaml");
    Files.writeString(
        profile,
        "name: down\nscope:\n  hosts: [127.0.0.7]\nendpoints:\n"
            + "  - name: search\n    kind: search\n    url: \"http://127.0.0.7:9\"\n");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(
        ExitCodes.USAGE,
        Main.execute(
            "scan",
            "--target",
            profile.toString(),
            "--features",
            empty.toString(),
            "--out",
            dir.resolve("r1").toString()));
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(
        broken.resolve("x.feature"),
        "Feature: x\n  Scenario: y\n    Given a\n      | a | b |\n      | c |\n");
    assertEquals(
        ExitCodes.USAGE,
        Main.execute(
            "scan",
            "--target",
            profile.toString(),
            "--features",
            broken.toString(),
            "--out",
            dir.resolve("r2").toString()));
  }

  @Test
  void usageErrorsExit64() {
    assertEquals(ExitCodes.USAGE, Main.execute("scan"));
    assertEquals(ExitCodes.USAGE, Main.execute("no-such-command"));
    assertEquals(ExitCodes.USAGE, Main.execute());
    assertEquals(0, Main.execute("--version"));
  }
}
