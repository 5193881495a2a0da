package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.evidence.Redactor;
import dev.periksa.probe.Connections;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.hostile.CanaryScanner;
import dev.periksa.testing.hostile.HostileLab;
import dev.periksa.testing.hostile.HostileServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run, as a new user would start it, over every server of the hostile lab: the built-in
 * features, every output (results.json, Allure results, the single-file report, JUnit, SARIF, the
 * certificate) and the console. No raw canary (patient name, address, NIK, phone, token, the
 * profile's passwords) may appear in any of them, nothing outside the scope may be contacted, and
 * no target may be certified.
 */
class HostileScanIT {
  @TempDir static Path dir;
  static HostileLab lab;
  static ScanRunner.Result result;
  static String console;
  static final Set<String> contacted = ConcurrentHashMap.newKeySet();

  @BeforeAll
  static void scan() throws Exception {
    lab = new HostileLab("127.0.0.1", Duration.ofMillis(700));
    Connections.listen((h, p) -> contacted.add(h));
    List<TargetProfile> profiles = new ArrayList<>();
    ProfileLoader loader = ProfileLoader.withOverrides(Map.of());
    for (Path p : lab.writeProfiles(dir.resolve("profiles"), 2)) {
      profiles.add(loader.load(p));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      result =
          new ScanRunner(ps)
              .run(
                  profiles,
                  new ScanRunner.Options(
                      dir.resolve("run"), FeatureSet.builtin(), true, Duration.ofSeconds(30)));
    } finally {
      Connections.listen(null);
    }
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
  }

  @AfterAll
  static void stop() {
    lab.close();
  }

  @Test
  void noHostileServerIsCertified() {
    assertEquals(lab.servers().size(), result.targets().size());
    for (TargetOutcome t : result.targets()) {
      assertTrue(
          t.verdict() != Verdict.CERTIFIED, t.profile().name() + " was certified: " + console);
    }
  }

  @Test
  void nothingOutsideTheScopeWasContacted() {
    assertEquals(Set.of("127.0.0.1"), contacted, "contacted " + contacted);
  }

  @Test
  void noRawCanaryInAnyOutputOrTheConsole() throws Exception {
    CanaryScanner canaries =
        new CanaryScanner(
            HostileServer.PATIENTS,
            List.of("synthetic-perawat-a", "synthetic-perawat-b", "synthetic-perawat-c"));
    List<String> hits = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("run"))) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.endsWith("report.html")), "no report rendered");
    hits.addAll(canaries.findIn("console", console));
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      String name = dir.relativize(f).toString();
      hits.addAll(canaries.findIn(name, text));
      for (String blob : RawValueScanner.decodedBlobs(text)) {
        hits.addAll(canaries.findIn(name + " (base64)", blob));
      }
    }
    assertTrue(hits.isEmpty(), String.join("\n", hits.stream().distinct().toList()));
  }

  @Test
  void everySampleIsOneRecordOfAtMostTwoKilobytes() throws Exception {
    String results = Files.readString(result.results());
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(results);
    List<String> tooLong = new ArrayList<>();
    tree.findValues("samples")
        .forEach(
            list ->
                list.forEach(
                    s -> {
                      if (s.asText().length() > Redactor.MAX_SAMPLE_CHARS) {
                        tooLong.add(s.asText().length() + " characters");
                      }
                    }));
    assertTrue(tooLong.isEmpty(), tooLong.toString());
  }
}
