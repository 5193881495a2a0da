package dev.periksa.lab;

import dev.periksa.lab.FleetLab.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fleet's target profiles: one {@code fleet-NNNN.yaml} per target (its address as the scope,
 * its one endpoint of the right kind, a short timeout, no discovery), {@code inventory.txt} listing
 * them, and {@code fleet.env} with the protected APIs' token. An API profile declares its record
 * path and an identity that owns the first record and carries the token, so the unauthenticated-
 * access check can tell a refusal that guards data from one that refuses everyone.
 */
final class FleetProfiles {
  static final String INVENTORY = "inventory.txt";
  static final String ENV_FILE = "fleet.env";

  private FleetProfiles() {}

  static void write(Path dir, List<Target> targets, String token) throws IOException {
    StringBuilder inventory = new StringBuilder();
    for (Target t : targets) {
      Files.writeString(t.profile(), yaml(t));
      inventory.append(t.profile().toAbsolutePath().normalize()).append('\n');
    }
    Files.writeString(dir.resolve(INVENTORY), inventory);
    FleetLab.writeOwnerOnly(
        dir.resolve(ENV_FILE),
        "# Written by 'periksa lab fleet'; removed when the fleet stops.\n"
            + FleetLab.TOKEN_VARIABLE
            + "='"
            + token
            + "'\n");
  }

  static String yaml(Target t) {
    StringBuilder b = new StringBuilder();
    b.append("# Fleet lab target ")
        .append(t.number())
        .append(": ")
        .append(t.kind().description())
        .append(" (simulated server, for scale measurement).\n");
    b.append("name: ").append(t.name()).append('\n');
    b.append("description: >-\n  Fleet lab target, kind ")
        .append(t.kind().name().toLowerCase(java.util.Locale.ROOT))
        .append(": ")
        .append(t.kind().description())
        .append(". Synthetic e-HAC records.\n");
    b.append("scope:\n  hosts: [\"").append(t.host()).append("\"]\n");
    b.append("rateLimit: ").append(FleetLab.RATE_LIMIT).append('\n');
    b.append("timeoutSeconds: ").append(FleetLab.TIMEOUT_SECONDS).append('\n');
    b.append("endpoints:\n");
    if (t.kind().endpointKind().equals("search")) {
      b.append("  - name: search\n    kind: search\n    url: \"").append(t.url()).append("\"\n");
      return b.toString();
    }
    b.append("  - name: api\n    kind: http\n    url: \"").append(t.url()).append("\"\n");
    b.append("    api:\n");
    b.append("      personalData: [\"")
        .append(FleetApi.RECORD_PATH)
        .append("{id}\", \"/api/v1/travellers\"]\n");
    b.append("      record: \"").append(FleetApi.RECORD_PATH).append("{id}\"\n");
    b.append("      identities: [owner]\n");
    b.append("identities:\n");
    b.append("  - name: owner\n");
    b.append("    token: \"${").append(FleetLab.TOKEN_VARIABLE).append("}\"\n");
    b.append("    owns: [").append(t.recordId()).append("]\n");
    return b.toString();
  }
}
