package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.ci.CiOptions;
import dev.periksa.ci.Selection;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios of one target run at once (the default), on the lab's hardened twin (real
 * OpenSearch, Solr, S3Proxy, PostgreSQL, MongoDB, HAPI FHIR, HL7 over mutual TLS, Jetty, Spring
 * Boot, the JWT API and a managed ZAP), every built-in scenario but one ({@link #WITHOUT}): the
 * checks really overlap, password guessing and the DAST scan overlap no other check of their
 * target, and the outcomes and their order are those of the same scan run one scenario after
 * another.
 */
class ParallelScenariosIT {
  /**
   * Every built-in scenario but the default-credentials one: the hardened twin locks a user name
   * for a minute after five failed logins, and the other scans of the lab in this JVM (and the two
   * here) each try the same well-known user names, so a third try within the minute meets the lock,
   * not the login.
   */
  static final String WITHOUT = "not @AUT-2";

  @TempDir static Path runs;
  static TargetOutcome oneByOne;
  static TargetOutcome atOnce;
  static String console;
  static double oneByOneSeconds;
  static double atOnceSeconds;

  @BeforeAll
  static void scanTheHardenedTwinBothWays() throws Exception {
    TargetProfile hardened = SharedLab.profile("ehac-hardened.yaml");
    long t0 = System.nanoTime();
    oneByOne = scan(hardened, "one-by-one", 1).targets().get(0);
    oneByOneSeconds = (System.nanoTime() - t0) / 1e9;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t0 = System.nanoTime();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      atOnce = scan(hardened, "at-once", 0, ps).targets().get(0);
    }
    atOnceSeconds = (System.nanoTime() - t0) / 1e9;
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    System.out.printf(
        "hardened twin, every built-in feature: one scenario at a time %.1f s, %d at once %.1f s%n",
        oneByOneSeconds, Fleet.DEFAULT_SCENARIOS, atOnceSeconds);
  }

  static ScanRunner.Result scan(TargetProfile p, String name, int scenarios) throws Exception {
    try (PrintStream ps =
        new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
      return scan(p, name, scenarios, ps);
    }
  }

  static ScanRunner.Result scan(TargetProfile p, String name, int scenarios, PrintStream ps)
      throws Exception {
    ScanRunner.Options options =
        new ScanRunner.Options(
                runs.resolve(name),
                FeatureSet.builtin(),
                false,
                Duration.ofSeconds(60),
                new CiOptions(null, false, null, Selection.of(null, WITHOUT, Catalogue.standard())))
            .withFleet(Fleet.DEFAULT.withScenarios(scenarios));
    return new ScanRunner(ps).run(List.of(p), options);
  }

  record Run(String requirement, String check, Instant start, Instant end) {
    boolean overlaps(Run o) {
      return start.isBefore(o.end) && o.start.isBefore(end);
    }
  }

  static List<Run> runs(TargetOutcome t) {
    List<Run> out = new ArrayList<>();
    for (RequirementOutcome r : t.requirements()) {
      for (CheckResult c : r.checks()) {
        if (c.started() != null && c.elapsed() != null && !c.elapsed().isZero()) {
          out.add(
              new Run(
                  r.requirement().id(),
                  c.check().id(),
                  c.started(),
                  c.started().plus(c.elapsed())));
        }
      }
    }
    return out;
  }

  /** Requirement, check and outcome, in the order the outputs list them. */
  static List<String> outcomes(TargetOutcome t) {
    List<String> out = new ArrayList<>();
    for (RequirementOutcome r : t.requirements()) {
      out.add(r.requirement().id() + " " + r.outcome());
      for (CheckResult c : r.checks()) {
        out.add("  " + c.check().id() + " " + c.outcome());
      }
    }
    return out;
  }

  @Test
  void theVerdictAndEveryOutcomeAndTheirOrderAreThoseOfOneAfterAnother() {
    assertEquals(Verdict.CERTIFIED, oneByOne.verdict(), String.join("\n", outcomes(oneByOne)));
    assertEquals(Verdict.CERTIFIED, atOnce.verdict(), console);
    assertEquals(outcomes(oneByOne), outcomes(atOnce));
    assertTrue(
        outcomes(atOnce).stream()
            .noneMatch(
                l -> l.endsWith(" " + Outcome.INCONCLUSIVE) || l.endsWith(" " + Outcome.FAIL)),
        String.join("\n", outcomes(atOnce)));
    assertTrue(outcomes(atOnce).size() > 30, String.join("\n", outcomes(atOnce)));
  }

  @Test
  void checksOfTheTargetRanAtOnce() {
    List<Run> all = runs(atOnce);
    long overlapping = 0;
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        if (all.get(i).overlaps(all.get(j))) {
          overlapping++;
        }
      }
    }
    assertTrue(overlapping >= 3, "pairs of checks that ran at once: " + overlapping);
    List<Run> sequential = runs(oneByOne);
    for (int i = 0; i < sequential.size(); i++) {
      for (int j = i + 1; j < sequential.size(); j++) {
        assertFalse(
            sequential.get(i).overlaps(sequential.get(j)),
            "one scenario at a time, yet " + sequential.get(i) + " overlaps " + sequential.get(j));
      }
    }
  }

  @Test
  void passwordGuessingAndTheDastScanRanAlone() {
    List<Run> all = runs(atOnce);
    for (String alone : ScanRunner.ALONE) {
      List<Run> these = all.stream().filter(r -> r.requirement().equals(alone)).toList();
      assertFalse(these.isEmpty(), alone + " ran no check on the hardened twin");
      for (Run a : these) {
        for (Run other : all) {
          if (!other.requirement().equals(alone)) {
            assertFalse(a.overlaps(other), a + " ran beside " + other);
          }
        }
      }
    }
  }

  @Test
  void eachScenariosLinesStayTogetherOnTheConsole() {
    // Scenarios that end at once print one after the other: a scenario's header is followed by its
    // own check lines, never straight by another scenario's header.
    String[] lines = console.split("\n");
    int headers = 0;
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith("  > ")) {
        headers++;
        assertTrue(
            lines[i + 1].startsWith("    ") && !lines[i + 1].startsWith("  > "),
            "line " + (i + 1) + " '" + lines[i] + "' is followed by '" + lines[i + 1] + "'");
      }
    }
    assertTrue(headers >= 15, "scenario headers on the console: " + headers);
  }
}
