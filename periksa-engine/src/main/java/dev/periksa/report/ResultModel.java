package dev.periksa.report;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Part;
import dev.periksa.evidence.Evidence;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Clause;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns outcomes into the plain maps written to {@code results.json} and attached to the report, so
 * both always say the same thing.
 */
public final class ResultModel {
  private ResultModel() {}

  public static Map<String, Object> target(TargetOutcome t, Catalogue catalogue) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", t.profile().name());
    m.put("profile", String.valueOf(t.profile().source()));
    m.put("scope", t.profile().scope().hosts());
    m.put("verdict", t.verdict().name());
    m.put("notScanned", t.profile().skipped());
    List<Object> inventory = new ArrayList<>();
    for (var f : t.inventory()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("host", f.host());
      fm.put("port", f.port());
      fm.put("product", f.product());
      fm.put("kind", f.kind());
      fm.put("url", f.url().toString());
      inventory.add(fm);
    }
    m.put("inventory", inventory);
    List<Object> reqs = new ArrayList<>();
    for (RequirementOutcome r : t.requirements()) {
      reqs.add(requirement(r, catalogue));
    }
    m.put("requirements", reqs);
    return m;
  }

  static Map<String, Object> requirement(RequirementOutcome r, Catalogue catalogue) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.requirement().id());
    m.put("title", r.requirement().title());
    m.put("area", r.requirement().area());
    m.put("outcome", r.outcome().name());
    if (r.advisoryOnly()) {
      // What it shows comes from advisory checks: the verdict reads this instead.
      m.put("verdictOutcome", r.gating().name());
    }
    m.put("severity", r.severity() == null ? null : r.severity().name());
    List<Object> clauses = new ArrayList<>();
    for (Clause c : catalogue.clausesOf(r.requirement())) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("id", c.id());
      cm.put("title", c.title());
      cm.put("url", c.url());
      clauses.add(cm);
    }
    m.put("clauses", clauses);
    List<Object> checks = new ArrayList<>();
    for (CheckResult c : r.checks()) {
      checks.add(check(c));
    }
    m.put("checks", checks);
    return m;
  }

  public static Map<String, Object> check(CheckResult c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.check().id());
    m.put("title", c.check().title());
    m.put("outcome", c.outcome().name());
    m.put("severity", c.severity() == null ? null : c.severity().name());
    m.put("reason", c.reason());
    if (c.check().advisory()) {
      m.put("advisory", true);
    }
    m.put("cwe", c.check().cwe());
    m.put("started", c.started().toString());
    m.put("elapsedMs", c.elapsed().toMillis());
    List<Object> findings = new ArrayList<>();
    for (Finding f : c.findings()) {
      Map<String, Object> fm = new LinkedHashMap<>();
      fm.put("title", f.title());
      fm.put("severity", f.severity().name());
      fm.put("location", f.location());
      fm.put("fingerprint", f.fingerprint(c.check().id()));
      fm.put("waived", waiverOf(c, f.fingerprint(c.check().id())));
      fm.put("remediation", f.remediation());
      fm.put("evidence", f.evidence().stream().map(ResultModel::evidence).toList());
      findings.add(fm);
    }
    m.put("findings", findings);
    if (!c.parts().isEmpty()) {
      List<Object> parts = new ArrayList<>();
      for (Part p : c.parts()) {
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("name", p.name());
        pm.put("outcome", p.outcome().name());
        pm.put("reason", p.reason());
        parts.add(pm);
      }
      m.put("parts", parts);
    }
    m.put("exemptions", c.exemptions().stream().map(ResultModel::exemption).toList());
    m.put("observations", c.observations().stream().map(ResultModel::evidence).toList());
    return m;
  }

  /** The current waiver covering a finding (justification, approver, expiry), or null. */
  static Map<String, Object> waiverOf(CheckResult c, String fingerprint) {
    for (Exemption e : c.exemptions()) {
      if (e.kind() == Exemption.Kind.WAIVER
          && e.current()
          && e.fingerprints().contains(fingerprint)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("justification", e.statement());
        m.put("approver", e.by());
        m.put("expires", String.valueOf(e.expires()));
        m.put("source", e.source());
        return m;
      }
    }
    return null;
  }

  static Map<String, Object> exemption(Exemption e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
    m.put("status", e.current() ? "applied" : "expired");
    m.put("subject", e.subject());
    m.put("findings", e.fingerprints());
    m.put(e.kind() == Exemption.Kind.WAIVER ? "justification" : "statement", e.statement());
    m.put(e.kind() == Exemption.Kind.WAIVER ? "approver" : "attestedBy", e.by());
    if (e.dated() != null) {
      m.put("date", e.dated().toString());
    }
    m.put("expires", e.expires() == null ? null : e.expires().toString());
    m.put("source", e.source());
    m.put("note", e.describe());
    return m;
  }

  static Map<String, Object> evidence(Evidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", e.title());
    m.put("request", e.request());
    m.put("status", e.status());
    m.put("facts", e.facts());
    m.put("personalData", e.personalData());
    m.put("samples", e.samples());
    m.put("sha256", e.sha256());
    m.put("bytes", e.bytes());
    return m;
  }
}
