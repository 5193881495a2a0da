package dev.periksa.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.cli.Main;
import dev.periksa.result.ExitCodes;
import dev.periksa.testing.SharedLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code periksa scan} with a malformed waiver or attestation file stops with exit 64 before any
 * probe: the legacy lab web server's own access log proves nothing reached it, and a control run
 * with a valid file proves the log would have seen the probes.
 */
class MalformedExemptionsIT {
  @TempDir static Path dir;
  static Path profile;
  static Path accessLog;
  static Path features;

  @BeforeAll
  static void profile() throws Exception {
    var v = SharedLab.get().variables();
    accessLog = Path.of(v.get("PERIKSA_LAB_LEGACY_WEB_ACCESS_LOG"));
    profile = dir.resolve("portal.yaml");
    Files.writeString(
        profile,
        "name: legacy portal\nscope:\n  hosts: [\""
            + v.get("PERIKSA_LAB_LEGACY_HOST")
            + "\"]\nendpoints:\n  - name: portal\n    kind: web\n    url: \""
            + v.get("PERIKSA_LAB_LEGACY_WEB")
            + "\"\n");
    features = Files.createDirectories(dir.resolve("features"));
    Files.copy(
        Path.of("features/governance/security-contact-and-breach-process.feature"),
        features.resolve("gov.feature"));
  }

  static final String BASE =
      "waivers:\n  - requirement: GOV-1\n    target: legacy portal\n    justification: j\n"
          + "    approver: a\n";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "waivers: [ {requirement: GOV-1",
        BASE + "    expires: 2030-01-01\n    reviewer: x\n",
        BASE,
        BASE + "    expires: 01/01/2030\n",
        "waivers:\n  - check: GOV-1.no-such-check\n    target: t\n    justification: j\n"
            + "    approver: a\n    expires: 2030-01-01\n",
        "waivers:\n  - requirement: GOV-9\n    target: t\n    justification: j\n"
            + "    approver: a\n    expires: 2030-01-01\n",
      })
  void aMalformedWaiverFileStopsTheRunWith64AndNothingIsProbed(String text) throws Exception {
    Path w = Files.writeString(Files.createTempFile(dir, "waivers", ".yaml"), text);
    assertNothingProbed(List.of("--waivers", w.toString()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "attestations:\n  - requirement: STO-1\n    target: t\n    statement: s\n"
            + "    attestedBy: {name: n, role: r}\n    date: 2025-01-01\n",
        "attestations:\n  - requirement: GOV-1\n    target: t\n    statement: s\n"
            + "    date: 2025-01-01\n",
      })
  void aMalformedAttestationFileStopsTheRunWith64AndNothingIsProbed(String text) throws Exception {
    Path a = Files.writeString(Files.createTempFile(dir, "attest", ".yaml"), text);
    assertNothingProbed(List.of("--attestations", a.toString()));
  }

  @Test
  void theControlRunWithAValidFileDoesProbe() throws Exception {
    Path w = Files.writeString(dir.resolve("ok.yaml"), BASE + "    expires: 2099-01-01\n");
    long before = Files.size(accessLog);
    Path out = dir.resolve("ok-run");
    int code =
        Main.execute(
            "scan",
            "--target",
            profile.toString(),
            "--features",
            features.toString(),
            "--no-report",
            "--waivers",
            w.toString(),
            "--certify-process",
            "--out",
            out.toString());
    assertEquals(ExitCodes.INCONCLUSIVE, code, "GOV-1 waived... and no attestation: INCOMPLETE");
    assertTrue(Files.size(accessLog) > before, "the probes reached the legacy web server");
    assertTrue(Files.exists(out.resolve("results.json")));
  }

  private static void assertNothingProbed(List<String> extra) throws Exception {
    long before = Files.size(accessLog);
    Path out = dir.resolve("run-" + System.nanoTime());
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "scan",
                "--target",
                profile.toString(),
                "--features",
                features.toString(),
                "--no-report",
                "--out",
                out.toString()));
    args.addAll(extra);
    assertEquals(ExitCodes.USAGE, Main.execute(args.toArray(String[]::new)));
    Thread.sleep(200); // the access log is written after each reply
    assertEquals(before, Files.size(accessLog), "nothing reached the legacy web server");
    assertFalse(Files.exists(out), "no run folder was made");
  }
}
