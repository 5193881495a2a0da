package dev.periksa.check.dast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.json.Json;
import dev.periksa.report.ResultModel;
import dev.periksa.target.DastSettings;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.zap.rules.HealthRule;
import dev.periksa.zap.rules.HealthRulesAddOn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DastScanCheckIT {

  private static final RawValueScanner RAW = new RawValueScanner(20_000);

  private static CheckResult scan(String file) {
    return scan(file, SharedLab.profile(file));
  }

  private static CheckResult scan(String file, TargetProfile p) {
    long t0 = System.nanoTime();
    CheckResult r =
        new DastScanCheck(DastScanCheck.DEFAULT_SOURCE, l -> System.out.println("[zap] " + l))
            .run(TargetContext.of(p));
    System.out.printf(
        "%s: %s in %.1f s: %s%n", file, r.outcome(), (System.nanoTime() - t0) / 1e9, r.reason());
    for (Finding f : r.findings()) {
      System.out.println("  " + f.severity() + " " + f.title() + " @ " + f.location());
      f.evidence().forEach(e -> System.out.println("     " + e.facts() + " " + e.samples()));
    }
    r.observations().forEach(e -> System.out.println("  obs " + e.title() + " " + e.facts()));
    try {
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertEquals(List.of(), RAW.findIn("result", json), "raw personal data in the result");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return r;
  }

  @Test
  void failsOnTheLegacyTwinThroughPeriksasRules() {
    CheckResult r = scan("ehac-legacy.yaml");
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
  }

  @Test
  void alertsJudgedFalsePositivesAreShownNotCounted() {
    TargetProfile p = SharedLab.profile("ehac-legacy.yaml");
    List<DastSettings.FalsePositive> fps = new ArrayList<>();
    for (HealthRule rule : HealthRulesAddOn.rules()) {
      fps.add(
          new DastSettings.FalsePositive(
              rule.id(), Pattern.compile(".*"), "demo data, reviewed for this test"));
    }
    CheckResult r =
        scan("ehac-legacy.yaml (accepted)", p.withDast(p.dast().withFalsePositives(fps)));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("accepted as false positives"), r.reason());
    assertTrue(
        r.observations().stream().anyMatch(e -> e.title().startsWith("accepted false positive")));
  }

  @Test
  void aThresholdAboveTheAlertsPasses() {
    TargetProfile p = SharedLab.profile("ehac-legacy.yaml");
    DastSettings d = p.dast();
    DastSettings high =
        new DastSettings(
            d.zapUrl(),
            d.apiKey(),
            d.apiKeyEnv(),
            d.budget(),
            d.bases(),
            new DastSettings.Threshold(DastSettings.Risk.HIGH, DastSettings.Confidence.CONFIRMED),
            List.of());
    CheckResult r = scan("ehac-legacy.yaml (threshold)", p.withDast(high));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.observations().stream().anyMatch(e -> e.title().startsWith("below the threshold")));
  }

  @Test
  void passesOnTheHardenedTwin() {
    CheckResult r = scan("ehac-hardened.yaml");
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
  }
}
