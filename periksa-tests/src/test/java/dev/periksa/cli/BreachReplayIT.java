package dev.periksa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.lab.Breach;
import dev.periksa.lab.Breaches;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.ExitCodes;
import dev.periksa.testing.RawValueScanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every breach of the replay catalogue, replayed as a user would ({@code periksa demo --breach
 * NAME}): its twins start, the legacy one is caught by the breach's requirements, the hardened one
 * is certified, and nothing raw of the twins' data lands in the run. Prints each replay's wall
 * time.
 */
class BreachReplayIT {
  private static final List<String> TIMES = new ArrayList<>();

  static Stream<String> breaches() {
    return Breaches.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breaches")
  void eachReplayCatchesTheLegacyTwinAndCertifiesTheHardenedOne(String name, @TempDir Path dir)
      throws Exception {
    Breach b = Breaches.named(name).orElseThrow();
    Path out = dir.resolve("run");
    long t0 = System.nanoTime();
    int exit =
        Main.execute(
            "demo", "--breach", name, "--records", "500", "--out", out.toString(), "--no-report");
    double seconds = (System.nanoTime() - t0) / 1e9;
    TIMES.add(String.format("%-20s %6.1f s", name, seconds));
    assertEquals(ExitCodes.CERTIFIED, exit, name + ": the replay did not make its point");

    JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    JsonNode legacy = results.at("/targets/0");
    JsonNode hardened = results.at("/targets/1");
    assertEquals("NOT_CERTIFIED", legacy.path("verdict").asText(), name);
    assertEquals("CERTIFIED", hardened.path("verdict").asText(), name);
    for (String id : b.requirements()) {
      assertEquals("FAIL", outcome(legacy, id), name + ": " + id + " on the legacy twin");
      assertEquals("PASS", outcome(hardened, id), name + ": " + id + " on the hardened twin");
    }
    List<String> raw = new RawValueScanner(500).findInTree(out);
    assertTrue(raw.isEmpty(), name + ": raw personal data in the run: " + raw);
  }

  private static String outcome(JsonNode target, String id) {
    for (JsonNode r : target.path("requirements")) {
      if (id.equals(r.path("id").asText())) {
        return r.path("outcome").asText();
      }
    }
    return "not run";
  }

  @Test
  void theCatalogueListsEveryBreachWithItsAccountAndAnUnknownNameIsAUsageError() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    BreachesCommand command = new BreachesCommand();
    command.out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    int exit = command.call();
    assertEquals(ExitCodes.CERTIFIED, exit);
    String listing = buf.toString(StandardCharsets.UTF_8);
    assertTrue(Breaches.all().size() >= 7, "at least the seven classes the catalogue promises");
    for (Breach b : Breaches.all()) {
      assertTrue(listing.contains(b.name() + " — " + b.title()), b.name());
      assertTrue(listing.contains("./periksa demo --breach " + b.name()), b.name());
      assertTrue(!b.sources().isEmpty(), b.name() + " cites no public source");
      for (String s : b.sources()) {
        assertTrue(s.startsWith("https://") || s.startsWith("http://"), s);
        assertTrue(listing.contains(s), s);
      }
      for (String id : b.requirements()) {
        assertTrue(
            Catalogue.standard().requirements().stream().anyMatch(r -> r.id().equals(id)),
            b.name() + " names an unknown requirement " + id);
      }
    }
    assertEquals(ExitCodes.USAGE, Main.execute("breaches", "no-such-breach"));
    assertEquals(ExitCodes.USAGE, Main.execute("demo", "--breach", "no-such-breach"));
  }

  @AfterAll
  static void printTimes() {
    System.out.println("Breach replay wall times (lab start, both scans, no report):");
    TIMES.forEach(t -> System.out.println("  " + t));
  }
}
