package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.certificate.Certificates;
import dev.periksa.cli.Main;
import dev.periksa.json.Json;
import dev.periksa.lab.FleetLab;
import dev.periksa.result.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet scanned as three shards, each by a command line of its own in a process of its own (as
 * three CI jobs would), merged into one run that says, target by target, what one process scanning
 * every target says: the same verdicts, requirement outcomes, check outcomes and findings. The
 * merged folder verifies.
 */
class ShardMergeIT {
  static final int SHARDS = 3;

  @TempDir Path dir;

  @Test
  void threeShardProcessesMergeIntoWhatOneRunSays() throws Exception {
    try (FleetLab fleet = FleetLab.start(12, dir.resolve("fleet"), 21L, s -> {})) {
      List<Process> running = new ArrayList<>();
      for (int k = 1; k <= SHARDS; k++) {
        running.add(scan(fleet, "shard-" + k, "--shard", k + "/" + SHARDS));
      }
      running.add(scan(fleet, "whole"));
      for (int i = 0; i < running.size(); i++) {
        Process p = running.get(i);
        String name = i < SHARDS ? "shard-" + (i + 1) : "whole";
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), name + " did not finish");
        assertTrue(
            p.exitValue() != ExitCodes.USAGE && p.exitValue() != ExitCodes.INTERNAL,
            name + " exited " + p.exitValue() + ":\n" + Files.readString(console(name)));
      }

      Path merged = dir.resolve("merged");
      List<String> args =
          new ArrayList<>(List.of("merge", "--no-report", "--out", merged.toString()));
      // In any order.
      for (int k = SHARDS; k >= 1; k--) {
        args.add(dir.resolve("shard-" + k).toString());
      }
      int code = Main.execute(args.toArray(String[]::new));
      JsonNode whole = Json.MAPPER.readTree(dir.resolve("whole/results.json").toFile());
      JsonNode doc = Json.MAPPER.readTree(merged.resolve("results.json").toFile());
      assertEquals(running.get(SHARDS).exitValue(), code, "the exit code of the whole run");
      assertEquals(ExitCodes.CERTIFIED, Main.execute("verify", merged.toString()));

      Map<String, String> w = perTarget(whole);
      Map<String, String> m = perTarget(doc);
      assertEquals(12, w.size());
      assertEquals(w.keySet(), m.keySet());
      for (String name : w.keySet()) {
        assertEquals(w.get(name), m.get(name), name);
      }
      assertEquals(
          new ArrayList<>(new TreeSet<>(m.keySet())),
          new ArrayList<>(m.keySet()),
          "targets in name order");
      assertEquals("COMPLETE", doc.path("run").path("status").asText());
      assertEquals(whole.path("run").path("selection"), doc.path("run").path("selection"));
      JsonNode shards = doc.path("run").path(Certificates.SHARDS);
      assertEquals(SHARDS, shards.size());
      for (int k = 1; k <= SHARDS; k++) {
        assertEquals(k + "/" + SHARDS, shards.get(k - 1).path("shard").asText());
        assertEquals(
            Certificates.sha256(dir.resolve("shard-" + k).resolve(Certificates.FILE)),
            shards.get(k - 1).path("certificateSha256").asText());
      }
      int shardScenarios = 0;
      for (int k = 1; k <= SHARDS; k++) {
        shardScenarios += results(dir.resolve("shard-" + k));
      }
      assertEquals(shardScenarios, results(merged), "every shard's Allure results are carried");
      assertEquals(results(dir.resolve("whole")), results(merged), "as many as one run's");
    }
  }

  /**
   * Each target's verdict, each requirement's outcome, each check's outcome and its findings'
   * fingerprints, as one line per target.
   */
  static Map<String, String> perTarget(JsonNode results) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode t : results.path("targets")) {
      StringBuilder b = new StringBuilder(t.path("verdict").asText());
      for (JsonNode r : t.path("requirements")) {
        b.append(" | ")
            .append(r.path("id").asText())
            .append('=')
            .append(r.path("outcome").asText());
        for (JsonNode c : r.path("checks")) {
          b.append(' ')
              .append(c.path("id").asText())
              .append(':')
              .append(c.path("outcome").asText());
          TreeSet<String> fps = new TreeSet<>();
          c.path("findings").forEach(f -> fps.add(f.path("fingerprint").asText()));
          b.append(fps);
        }
      }
      out.put(t.path("name").asText(), b.toString());
    }
    return out;
  }

  /** How many scenario results a run folder's Allure results hold. */
  static int results(Path run) throws Exception {
    try (var s = Files.list(run.resolve("allure-results"))) {
      return (int) s.filter(p -> p.getFileName().toString().endsWith("-result.json")).count();
    }
  }

  Path console(String name) {
    return dir.resolve(name + ".txt");
  }

  /** The command line's scan of the fleet in a process of its own. */
  Process scan(FleetLab fleet, String out, String... more) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.periksa.cli.Main",
                "scan",
                "--targets",
                fleet.profilesDir().toString(),
                "--out",
                dir.resolve(out).toString(),
                "--no-report",
                "--tags",
                "@STO-1 or @AUT-1"));
    cmd.addAll(List.of(more));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            // Not the repository: its features/ folder would be on the test class path twice.
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(console(out).toFile());
    pb.environment().putAll(fleet.variables());
    return pb.start();
  }
}
