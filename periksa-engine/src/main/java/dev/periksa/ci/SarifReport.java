package dev.periksa.ci;

import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.registry.Checks;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Clause;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Version;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code results.sarif}, SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, GitLab, Azure
 * DevOps). One rule per check Periksa knows, with its requirement, clauses, CWE tags and a {@code
 * security-severity}; one result per finding of a FAIL; a WAIVED finding carries an external
 * suppression with the waiver's justification; an INCONCLUSIVE check is a result of kind {@code
 * review} (SARIF §3.27.9 requires level {@code none} for any kind other than {@code fail}, so it is
 * not {@code note}: a reviewer sees "needs review", not a low-level failure). Locations are the
 * target's URLs as the findings name them (redacted, no credentials); a result without one points
 * at the target profile.
 */
public final class SarifReport {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** Where a reader of the code-scanning UI learns about Periksa (resource key {@code url}). */
  static final String INFORMATION_URI = informationUri();

  private SarifReport() {}

  public static void write(
      Path file,
      String runId,
      List<TargetOutcome> targets,
      Catalogue catalogue,
      Comparison cmp,
      int exitCode)
      throws IOException {
    Map<String, CheckMetadata> checks = new LinkedHashMap<>();
    for (Check c : Checks.all()) {
      checks.putIfAbsent(c.metadata().id(), c.metadata());
    }
    Map<String, Severity> worst = new LinkedHashMap<>();
    for (TargetOutcome t : targets) {
      for (RequirementOutcome r : t.requirements()) {
        for (CheckResult c : r.checks()) {
          checks.putIfAbsent(c.check().id(), c.check());
          Severity max = maxOf(c);
          if (max != null) {
            worst.merge(c.check().id(), max, Severity::max);
          }
        }
      }
    }
    List<String> ruleIds = new ArrayList<>(checks.keySet());
    List<Object> rules = new ArrayList<>();
    for (CheckMetadata m : checks.values()) {
      rules.add(rule(m, catalogue, worst.get(m.id())));
    }

    List<Object> results = new ArrayList<>();
    for (TargetOutcome t : targets) {
      String target = t.profile().name();
      String profileUri = profileUri(t);
      Set<String> seen = new HashSet<>();
      for (RequirementOutcome r : t.requirements()) {
        for (CheckResult c : r.checks()) {
          String id = c.check().id();
          if (!seen.add(id)) {
            continue; // a check verifying two requirements reports its findings once
          }
          int ruleIndex = ruleIds.indexOf(id);
          switch (c.outcome()) {
            case FAIL, WAIVED -> {
              for (Finding f : c.findings()) {
                results.add(findingResult(target, c, f, ruleIndex, cmp));
              }
              if (c.findings().isEmpty()) {
                // A waived result without its findings still shows, suppressed, on the profile.
                Map<String, Object> res = base(id, ruleIndex, target, "fail", "warning");
                res.put("message", message(target + ": " + c.outcome() + ": " + c.reason()));
                res.put("locations", List.of(location(profileUri)));
                res.put("suppressions", List.of(suppression(c.reason())));
                results.add(res);
              }
            }
            case INCONCLUSIVE -> {
              Map<String, Object> res = base(id, ruleIndex, target, "review", "none");
              res.put(
                  "message",
                  message(
                      target
                          + ": could not verify "
                          + c.check().title()
                          + (c.reason().isBlank() ? "" : ": " + c.reason())));
              res.put("locations", List.of(location(profileUri)));
              results.add(res);
            }
            default -> {}
          }
          for (Baseline.Finding f : cmp.fixed(target, id)) {
            Map<String, Object> res = base(id, ruleIndex, target, "pass", "none");
            res.put(
                "message", message(target + ": fixed since the baseline: " + f.title().strip()));
            res.put("locations", List.of(location(uri(f.location()))));
            res.put("partialFingerprints", Map.of("periksaFinding/v1", f.fingerprint()));
            res.put("baselineState", "absent");
            results.add(res);
          }
        }
      }
    }

    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "Periksa");
    driver.put("fullName", "Periksa compliance testing for systems that hold health data");
    driver.put("version", Version.periksa());
    driver.put("semanticVersion", Version.periksa());
    driver.put("informationUri", INFORMATION_URI);
    driver.put("rules", rules);

    Map<String, Object> invocation = new LinkedHashMap<>();
    invocation.put("executionSuccessful", exitCode < 64);
    invocation.put("exitCode", exitCode);

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("automationDetails", Map.of("id", "periksa/" + runId));
    run.put("invocations", List.of(invocation));
    run.put("columnKind", "unicodeCodePoints");
    if (cmp.active()) {
      run.put(
          "baselineGuid",
          java.util
              .UUID
              .nameUUIDFromBytes(cmp.baseline().runId().getBytes(StandardCharsets.UTF_8))
              .toString());
    }
    run.put("results", results);

    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    Files.writeString(file, Json.MAPPER.writeValueAsString(log));
  }

  private static Map<String, Object> rule(CheckMetadata m, Catalogue catalogue, Severity seen) {
    List<Clause> clauses = new ArrayList<>();
    List<String> requirementTitles = new ArrayList<>();
    for (String rid : m.requirementIds()) {
      catalogue
          .requirement(rid)
          .ifPresent(
              req -> {
                requirementTitles.add(req.id() + " " + req.title());
                for (Clause c : catalogue.clausesOf(req)) {
                  if (!clauses.contains(c)) {
                    clauses.add(c);
                  }
                }
              });
    }
    Set<String> tags = new LinkedHashSet<>();
    tags.add("security");
    tags.add("compliance");
    tags.addAll(m.requirementIds());
    for (Integer cwe : m.cwe()) {
      tags.add("external/cwe/cwe-" + cwe);
    }
    for (Clause c : clauses) {
      tags.add(c.id());
    }
    String full =
        requirementTitles.isEmpty()
            ? String.join(", ", m.requirementIds())
            : String.join("; ", requirementTitles);
    full = full + ". Checks " + m.product() + " (" + String.join(", ", m.kinds()) + ").";
    StringBuilder md = new StringBuilder();
    md.append("**Remediation.** ").append(m.remediation().strip()).append("\n\n");
    if (!clauses.isEmpty()) {
      md.append("**Clauses served.**\n\n");
      for (Clause c : clauses) {
        md.append("- [")
            .append(c.id())
            .append("](")
            .append(c.url())
            .append("): ")
            .append(c.title())
            .append('\n');
      }
    }
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("requirements", m.requirementIds());
    props.put("clauses", clauses.stream().map(Clause::id).toList());
    props.put("product", m.product());
    props.put("tags", List.copyOf(tags));
    props.put("precision", "high");
    // A rule's severity is the worst this check gave in the run; one that found nothing is rated
    // as an exposure of a store without known data would be: HIGH.
    props.put("security-severity", score(seen == null ? Severity.HIGH : seen));

    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", m.id());
    r.put("name", name(m.id()));
    r.put("shortDescription", message(m.title()));
    r.put("fullDescription", message(full));
    r.put(
        "help",
        Map.of("text", "Remediation: " + m.remediation().strip(), "markdown", md.toString()));
    if (!clauses.isEmpty()) {
      r.put("helpUri", clauses.get(0).url());
    }
    r.put("defaultConfiguration", Map.of("level", level(seen == null ? Severity.HIGH : seen)));
    r.put("properties", props);
    return r;
  }

  private static Map<String, Object> findingResult(
      String target, CheckResult c, Finding f, int ruleIndex, Comparison cmp) {
    String id = c.check().id();
    Map<String, Object> res = base(id, ruleIndex, target, "fail", level(f.severity()));
    res.put("message", message(target + ": " + f.severity() + ": " + f.title().strip()));
    res.put("locations", List.of(location(uri(f.location()))));
    String fp = f.fingerprint(id);
    res.put("partialFingerprints", Map.of("periksaFinding/v1", fp));
    Comparison.State s = cmp.state(target, id, f);
    if (s != null) {
      res.put("baselineState", s == Comparison.State.NEW ? "new" : "unchanged");
    }
    // A finding a current waiver covers is suppressed with the waiver's own words, also inside a
    // FAIL whose other findings stand.
    c.exemptions().stream()
        .filter(
            x -> x.current() && x.kind() == Exemption.Kind.WAIVER && x.fingerprints().contains(fp))
        .findFirst()
        .ifPresentOrElse(
            w ->
                res.put(
                    "suppressions",
                    List.of(
                        suppression(
                            w.statement()
                                + " (approved by "
                                + w.by()
                                + ", until "
                                + w.expires()
                                + ")"))),
            () -> {
              if (c.outcome() == Outcome.WAIVED) {
                res.put("suppressions", List.of(suppression(c.reason())));
              }
            });
    @SuppressWarnings("unchecked")
    Map<String, Object> props = (Map<String, Object>) res.get("properties");
    props.put("severity", f.severity().name());
    props.put("security-severity", score(f.severity()));
    props.put("fingerprint", fp);
    res.put("rank", rank(f.severity()));
    return res;
  }

  private static Map<String, Object> base(
      String ruleId, int ruleIndex, String target, String kind, String level) {
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("ruleId", ruleId);
    if (ruleIndex >= 0) {
      res.put("ruleIndex", ruleIndex);
    }
    res.put("kind", kind);
    res.put("level", level);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("target", target);
    res.put("properties", props);
    return res;
  }

  private static Map<String, Object> suppression(String justification) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kind", "external");
    s.put("status", "accepted");
    s.put(
        "justification",
        justification == null || justification.isBlank() ? "waived" : justification);
    return s;
  }

  private static Map<String, Object> location(String uri) {
    return Map.of("physicalLocation", Map.of("artifactLocation", Map.of("uri", uri)));
  }

  private static Map<String, Object> message(String text) {
    return Map.of("text", text == null || text.isBlank() ? "-" : text.strip());
  }

  /** error for CRITICAL and HIGH, warning for MEDIUM and LOW, note for INFO. */
  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM, LOW -> "warning";
      default -> "note";
    };
  }

  /** GitHub's bands: critical over 9.0, high 7.0 to 8.9, medium 4.0 to 6.9, low 0.1 to 3.9. */
  static double score(Severity s) {
    return switch (s) {
      case CRITICAL -> 9.5;
      case HIGH -> 8.0;
      case MEDIUM -> 5.5;
      case LOW -> 3.0;
      default -> 0.0;
    };
  }

  private static double rank(Severity s) {
    return score(s) * 10.0;
  }

  private static Severity maxOf(CheckResult c) {
    Severity s = null;
    for (Finding f : c.findings()) {
      s = Severity.max(s, f.severity());
    }
    return s;
  }

  /** {@code STO-1.search-cluster} becomes {@code Sto1SearchCluster}. */
  static String name(String id) {
    StringBuilder b = new StringBuilder();
    boolean up = true;
    for (char ch : id.toCharArray()) {
      if (Character.isLetterOrDigit(ch)) {
        b.append(up ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
        up = false;
      } else {
        up = true;
      }
    }
    return b.toString();
  }

  /**
   * A finding's location as a URI: a URL as it is (user information dropped, characters a URI
   * cannot hold percent-encoded); {@code host:port} becomes {@code tcp://host:port}.
   */
  static String uri(String location) {
    String loc = location == null ? "" : location.strip();
    if (!loc.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      loc = "tcp://" + loc;
    }
    String encoded = encode(loc);
    try {
      URI u = new URI(encoded);
      if (u.getRawUserInfo() != null) {
        u =
            new URI(
                u.getScheme(),
                null,
                u.getHost(),
                u.getPort(),
                u.getPath(),
                u.getQuery(),
                u.getFragment());
        return encode(u.toString());
      }
      return u.toString();
    } catch (URISyntaxException e) {
      return "urn:periksa:location:" + encode(loc.replace(":", "%3A").replace("/", "%2F"));
    }
  }

  private static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int ch = x & 0xff;
      boolean ok =
          (ch >= 'a' && ch <= 'z')
              || (ch >= 'A' && ch <= 'Z')
              || (ch >= '0' && ch <= '9')
              || "-._~:/?#[]@!$&'()*+,;=%".indexOf(ch) >= 0;
      if (ok) {
        b.append((char) ch);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", ch));
      }
    }
    return b.toString();
  }

  /** The target profile as a relative path when it lies under the working folder. */
  private static String profileUri(TargetOutcome t) {
    Object src = t.profile().source();
    if (src == null) {
      return "urn:periksa:target:" + encode(t.profile().name()).replace(":", "%3A");
    }
    Path p = Path.of(String.valueOf(src)).toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    if (p.startsWith(cwd)) {
      return encode(cwd.relativize(p).toString().replace('\\', '/'));
    }
    return p.toUri().toString();
  }

  private static String informationUri() {
    try (var in = SarifReport.class.getResourceAsStream("/periksa.properties")) {
      var props = new java.util.Properties();
      if (in != null) {
        props.load(in);
      }
      String u = props.getProperty("url", "");
      if (!u.isBlank() && !u.contains("${")) {
        return u;
      }
    } catch (IOException e) {
      // The fallback below serves.
    }
    // Periksa has no public home yet: a URN names it without pointing at a page that is not there.
    return "urn:periksa:README";
  }
}
