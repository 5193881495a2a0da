package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Outcome;
import dev.periksa.ci.CiOptions;
import dev.periksa.ci.Selection;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.Fleet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * A fleet of twelve simulated targets, every kind at least once, scanned one after another by the
 * engine as it is: once with only the exposure requirements selected ({@code @STO-1 or @AUT-1}),
 * once with every feature. Per kind: an exposed target fails its exposure requirement, a protected
 * one does not, a slow or dead one is inconclusive on it and never certified. Prints each kind's
 * scan time per target in both runs: the figure a fleet scan is planned with.
 */
class FleetLabIT {
  private static final Pattern TARGET_LINE =
      Pattern.compile("= (fleet-[0-9]{4}): .* \\(([0-9.]+) s\\)");

  @TempDir static Path dir;
  static FleetLab fleet;
  static List<TargetProfile> profiles;

  @BeforeAll
  static void start() throws Exception {
    fleet = FleetLab.start(12, new FleetLab.Mix(4, 4, 2, 2), dir.resolve("profiles"), 7, s -> {});
    ProfileLoader loader = ProfileLoader.withOverrides(fleet.variables());
    profiles = new ArrayList<>();
    for (String line : Files.readAllLines(fleet.inventory())) {
      profiles.add(loader.load(Path.of(line)));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (fleet != null) {
      fleet.close();
      assertFalse(Files.exists(fleet.envFile()), "the token file goes with the fleet");
    }
  }

  @Test
  void everyKindIsThereAndEveryProfileLoads() {
    assertEquals(12, profiles.size());
    for (FleetLab.Kind k : FleetLab.Kind.values()) {
      assertTrue(fleet.counts().getOrDefault(k, 0) >= 1, "no target of kind " + k);
    }
    for (int i = 0; i < 12; i++) {
      FleetLab.Target t = fleet.targets().get(i);
      assertEquals(t.name(), profiles.get(i).name());
      assertEquals(List.of(t.host()), profiles.get(i).scope().hosts());
      assertEquals(FleetLab.TIMEOUT_SECONDS, profiles.get(i).timeoutSeconds());
      assertTrue(t.host().startsWith("127.1."), t.host());
    }
  }

  @Test
  void theSearchClustersAnswerAsTheProductsDo() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (FleetLab.Target t : fleet.targets()) {
      if (t.kind() == FleetLab.Kind.EXPOSED_SEARCH) {
        HttpResponse<String> root = get(http, t.url().resolve("/"));
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("\"number\""), root.body());
        HttpResponse<String> search =
            get(http, t.url().resolve("/" + EhacData.TRAVELLERS_INDEX + "/_search?size=1"));
        assertTrue(search.body().contains("\"nik\"") || search.body().contains("no_paspor"));
        assertEquals(404, get(http, t.url().resolve("/nothing-here")).statusCode());
      }
      if (t.kind() == FleetLab.Kind.PROTECTED_SEARCH) {
        HttpResponse<String> root = get(http, t.url().resolve("/"));
        assertEquals(401, root.statusCode());
        assertTrue(root.headers().firstValue("www-authenticate").orElse("").startsWith("Basic"));
        assertTrue(root.body().contains("security_exception"));
      }
      if (t.kind() == FleetLab.Kind.PROTECTED_API) {
        HttpResponse<String> r = get(http, t.url().resolve("/api/v1/travellers/" + t.recordId()));
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI u) throws Exception {
    return http.send(
        HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(3)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void exposureOnlyScan() throws Exception {
    Selection sel = Selection.of(List.of(), "@STO-1 or @AUT-1", Catalogue.standard());
    scanAndJudge("exposure requirements only (@STO-1 or @AUT-1)", "selected", sel);
  }

  @Test
  void fullScan() throws Exception {
    scanAndJudge("every feature", "full", Selection.ALL);
  }

  private static void scanAndJudge(String what, String folder, Selection selection)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScanRunner.Result result;
    long t0 = System.nanoTime();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      result =
          new ScanRunner(ps)
              .run(
                  profiles,
                  new ScanRunner.Options(
                          dir.resolve(folder),
                          FeatureSet.builtin(),
                          false,
                          Duration.ofSeconds(30),
                          new CiOptions(null, false, null, selection))
                      // One after another, every scenario's line: the per-kind times read them.
                      .withFleet(
                          Fleet.DEFAULT.withParallel(1).withProgress(Fleet.Progress.DETAILED)));
    }
    double total = (System.nanoTime() - t0) / 1e9;
    String console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    String token = fleet.variables().get(FleetLab.TOKEN_VARIABLE);
    assertFalse(console.contains(token), "the token reached the console");
    try (var files = Files.walk(dir.resolve(folder))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertFalse(
            Files.readString(f, StandardCharsets.ISO_8859_1).contains(token),
            "the token reached " + f.getFileName());
      }
    }

    Map<String, Double> seconds = new LinkedHashMap<>();
    Matcher m = TARGET_LINE.matcher(console);
    while (m.find()) {
      seconds.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    StringBuilder report =
        new StringBuilder(
            String.format(
                "%n=== Fleet lab scan, %s: 12 targets one after another in %.1f s ===%n",
                what, total));
    Map<FleetLab.Kind, List<Double>> byKind = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      FleetLab.Target t = fleet.targets().get(i);
      TargetOutcome o = result.targets().get(i);
      assertEquals(t.name(), o.profile().name());
      byKind.computeIfAbsent(t.kind(), k -> new ArrayList<>()).add(seconds.get(t.name()));
      String requirement = t.kind().endpointKind().equals("search") ? "STO-1" : "AUT-1";
      Outcome exposure =
          o.requirements().stream()
              .filter(r -> r.requirement().id().equals(requirement))
              .map(RequirementOutcome::gating)
              .findFirst()
              .orElse(null);
      report.append(
          String.format(
              "  %s %-16s %5.1f s  %s  %s %s%n",
              t.name(), t.kind(), seconds.get(t.name()), o.verdict(), requirement, exposure));
      switch (t.kind().group()) {
        case "exposed" -> {
          if (o.verdict() != Verdict.NOT_CERTIFIED || exposure != Outcome.FAIL) {
            wrong.add(t.name() + " " + t.kind() + ": " + o.verdict() + ", " + exposure);
          }
        }
        case "protected" -> {
          if (exposure == null || exposure == Outcome.FAIL) {
            wrong.add(t.name() + " " + t.kind() + ": " + requirement + " " + exposure);
          }
        }
        default -> {
          if (o.verdict() == Verdict.CERTIFIED || exposure != Outcome.INCONCLUSIVE) {
            wrong.add(t.name() + " " + t.kind() + ": " + o.verdict() + ", " + exposure);
          }
        }
      }
    }
    report.append("  per target, by kind (mean of its targets):\n");
    byKind.forEach(
        (k, v) ->
            report.append(
                String.format(
                    "    %-16s %5.1f s  (%d)%n",
                    k, v.stream().mapToDouble(Double::doubleValue).average().orElse(0), v.size())));
    System.out.println(report);
    assertTrue(wrong.isEmpty(), "targets judged against their kind: " + wrong + report);
  }
}
