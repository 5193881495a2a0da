package dev.periksa.cli;

import dev.periksa.result.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A page written from the code (the profile reference, the requirements): printed or saved. */
final class GeneratedPage {
  private GeneratedPage() {}

  /** Prints the page, or writes it to {@code out} when one is given; returns the exit code. */
  static int emit(String text, Path out) {
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
