package dev.periksa.cli;

import dev.periksa.lab.Lab;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.ProfileException;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.ExemptionFileException;
import dev.periksa.waiver.Exemptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code periksa demo}: reproduce the e-HAC breach in the lab and catch it. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Reproduce the e-HAC breach in the lab and catch it.",
      "Starts a legacy e-HAC twin (an open search cluster) and a hardened twin, scans both into",
      "one run, and prints each twin's verdict and the report's path. Exits 0 when both scans",
      "completed with the expected verdicts (legacy NOT_CERTIFIED, hardened CERTIFIED).",
      "With --breach NAME it replays one public health-data leak of ./periksa breaches instead."
    })
final class DemoCommand implements Callable<Integer> {

  @Mixin LabOptions lab = new LabOptions();
  @Mixin ScanOptions options = new ScanOptions();

  @Option(
      names = "--breach",
      paramLabel = "NAME",
      description = {
        "Replay one breach of the catalogue instead (see ./periksa breaches): start its legacy",
        "and hardened twins only, scan both, and show the leak caught and the fix certified."
      })
  String breach;

  @Override
  public Integer call() throws Exception {
    Lab.Options labOptions;
    try {
      labOptions = lab.toLabOptions();
    } catch (IllegalArgumentException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (breach != null) {
      return BreachReplay.run(breach, labOptions, options);
    }
    try {
      options.ciOptions(); // a bad baseline or selection stops the demo before the lab starts
    } catch (java.io.IOException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    // Read and checked before the lab starts, like every input of a run.
    Exemptions exemptions;
    boolean shipped = options.waivers == null && options.attestations == null;
    try {
      exemptions =
          shipped
              ? Exemptions.parse(
                  Path.of(DEMO_WAIVERS),
                  resource(DEMO_WAIVERS),
                  Path.of(DEMO_ATTESTATIONS),
                  resource(DEMO_ATTESTATIONS))
              : Exemptions.load(options.waivers, options.attestations);
    } catch (ExemptionFileException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (shipped) {
      // The demo certifies as a regulator would: process requirements included.
      exemptions = exemptions.certifyingProcess();
      Main.OUT.println(
          "The demo applies the waivers of "
              + DEMO_WAIVERS
              + " (one current, one expired) and the attestation of "
              + DEMO_ATTESTATIONS
              + " (GOV-1's breach-notification process on the hardened twin), and certifies"
              + " process requirements.");
    }
    long t0 = System.nanoTime();
    try (Lab running = Lab.start(labOptions, Main.OUT::println)) {
      List<TargetProfile> profiles;
      try {
        profiles = LabProfiles.load(running);
      } catch (ProfileException e) {
        Main.ERR.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      ScanRunner.Result r;
      try {
        r = new ScanRunner(Main.OUT).run(profiles, options.toRunnerOptions(exemptions));
      } catch (ScanRunner.FeatureException e) {
        Main.ERR.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      Console.summary(Main.OUT, r, options.verbose);
      Main.OUT.printf(
          "Demo finished in %.1f s. The hardened twin's password was a throwaway, made for this"
              + " run and never printed; so was the key that signed certificate.json (the demo%n"
              + "always signs with a throwaway key: check the run with ./periksa verify %s).%n",
          (System.nanoTime() - t0) / 1e9, r.dir());
      if (r.exitCode() >= ExitCodes.USAGE) {
        return r.exitCode();
      }
      return expected(r.targets()) ? ExitCodes.CERTIFIED : ExitCodes.FAILED;
    }
  }

  static final String DEMO_WAIVERS = "targets/demo-waivers.yaml";
  static final String DEMO_ATTESTATIONS = "targets/demo-attestations.yaml";

  private static String resource(String name) throws IOException {
    try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The demo's point: the legacy twin is caught, the hardened one is certified. */
  private static boolean expected(List<TargetOutcome> t) {
    boolean ok =
        t.size() == 2
            && t.get(0).verdict() == Verdict.NOT_CERTIFIED
            && t.get(1).verdict() == Verdict.CERTIFIED;
    if (!ok) {
      Main.ERR.println("error: the demo expected legacy NOT_CERTIFIED and hardened CERTIFIED");
    }
    return ok;
  }
}
