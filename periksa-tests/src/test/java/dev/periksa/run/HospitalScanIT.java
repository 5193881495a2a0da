package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.probe.Connections;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.hospital.HospitalLab;
import dev.periksa.testing.hospital.SimrsData;
import dev.periksa.testing.hostile.CanaryScanner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run over a second system unlike e-HAC: the hospital lab's four profiles (each twin
 * declared, and found by discovery) in one scan. Every planted violation must be found on both
 * vulnerable profiles, the secure twin must be certified both ways with no FAIL, no raw patient
 * value may reach any output or the console, and nothing outside the twins' addresses may be
 * contacted. Prints, per profile, what was found and missed.
 */
class HospitalScanIT {
  private static final Pattern HOST_PORT = Pattern.compile("(127\\.0\\.0\\.[0-9]+):([0-9]+)");

  @TempDir static Path dir;
  static HospitalLab lab;
  static ScanRunner.Result result;
  static String console;
  static final Set<String> contacted = ConcurrentHashMap.newKeySet();
  static Duration labStart;
  static Duration scanTime;

  @BeforeAll
  static void scan() throws Exception {
    long t0 = System.nanoTime();
    lab = new HospitalLab(dir.resolve("lab"));
    labStart = Duration.ofNanos(System.nanoTime() - t0);
    List<TargetProfile> profiles = new ArrayList<>();
    ProfileLoader loader = ProfileLoader.withOverrides(lab.secrets());
    for (Path p : lab.writeProfiles(dir.resolve("profiles"), 5)) {
      profiles.add(loader.load(p));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long t1 = System.nanoTime();
    Connections.listen((h, p) -> contacted.add(h));
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      result =
          new ScanRunner(ps)
              .run(
                  profiles,
                  new ScanRunner.Options(
                      dir.resolve("run"), FeatureSet.builtin(), true, Duration.ofSeconds(120)));
    } finally {
      Connections.listen(null);
    }
    scanTime = Duration.ofNanos(System.nanoTime() - t1);
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    System.out.println(summary());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  /** A FAIL finding: the requirement it was filed under, the check, where and what. */
  record Failed(String requirement, String check, String location, String title) {}

  static List<Failed> failures(TargetOutcome t) {
    List<Failed> out = new ArrayList<>();
    for (RequirementOutcome r : t.requirements()) {
      for (CheckResult c : r.checks()) {
        if (c.outcome() != Outcome.FAIL) {
          continue;
        }
        for (Finding f : c.findings()) {
          out.add(new Failed(r.requirement().id(), c.check().id(), f.location(), f.title()));
        }
      }
    }
    return out;
  }

  /** The ports of a service of the vulnerable twin ("portal" holds "portal" and "portal-http"). */
  static Set<Integer> ports(String service) {
    Set<Integer> ports = new HashSet<>();
    for (Map.Entry<String, URI> e : lab.vulnerable().services().entrySet()) {
      if (e.getKey().equals(service) || e.getKey().startsWith(service + "-")) {
        ports.add(e.getValue().getPort());
      }
    }
    return ports;
  }

  static boolean matches(Failed f, HospitalLab.Planted p) {
    if (!f.requirement().equals(p.requirement())) {
      return false;
    }
    Matcher m = HOST_PORT.matcher(f.location());
    while (m.find()) {
      if (m.group(1).equals(lab.vulnerable().host())
          && ports(p.service()).contains(Integer.parseInt(m.group(2)))) {
        return true;
      }
    }
    return false;
  }

  static List<TargetOutcome> targets(String which) {
    return result.targets().stream()
        .filter(t -> t.profile().name().startsWith("SIMRS " + which + " twin"))
        .toList();
  }

  /** Per profile: each planted violation found or missed, false alarms, doubts; timings. */
  static String summary() {
    StringBuilder b = new StringBuilder("\n=== Hospital lab (SIMRS) scan ===\n");
    b.append("lab start: ")
        .append(labStart.toMillis())
        .append(" ms; scan of 4 profiles: ")
        .append(scanTime.toSeconds())
        .append(" s; console lines: ")
        .append(console.lines().count())
        .append('\n');
    for (TargetOutcome t : result.targets()) {
      boolean vulnerable = t.profile().name().contains("vulnerable");
      List<Failed> fails = failures(t);
      b.append("\n").append(t.profile().name()).append(": ").append(t.verdict()).append('\n');
      if (vulnerable) {
        for (HospitalLab.Planted p : HospitalLab.plantedViolations()) {
          boolean found = fails.stream().anyMatch(f -> matches(f, p));
          b.append(
              String.format(
                  "  %-6s %-9s %-6s %s%n",
                  found ? "found" : "MISSED", p.service(), p.requirement(), p.description()));
        }
      }
      List<Failed> alarms =
          fails.stream()
              .filter(
                  f ->
                      !vulnerable
                          || HospitalLab.plantedViolations().stream().noneMatch(p -> matches(f, p)))
              .toList();
      b.append("  false alarms: ").append(alarms.size()).append('\n');
      for (Failed f : alarms) {
        b.append("    ")
            .append(f.requirement())
            .append(' ')
            .append(f.check())
            .append(" at ")
            .append(f.location())
            .append(": ")
            .append(f.title())
            .append('\n');
      }
      if (!vulnerable) {
        for (RequirementOutcome r : t.requirements()) {
          for (CheckResult c : r.checks()) {
            if (c.outcome() == Outcome.INCONCLUSIVE || c.outcome() == Outcome.FAIL) {
              b.append("  ")
                  .append(c.outcome())
                  .append(' ')
                  .append(r.requirement().id())
                  .append(' ')
                  .append(c.check().id())
                  .append(c.check().advisory() ? " (advisory)" : "")
                  .append(": ")
                  .append(c.reason())
                  .append('\n');
            }
          }
        }
      }
    }
    return b.toString();
  }

  @Test
  void everyPlantedViolationIsFailedOnBothVulnerableProfiles() {
    List<TargetOutcome> vulnerable = targets("vulnerable");
    assertEquals(2, vulnerable.size());
    List<String> missed = new ArrayList<>();
    for (TargetOutcome t : vulnerable) {
      List<Failed> fails = failures(t);
      for (HospitalLab.Planted p : HospitalLab.plantedViolations()) {
        if (fails.stream().noneMatch(f -> matches(f, p))) {
          missed.add(t.profile().name() + ": " + p.requirement() + " on " + p.service());
        }
      }
    }
    assertTrue(missed.isEmpty(), "missed:\n" + String.join("\n", missed));
  }

  @Test
  void noFindingOnTheVulnerableTwinIsAFalseAlarm() {
    List<String> alarms = new ArrayList<>();
    for (TargetOutcome t : targets("vulnerable")) {
      for (Failed f : failures(t)) {
        if (HospitalLab.plantedViolations().stream().noneMatch(p -> matches(f, p))) {
          alarms.add(t.profile().name() + ": " + f);
        }
      }
    }
    assertTrue(alarms.isEmpty(), String.join("\n", alarms));
  }

  @Test
  void theSecureTwinHasNoFailAndIsCertifiedBothWays() {
    List<TargetOutcome> secure = targets("secure");
    assertEquals(2, secure.size());
    List<String> wrong = new ArrayList<>();
    for (TargetOutcome t : secure) {
      for (Failed f : failures(t)) {
        wrong.add(t.profile().name() + ": FAIL " + f);
      }
      if (t.verdict() != Verdict.CERTIFIED) {
        wrong.add(t.profile().name() + ": " + t.verdict());
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void noRawPatientValueInAnyOutputOrTheConsole() throws Exception {
    List<String> numbers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> streets = new ArrayList<>();
    for (SimrsData.Patient p : lab.patients()) {
      numbers.add(p.nik());
      numbers.add(p.phoneDigits());
      names.add(p.nama());
      String[] words = p.nama().split(" ");
      if (words.length == 3) {
        names.add(words[1] + " " + words[2]);
      }
      streets.add(p.street());
    }
    CanaryScanner canaries =
        new CanaryScanner(numbers, names, streets, List.of(), lab.secrets().values());
    List<String> hits = new ArrayList<>(canaries.findIn("console", console));
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir.resolve("run"))) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.endsWith("report.html")), "no report rendered");
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
  void nothingOutsideTheTwinsWasContacted() {
    Set<String> outside = new HashSet<>(contacted);
    outside.removeAll(Set.of(lab.vulnerable().host(), lab.secure().host()));
    assertTrue(outside.isEmpty(), "contacted " + contacted);
    Map<String, Boolean> both = new LinkedHashMap<>();
    both.put(lab.vulnerable().host(), contacted.contains(lab.vulnerable().host()));
    both.put(lab.secure().host(), contacted.contains(lab.secure().host()));
    assertTrue(both.values().stream().allMatch(x -> x), "a twin was not scanned: " + both);
  }
}
