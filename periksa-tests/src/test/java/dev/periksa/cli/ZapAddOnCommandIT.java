package dev.periksa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.result.ExitCodes;
import dev.periksa.zap.rules.HealthRulesAddOn;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code periksa zap-addon}: writes the add-on where it is told, refuses a missing --out. */
class ZapAddOnCommandIT {
  @TempDir Path dir;

  @Test
  void writesTheAddOnIntoTheFolder() {
    Path plugin = dir.resolve("zap-home/plugin");
    assertEquals(ExitCodes.CERTIFIED, Main.execute("zap-addon", "--out", plugin.toString()));
    assertTrue(Files.isRegularFile(plugin.resolve(HealthRulesAddOn.FILE_NAME)));
  }

  @Test
  void withoutAFolderItIsAUsageError() {
    assertEquals(ExitCodes.USAGE, Main.execute("zap-addon"));
  }
}
