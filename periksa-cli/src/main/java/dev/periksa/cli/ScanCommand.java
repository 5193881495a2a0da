package dev.periksa.cli;

import dev.periksa.certificate.SigningKey;
import dev.periksa.result.ExitCodes;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.ProfileException;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code periksa scan}: certify one or more targets described by profiles. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Run the certification features against the targets in the given profiles.")
final class ScanCommand implements Callable<Integer> {

  @Option(
      names = {"-t", "--target"},
      paramLabel = "PROFILE",
      required = true,
      description = "Target profile (YAML); repeat to scan several targets into one run.")
  List<Path> targets;

  @Mixin ScanOptions options = new ScanOptions();

  @Option(
      names = "--signing-key",
      paramLabel = "FILE",
      description =
          "Ed25519 private key (PKCS#8 PEM) that signs certificate.json; default: the PEM or its"
              + " base64 body in "
              + SigningKey.ENV
              + ", else a throwaway key made for this run (integrity only, not origin).")
  Path signingKey;

  @Override
  public Integer call() {
    // Every profile is read and checked before anything is probed.
    ProfileLoader loader = new ProfileLoader();
    List<TargetProfile> profiles = new ArrayList<>();
    for (Path p : targets) {
      try {
        profiles.add(loader.load(p));
      } catch (ProfileException e) {
        Main.ERR.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    try {
      options.signingKey = SigningKey.load(signingKey, System.getenv(SigningKey.ENV));
    } catch (SigningKey.KeyException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    return run(profiles, options);
  }

  /** Runs profiles already loaded, prints the summary and returns the exit code. */
  static int run(List<TargetProfile> profiles, ScanOptions options) {
    ScanRunner.Result r;
    try {
      r = new ScanRunner(Main.OUT).run(profiles, options.toRunnerOptions());
    } catch (ScanRunner.FeatureException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Console.summary(Main.OUT, r, options.verbose);
    return r.exitCode();
  }
}
