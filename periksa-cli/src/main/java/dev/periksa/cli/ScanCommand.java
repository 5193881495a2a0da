package dev.periksa.cli;

import dev.periksa.certificate.SigningKey;
import dev.periksa.result.ExitCodes;
import dev.periksa.run.Fleet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.FleetInventory;
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
      description = "Target profile (YAML); repeat to scan several targets into one run.")
  List<Path> targets = new ArrayList<>();

  @Option(
      names = "--targets",
      paramLabel = "DIR",
      description = "Scan every profile (*.yaml, *.yml) in DIR, by file name, into one run.")
  Path targetsDir;

  @Option(
      names = "--inventory",
      paramLabel = "FILE",
      description = {
        "Scan the targets an inventory lists, one per line: profile files, and hosts after a",
        "'template: FILE' line, each scanned with that profile, its ${"
            + FleetInventory.HOST
            + "} and ${"
            + FleetInventory.NAME
            + "} filled (a host line may give a name after the host). See the README, 'Fleets'."
      })
  Path inventory;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description = {
        "Scan only the K-th of N shares of the targets (by name; every shard given the same",
        "targets takes the same share, in any order), e.g. one job of a CI matrix each;",
        "./periksa merge combines the shards' run folders into one run."
      })
  String shard;

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
    if (targets.isEmpty() && targetsDir == null && inventory == null) {
      Main.ERR.println(
          "error: name the targets: --target PROFILE, --targets DIR or --inventory FILE");
      return ExitCodes.USAGE;
    }
    ProfileLoader loader = new ProfileLoader();
    List<TargetProfile> profiles = new ArrayList<>();
    Fleet fleet;
    try {
      for (Path p : targets) {
        profiles.add(loader.load(p));
      }
      if (targetsDir != null) {
        profiles.addAll(FleetInventory.loadDirectory(targetsDir, loader, Main.OUT::println));
      }
      if (inventory != null) {
        profiles.addAll(
            FleetInventory.loadInventory(inventory, System.getenv(), Main.OUT::println));
      }
      fleet = options.fleet();
      if (shard != null) {
        int all = profiles.size();
        profiles = FleetInventory.shard(profiles, shard);
        Main.OUT.println(
            "Shard " + shard.strip() + ": " + profiles.size() + " of the " + all + " targets");
        if (profiles.isEmpty()) {
          Main.ERR.println(
              "error: shard " + shard.strip() + " holds no target (there are only " + all + ")");
          return ExitCodes.USAGE;
        }
        fleet = fleet.withShard(shard.replace(" ", ""));
      }
    } catch (ProfileException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    options.fleetOverride = fleet;
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
