package dev.periksa.cli;

import dev.periksa.lab.FleetLab;
import dev.periksa.result.ExitCodes;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code periksa lab fleet}: a simulated fleet of small targets on loopback, kept running for
 * scanning a fleet at scale. Its servers are simulations written for measurement, not the real
 * products the demo lab runs.
 */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    description = {
      "Start a simulated fleet of targets on loopback (127.1.x.y) and keep it running until"
          + " Ctrl-C.",
      "Exposed and protected search clusters and traveller APIs, slow and dead targets, one",
      "profile each (fleet-NNNN.yaml) with inventory.txt listing them and fleet.env holding the",
      "protected APIs' throwaway token. Simulated servers, for scale measurement."
    })
final class FleetCommand implements Callable<Integer> {

  @Option(
      names = "--size",
      paramLabel = "N",
      defaultValue = "100",
      description = "Targets, 1 to " + FleetLab.MAX_SIZE + " (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--profiles",
      paramLabel = "DIR",
      required = true,
      description = "Folder the targets' profiles are written to.")
  Path profiles;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of the mix of kinds: the same seed gives the same fleet (default: 1).")
  long seed;

  @Option(
      names = "--mix",
      paramLabel = "E,P,S,D",
      defaultValue = "35,45,10,10",
      description =
          "Weights of exposed, protected, slow and dead targets (default: ${DEFAULT-VALUE}).")
  String mix;

  @Override
  public Integer call() throws Exception {
    if (size < 1 || size > FleetLab.MAX_SIZE) {
      Main.ERR.println("error: --size must be between 1 and " + FleetLab.MAX_SIZE);
      return ExitCodes.USAGE;
    }
    FleetLab.Mix weights;
    try {
      String[] w = mix.split(",");
      if (w.length != 4) {
        throw new IllegalArgumentException("give four weights, e.g. 35,45,10,10");
      }
      weights =
          new FleetLab.Mix(
              Integer.parseInt(w[0].trim()),
              Integer.parseInt(w[1].trim()),
              Integer.parseInt(w[2].trim()),
              Integer.parseInt(w[3].trim()));
    } catch (IllegalArgumentException e) {
      Main.ERR.println("error: --mix " + mix + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
    FleetLab fleet = FleetLab.start(size, weights, profiles, seed, Main.OUT::println);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    fleet.close();
                  } catch (Exception e) {
                    // Stopping anyway.
                  } finally {
                    stopped.countDown();
                  }
                }));
    Main.OUT.println();
    Main.OUT.println("Targets per kind:");
    for (Map.Entry<FleetLab.Kind, Integer> e : fleet.counts().entrySet()) {
      Main.OUT.printf(
          "  %-9s %5d  %s%n", e.getKey().group(), e.getValue(), e.getKey().description());
    }
    Main.OUT.println("Profiles:  " + fleet.profilesDir() + " (fleet-0001.yaml ...)");
    Main.OUT.println("Inventory: " + fleet.inventory());
    Main.OUT.println("The API profiles' token is in " + fleet.envFile() + ". In another shell:");
    Main.OUT.println("  set -a; . " + fleet.envFile() + "; set +a");
    Main.OUT.println("  ./periksa scan --target " + fleet.targets().get(0).profile() + " ...");
    Main.OUT.println("Ctrl-C stops the fleet.");
    stopped.await();
    return ExitCodes.CERTIFIED;
  }
}
