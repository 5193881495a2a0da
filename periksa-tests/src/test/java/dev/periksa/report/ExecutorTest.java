package dev.periksa.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** executor.json from each CI system's own variables, and none outside CI. */
class ExecutorTest {
  @TempDir Path dir;

  @Test
  void githubActions() {
    Map<String, Object> e =
        Executor.from(
                Map.of(
                    "GITHUB_ACTIONS", "true",
                    "GITHUB_SERVER_URL", "https://github.com",
                    "GITHUB_REPOSITORY", "periksa/periksa",
                    "GITHUB_RUN_ID", "987654321",
                    "GITHUB_RUN_NUMBER", "42",
                    "GITHUB_WORKFLOW", "nightly scan",
                    "PERIKSA_REPORT_URL", "https://periksa.example/reports/42/report.html"))
            .orElseThrow();
    assertEquals("GitHub Actions", e.get("name"));
    assertEquals("github", e.get("type"));
    assertEquals("nightly scan #42", e.get("buildName"));
    assertEquals(42L, e.get("buildOrder"));
    assertEquals("https://github.com/periksa/periksa/actions/runs/987654321", e.get("buildUrl"));
    assertEquals("https://periksa.example/reports/42/report.html", e.get("reportUrl"));
  }

  @Test
  void gitlabCi() {
    Map<String, Object> e =
        Executor.from(
                Map.of(
                    "GITLAB_CI", "true",
                    "CI_SERVER_URL", "https://gitlab.example",
                    "CI_PROJECT_PATH", "health/ehac",
                    "CI_JOB_NAME", "periksa-nightly",
                    "CI_PIPELINE_IID", "7",
                    "CI_PIPELINE_ID", "123456",
                    "CI_JOB_URL", "https://gitlab.example/health/ehac/-/jobs/555"))
            .orElseThrow();
    assertEquals("GitLab CI", e.get("name"));
    assertEquals("gitlab", e.get("type"));
    assertEquals("health/ehac periksa-nightly #7", e.get("buildName"));
    assertEquals(7L, e.get("buildOrder"));
    assertEquals("https://gitlab.example/health/ehac/-/jobs/555", e.get("buildUrl"));
    assertFalse(e.containsKey("reportUrl"), "no report URL unless the pipeline names one");
  }

  @Test
  void jenkins() {
    Map<String, Object> e =
        Executor.from(
                Map.of(
                    "BUILD_URL", "https://ci.example/job/periksa/12/",
                    "JOB_NAME", "periksa",
                    "BUILD_NUMBER", "12",
                    "JENKINS_URL", "https://ci.example/"))
            .orElseThrow();
    assertEquals("Jenkins", e.get("name"));
    assertEquals("jenkins", e.get("type"));
    assertEquals("periksa #12", e.get("buildName"));
    assertEquals("https://ci.example/job/periksa/12/", e.get("buildUrl"));
    assertEquals(12L, e.get("buildOrder"));
  }

  @Test
  void noExecutorOutsideCi() throws Exception {
    Map<String, String> local = Map.of("HOME", "/root", "PATH", "/usr/bin", "CI", "true");
    assertTrue(Executor.from(local).isEmpty());
    assertTrue(Executor.from(Map.of("JOB_NAME", "x")).isEmpty(), "Jenkins needs BUILD_URL too");
    assertFalse(Executor.write(dir, local));
    assertFalse(Files.exists(dir.resolve("executor.json")));
  }

  @Test
  void writesExecutorJsonInCi() throws Exception {
    assertTrue(
        Executor.write(dir, Map.of("BUILD_URL", "https://ci.example/job/p/1/", "JOB_NAME", "p")));
    String json = Files.readString(dir.resolve("executor.json"));
    assertEquals("jenkins", Json.MAPPER.readTree(json).path("type").asText(), json);
    assertFalse(json.contains("buildOrder"), "no BUILD_NUMBER, no order: " + json);
  }
}
