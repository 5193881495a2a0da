package dev.periksa.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.result.Version;
import dev.periksa.testing.SharedLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * periksa-maven-plugin in a QA team's build: the sample project (src/it/scan-lab of the plugin
 * module) is built by a real Maven, the plugin resolved from the repository the plugin module
 * staged (target/it-repo), against the lab's legacy and hardened search clusters.
 */
class MavenPluginIT {
  private static final Path SAMPLE = Path.of("periksa-maven-plugin/src/it/scan-lab");
  private static final Path STAGED = Path.of("periksa-maven-plugin/target/it-repo");

  @TempDir static Path work;
  static Path settings;

  @BeforeAll
  static void stage() throws IOException {
    assertTrue(
        Files.isDirectory(STAGED.resolve("dev/periksa/periksa-maven-plugin")),
        "the plugin module stages the plugin in " + STAGED + " when it is packaged");
    // Everything else the sample's build needs (the scanner's libraries) comes from the local
    // repository of the build running this test, read as a remote: nothing is downloaded.
    String userRepo = Path.of(System.getProperty("periksa.it.userRepo")).toUri().toString();
    settings = work.resolve("settings.xml");
    Files.writeString(
        settings,
        """
        <settings>
          <mirrors>
            <mirror><id>local</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
          </mirrors>
        </settings>
        """
            .formatted(userRepo));
  }

  @Test
  void aFailedRequirementFailsTheBuildAndTheRunIsKept() throws Exception {
    Path project = sample("legacy");
    Result r = maven(project, "-Dtarget.profile=legacy-search.yaml");
    assertNotEquals(0, r.exit, r.log);
    assertTrue(r.log.contains("BUILD FAILURE"), r.log);
    assertTrue(r.log.contains("Periksa: a requirement failed at or above HIGH"), r.log);
    JsonNode results = results(project);
    assertEquals("FAIL", requirement(results, "STO-1"), results.toPrettyString());
    assertTrue(Files.isRegularFile(project.resolve("target/periksa/junit.xml")));
    assertTrue(Files.isRegularFile(project.resolve("target/periksa/results.sarif")));
  }

  @Test
  void aCertifiedTargetPassesTheBuildAndARerunReplacesTheRun() throws Exception {
    Path project = sample("hardened");
    Result first = maven(project, "-Dtarget.profile=hardened-search.yaml");
    assertEquals(0, first.exit, first.log);
    assertTrue(first.log.contains("Periksa: CERTIFIED"), first.log);
    assertEquals("PASS", requirement(results(project), "STO-1"));
    assertTrue(Files.size(project.resolve("target/periksa/report.html")) > 10_000);
    // The run folder holds the earlier run: the plugin replaces it instead of refusing.
    Result again =
        maven(project, "-Dtarget.profile=hardened-search.yaml", "-Dperiksa.report=false");
    assertEquals(0, again.exit, again.log);
    assertTrue(again.log.contains("replacing the earlier run"), again.log);
    assertFalse(Files.exists(project.resolve("target/periksa/report.html")));
  }

  @Test
  void skipPeriksaSkipsTheScan() throws Exception {
    Path project = sample("skipped");
    Result r = maven(project, "-Dtarget.profile=legacy-search.yaml", "-DskipPeriksa");
    assertEquals(0, r.exit, r.log);
    assertTrue(r.log.contains("Periksa: scan skipped (skipPeriksa)"), r.log);
    assertFalse(Files.exists(project.resolve("target/periksa")));
  }

  @Test
  void aMissingProfileIsAnErrorOfTheBuild() throws Exception {
    Path project = sample("missing");
    Result r = maven(project, "-Dtarget.profile=nowhere.yaml");
    assertNotEquals(0, r.exit, r.log);
    assertTrue(r.log.contains("nowhere.yaml does not exist"), r.log);
  }

  private static Path sample(String name) throws IOException {
    Path project = Files.createDirectories(work.resolve(name));
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f).replace("@project.version@", Version.periksa());
        Files.writeString(project.resolve(f.getFileName().toString()), text);
      }
    }
    return project;
  }

  record Result(int exit, String log) {}

  private static Result maven(Path project, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString());
    cmd.addAll(
        List.of(
            "-B",
            "-ntp",
            "-s",
            settings.toString(),
            "-Dmaven.repo.local=" + STAGED.toAbsolutePath(),
            "-f",
            project.resolve("pom.xml").toString(),
            "verify"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.putAll(SharedLab.get().variables());
    Path log = Files.createTempFile(work, "mvn", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the sample build took over 5 minutes: " + Files.readString(log));
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    System.out.println(out);
    return new Result(p.exitValue(), out);
  }

  private static JsonNode results(Path project) throws IOException {
    return new ObjectMapper().readTree(project.resolve("target/periksa/results.json").toFile());
  }

  /** A requirement's verdict in a one-target run. */
  private static String requirement(JsonNode results, String id) {
    for (JsonNode r : results.path("targets").get(0).path("requirements")) {
      if (id.equals(r.path("id").asText())) {
        return r.path("outcome").asText();
      }
    }
    return "absent";
  }
}
