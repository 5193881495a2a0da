package dev.periksa.cli;

import dev.periksa.check.Outcome;
import dev.periksa.lab.Breach;
import dev.periksa.lab.Breaches;
import dev.periksa.lab.Lab;
import dev.periksa.lab.LabService;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.ProfileException;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code periksa demo --breach NAME}: one breach of the catalogue replayed. Its twins only are
 * started, scanned as a technical scan (no waiver, no attestation), and the replay succeeds when
 * the legacy twin is caught by the breach's requirements and the hardened twin is certified.
 */
final class BreachReplay {
  private BreachReplay() {}

  static int run(String name, Lab.Options labOptions, ScanOptions options) throws Exception {
    Optional<Breach> found = Breaches.named(name);
    if (found.isEmpty()) {
      Main.ERR.println(
          "error: no breach named '"
              + name
              + "' in the catalogue; try one of "
              + String.join(", ", Breaches.names())
              + " (./periksa breaches tells each one's story)");
      return ExitCodes.USAGE;
    }
    if (options.waivers != null || options.attestations != null) {
      Main.ERR.println(
          "error: a breach replay is a technical scan of its twins; it takes no waivers or"
              + " attestations");
      return ExitCodes.USAGE;
    }
    try {
      options.ciOptions();
    } catch (IOException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Breach b = found.get();
    describe(Main.OUT, b);
    Main.OUT.println();
    long t0 = System.nanoTime();
    Lab running;
    try {
      running = Lab.start(labOptions, Main.OUT::println, b.services(), true);
    } catch (LabService.Unavailable e) {
      Main.ERR.println("error: the replay cannot start: " + e.getMessage());
      return ExitCodes.INCONCLUSIVE;
    }
    try (running) {
      List<TargetProfile> profiles;
      try {
        profiles = LabProfiles.load(running, List.of(b.legacyProfile(), b.hardenedProfile()));
      } catch (ProfileException e) {
        Main.ERR.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      ScanRunner.Result r;
      try {
        r = new ScanRunner(Main.OUT).run(profiles, options.toRunnerOptions(Exemptions.NONE));
      } catch (ScanRunner.FeatureException e) {
        Main.ERR.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      Console.summary(Main.OUT, r, options.verbose);
      List<String> problems = problems(b, r.targets());
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (problems.isEmpty()) {
        Main.OUT.printf(
            "Breach replay '%s' finished in %.1f s: the legacy twin was caught (%s FAIL), the"
                + " hardened twin CERTIFIED.%n",
            b.name(), seconds, String.join(", ", b.requirements()));
      } else {
        Main.OUT.printf("Breach replay '%s' finished in %.1f s.%n", b.name(), seconds);
        for (String p : problems) {
          Main.ERR.println("error: " + p);
        }
      }
      Main.OUT.println("Check the run with ./periksa verify " + r.dir());
      if (r.exitCode() >= ExitCodes.USAGE) {
        return r.exitCode();
      }
      return problems.isEmpty() ? ExitCodes.CERTIFIED : ExitCodes.FAILED;
    }
  }

  /** What keeps the replay from making its point, or nothing. */
  static List<String> problems(Breach b, List<TargetOutcome> targets) {
    List<String> out = new ArrayList<>();
    if (targets.size() != 2) {
      out.add("the replay expected its two twins, scanned " + targets.size() + " targets");
      return out;
    }
    TargetOutcome legacy = targets.get(0);
    TargetOutcome hardened = targets.get(1);
    if (legacy.verdict() != Verdict.NOT_CERTIFIED) {
      out.add("the legacy twin was " + legacy.verdict() + ", not NOT_CERTIFIED");
    }
    for (String id : b.requirements()) {
      Outcome o =
          legacy.requirements().stream()
              .filter(r -> r.requirement().id().equals(id))
              .map(RequirementOutcome::outcome)
              .findFirst()
              .orElse(null);
      if (o != Outcome.FAIL) {
        out.add(id + " did not catch the legacy twin (" + (o == null ? "not run" : o) + ")");
      }
    }
    if (hardened.verdict() != Verdict.CERTIFIED) {
      out.add("the hardened twin was " + hardened.verdict() + ", not CERTIFIED");
    }
    return out;
  }

  /** The breach's account, as {@code periksa breaches} prints it. */
  static void describe(PrintStream out, Breach b) {
    out.println(b.name() + " — " + b.title());
    out.println("  When:     " + b.when());
    wrap(out, "  Exposed:  ", b.exposed());
    wrap(out, "  How:      ", b.how());
    out.println("  Caught:   " + String.join(", ", b.requirements()));
    wrap(out, "  Twins:    ", b.twin());
    for (String s : b.sources()) {
      out.println("  Source:   " + s);
    }
  }

  private static void wrap(PrintStream out, String head, String text) {
    StringBuilder line = new StringBuilder(head);
    String indent = " ".repeat(head.length());
    for (String word : text.split(" ")) {
      if (line.length() + word.length() + 1 > 100 && line.length() > head.length()) {
        out.println(line);
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    out.println(line);
  }
}
