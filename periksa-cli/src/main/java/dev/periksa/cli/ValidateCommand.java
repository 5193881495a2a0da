package dev.periksa.cli;

import dev.periksa.result.ExitCodes;
import dev.periksa.target.ProfileException;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code periksa validate}: reads profiles, waivers and attestations exactly as a scan would and
 * says what is wrong with them, without contacting anything.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check target profiles (and waiver and attestation files) as a scan would read them,"
            + " without probing anything. Exit 0 when all are valid, 64 otherwise.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PROFILE", arity = "0..*", description = "Target profiles (YAML).")
  List<Path> profiles = List.of();

  @Option(names = "--waivers", paramLabel = "FILE", description = "A waiver file to check.")
  Path waivers;

  @Option(
      names = "--attestations",
      paramLabel = "FILE",
      description = "An attestation file to check.")
  Path attestations;

  @Override
  public Integer call() {
    if (profiles.isEmpty() && waivers == null && attestations == null) {
      Main.ERR.println("error: nothing to validate: name profiles, --waivers or --attestations");
      return ExitCodes.USAGE;
    }
    int bad = 0;
    ProfileLoader loader = new ProfileLoader();
    for (Path p : profiles) {
      try {
        TargetProfile t = loader.load(p);
        Main.OUT.printf(
            "ok  %s: %s, %d endpoint(s), %d identit%s, scope %s%s%n",
            p,
            t.name(),
            t.endpoints().size(),
            t.identities().size(),
            t.identities().size() == 1 ? "y" : "ies",
            t.scope().hosts(),
            t.discovery() == null ? "" : ", discovery on");
      } catch (ProfileException e) {
        Main.OUT.println("BAD " + e.getMessage());
        bad++;
      }
    }
    if (waivers != null || attestations != null) {
      try {
        Exemptions e = Exemptions.load(waivers, attestations);
        Main.OUT.printf(
            "ok  %d waiver(s), %d attestation(s)%n", e.waivers().size(), e.attestations().size());
      } catch (Exception e) {
        Main.OUT.println("BAD " + e.getMessage());
        bad++;
      }
    }
    if (bad > 0) {
      Main.OUT.println(bad + " file(s) not valid: nothing was probed.");
      return ExitCodes.USAGE;
    }
    Main.OUT.println("All valid. Nothing was probed.");
    return 0;
  }
}
