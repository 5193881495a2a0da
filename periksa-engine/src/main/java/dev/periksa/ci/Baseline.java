package dev.periksa.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A previous run's {@code results.json}, read for its findings: what {@code --baseline} compares
 * the current run with. Read and checked before anything is probed.
 *
 * @param source the file given
 * @param runId the previous run's id
 * @param findings each finding by {@link #key(String, String, String)}
 * @param checks the checks the previous run concluded, by {@link #checkKey(String, String)}
 */
public record Baseline(
    Path source, String runId, Map<String, Finding> findings, Map<String, String> checks) {

  /** A finding of the baseline: enough to say what was fixed. */
  public record Finding(
      String target,
      String checkId,
      String title,
      String severity,
      String location,
      String fingerprint) {}

  /** The baseline file cannot be used: the run stops before any probe. */
  public static final class BaselineException extends IOException {
    private static final long serialVersionUID = 1L;

    BaselineException(String message) {
      super(message);
    }
  }

  /** Same fingerprint on the same target and check. */
  public static String key(String target, String checkId, String fingerprint) {
    return target + "\u0000" + checkId + "\u0000" + fingerprint;
  }

  public static String checkKey(String target, String checkId) {
    return target + "\u0000" + checkId;
  }

  public static Baseline load(Path file) throws BaselineException {
    if (!Files.isRegularFile(file)) {
      throw new BaselineException("--baseline " + file + ": no such file");
    }
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new BaselineException(
          "--baseline " + file + ": not a readable results.json (" + firstLine(e) + ")");
    }
    if (doc == null || !doc.path("targets").isArray() || !doc.path("run").isObject()) {
      throw new BaselineException(
          "--baseline " + file + ": not a Periksa results.json (no run and targets)");
    }
    Map<String, Finding> findings = new LinkedHashMap<>();
    Map<String, String> checks = new LinkedHashMap<>();
    for (JsonNode t : doc.path("targets")) {
      String target = text(file, t, "name");
      for (JsonNode r : t.path("requirements")) {
        for (JsonNode c : r.path("checks")) {
          String checkId = text(file, c, "id");
          checks.put(checkKey(target, checkId), c.path("outcome").asText(""));
          for (JsonNode f : c.path("findings")) {
            String fp = text(file, f, "fingerprint");
            findings.put(
                key(target, checkId, fp),
                new Finding(
                    target,
                    checkId,
                    f.path("title").asText(""),
                    f.path("severity").asText(""),
                    f.path("location").asText(""),
                    fp));
          }
        }
      }
    }
    return new Baseline(
        file,
        doc.path("run").path("id").asText(""),
        Collections.unmodifiableMap(findings),
        Collections.unmodifiableMap(checks));
  }

  private static String text(Path file, JsonNode n, String field) throws BaselineException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new BaselineException(
          "--baseline " + file + ": a " + field + " is missing; not a Periksa results.json");
    }
    return v.asText();
  }

  private static String firstLine(IOException e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
