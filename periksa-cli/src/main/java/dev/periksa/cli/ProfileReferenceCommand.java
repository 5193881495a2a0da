package dev.periksa.cli;

import dev.periksa.result.ExitCodes;
import dev.periksa.target.ProfileReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code periksa profile-reference}: the reference of every key a target profile may hold, with an
 * example profile per endpoint kind, in Markdown (the source of {@code docs/profile-reference.md}).
 */
@Command(
    name = "profile-reference",
    mixinStandardHelpOptions = true,
    description = {
      "Print the reference of target profiles in Markdown: every key the profile loader accepts,"
          + " with its type, default and allowed values, and an example profile per endpoint"
          + " kind.",
      "The repository keeps it as " + ProfileReference.FILE + "."
    })
final class ProfileReferenceCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write it to this file instead of printing it.")
  Path out;

  @Override
  public Integer call() {
    String text = ProfileReference.markdown();
    if (out == null) {
      Main.OUT.print(text);
      Main.OUT.flush();
      return ExitCodes.CERTIFIED;
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      Main.ERR.println("error: cannot write " + out + ": " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    Main.OUT.println("Wrote " + out);
    return ExitCodes.CERTIFIED;
  }
}
