package dev.periksa.cli;

import dev.periksa.run.RequirementsPage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code periksa requirements}: every requirement Periksa certifies, its clauses, its feature and
 * what each of its checks does, in Markdown (the source of {@code docs/requirements.md}).
 */
@Command(
    name = "requirements",
    mixinStandardHelpOptions = true,
    description = {
      "Print the requirements page in Markdown: every requirement with its clauses and feature,"
          + " and what each check that verifies it reads or sends.",
      "The repository keeps it as " + RequirementsPage.FILE + "."
    })
final class RequirementsCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write it to this file instead of printing it.")
  Path out;

  @Override
  public Integer call() {
    return GeneratedPage.emit(RequirementsPage.markdown(), out);
  }
}
