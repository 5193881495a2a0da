package dev.periksa.report;

import dev.periksa.check.CheckMetadata;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Clause;
import dev.periksa.regulation.Requirement;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coverage matrix: requirement × clause × outcome on each target, and every clause of the
 * catalogue with the checks that test it or the reason no outside probe can. The same map goes to
 * {@code results.json} and, as HTML, into the report.
 */
public final class Coverage {
  /** Outcome of a catalogue requirement that the run's features did not state. */
  public static final String NOT_RUN = "NOT_RUN";

  private Coverage() {}

  /**
   * The matrix of a run.
   *
   * @param outcomes each target's outcome
   * @param catalogue requirements and clauses
   * @param checks every check Periksa has (which clause each can test does not depend on the run)
   */
  public static Map<String, Object> of(
      List<TargetOutcome> outcomes, Catalogue catalogue, List<CheckMetadata> checks) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> targets = new ArrayList<>();
    for (TargetOutcome t : outcomes) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("name", t.profile().name());
      tm.put("verdict", t.verdict().name());
      List<Object> rows = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Requirement r : catalogue.requirements()) {
        RequirementOutcome ro = find(t, r.id());
        seen.add(r.id());
        for (Clause c : catalogue.clausesOf(r)) {
          rows.add(row(r, c.id(), ro));
        }
      }
      // A feature's requirement the catalogue lacks still shows, with no clause.
      for (RequirementOutcome ro : t.requirements()) {
        if (seen.add(ro.requirement().id())) {
          rows.add(row(ro.requirement(), null, ro));
        }
      }
      tm.put("rows", rows);
      targets.add(tm);
    }
    m.put("targets", targets);

    List<Object> clauses = new ArrayList<>();
    for (Clause c : catalogue.clauses()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("id", c.id());
      cm.put("regulation", catalogue.regulations().get(c.regulation()).name());
      cm.put("title", c.title());
      cm.put("url", c.url());
      List<String> reqs = new ArrayList<>();
      for (Requirement r : catalogue.requirements()) {
        if (r.clauses().contains(c.id())) {
          reqs.add(r.id());
        }
      }
      List<String> byChecks = new ArrayList<>();
      for (CheckMetadata check : checks) {
        if (check.requirementIds().stream().anyMatch(reqs::contains)) {
          byChecks.add(check.id());
        }
      }
      cm.put("requirements", reqs);
      cm.put("checks", byChecks);
      boolean testable = !c.notRemotelyTestable() && !byChecks.isEmpty();
      cm.put("remotelyTestable", testable);
      if (!testable) {
        cm.put(
            "why",
            c.why() != null && !c.why().isBlank()
                ? c.why()
                : reqs.isEmpty()
                    ? "No requirement of the catalogue cites it."
                    : "No check verifies " + String.join(", ", reqs) + " yet.");
      }
      clauses.add(cm);
    }
    m.put("clauses", clauses);
    return m;
  }

  private static RequirementOutcome find(TargetOutcome t, String id) {
    for (RequirementOutcome ro : t.requirements()) {
      if (ro.requirement().id().equals(id)) {
        return ro;
      }
    }
    return null;
  }

  private static Map<String, Object> row(Requirement r, String clause, RequirementOutcome ro) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requirement", r.id());
    m.put("area", r.area());
    m.put("clause", clause);
    m.put("outcome", ro == null ? NOT_RUN : ro.outcome().name());
    m.put("severity", ro == null || ro.severity() == null ? null : ro.severity().name());
    return m;
  }

  /** The matrix as an HTML fragment for the report (self-contained: inline styles only). */
  @SuppressWarnings("unchecked")
  public static String html(Map<String, Object> coverage, Catalogue catalogue) {
    StringBuilder b = new StringBuilder("<div class=\"periksa-coverage\">");
    String cell = " style=\"border:1px solid #ccc;padding:2px 6px;vertical-align:top\"";
    for (Object o : (List<Object>) coverage.get("targets")) {
      Map<String, Object> t = (Map<String, Object>) o;
      b.append("<h3>")
          .append(Html.esc((String) t.get("name")))
          .append(": ")
          .append(Html.esc((String) t.get("verdict")))
          .append("</h3>");
      b.append("<table style=\"border-collapse:collapse\"><tr><th")
          .append(cell)
          .append(">requirement</th><th")
          .append(cell)
          .append(">outcome</th><th")
          .append(cell)
          .append(">severity</th><th")
          .append(cell)
          .append(">clauses</th></tr>");
      // One line per requirement, its clauses together: the matrix folded for reading.
      Map<String, List<Map<String, Object>>> byReq = new LinkedHashMap<>();
      for (Object ro : (List<Object>) t.get("rows")) {
        Map<String, Object> row = (Map<String, Object>) ro;
        byReq.computeIfAbsent((String) row.get("requirement"), k -> new ArrayList<>()).add(row);
      }
      for (var e : byReq.entrySet()) {
        Map<String, Object> first = e.getValue().get(0);
        String outcome = (String) first.get("outcome");
        String title = catalogue.requirement(e.getKey()).map(Requirement::title).orElse("");
        b.append("<tr><td")
            .append(cell)
            .append("><b>")
            .append(Html.esc(e.getKey()))
            .append("</b> ")
            .append(Html.esc(title))
            .append("</td><td")
            .append(cell)
            .append(" class=\"periksa-outcome-")
            .append(Html.esc(outcome))
            .append("\"><b style=\"color:")
            .append(colour(outcome))
            .append("\">")
            .append(Html.esc(outcome))
            .append("</b></td><td")
            .append(cell)
            .append(">")
            .append(Html.esc(first.get("severity") == null ? "" : (String) first.get("severity")))
            .append("</td><td")
            .append(cell)
            .append(">");
        List<String> links = new ArrayList<>();
        for (Map<String, Object> row : e.getValue()) {
          String id = (String) row.get("clause");
          if (id != null) {
            links.add(clauseLink(catalogue, id));
          }
        }
        b.append(String.join(", ", links)).append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("<h3>Every clause of the catalogue</h3>");
    b.append("<table style=\"border-collapse:collapse\"><tr><th")
        .append(cell)
        .append(">clause</th><th")
        .append(cell)
        .append(">what it asks</th><th")
        .append(cell)
        .append(">tested by</th></tr>");
    for (Object o : (List<Object>) coverage.get("clauses")) {
      Map<String, Object> c = (Map<String, Object>) o;
      b.append("<tr><td")
          .append(cell)
          .append(">")
          .append(clauseLink(catalogue, (String) c.get("id")))
          .append("<br><small>")
          .append(Html.esc((String) c.get("regulation")))
          .append("</small></td><td")
          .append(cell)
          .append(">")
          .append(Html.esc((String) c.get("title")))
          .append("</td><td")
          .append(cell)
          .append(">");
      if (Boolean.TRUE.equals(c.get("remotelyTestable"))) {
        b.append(Html.esc(String.join(", ", (List<String>) c.get("requirements"))))
            .append(": ")
            .append(Html.esc(String.join(", ", (List<String>) c.get("checks"))));
      } else {
        b.append("<i>not tested remotely:</i> ").append(Html.esc((String) c.get("why")));
      }
      b.append("</td></tr>");
    }
    return b.append("</table></div>").toString();
  }

  private static String clauseLink(Catalogue catalogue, String id) {
    String url = catalogue.clause(id).map(Clause::url).orElse(null);
    return url == null
        ? Html.esc(id)
        : "<a href=\"" + Html.esc(url) + "\" target=\"_blank\">" + Html.esc(id) + "</a>";
  }

  private static String colour(String outcome) {
    switch (outcome) {
      case "FAIL":
        return "#c0392b";
      case "INCONCLUSIVE":
        return "#d35400";
      case "WAIVED":
        return "#8e44ad";
      case "PASS":
      case "ATTESTED":
        return "#27ae60";
      default:
        return "#7f8c8d";
    }
  }
}
