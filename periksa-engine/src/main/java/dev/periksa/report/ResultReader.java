package dev.periksa.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.Part;
import dev.periksa.discovery.Discovery;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads back what {@link ResultModel} wrote: one target of a {@code results.json} as the {@link
 * TargetOutcome} it was written from, so runs made elsewhere (the shards of a fleet) can go through
 * the standard outputs again. A check's metadata comes from the checks on the class path by id, so
 * titles, CWEs and remediations are the very ones a scan would use; an id they lack (the "scenario"
 * pseudo-check of a scenario that stopped early, a check of another build) keeps what the file
 * says. The profile is rebuilt from what was recorded (name, file, scope, endpoints left out): the
 * profile files need not exist where the results are read.
 *
 * <p>Fails closed: anything the model does not recognise, or a target whose requirements, once
 * rebuilt, conclude otherwise than the file says, is an {@link IllegalArgumentException} naming
 * where, never a guess.
 */
public final class ResultReader {
  private final Catalogue catalogue;
  private final Map<String, CheckMetadata> checks;

  /**
   * @param catalogue the requirements' order and titles
   * @param checks every known check's metadata (as {@code Checks.all()} gives them)
   */
  public ResultReader(Catalogue catalogue, List<CheckMetadata> checks) {
    this.catalogue = catalogue;
    Map<String, CheckMetadata> byId = new LinkedHashMap<>();
    for (CheckMetadata m : checks) {
      byId.putIfAbsent(m.id(), m);
    }
    this.checks = byId;
  }

  /** One target of {@code results.json}'s {@code targets}. */
  public TargetOutcome target(JsonNode t) {
    String name = text(t, "name", "a target");
    String at = "target " + name;
    String recorded = t.path("profile").asText("null");
    Path source = "null".equals(recorded) ? null : Path.of(recorded);
    List<String> scope = strings(t.path("scope"));
    TargetProfile profile =
        new TargetProfile(
            name,
            "",
            new Scope(scope),
            0,
            0,
            List.of(),
            List.of(),
            strings(t.path("notScanned")),
            null,
            source);
    List<Discovery.Found> inventory = new ArrayList<>();
    for (JsonNode f : t.path("inventory")) {
      inventory.add(
          new Discovery.Found(
              f.path("host").asText(),
              f.path("port").asInt(),
              f.path("product").asText(),
              f.path("kind").asText(),
              URI.create(f.path("url").asText())));
    }
    Map<String, List<CheckResult>> byRequirement = new LinkedHashMap<>();
    for (JsonNode r : t.path("requirements")) {
      String id = text(r, "id", at + ": a requirement");
      List<CheckResult> results = new ArrayList<>();
      for (JsonNode c : r.path("checks")) {
        results.add(check(c, id, at + " requirement " + id));
      }
      if (byRequirement.put(id, results) != null) {
        throw new IllegalArgumentException(at + ": requirement " + id + " twice");
      }
    }
    TargetOutcome rebuilt = TargetOutcome.of(profile, byRequirement, catalogue, inventory);
    // The requirements must conclude what the file says; the verdict is the file's (a target whose
    // scan broke is INCOMPLETE whatever its requirements say).
    JsonNode reqs = t.path("requirements");
    for (int i = 0; i < rebuilt.requirements().size(); i++) {
      RequirementOutcome ro = rebuilt.requirements().get(i);
      JsonNode r = reqs.get(i);
      if (r == null
          || !ro.requirement().id().equals(r.path("id").asText())
          || !ro.outcome().name().equals(r.path("outcome").asText())) {
        throw new IllegalArgumentException(
            at
                + ": requirement "
                + ro.requirement().id()
                + " concludes "
                + ro.outcome()
                + " from its checks, the results say "
                + (r == null
                    ? "nothing"
                    : r.path("id").asText() + " " + r.path("outcome").asText()));
      }
    }
    Verdict verdict = enumOf(Verdict.class, t.path("verdict").asText(), at + ": verdict");
    if (verdict == Verdict.CERTIFIED && rebuilt.verdict() != Verdict.CERTIFIED) {
      throw new IllegalArgumentException(
          at + ": CERTIFIED in the results, " + rebuilt.verdict() + " from its requirements");
    }
    return new TargetOutcome(profile, verdict, rebuilt.requirements(), rebuilt.inventory());
  }

  private CheckResult check(JsonNode c, String requirement, String at) {
    String id = text(c, "id", at + ": a check");
    String where = at + " check " + id;
    CheckMetadata meta = checks.get(id);
    if (meta == null) {
      List<Integer> cwe = new ArrayList<>();
      c.path("cwe").forEach(n -> cwe.add(n.asInt()));
      meta =
          new CheckMetadata(
              id,
              c.path("title").asText(id),
              "-",
              List.of(requirement),
              List.of(),
              cwe,
              "",
              c.path("advisory").asBoolean(false));
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode f : c.path("findings")) {
      findings.add(
          new Finding(
              f.path("title").asText(),
              f.path("location").asText(),
              enumOf(Severity.class, f.path("severity").asText(), where + ": a finding's severity"),
              evidence(f.path("evidence")),
              f.path("remediation").asText()));
    }
    List<Part> parts = new ArrayList<>();
    for (JsonNode p : c.path("parts")) {
      parts.add(
          new Part(
              p.path("name").asText(),
              enumOf(Outcome.class, p.path("outcome").asText(), where + ": a part's outcome"),
              p.path("reason").asText()));
    }
    List<Exemption> exemptions = new ArrayList<>();
    for (JsonNode e : c.path("exemptions")) {
      exemptions.add(exemption(e, where));
    }
    return new CheckResult(
        meta,
        enumOf(Outcome.class, c.path("outcome").asText(), where + ": outcome"),
        c.path("reason").asText(""),
        findings,
        evidence(c.path("observations")),
        Instant.parse(text(c, "started", where)),
        Duration.ofMillis(c.path("elapsedMs").asLong()),
        exemptions,
        null,
        parts);
  }

  private static Exemption exemption(JsonNode e, String at) {
    Exemption.Kind kind =
        enumOf(
            Exemption.Kind.class,
            e.path("kind").asText().toUpperCase(Locale.ROOT),
            at + ": an exemption's kind");
    boolean waiver = kind == Exemption.Kind.WAIVER;
    return new Exemption(
        kind,
        "applied".equals(e.path("status").asText()),
        e.path("subject").asText(),
        strings(e.path("findings")),
        e.path(waiver ? "justification" : "statement").asText(),
        e.path(waiver ? "approver" : "attestedBy").asText(),
        date(e.path("date")),
        date(e.path("expires")),
        e.path("source").asText(""));
  }

  private static List<Evidence> evidence(JsonNode list) {
    List<Evidence> out = new ArrayList<>();
    for (JsonNode e : list) {
      Map<String, Object> facts = new LinkedHashMap<>();
      e.path("facts").fields().forEachRemaining(f -> facts.put(f.getKey(), plain(f.getValue())));
      Map<String, Integer> personal = new LinkedHashMap<>();
      e.path("personalData")
          .fields()
          .forEachRemaining(f -> personal.put(f.getKey(), f.getValue().asInt()));
      out.add(
          new Evidence(
              e.path("title").asText(),
              e.path("request").asText(""),
              e.path("status").asInt(),
              facts,
              personal,
              strings(e.path("samples")),
              e.path("sha256").asText(""),
              e.path("bytes").asLong()));
    }
    return out;
  }

  /** A JSON value as the plain Java value it was written from (maps keep their order). */
  private static Object plain(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToInt() ? (Object) n.asInt() : (Object) n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      n.forEach(x -> out.add(plain(x)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(f -> out.put(f.getKey(), plain(f.getValue())));
    return out;
  }

  private static LocalDate date(JsonNode n) {
    return n.isTextual() && !n.asText().equals("null") ? LocalDate.parse(n.asText()) : null;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static String text(JsonNode n, String field, String at) {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException(at + " has no " + field);
    }
    return v.asText();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String name, String at) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": '" + name + "' is not known", e);
    }
  }
}
