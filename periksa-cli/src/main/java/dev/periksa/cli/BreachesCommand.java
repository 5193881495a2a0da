package dev.periksa.cli;

import dev.periksa.lab.Breach;
import dev.periksa.lab.Breaches;
import dev.periksa.result.ExitCodes;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code periksa breaches}: the breach replay catalogue. */
@Command(
    name = "breaches",
    mixinStandardHelpOptions = true,
    description = {
      "List the breach replay catalogue: public health-data leak classes, each with what was",
      "exposed, how and when, its public sources, the requirements that catch it and the lab",
      "twins that reproduce it. Replay one with ./periksa demo --breach NAME."
    })
final class BreachesCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "NAME", description = "Show one breach only.")
  String name;

  /** Where the listing goes (tests read it). */
  PrintStream out = Main.OUT;

  @Override
  public Integer call() {
    List<Breach> shown =
        name == null ? Breaches.all() : Breaches.named(name).map(List::of).orElse(List.of());
    if (shown.isEmpty()) {
      Main.ERR.println(
          "error: no breach named '"
              + name
              + "'; the catalogue holds "
              + String.join(", ", Breaches.names()));
      return ExitCodes.USAGE;
    }
    if (name == null) {
      out.println(
          "Breach replay catalogue: "
              + shown.size()
              + " public health-data leak classes. Data in the twins is synthetic.");
      out.println();
    }
    for (Breach b : shown) {
      BreachReplay.describe(out, b);
      out.println("  Replay:   ./periksa demo --breach " + b.name());
      out.println();
    }
    return ExitCodes.CERTIFIED;
  }
}
