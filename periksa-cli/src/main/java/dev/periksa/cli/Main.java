package dev.periksa.cli;

import dev.periksa.probe.ProbeErrors;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.Version;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code periksa}: compliance testing for systems that hold health data. */
@Command(
    name = "periksa",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = {
      "Compliance testing for systems that hold health data.",
      "Runs Gherkin requirements against a target and writes a certification report."
    },
    footer = {
      "",
      "Exit codes: 0 certified, 1 a requirement failed, 2 something could not be verified,",
      "64 bad command line or profile (nothing probed), 70 Periksa could not finish."
    })
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Prints Periksa's version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"periksa " + Version.periksa()};
    }
  }

  @Override
  public void run() {
    java.util.List<String> names =
        spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a command: "
            + String.join(", ", names.subList(0, names.size() - 1))
            + " or "
            + names.get(names.size() - 1));
  }

  /** Console output in UTF-8 whatever the locale, so masks (•) print as they are. */
  static final PrintStream OUT =
      new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

  static final PrintStream ERR =
      new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command line and returns the exit code (used by main and by tests). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new Main());
    // The lab's commands only where the lab is installed (the repository's ./periksa, or the lab
    // archive unpacked beside the scanner); elsewhere they say how to get it.
    boolean lab = LabNotInstalled.labPresent();
    cl.addSubcommand(new ScanCommand());
    cl.addSubcommand(new ValidateCommand());
    cl.addSubcommand(new ProfileReferenceCommand());
    cl.addSubcommand(new RequirementsCommand());
    cl.addSubcommand("demo", lab ? new DemoCommand() : new LabNotInstalled("demo"));
    cl.addSubcommand("breaches", lab ? new BreachesCommand() : new LabNotInstalled("breaches"));
    cl.addSubcommand("lab", lab ? new LabCommand() : new LabNotInstalled("lab"));
    cl.addSubcommand(new ZapAddOnCommand());
    cl.addSubcommand(new MergeCommand());
    cl.addSubcommand(new VerifyCommand());
    cl.addSubcommand(new KeygenCommand());
    cl.addSubcommand(new CommandLine.HelpCommand());
    cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    cl.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
      sub.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
      for (CommandLine subsub : sub.getSubcommands().values()) {
        subsub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        subsub.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
      }
    }
    cl.setOut(new java.io.PrintWriter(OUT, true));
    cl.setErr(new java.io.PrintWriter(ERR, true));
    cl.setExecutionExceptionHandler(
        (ex, line, parsed) -> {
          ERR.println("error: " + ProbeErrors.plain(ex));
          return ExitCodes.INTERNAL;
        });
    return cl.execute(args);
  }
}
