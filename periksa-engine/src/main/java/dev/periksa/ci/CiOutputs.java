package dev.periksa.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.json.Json;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's CI step, after {@code results.json}: compares with the baseline, marks each finding in
 * {@code results.json}, writes {@code junit.xml} and {@code results.sarif} beside it, and decides
 * the exit code ({@code --fail-on}, {@code --fail-on-new}).
 */
public final class CiOutputs {
  private CiOutputs() {}

  /**
   * What the CI step concluded.
   *
   * @param exitCode the exit code the gate gives
   * @param comparison findings against the baseline (inactive without one)
   * @param notes lines for the end of the console summary
   */
  public record Summary(int exitCode, Comparison comparison, List<String> notes) {
    /** A finding's state against the baseline, for the console: "" without a baseline. */
    public String label(String target, String checkId, Finding f) {
      Comparison.State s = comparison.state(target, checkId, f);
      return s == null ? "" : "[" + s.label() + "] ";
    }
  }

  public static Summary write(
      Path dir, String runId, List<TargetOutcome> targets, Catalogue catalogue, CiOptions ci)
      throws IOException {
    Comparison cmp = Comparison.of(targets, ci.baseline());
    Gate.Decision decision = Gate.decide(targets, ci, cmp);
    annotateResults(dir.resolve("results.json"), targets, ci, cmp);
    JUnitReport.write(dir.resolve("junit.xml"), runId, targets, cmp);
    SarifReport.write(
        dir.resolve("results.sarif"), runId, targets, catalogue, cmp, decision.exitCode());
    List<String> notes = new ArrayList<>();
    if (!ci.selection().all()) {
      notes.add("Selection: " + ci.selection().describe());
    }
    if (cmp.active()) {
      notes.add(
          "Compared with the baseline "
              + ci.baseline().source()
              + " (run "
              + ci.baseline().runId()
              + "):");
      for (TargetOutcome t : targets) {
        String target = t.profile().name();
        Comparison.Counts n = cmp.counts(target);
        notes.add(
            String.format(
                Locale.ROOT,
                "  %s: %d new, %d unchanged, %d fixed%s",
                target,
                n.added(),
                n.unchanged(),
                n.fixed(),
                n.notRechecked() == 0 ? "" : ", " + n.notRechecked() + " not re-checked"));
        for (RequirementOutcome r : t.requirements()) {
          for (CheckResult c : r.checks()) {
            for (Baseline.Finding f : cmp.fixed(target, c.check().id())) {
              String line =
                  "    fixed: " + c.check().id() + " " + f.severity() + " " + f.title().strip();
              if (!notes.contains(line)) {
                notes.add(line);
              }
            }
          }
        }
      }
    }
    notes.addAll(decision.notes());
    return new Summary(decision.exitCode(), cmp, List.copyOf(notes));
  }

  /**
   * Adds to results.json: {@code run.selection}, {@code run.gate}, {@code run.baseline}; each
   * finding's {@code baseline} state; each check's {@code fixedFindings}; each target's {@code
   * baseline} counts. Everything else is left as written.
   */
  private static void annotateResults(
      Path file, List<TargetOutcome> targets, CiOptions ci, Comparison cmp) throws IOException {
    ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(file.toFile());
    ObjectNode run = (ObjectNode) doc.path("run");
    run.set("selection", Json.MAPPER.valueToTree(ci.selection().toMap()));
    run.set("gate", Json.MAPPER.valueToTree(ci.gate()));
    if (cmp.active()) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("file", String.valueOf(ci.baseline().source()));
      b.put("runId", ci.baseline().runId());
      b.put("findings", ci.baseline().findings().size());
      run.set("baseline", Json.MAPPER.valueToTree(b));
    }
    if (cmp.active()) {
      for (JsonNode tn : doc.path("targets")) {
        String target = tn.path("name").asText();
        Comparison.Counts n = cmp.counts(target);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("new", n.added());
        counts.put("unchanged", n.unchanged());
        counts.put("fixed", n.fixed());
        counts.put("notRechecked", n.notRechecked());
        ((ObjectNode) tn).set("baseline", Json.MAPPER.valueToTree(counts));
        for (JsonNode rn : tn.path("requirements")) {
          for (JsonNode cn : rn.path("checks")) {
            String checkId = cn.path("id").asText();
            for (JsonNode fn : cn.path("findings")) {
              String key = Baseline.key(target, checkId, fn.path("fingerprint").asText());
              boolean known = ci.baseline().findings().containsKey(key);
              ((ObjectNode) fn).put("baseline", known ? "unchanged" : "new");
            }
            ArrayNode fixed = ((ObjectNode) cn).putArray("fixedFindings");
            for (Baseline.Finding f : cmp.fixed(target, checkId)) {
              ObjectNode fo = fixed.addObject();
              fo.put("title", f.title());
              fo.put("severity", f.severity());
              fo.put("location", f.location());
              fo.put("fingerprint", f.fingerprint());
              fo.put("baseline", "fixed");
            }
          }
        }
      }
    }
    Files.writeString(file, Json.MAPPER.writeValueAsString(doc));
  }
}
