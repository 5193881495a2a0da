package dev.periksa.cli;

import dev.periksa.lab.Lab;
import picocli.CommandLine.Option;

/** Options shared by {@code demo} and {@code lab}. */
final class LabOptions {
  @Option(
      names = "--records",
      paramLabel = "N",
      defaultValue = "20000",
      description =
          "Synthetic e-HAC travellers to load, up to 1400000 (default: ${DEFAULT-VALUE}).")
  int records;

  @Option(
      names = "--legacy-host",
      defaultValue = "127.0.0.2",
      description = "Loopback address of the legacy twin (default: ${DEFAULT-VALUE}).")
  String legacyHost;

  @Option(
      names = "--hardened-host",
      defaultValue = "127.0.0.3",
      description = "Loopback address of the hardened twin (default: ${DEFAULT-VALUE}).")
  String hardenedHost;

  @Option(
      names = "--internal-host",
      defaultValue = "127.0.0.4",
      description =
          "Loopback address of the hardened twin's internal store (default: ${DEFAULT-VALUE}).")
  String internalHost;

  Lab.Options toLabOptions() {
    return new Lab.Options(records, legacyHost, hardenedHost, internalHost);
  }
}
