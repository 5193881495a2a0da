package dev.periksa.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.json.Json;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Clause;
import dev.periksa.regulation.Requirement;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a scenario's labels, clause links, verdict and redacted evidence into the Allure test
 * case. Labels are set from code because Allure's tag-to-link mapping drops citations such as
 * {@code 164.312(e)(1)}.
 */
public final class AllureRecorder {
  private final Catalogue catalogue;

  public AllureRecorder(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * Labels known when a scenario starts: target, requirements and their clauses.
   *
   * @param testCase the Allure test case uuid, which the Cucumber adapter takes from the scenario
   *     id
   */
  public void begin(
      String testCase, String target, List<String> requirementIds, String historyKey) {
    Allure.getLifecycle()
        .updateTestCase(
            testCase,
            tc -> {
              // The adapter may hand over immutable lists.
              tc.setLabels(new ArrayList<>(tc.getLabels()));
              tc.setLinks(new ArrayList<>(tc.getLinks()));
              tc.setParameters(new ArrayList<>(tc.getParameters()));
              tc.setHistoryId(
                  Redactor.sha256Hex((target + "\n" + historyKey).getBytes(StandardCharsets.UTF_8))
                      .substring(0, 32));
              set(tc.getLabels(), "parentSuite", target);
              add(tc.getLabels(), "target", target);
              // Every tab of the report (categories, suites, timeline) names the requirement.
              if (!requirementIds.isEmpty() && tc.getName() != null) {
                String prefix = String.join(", ", requirementIds) + " · ";
                if (!tc.getName().startsWith(prefix)) {
                  tc.setName(prefix + tc.getName());
                }
              }
              for (String id : requirementIds) {
                Requirement r = catalogue.requirement(id).orElse(null);
                add(tc.getLabels(), "requirement", id);
                // Tags are the labels Allure shows on a result's own page.
                add(tc.getLabels(), "tag", id);
                if (r == null) {
                  continue;
                }
                set(tc.getLabels(), "suite", areaTitle(r.area()));
                set(tc.getLabels(), "subSuite", r.id() + " " + r.title());
                set(tc.getLabels(), "epic", areaTitle(r.area()));
                set(tc.getLabels(), "feature", r.id() + " " + r.title());
                for (Clause c : catalogue.clausesOf(r)) {
                  add(tc.getLabels(), "clause", c.id());
                  add(tc.getLabels(), "tag", c.id());
                  if (tc.getLabels().stream()
                      .noneMatch(
                          l ->
                              "regulation".equals(l.getName())
                                  && c.regulation().equals(l.getValue()))) {
                    add(tc.getLabels(), "regulation", c.regulation());
                  }
                  tc.getLinks()
                      .add(
                          new Link()
                              .setName(c.id() + " " + c.title())
                              .setUrl(c.url())
                              .setType("link"));
                }
              }
              tc.getParameters().add(new Parameter().setName("target").setValue(target));
            });
  }

  /** The verdict of a check: severity, story, description and the evidence as attachments. */
  public void record(String testCase, CheckResult r) {
    Allure.getLifecycle()
        .updateTestCase(
            testCase,
            tc -> {
              // Behaviors tab: area (epic) > requirement (feature) > product (story).
              set(
                  tc.getLabels(),
                  "story",
                  "-".equals(r.check().product()) ? r.check().title() : r.check().product());
              add(tc.getLabels(), "check", r.check().id());
              add(tc.getLabels(), "outcome", r.outcome().name());
              tc.getLabels().removeIf(l -> "severity".equals(l.getName()));
              if (r.severity() != null) {
                add(tc.getLabels(), "severity", r.severity().allureName());
              }
              String before = tc.getDescription() == null ? "" : tc.getDescription().strip();
              tc.setDescription(describe(r) + (before.isEmpty() ? "" : "\n---\n\n" + before));
              // Allure shows descriptionHtml as is; the markdown above stays for other readers.
              String beforeHtml = tc.getDescriptionHtml() == null ? "" : tc.getDescriptionHtml();
              tc.setDescriptionHtml(beforeHtml + describeHtml(r));
            });
    try {
      Allure.addAttachment(
          "check result (redacted).json",
          "application/json",
          Json.MAPPER.writeValueAsString(ResultModel.check(r)),
          ".json");
      for (Finding f : r.findings()) {
        for (Evidence e : f.evidence()) {
          attach("evidence: " + e.title(), e);
        }
      }
      if (r.findings().isEmpty()) {
        for (Evidence e : r.observations()) {
          attach("observed: " + e.title(), e);
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a check result", e);
    }
  }

  private static void attach(String name, Evidence e) throws JsonProcessingException {
    Allure.addAttachment(
        name + ".json",
        "application/json",
        Json.MAPPER.writeValueAsString(ResultModel.evidence(e)),
        ".json");
  }

  static String describe(CheckResult r) {
    StringBuilder b = new StringBuilder();
    b.append("**Outcome:** ").append(r.outcome());
    if (r.severity() != null) {
      b.append(" — severity ").append(r.severity());
    }
    b.append("\n\n");
    if (!r.reason().isBlank()) {
      b.append(r.reason()).append("\n\n");
    }
    for (Finding f : r.findings()) {
      b.append("- **")
          .append(f.severity())
          .append("** ")
          .append(f.title())
          .append(" (")
          .append(f.location())
          .append(")")
          .append(ResultModel.waiverOf(r, f.fingerprint(r.check().id())) == null ? "" : " — waived")
          .append("\n");
    }
    for (Exemption e : r.exemptions()) {
      b.append("\n> ").append(e.describe()).append('\n');
    }
    if (!r.findings().isEmpty()) {
      b.append("\n**Remediation:** ").append(r.findings().get(0).remediation()).append('\n');
    }
    return b.toString();
  }

  /** The verdict, reason, findings and remediation of one check, as HTML for the report. */
  static String describeHtml(CheckResult r) {
    StringBuilder b = new StringBuilder("<div class=\"periksa-check\">");
    b.append("<p><b>")
        .append(Html.esc(r.check().id()))
        .append("</b> ")
        .append(Html.esc(r.check().title()))
        .append("<br><b>Outcome:</b> ")
        .append(Html.esc(r.outcome().name()));
    if (r.severity() != null) {
      b.append(" — <b>severity</b> ").append(Html.esc(r.severity().name()));
    }
    b.append("</p>");
    if (!r.reason().isBlank()) {
      b.append("<p>").append(Html.esc(r.reason())).append("</p>");
    }
    if (!r.findings().isEmpty()) {
      b.append("<ul>");
      for (Finding f : r.findings()) {
        b.append("<li><b>")
            .append(Html.esc(f.severity().name()))
            .append("</b> ")
            .append(Html.esc(f.title()))
            .append(" (")
            .append(Html.esc(f.location()))
            .append(")")
            .append(
                ResultModel.waiverOf(r, f.fingerprint(r.check().id())) == null
                    ? ""
                    : " — <b>waived</b>")
            .append("</li>");
      }
      b.append("</ul>");
    }
    // A waiver or attestation is shown beside the findings, never instead of them.
    for (Exemption e : r.exemptions()) {
      b.append("<p class=\"periksa-exemption\" style=\"border-left:3px solid ")
          .append(e.current() ? "#8e44ad" : "#7f8c8d")
          .append(";padding-left:6px\">")
          .append(Html.esc(e.describe()))
          .append(e.source().isEmpty() ? "" : " <small>(" + Html.esc(e.source()) + ")</small>")
          .append("</p>");
    }
    if (!r.findings().isEmpty()) {
      b.append("<p><b>Remediation:</b> ")
          .append(Html.esc(r.findings().get(0).remediation()))
          .append("</p>");
    } else if (r.outcome() != Outcome.PASS && r.outcome() != Outcome.NOT_APPLICABLE) {
      b.append("<p><b>Remediation:</b> ").append(Html.esc(r.check().remediation())).append("</p>");
    }
    if (!r.check().cwe().isEmpty()) {
      b.append("<p><b>CWE:</b> ");
      for (int i = 0; i < r.check().cwe().size(); i++) {
        int cwe = r.check().cwe().get(i);
        b.append(i == 0 ? "" : ", ")
            .append("<a href=\"https://cwe.mitre.org/data/definitions/")
            .append(cwe)
            .append(".html\">CWE-")
            .append(cwe)
            .append("</a>");
      }
      b.append("</p>");
    }
    return b.append("</div>").toString();
  }

  static String areaTitle(String area) {
    switch (area) {
      case "personal-data":
        return "Personal data";
      case "dast":
        return "DAST";
      default:
        return area.substring(0, 1).toUpperCase(Locale.ROOT) + area.substring(1);
    }
  }

  /** Replaces a single-valued label, such as the suite the adapter derived from the feature. */
  private static void set(List<Label> labels, String name, String value) {
    labels.removeIf(l -> name.equals(l.getName()));
    add(labels, name, value);
  }

  private static void add(List<Label> labels, String name, String value) {
    labels.add(new Label().setName(name).setValue(value));
  }
}
