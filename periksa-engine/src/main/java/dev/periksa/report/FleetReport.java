package dev.periksa.report;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a run too large for one Allure page (a fleet of hundreds of targets): one
 * self-contained HTML file, written target by target, that says how many targets came out which way
 * and, for each target, its verdict, the requirements it failed or could not decide with their
 * severities, and (folded) each finding's title and where it was found. Titles and locations are
 * redacted when a finding is made, as everywhere else; nothing else of the evidence is shown here
 * (results.json and allure-results/ hold it).
 */
public final class FleetReport {
  private FleetReport() {}

  /** Writes the page. */
  public static void write(
      Path file, String runId, List<TargetOutcome> targets, Texts texts, String why)
      throws IOException {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    targets.forEach(t -> counts.merge(t.verdict(), 1, Integer::sum));
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("<!DOCTYPE html>\n<html lang=\"" + Html.esc(texts.lang()) + "\"><head>");
      w.write("<meta charset=\"utf-8\"><title>Periksa run " + Html.esc(runId) + "</title>");
      w.write(
          "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
              + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
              + ".NOT_CERTIFIED{color:#b00020;font-weight:bold}.INCOMPLETE{color:#a15c00}"
              + ".CERTIFIED{color:#1b5e20}summary{cursor:pointer}</style></head><body>\n");
      w.write("<h1>Periksa run " + Html.esc(runId) + "</h1>\n<p>");
      w.write(targets.size() + " targets:");
      String sep = " ";
      for (Map.Entry<Verdict, Integer> e : counts.entrySet()) {
        w.write(
            sep
                + e.getValue()
                + " <span class=\""
                + e.getKey().name()
                + "\">"
                + Html.esc(texts.get("verdict", e.getKey()))
                + "</span>");
        sep = ", ";
      }
      w.write(".</p>\n<p>" + Html.esc(why) + "</p>\n");
      w.write("<table><tr><th>target</th><th>verdict</th><th>failed</th><th>open</th></tr>\n");
      for (TargetOutcome t : targets) {
        row(w, t, texts);
      }
      w.write("</table>\n</body></html>\n");
    }
  }

  private static void row(BufferedWriter w, TargetOutcome t, Texts texts) throws IOException {
    StringBuilder failed = new StringBuilder();
    StringBuilder open = new StringBuilder();
    StringBuilder findings = new StringBuilder();
    for (RequirementOutcome q : t.requirements()) {
      if (q.gating() == Outcome.FAIL) {
        failed
            .append(failed.length() == 0 ? "" : ", ")
            .append(Html.esc(q.requirement().id()))
            .append(q.severity() == null ? "" : " " + q.severity());
      } else if (q.gating() == Outcome.INCONCLUSIVE) {
        open.append(open.length() == 0 ? "" : ", ").append(Html.esc(q.requirement().id()));
      }
      for (CheckResult c : q.checks()) {
        for (Finding f : c.findings()) {
          findings
              .append("<li>")
              .append(Html.esc(f.severity().name()))
              .append(": ")
              .append(Html.esc(f.title()))
              .append(" <small>(")
              .append(Html.esc(c.check().id()))
              .append(", ")
              .append(Html.esc(f.location()))
              .append(")</small></li>");
        }
      }
    }
    w.write("<tr><td>");
    if (findings.length() > 0) {
      w.write(
          "<details><summary>"
              + Html.esc(t.profile().name())
              + "</summary><ul>"
              + findings
              + "</ul></details>");
    } else {
      w.write(Html.esc(t.profile().name()));
    }
    w.write(
        "</td><td class=\""
            + t.verdict().name()
            + "\">"
            + Html.esc(texts.get("verdict", t.verdict()))
            + "</td><td>"
            + failed
            + "</td><td>"
            + open
            + "</td></tr>\n");
  }
}
