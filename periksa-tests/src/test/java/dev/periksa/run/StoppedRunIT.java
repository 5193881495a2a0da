package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.Json;
import dev.periksa.lab.FleetLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet run stopped part-way (a stop signal, as Ctrl-C or a CI job's cancel gives) leaves a valid
 * INCOMPLETE run: results.json names the targets that finished, with their verdicts, and those that
 * did not. The run is the command line's, in a process of its own.
 */
class StoppedRunIT {
  @TempDir Path dir;

  @Test
  void aStoppedRunRecordsWhatFinished() throws Exception {
    // Silent targets allowed 60 s per exchange: the run cannot end before it is stopped.
    FleetLab.Mix mix = new FleetLab.Mix(50, 0, 0, 50);
    try (FleetLab fleet = FleetLab.start(8, mix, dir.resolve("fleet"), 3L, s -> {})) {
      for (FleetLab.Target t : fleet.targets()) {
        if (t.kind() == FleetLab.Kind.DEAD_SILENT) {
          Files.writeString(
              t.profile(),
              Files.readString(t.profile())
                  .replace("timeoutSeconds: " + FleetLab.TIMEOUT_SECONDS, "timeoutSeconds: 60"));
        }
      }
      Path run = dir.resolve("run");
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.periksa.cli.Main",
                  "scan",
                  "--targets",
                  fleet.profilesDir().toString(),
                  "--out",
                  run.toString(),
                  "--no-report",
                  "--parallel",
                  "8",
                  "--tags",
                  "@STO-1 or @AUT-1")
              // Not the repository: its features/ folder would be on the test class path twice.
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("console.txt").toFile());
      pb.environment().putAll(fleet.variables());
      Process p = pb.start();
      try {
        Path journal = run.resolve(RunJournal.LINES);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (lines(journal) < 4 && System.nanoTime() < until && p.isAlive()) {
          Thread.sleep(200);
        }
        assertTrue(
            p.isAlive(),
            "the run ended by itself:\n" + Files.readString(dir.resolve("console.txt")));
        assertTrue(lines(journal) >= 4, "the answering targets were journaled");
        JsonNode during = Json.MAPPER.readTree(run.resolve("results.json").toFile());
        assertEquals("INCOMPLETE", during.path("run").path("status").asText(), "while it runs");
      } finally {
        p.destroy(); // SIGTERM: the shutdown hooks run, as on Ctrl-C
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop");
      }
      System.out.println(Files.readString(dir.resolve("console.txt")));
      JsonNode doc = Json.MAPPER.readTree(run.resolve("results.json").toFile());
      assertEquals("INCOMPLETE", doc.path("run").path("status").asText());
      assertTrue(doc.path("run").path("why").asText().contains("stopped"), doc.toString());
      Set<String> finished = new HashSet<>();
      for (JsonNode t : doc.path("targets")) {
        finished.add(t.path("name").asText());
        assertFalse(t.path("verdict").asText().isEmpty());
      }
      Set<String> notFinished = new HashSet<>();
      doc.path("notFinished").forEach(n -> notFinished.add(n.asText()));
      Set<String> silent = new HashSet<>();
      Set<String> all = new HashSet<>();
      for (FleetLab.Target t : fleet.targets()) {
        all.add(t.name());
        if (t.kind() == FleetLab.Kind.DEAD_SILENT) {
          silent.add(t.name());
        }
      }
      assertTrue(finished.size() >= 4, "finished: " + finished);
      assertTrue(
          notFinished.containsAll(silent), "still waiting on the silent ones: " + notFinished);
      Set<String> union = new HashSet<>(finished);
      union.addAll(notFinished);
      assertEquals(all, union);
      assertEquals(all.size(), finished.size() + notFinished.size(), "no target in both");
    }
  }

  private static int lines(Path f) throws Exception {
    return Files.exists(f)
        ? (int) Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count()
        : 0;
  }
}
