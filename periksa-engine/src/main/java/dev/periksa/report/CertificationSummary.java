package dev.periksa.report;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Clause;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Version;
import dev.periksa.waiver.Exemptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a regulator reads first, per target: the verdict, each requirement's outcome and severity
 * with the clauses it serves for the selected regulations, the waivers and attestations that bear
 * on it, the run's scope and times, and the key that signs the run with the command that verifies
 * it. One model, in the run's language, for the report's first screen ({@code periksa-summary.json}
 * beside the Allure results), the printable certificates and the console. Nothing here mixes
 * targets: there is no pass rate.
 */
public final class CertificationSummary {
  /** The file the report's plugin reads beside the Allure results. */
  public static final String FILE = "periksa-summary.json";

  /** The run as the summary describes it. */
  public record Run(
      String id,
      Instant started,
      Instant finished,
      String featureSetHash,
      String runFolder,
      String keyFingerprint) {}

  private CertificationSummary() {}

  /**
   * The summary of a run.
   *
   * @param regulations ids of the regulations the run serves (empty: all of the catalogue's)
   */
  public static Map<String, Object> of(
      Run run,
      List<TargetOutcome> outcomes,
      Catalogue catalogue,
      List<String> regulations,
      Exemptions exemptions,
      Texts t) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("lang", t.lang());
    doc.put("texts", texts(t));
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", run.id());
    r.put("started", run.started().toString());
    r.put("finished", run.finished().toString());
    r.put("periksa", Version.periksa());
    r.put("featureSetHash", run.featureSetHash());
    doc.put("run", r);
    Map<String, Object> key = new LinkedHashMap<>();
    key.put("fingerprint", run.keyFingerprint());
    key.put("verify", "periksa verify " + run.runFolder());
    doc.put("key", key);
    List<String> regs =
        regulations == null || regulations.isEmpty()
            ? catalogue.regulations().keySet().stream().sorted().toList()
            : List.copyOf(regulations);
    List<Object> regList = new ArrayList<>();
    for (String id : regs) {
      regList.add(Map.of("id", id, "name", catalogue.regulations().get(id).name()));
    }
    doc.put("regulations", regList);
    List<Object> targets = new ArrayList<>();
    for (TargetOutcome o : outcomes) {
      targets.add(target(o, catalogue, regs, exemptions, t));
    }
    doc.put("targets", targets);
    return doc;
  }

  private static Map<String, Object> target(
      TargetOutcome o, Catalogue catalogue, List<String> regs, Exemptions ex, Texts t) {
    String name = o.profile().name();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("verdict", o.verdict().name());
    m.put("verdictText", t.get("verdict", o.verdict()));
    m.put("verdictExplain", t.get("verdict.explain." + o.verdict().name()));
    m.put("scope", o.profile().scope().hosts());
    List<Object> rows = new ArrayList<>();
    Map<String, Map<String, Integer>> byArea = new LinkedHashMap<>();
    for (RequirementOutcome ro : o.requirements()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", ro.requirement().id());
      row.put("title", ro.requirement().title(t.lang()));
      row.put("area", t.get("area." + areaKey(ro.requirement().area())));
      row.put("outcome", ro.outcome().name());
      row.put("outcomeText", t.get("outcome", ro.outcome()));
      row.put("severity", ro.severity() == null ? null : ro.severity().name());
      row.put("severityText", ro.severity() == null ? null : t.get("severity", ro.severity()));
      row.put("advisory", ro.advisoryOnly());
      List<String> clauses = new ArrayList<>();
      for (Clause c : catalogue.clausesOf(ro.requirement())) {
        if (regs.contains(c.regulation())) {
          clauses.add(c.id());
        }
      }
      row.put("clauses", clauses);
      rows.add(row);
      if (ro.outcome() == Outcome.FAIL) {
        for (CheckResult c : ro.checks()) {
          for (Finding f : c.findings()) {
            byArea
                .computeIfAbsent(
                    t.get("area." + areaKey(ro.requirement().area())), k -> new LinkedHashMap<>())
                .merge(f.severity().name(), 1, Integer::sum);
          }
        }
      }
    }
    m.put("requirements", rows);
    m.put("findingsByArea", byArea);
    Map<String, Integer> bySeverity = new LinkedHashMap<>();
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
      int n = byArea.values().stream().mapToInt(a -> a.getOrDefault(s.name(), 0)).sum();
      bySeverity.put(s.name(), n);
    }
    m.put("findingsBySeverity", bySeverity);
    List<Object> waivers = new ArrayList<>();
    for (Map<String, Object> w : ex.waiverReport()) {
      if (Objects.equals(w.get("target"), name)) {
        waivers.add(
            pick(w, "requirement", "check", "justification", "approver", "expires", "status"));
      }
    }
    m.put("waivers", waivers);
    List<Object> attestations = new ArrayList<>();
    for (Map<String, Object> a : ex.attestationReport()) {
      if (Objects.equals(a.get("target"), name)) {
        attestations.add(
            pick(
                a,
                "requirement",
                "covers",
                "statement",
                "attestedBy",
                "date",
                "expires",
                "status"));
      }
    }
    m.put("attestations", attestations);
    List<Object> inventory = new ArrayList<>();
    for (var f : o.inventory()) {
      inventory.add(Map.of("port", f.port(), "host", f.host(), "product", f.product()));
    }
    m.put("inventory", inventory);
    return m;
  }

  private static String areaKey(String area) {
    return switch (area) {
      case "storage",
          "authentication",
          "authorization",
          "transport",
          "personal-data",
          "governance",
          "dast" ->
          area;
      default -> "other";
    };
  }

  private static Map<String, Object> pick(Map<String, Object> from, String... keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : keys) {
      if (from.get(k) != null) {
        out.put(k, from.get(k));
      }
    }
    return out;
  }

  /** The words the report's first screen needs, in the run's language. */
  private static Map<String, String> texts(Texts t) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k :
        List.of(
            "summary.title",
            "summary.tab",
            "summary.target",
            "summary.scope",
            "summary.requirement",
            "summary.outcome",
            "summary.severity",
            "summary.clauses",
            "summary.advisory",
            "summary.waivers",
            "summary.attestations",
            "summary.none",
            "summary.approvedBy",
            "summary.expires",
            "summary.attestedBy",
            "summary.run",
            "summary.started",
            "summary.finished",
            "summary.periksa",
            "summary.featureSet",
            "summary.regulations",
            "summary.key",
            "summary.verify",
            "summary.findings",
            "summary.inventory",
            "summary.coverage",
            "summary.notCounted")) {
      out.put(k, t.get(k));
    }
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
      out.put("severity." + s.name(), t.get("severity", s));
    }
    return out;
  }
}
