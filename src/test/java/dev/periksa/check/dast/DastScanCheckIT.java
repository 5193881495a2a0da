package dev.periksa.check.dast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import org.junit.jupiter.api.Test;

class DastScanCheckIT {

  private static CheckResult scan(String file) {
    TargetProfile p = SharedLab.profile(file);
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
    return r;
  }

  @Test
  void failsOnTheLegacyTwinThroughPeriksasRules() {
    CheckResult r = scan("ehac-legacy.yaml");
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
  }

  @Test
  void passesOnTheHardenedTwin() {
    CheckResult r = scan("ehac-hardened.yaml");
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
  }
}
