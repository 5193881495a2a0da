package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.check.Outcome;
import dev.periksa.json.Json;
import dev.periksa.lab.FleetLab;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.target.FleetInventory;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet scanned concurrently: 24 targets of the fleet lab (exposed and protected search clusters
 * and APIs, slow and dead ones), 8 at a time, each within an 8 s budget. The slow and silent
 * targets' profiles allow 30 s per exchange, so without the budget each would hold its place for
 * minutes; a healthy one needs about a second. Then the same targets as three shards, one after
 * another, give the same verdicts.
 */
class FleetScanIT {
  static final Duration BUDGET = Duration.ofSeconds(8);
  static final Pattern LINE =
      Pattern.compile(
          "^\\[\\s*\\d+/\\d+] (fleet-\\d{4}): (\\w+) \\((\\d+\\.\\d) s\\)", Pattern.MULTILINE);

  @TempDir static Path dir;
  static FleetLab fleet;
  static List<TargetProfile> profiles;
  static ScanRunner.Result result;
  static String console;
  static double wall;

  @BeforeAll
  static void scan() throws Exception {
    fleet = FleetLab.start(24, dir.resolve("fleet"), 15L, s -> {});
    for (FleetLab.Target t : fleet.targets()) {
      if (t.kind() == FleetLab.Kind.SLOW_API
          || t.kind() == FleetLab.Kind.SLOW_SEARCH
          || t.kind() == FleetLab.Kind.DEAD_SILENT) {
        String y = Files.readString(t.profile());
        String patient =
            y.replace("timeoutSeconds: " + FleetLab.TIMEOUT_SECONDS, "timeoutSeconds: 30");
        assertNotEquals(y, patient);
        Files.writeString(t.profile(), patient);
      }
    }
    profiles =
        FleetInventory.loadDirectory(
            fleet.profilesDir(), ProfileLoader.withOverrides(fleet.variables()), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      result = new ScanRunner(ps).run(profiles, options(dir.resolve("run"), null));
    }
    wall = (System.nanoTime() - t0) / 1e9;
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
  }

  static ScanRunner.Options options(Path out, String shard) throws Exception {
    Fleet f = new Fleet(8, BUDGET, 6, Fleet.Progress.COMPACT, shard, 0);
    return new ScanRunner.Options(out, FeatureSet.builtin(), false, Duration.ofSeconds(30))
        .withFleet(f);
  }

  @AfterAll
  static void stop() throws Exception {
    fleet.close();
  }

  static FleetLab.Kind kind(String name) {
    return fleet.targets().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow()
        .kind();
  }

  @Test
  void everyTargetHasItsVerdictInTheOrderGiven() {
    assertEquals(
        profiles.stream().map(TargetProfile::name).toList(),
        result.targets().stream().map(t -> t.profile().name()).toList());
    Map<String, Integer> groups = new TreeMap<>();
    for (TargetOutcome t : result.targets()) {
      FleetLab.Kind k = kind(t.profile().name());
      groups.merge(k.group(), 1, Integer::sum);
      switch (k.group()) {
        case "exposed" -> assertEquals(Verdict.NOT_CERTIFIED, t.verdict(), t.profile().name());
        case "dead" -> assertEquals(Verdict.INCOMPLETE, t.verdict(), t.profile().name() + " " + k);
        case "slow" -> {
          // Its budget runs out before every check is done: what it found before (plain HTTP)
          // may fail it, and what was left is undecided; never certified.
          assertTrue(
              t.verdict() == Verdict.INCOMPLETE || t.verdict() == Verdict.NOT_CERTIFIED,
              t.profile().name() + " " + k + ": " + t.verdict());
          assertTrue(
              t.requirements().stream().anyMatch(r -> r.outcome() == Outcome.INCONCLUSIVE),
              t.profile().name() + " " + k + ": every requirement decided");
        }
        default -> assertNotEquals(Verdict.CERTIFIED, t.verdict(), "plain HTTP, no security.txt");
      }
    }
    assertTrue(
        groups.keySet().containsAll(List.of("exposed", "protected", "slow", "dead")), "" + groups);
  }

  @Test
  void aStalledTargetHoldsItsPlaceForOneBudgetAtMost() {
    Matcher m = LINE.matcher(console);
    int lines = 0;
    double sum = 0;
    boolean cut = false;
    while (m.find()) {
      lines++;
      double seconds = Double.parseDouble(m.group(3));
      sum += seconds;
      // The budget, the grace a stopped check's thread is given, and a margin for a busy machine;
      // without the budget a slow or silent target takes minutes (30 s per exchange).
      assertTrue(seconds <= BUDGET.toSeconds() + 2 + 8, m.group() + " took longer than its budget");
      cut |= kind(m.group(1)).group().equals("slow") && seconds >= BUDGET.toSeconds() - 1;
    }
    assertEquals(24, lines, "one line per finished target:\n" + console);
    assertTrue(cut);
    boolean budgetSaid =
        result.targets().stream()
            .filter(t -> kind(t.profile().name()).group().equals("slow"))
            .flatMap(t -> t.requirements().stream())
            .flatMap(r -> r.checks().stream())
            .anyMatch(r -> r.reason().contains("time budget"));
    assertTrue(budgetSaid, "a slow target's checks say the budget stopped them");
    // Targets ran at once: their times add up to far more than the run's.
    assertTrue(sum > 1.5 * wall, "targets' times " + sum + " s, run " + wall + " s");
  }

  @Test
  void theRunIsCompleteAndItsJournalGone() throws Exception {
    JsonNode doc = Json.MAPPER.readTree(dir.resolve("run/results.json").toFile());
    assertEquals("COMPLETE", doc.path("run").path("status").asText());
    assertEquals(24, doc.path("targets").size());
    assertFalse(Files.exists(dir.resolve("run").resolve(RunJournal.LINES)));
  }

  @Test
  void threeShardsScanEveryTargetOnceWithTheSameVerdicts() throws Exception {
    Map<String, Verdict> whole = new HashMap<>();
    result.targets().forEach(t -> whole.put(t.profile().name(), t.verdict()));
    Map<String, Verdict> sharded = new HashMap<>();
    for (int k = 1; k <= 3; k++) {
      List<TargetProfile> share = FleetInventory.shard(profiles, k + "/3");
      Path out = dir.resolve("shard-" + k);
      ScanRunner.Result r =
          new ScanRunner(new PrintStream(ByteArrayOutputStream.nullOutputStream()))
              .run(share, options(out, k + "/3"));
      for (TargetOutcome t : r.targets()) {
        assertEquals(null, sharded.put(t.profile().name(), t.verdict()), "scanned twice");
      }
      JsonNode doc = Json.MAPPER.readTree(out.resolve("results.json").toFile());
      assertEquals(k + "/3", doc.path("run").path("shard").asText());
    }
    assertEquals(whole.keySet(), sharded.keySet());
    // A slow target's verdict depends on how far its checks got within its budget (what it found
    // before may fail it): never certified either way. Every other target's is the same.
    for (String name : whole.keySet()) {
      if (kind(name).group().equals("slow")) {
        assertNotEquals(Verdict.CERTIFIED, whole.get(name), name);
        assertNotEquals(Verdict.CERTIFIED, sharded.get(name), name);
      } else {
        assertEquals(whole.get(name), sharded.get(name), name);
      }
    }
  }
}
