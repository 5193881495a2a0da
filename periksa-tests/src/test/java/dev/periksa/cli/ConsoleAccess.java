package dev.periksa.cli;

import dev.periksa.run.ScanRunner;
import java.io.PrintStream;

/** The CLI's end-of-run console, for tests outside its package. */
public final class ConsoleAccess {
  private ConsoleAccess() {}

  public static void summary(PrintStream out, ScanRunner.Result r) {
    Console.summary(out, r);
  }
}
