package dev.periksa.cli;

import dev.periksa.target.ProfileReference;
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
    return GeneratedPage.emit(ProfileReference.markdown(), out);
  }
}
