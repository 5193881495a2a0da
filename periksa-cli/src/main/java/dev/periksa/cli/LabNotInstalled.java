package dev.periksa.cli;

import dev.periksa.result.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Stands in for {@code demo}, {@code breaches} and {@code lab} where the lab is not installed: the
 * scanner ships without the lab's servers, and these commands need them.
 */
@Command(
    description =
        "Needs Periksa's lab, which is not installed here: unpack periksa-lab-<version>.tar.gz"
            + " into Periksa's folder.",
    mixinStandardHelpOptions = true)
final class LabNotInstalled implements Callable<Integer> {
  /** The lab's entry point: present only when the lab is on the class path. */
  static final String LAB_CLASS = "dev.periksa.lab.Lab";

  private final String command;

  @Unmatched List<String> rest = new ArrayList<>();

  LabNotInstalled(String command) {
    this.command = command;
  }

  /** Whether the lab is on the class path. */
  static boolean labPresent() {
    try {
      Class.forName(LAB_CLASS, false, LabNotInstalled.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  @Override
  public Integer call() {
    Main.ERR.println(
        "periksa "
            + command
            + ": the lab is not installed. It runs the vulnerable and hardened servers of the demo"
            + " and the breach replays, and ships apart from the scanner: unpack"
            + " periksa-lab-<version>.tar.gz into Periksa's folder, or run ./periksa "
            + command
            + " from a clone of the repository.");
    return ExitCodes.INTERNAL;
  }
}
