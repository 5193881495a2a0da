package dev.periksa.cli;

import dev.periksa.result.ExitCodes;
import dev.periksa.zap.rules.HealthRule;
import dev.periksa.zap.rules.HealthRulesAddOn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code periksa zap-addon}: write Periksa's health-data scan rules as a ZAP add-on file. */
@Command(
    name = "zap-addon",
    mixinStandardHelpOptions = true,
    description = {
      "Write Periksa's health-data scan rules as a ZAP add-on ("
          + HealthRulesAddOn.FILE_NAME
          + ").",
      "Write it into the plugin folder of your ZAP home (e.g. ~/.ZAP/plugin) and restart ZAP:",
      "ZAP loads add-ons from there at start. Any other version of it there is replaced."
    })
final class ZapAddOnCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Folder to write the add-on file into (created if missing).")
  Path out;

  @Override
  public Integer call() {
    Path written;
    try {
      written = HealthRulesAddOn.writeTo(out);
    } catch (IOException e) {
      Main.ERR.println("error: cannot write the add-on into " + out + ": " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    Main.OUT.println("Wrote " + written);
    Main.OUT.println("Active scan rules (ZAP 2.17.0 or newer):");
    for (HealthRule r : HealthRulesAddOn.rules()) {
      Main.OUT.printf(
          "  %d  %-48s risk %-6s CWE-%d  WASC-%d%n",
          r.id(), r.name(), HealthRule.riskName(r.risk()), r.cweId(), r.wascId());
    }
    return ExitCodes.CERTIFIED;
  }
}
