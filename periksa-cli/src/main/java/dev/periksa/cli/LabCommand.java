package dev.periksa.cli;

import dev.periksa.lab.Lab;
import dev.periksa.result.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code periksa lab}: start the demo targets and keep them running for manual scans. */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    subcommands = FleetCommand.class,
    description = {
      "Start the lab and keep it running until Ctrl-C.",
      "The values the lab's target profiles need are written to an env file (its password is a",
      "throwaway) to source in another shell before 'periksa scan'.",
      "'periksa lab fleet' starts a simulated fleet of small targets instead, for scale."
    })
final class LabCommand implements Callable<Integer> {

  @Mixin LabOptions lab = new LabOptions();

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      defaultValue = "reports/lab.env",
      description = "Where to write the lab's variables (default: ${DEFAULT-VALUE}).")
  Path envFile;

  @Override
  public Integer call() throws Exception {
    Lab.Options labOptions;
    try {
      labOptions = lab.toLabOptions();
    } catch (IllegalArgumentException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Lab running = Lab.start(labOptions, Main.OUT::println);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    Files.deleteIfExists(envFile);
                    running.close();
                  } catch (Exception e) {
                    // Stopping anyway.
                  } finally {
                    stopped.countDown();
                  }
                }));
    writeEnv(running.variables());
    Main.OUT.println();
    Main.OUT.println(
        "Variables for targets/ehac-*.yaml written to " + envFile + ". In another shell:");
    Main.OUT.println("  set -a; . " + envFile + "; set +a");
    Main.OUT.println(
        "  ./periksa scan --target targets/ehac-legacy.yaml --target targets/ehac-hardened.yaml");
    Main.OUT.println("Ctrl-C stops the lab.");
    stopped.await();
    return ExitCodes.CERTIFIED;
  }

  private void writeEnv(Map<String, String> vars) throws java.io.IOException {
    Path parent = envFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    StringBuilder b =
        new StringBuilder("# Written by 'periksa lab'; removed when the lab stops.\n");
    vars.forEach((k, v) -> b.append(k).append("='").append(v).append("'\n"));
    Files.deleteIfExists(envFile);
    Files.createFile(
        envFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(envFile, b);
  }
}
