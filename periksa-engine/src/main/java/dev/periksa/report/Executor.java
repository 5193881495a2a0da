package dev.periksa.report;

import dev.periksa.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Allure's {@code executor.json} from the CI system's own variables (GitHub Actions, GitLab CI,
 * Jenkins), so the report links back to the build that made it. {@code PERIKSA_REPORT_URL}, when
 * set, is where the pipeline publishes the report.
 */
public final class Executor {
  public static final String REPORT_URL_ENV = "PERIKSA_REPORT_URL";

  private Executor() {}

  /** The executor the environment describes; empty outside a known CI system. */
  public static Optional<Map<String, Object>> from(Map<String, String> env) {
    Map<String, Object> m = new LinkedHashMap<>();
    if ("true".equalsIgnoreCase(env.get("GITHUB_ACTIONS")) || has(env, "GITHUB_RUN_ID")) {
      String server = or(env.get("GITHUB_SERVER_URL"), "https://github.com");
      m.put("name", "GitHub Actions");
      m.put("type", "github");
      m.put("url", server);
      putOrder(m, env.get("GITHUB_RUN_NUMBER"));
      m.put(
          "buildName",
          or(env.get("GITHUB_WORKFLOW"), "workflow")
              + (has(env, "GITHUB_RUN_NUMBER") ? " #" + env.get("GITHUB_RUN_NUMBER") : ""));
      if (has(env, "GITHUB_REPOSITORY") && has(env, "GITHUB_RUN_ID")) {
        m.put(
            "buildUrl",
            server
                + "/"
                + env.get("GITHUB_REPOSITORY")
                + "/actions/runs/"
                + env.get("GITHUB_RUN_ID"));
      }
    } else if ("true".equalsIgnoreCase(env.get("GITLAB_CI")) || has(env, "CI_PIPELINE_ID")) {
      m.put("name", "GitLab CI");
      m.put("type", "gitlab");
      putIf(m, "url", env.get("CI_SERVER_URL"));
      String order = or(env.get("CI_PIPELINE_IID"), env.get("CI_PIPELINE_ID"));
      putOrder(m, order);
      m.put(
          "buildName",
          or(env.get("CI_PROJECT_PATH"), "pipeline")
              + (has(env, "CI_JOB_NAME") ? " " + env.get("CI_JOB_NAME") : "")
              + (order != null ? " #" + order : ""));
      putIf(m, "buildUrl", or(env.get("CI_JOB_URL"), env.get("CI_PIPELINE_URL")));
    } else if (has(env, "BUILD_URL") && has(env, "JOB_NAME")) {
      m.put("name", "Jenkins");
      m.put("type", "jenkins");
      putIf(m, "url", env.get("JENKINS_URL"));
      putOrder(m, env.get("BUILD_NUMBER"));
      m.put(
          "buildName",
          env.get("JOB_NAME") + (has(env, "BUILD_NUMBER") ? " #" + env.get("BUILD_NUMBER") : ""));
      m.put("buildUrl", env.get("BUILD_URL"));
    } else {
      return Optional.empty();
    }
    putIf(m, "reportUrl", env.get(REPORT_URL_ENV));
    m.put("reportName", "Periksa certification report");
    return Optional.of(m);
  }

  /** Writes {@code executor.json} when the environment names a CI build; returns whether. */
  public static boolean write(Path allureResults, Map<String, String> env) throws IOException {
    Optional<Map<String, Object>> e = from(env);
    if (e.isEmpty()) {
      return false;
    }
    Files.writeString(
        allureResults.resolve("executor.json"), Json.MAPPER.writeValueAsString(e.get()));
    return true;
  }

  private static void putOrder(Map<String, Object> m, String n) {
    if (n != null) {
      try {
        m.put("buildOrder", Long.parseLong(n.strip()));
      } catch (NumberFormatException e) {
        // Allure orders builds by a number; a non-number is just left out.
      }
    }
  }

  private static void putIf(Map<String, Object> m, String key, String value) {
    if (value != null && !value.isBlank()) {
      m.put(key, value);
    }
  }

  private static boolean has(Map<String, String> env, String key) {
    String v = env.get(key);
    return v != null && !v.isBlank();
  }

  private static String or(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
