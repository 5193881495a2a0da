package dev.periksa.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.storage.WebServerFilesCheck;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.Verdict;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waivers through the real runner against the legacy lab twin (GOV-1 and STO-4 only): a whole
 * requirement waived, one finding of a check waived (partial), an expired waiver and an unused one;
 * then a run whose only FAIL is waived, which passes.
 */
class WaiversIT {
  @TempDir static Path dir;
  static final LocalDate NEXT_YEAR = LocalDate.now(ZoneOffset.UTC).plusYears(1);
  static TargetProfile legacy;
  static ScanRunner.Result result;
  static String console;
  static JsonNode results;
  static String waivedFingerprint;
  static Path attestations;

  @BeforeAll
  static void scan() throws Exception {
    legacy = SharedLab.profile("ehac-legacy.yaml");
    CheckResult web = new WebServerFilesCheck().run(TargetContext.of(legacy));
    assertEquals(Outcome.FAIL, web.outcome(), web.reason());
    assertTrue(web.findings().size() > 1, "partial coverage needs several findings");
    waivedFingerprint = web.findings().get(0).fingerprint(web.check().id());

    Path waivers = dir.resolve("waivers.yaml");
    Files.writeString(
        waivers,
        "waivers:\n"
            + entry("requirement: GOV-1", null, NEXT_YEAR)
            + entry("check: STO-4.web-server", waivedFingerprint, NEXT_YEAR)
            + entry("check: STO-4.spring-actuator", null, LocalDate.of(2020, 1, 1))
            + entry("requirement: TLS-1", null, NEXT_YEAR));
    attestations = dir.resolve("attest.yaml");
    Files.writeString(
        attestations,
        "attestations:\n  - requirement: GOV-1\n    target: \""
            + legacy.name()
            + "\"\n    statement: runbook\n    attestedBy: {name: N, role: DPO}\n"
            + "    date: 2025-01-01\n");
    Path features = features("governance", "storage/web-tier-files.feature");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      result =
          new ScanRunner(ps)
              .run(
                  List.of(legacy),
                  new ScanRunner.Options(
                      dir.resolve("run"),
                      FeatureSet.directory(features),
                      false,
                      Duration.ofSeconds(60),
                      Exemptions.load(waivers, attestations).certifyingProcess()));
    }
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    results = new ObjectMapper().readTree(result.results().toFile());
  }

  static String entry(String what, String fingerprint, LocalDate expires) {
    return "  - "
        + what
        + "\n    target: \""
        + legacy.name()
        + "\"\n"
        + (fingerprint == null ? "" : "    fingerprint: \"" + fingerprint + "\"\n")
        + "    justification: \"accepted for the test\"\n"
        + "    approver: \"QA lead\"\n"
        + "    expires: "
        + expires
        + "\n";
  }

  /** A feature folder with copies of the built-in features named. */
  static Path features(String... names) throws Exception {
    Path f = Files.createTempDirectory(dir, "features");
    for (String n : names) {
      Path src = Path.of("features", n);
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(src)) {
        try (Stream<Path> s = Files.list(src)) {
          s.forEach(files::add);
        }
      } else {
        files.add(src);
      }
      for (Path p : files) {
        Files.copy(p, f.resolve(p.getFileName()));
      }
    }
    return f;
  }

  static JsonNode requirement(JsonNode target, String id) {
    for (JsonNode r : target.path("requirements")) {
      if (r.path("id").asText().equals(id)) {
        return r;
      }
    }
    throw new AssertionError(id + " not in " + target);
  }

  static JsonNode check(JsonNode requirement, String id) {
    for (JsonNode c : requirement.path("checks")) {
      if (c.path("id").asText().equals(id)) {
        return c;
      }
    }
    throw new AssertionError(id + " not in " + requirement);
  }

  @Test
  void aWholeRequirementWaiverShowsWaivedWithJustificationApproverAndExpiry() throws Exception {
    JsonNode gov = requirement(results.at("/targets/0"), "GOV-1");
    assertEquals("WAIVED", gov.path("outcome").asText());
    assertEquals("MEDIUM", gov.path("severity").asText(), "the waived finding keeps its severity");
    JsonNode finding = gov.at("/checks/0/findings/0");
    assertEquals("QA lead", finding.at("/waived/approver").asText());
    assertEquals(NEXT_YEAR.toString(), finding.at("/waived/expires").asText());
    assertEquals("accepted for the test", finding.at("/waived/justification").asText());
    assertTrue(console.contains("GOV-1  WAIVED MEDIUM"), console);
    assertTrue(console.contains("WAIVED (requirement GOV-1) by QA lead, expires " + NEXT_YEAR));

    // Allure: skipped, with a status message the report's "waived" category matches.
    JsonNode allure = allureResult("security contact");
    assertEquals("skipped", allure.path("status").asText());
    String message = allure.at("/statusDetails/message").asText();
    assertTrue(message.startsWith("WAIVED: "), message);
    assertTrue(message.contains("QA lead") && message.contains(NEXT_YEAR.toString()), message);
  }

  @Test
  void aFingerprintWaiverMarksOnlyItsFindingAndTheCheckStillFails() {
    JsonNode sto4 = requirement(results.at("/targets/0"), "STO-4");
    assertEquals("FAIL", sto4.path("outcome").asText());
    JsonNode web = check(sto4, "STO-4.web-server");
    assertEquals("FAIL", web.path("outcome").asText());
    int waived = 0;
    for (JsonNode f : web.path("findings")) {
      boolean isIt = f.path("fingerprint").asText().equals(waivedFingerprint);
      assertEquals(isIt, !f.path("waived").isNull(), f.toString());
      waived += isIt ? 1 : 0;
    }
    assertEquals(1, waived, "the waived finding is in this run, with the same fingerprint");
    assertSarifSuppressesOnly(waivedFingerprint);
    assertTrue(web.path("reason").asText().contains("1 of "), web.path("reason").asText());
    assertTrue(
        console.contains(
            "WAIVED (check STO-4.web-server finding " + waivedFingerprint + ") by QA lead"),
        console);
  }

  /** In results.sarif the waived finding, and no other of its check, carries the waiver. */
  static void assertSarifSuppressesOnly(String fingerprint) {
    JsonNode sarif;
    try {
      sarif = new ObjectMapper().readTree(result.dir().resolve("results.sarif").toFile());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    int others = 0;
    for (JsonNode r : sarif.at("/runs/0/results")) {
      if (!r.path("ruleId").asText().equals("STO-4.web-server")) {
        continue;
      }
      String fp = r.at("/partialFingerprints/periksaFinding~1v1").asText();
      JsonNode sup = r.path("suppressions");
      if (fp.equals(fingerprint)) {
        String why = sup.at("/0/justification").asText();
        assertEquals("external", sup.at("/0/kind").asText(), r.toString());
        assertTrue(
            why.contains("accepted for the test")
                && why.contains("QA lead")
                && why.contains(NEXT_YEAR.toString()),
            why);
      } else {
        assertTrue(sup.isMissingNode() || sup.isEmpty(), r.toString());
        others++;
      }
    }
    assertTrue(others > 0, "the check's other findings are reported unsuppressed");
  }

  @Test
  void anExpiredWaiverNoLongerAppliesAndTheOutputsSaySo() {
    JsonNode actuator =
        check(requirement(results.at("/targets/0"), "STO-4"), "STO-4.spring-actuator");
    assertEquals("FAIL", actuator.path("outcome").asText());
    assertTrue(
        actuator.path("reason").asText().contains("waiver expired on 2020-01-01"),
        actuator.path("reason").asText());
    assertEquals("expired", actuator.at("/exemptions/0/status").asText());
    assertEquals("expired", results.at("/exemptions/waivers/2/status").asText());
    assertTrue(console.contains("waiver expired on 2020-01-01"), console);
  }

  @Test
  void aWaiverThatMatchedNothingIsReportedUnused() {
    assertEquals("applied", results.at("/exemptions/waivers/0/status").asText());
    assertEquals("applied", results.at("/exemptions/waivers/1/status").asText());
    assertEquals("unused", results.at("/exemptions/waivers/3/status").asText());
    assertTrue(console.contains("unused: requirement TLS-1 on " + legacy.name()), console);
    assertEquals(Verdict.NOT_CERTIFIED, result.targets().get(0).verdict(), "STO-4 still fails");
    assertEquals(ExitCodes.FAILED, result.exitCode());
  }

  @Test
  void aRunWhoseOnlyFailIsWaivedDoesNotFail() throws Exception {
    Path waivers = dir.resolve("only-gov.yaml");
    Files.writeString(waivers, "waivers:\n" + entry("requirement: GOV-1", null, NEXT_YEAR));
    ScanRunner.Result r;
    try (PrintStream ps =
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
      r =
          new ScanRunner(ps)
              .run(
                  List.of(legacy),
                  new ScanRunner.Options(
                      dir.resolve("run-gov"),
                      FeatureSet.directory(features("governance")),
                      false,
                      Duration.ofSeconds(60),
                      Exemptions.load(waivers, attestations).certifyingProcess()));
    }
    JsonNode json = new ObjectMapper().readTree(r.results().toFile());
    assertEquals("WAIVED", json.at("/targets/0/requirements/0/outcome").asText());
    assertEquals(Verdict.CERTIFIED, r.targets().get(0).verdict());
    assertEquals(ExitCodes.CERTIFIED, r.exitCode());
    assertNotEquals("PASS", json.at("/targets/0/requirements/0/outcome").asText());
  }

  static JsonNode allureResult(String nameContains) throws Exception {
    ObjectMapper m = new ObjectMapper();
    try (Stream<Path> s = Files.list(result.dir().resolve("allure-results"))) {
      for (Path p : s.filter(f -> f.toString().endsWith("-result.json")).toList()) {
        JsonNode n = m.readTree(p.toFile());
        if (n.path("name").asText().contains(nameContains)) {
          return n;
        }
      }
    }
    throw new AssertionError("no Allure result named like " + nameContains);
  }

  @Test
  void consoleAnnouncesTheFilesAndTheAttestationApplied() {
    assertTrue(console.contains("Waivers: "), console);
    assertTrue(console.contains("Attestations: "), console);
    assertTrue(console.contains("ATTESTED (GOV-1 breach-notification) by N (DPO)"), console);
  }

  @Test
  void withoutTheAttestationAWaivedGov1StaysInconclusive() throws Exception {
    // The waiver accepts the finding, not the unverified breach process.
    Path waivers = dir.resolve("gov-no-attest.yaml");
    Files.writeString(waivers, "waivers:\n" + entry("requirement: GOV-1", null, NEXT_YEAR));
    ScanRunner.Result r;
    try (PrintStream ps =
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
      r =
          new ScanRunner(ps)
              .run(
                  List.of(legacy),
                  new ScanRunner.Options(
                      dir.resolve("run-gov-no-attest"),
                      FeatureSet.directory(features("governance")),
                      false,
                      Duration.ofSeconds(60),
                      Exemptions.load(waivers, null).certifyingProcess()));
    }
    JsonNode json = new ObjectMapper().readTree(r.results().toFile());
    assertEquals("INCONCLUSIVE", json.at("/targets/0/requirements/0/outcome").asText());
    assertFalse(json.at("/targets/0/requirements/0/checks/0/findings/0/waived").isNull());
    assertEquals(Verdict.INCOMPLETE, r.targets().get(0).verdict());
  }
}
