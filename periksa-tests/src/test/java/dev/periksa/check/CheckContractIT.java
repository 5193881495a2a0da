package dev.periksa.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.check.registry.Checks;
import dev.periksa.probe.Connections;
import dev.periksa.report.ResultModel;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.hostile.Behaviour;
import dev.periksa.testing.hostile.CanaryScanner;
import dev.periksa.testing.hostile.HostileLab;
import dev.periksa.testing.hostile.HostileServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every check keeps, proven over {@link Checks#all()} against every behaviour of the
 * hostile lab (as ZAP's shared rule tests prove theirs over every scan rule). A new check that
 * breaks it turns the build red.
 *
 * <ul>
 *   <li>No endpoint: NOT_APPLICABLE. A closed port: INCONCLUSIVE (or not applicable where the check
 *       has nothing of that kind to judge).
 *   <li>Each hostile behaviour: INCONCLUSIVE or a justified FAIL, never PASS (a refusal look-alike
 *       may PASS: refusing everything is what a secure product does), within the check's deadline
 *       plus a small margin. Look-alikes never FAIL.
 *   <li>No raw canary (name, address, NIK, phone, password, token) in what the check outputs: its
 *       result as results.json writes it, and its progress line.
 *   <li>No connection outside the scope; nothing left open afterwards (threads and descriptors
 *       counted).
 * </ul>
 *
 * <p>A FAIL is justified when what it reports was really seen: personal data served to a stranger
 * (the two personal-data behaviours), plain HTTP answered without a redirect (TLS-3, AUT-5), an
 * untrusted certificate presented (TLS-2 on the TLS server), or the absence of a security contact
 * (GOV-1, advisory). A PASS is allowed where it is what a secure system earns: a refusal look-alike
 * refuses everything; STO-4 proves file by file that a catch-all serves none of them; TLS-1 judges
 * a sound TLS layer under a server that then talks nonsense.
 */
class CheckContractIT {
  private static final String HOST = "127.0.0.1";
  private static final int TIMEOUT_SECONDS = 2;
  private static final Duration DEADLINE = Duration.ofSeconds(25);
  private static final Duration MARGIN = Duration.ofSeconds(4);
  private static final List<String> PASSWORDS =
      List.of("synthetic-perawat-a", "synthetic-perawat-b", "synthetic-perawat-c");

  private static HostileLab lab;
  private static final Map<String, Set<Integer>> contacted = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    Connections.listen(
        (h, p) -> contacted.computeIfAbsent(h, k -> ConcurrentHashMap.newKeySet()).add(p));
    lab = new HostileLab(HOST, Duration.ofMillis(500));
  }

  @AfterAll
  static void stop() {
    Connections.listen(null);
    if (lab != null) {
      lab.close();
    }
  }

  private static TargetProfile profile(Path dir, HostileServer s) throws Exception {
    Path f = dir.resolve(s.behaviour().name() + ".yaml");
    Files.writeString(f, HostileLab.profileYaml(s, TIMEOUT_SECONDS), StandardCharsets.UTF_8);
    return ProfileLoader.withOverrides(Map.of()).load(f);
  }

  /** One check against one server. */
  private record Run(Check check, Behaviour behaviour, CheckResult result, Duration took) {
    String key() {
      return check.metadata().id() + " × " + behaviour;
    }
  }

  private static Run run(Check check, Behaviour b, TargetProfile p) {
    long t0 = System.nanoTime();
    CheckResult r;
    try (RunResources resources = new RunResources()) {
      r = new CheckRunner(DEADLINE).run(check, TargetContext.of(p).withResources(resources));
    }
    return new Run(check, b, r, Duration.ofNanos(System.nanoTime() - t0));
  }

  @Test
  void everyCheckKeepsTheContractOnEveryHostileServer(@TempDir Path dir) throws Exception {
    Map<Behaviour, TargetProfile> profiles = new EnumMap<>(Behaviour.class);
    for (HostileServer s : lab.servers()) {
      profiles.put(s.behaviour(), profile(dir, s));
    }
    int threadsBefore = Thread.activeCount();
    long fdsBefore = openDescriptors();
    List<Future<Run>> futures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    for (Behaviour b : Behaviour.values()) {
      for (Check c : Checks.all()) {
        futures.add(pool.submit(() -> run(c, b, profiles.get(b))));
      }
    }
    List<Run> runs = new ArrayList<>();
    for (Future<Run> f : futures) {
      runs.add(f.get(10, TimeUnit.MINUTES));
    }
    pool.shutdown();
    assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));

    List<String> broken = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> matrix = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    CanaryScanner canaries = new CanaryScanner(HostileServer.PATIENTS, PASSWORDS);
    for (Run run : runs) {
      Outcome o = run.result().outcome();
      matrix.merge(
          run.check().metadata().id(),
          String.format(
              "%-24s %-14s %5.1f s  %s%n",
              run.behaviour(), o, run.took().toMillis() / 1000.0, cut(run.result().reason())),
          String::concat);
      if (run.took().compareTo(DEADLINE.plus(MARGIN)) > 0) {
        broken.add(run.key() + " took " + run.took().toSeconds() + " s");
      }
      if (o == Outcome.PASS && !mayPass(run)) {
        broken.add(run.key() + " PASSED: " + run.result().reason());
      }
      if (o == Outcome.FAIL && !justified(run)) {
        broken.add(run.key() + " FAILED without justification: " + titles(run.result()));
      }
      String out =
          json.writeValueAsString(ResultModel.check(run.result())) + "\n" + run.result().reason();
      broken.addAll(canaries.findIn(run.key(), out));
      for (String blob : RawValueScanner.decodedBlobs(out)) {
        broken.addAll(canaries.findIn(run.key() + " (base64)", blob));
      }
    }
    matrix.forEach((id, rows) -> System.out.println("== " + id + "\n" + rows));

    // Nothing outside the scope was contacted: only the lab's address.
    assertEquals(Set.of(HOST), contacted.keySet(), "connections outside the scope: " + contacted);

    // Nothing left open: the checks' threads are gone and no socket of theirs remains.
    Thread.sleep(1000);
    long stray =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("check-") && t.isAlive())
            .count();
    if (stray > 0) {
      broken.add(stray + " check threads still alive after the run");
    }
    lab.close();
    lab = new HostileLab(HOST, Duration.ofMillis(500));
    Thread.sleep(500);
    long fdsAfter = openDescriptors();
    System.out.printf(
        "threads %d -> %d, descriptors %d -> %d%n",
        threadsBefore, Thread.activeCount(), fdsBefore, fdsAfter);
    if (fdsAfter > fdsBefore + 40) {
      broken.add("descriptors grew from " + fdsBefore + " to " + fdsAfter + " (sockets left open)");
    }
    assertTrue(broken.isEmpty(), String.join("\n", broken));
  }

  @Test
  void noEndpointIsNotApplicableAndAClosedPortIsInconclusive(@TempDir Path dir) throws Exception {
    Path empty = dir.resolve("empty.yaml");
    Files.writeString(
        empty,
        "name: nothing declared\nscope: {hosts: [\""
            + HOST
            + "\"]}\nendpoints: []\n"
            + "discovery: {ports: [9]}\n");
    java.net.ServerSocket closed =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(HOST));
    int port = closed.getLocalPort();
    closed.close();
    Path shut = dir.resolve("closed.yaml");
    Files.writeString(
        shut,
        HostileLab.profileYaml(lab.server(Behaviour.SILENCE), TIMEOUT_SECONDS)
                .replace(":" + lab.server(Behaviour.SILENCE).port(), ":" + port)
            + "dast: {zap: managed, budget: 30s}\n");
    TargetProfile none = ProfileLoader.withOverrides(Map.of()).load(empty);
    TargetProfile closedPort = ProfileLoader.withOverrides(Map.of()).load(shut);
    List<String> broken = new ArrayList<>();
    for (Check c : Checks.all()) {
      Run n = run(c, null, none);
      if (n.result().outcome() != Outcome.NOT_APPLICABLE
          && !(n.result().outcome() == Outcome.INCONCLUSIVE
              && c.metadata().id().startsWith("GOV-1"))) {
        broken.add(
            c.metadata().id()
                + " with no endpoint: "
                + n.result().outcome()
                + " "
                + n.result().reason());
      }
      if (c.metadata().id().startsWith("DAST-1")) {
        continue; // Starting ZAP is DastFailureModesIT's business.
      }
      Run x = run(c, null, closedPort);
      Outcome o = x.result().outcome();
      boolean ok =
          o == Outcome.INCONCLUSIVE
              || (o == Outcome.NOT_APPLICABLE && c.metadata().id().startsWith("TLS-"))
              || (o == Outcome.NOT_APPLICABLE && c.metadata().id().startsWith("AUT-2"))
              || (o == Outcome.NOT_APPLICABLE && c.metadata().id().startsWith("AUT-4"))
              || (o == Outcome.NOT_APPLICABLE && c.metadata().id().startsWith("AUT-3"))
              // Probes nothing: the process is asked only in a run that certifies it.
              || (o == Outcome.NOT_APPLICABLE && c.metadata().id().equals("GOV-1.breach-process"));
      if (!ok) {
        broken.add(c.metadata().id() + " on a closed port: " + o + " " + x.result().reason());
      }
    }
    assertTrue(broken.isEmpty(), String.join("\n", broken));
  }

  /** A refusal look-alike may pass: refusing everything is what a secure product does. */
  private static boolean mayPass(Run run) {
    Behaviour b = run.behaviour();
    String id = run.check().metadata().id();
    if (b == Behaviour.UNAUTHORIZED_LOOKALIKE || b == Behaviour.FORBIDDEN_LOOKALIKE) {
      return true;
    }
    // STO-4 judges each file by its shape against an invented path: a server that answers every
    // path with the same complete page provably serves none of them (single-page apps do this).
    if (b == Behaviour.CATCH_ALL_BANNER && id.equals("STO-4.web-server")) {
      return true;
    }
    // The TLS layer of this server is sound; only what it says over TLS is not.
    return b == Behaviour.TLS_THEN_BINARY && id.startsWith("TLS-1");
  }

  private static boolean justified(Run run) {
    Behaviour b = run.behaviour();
    String id = run.check().metadata().id();
    if (id.startsWith("GOV-1")) {
      return true; // advisory: no security contact is published on any of these servers
    }
    if (id.startsWith("TLS-2") && b == Behaviour.TLS_THEN_BINARY) {
      return true; // it presents a certificate no one trusts
    }
    if (Behaviour.LOOK_ALIKES.contains(b) && !id.startsWith("TLS-3") && !id.startsWith("AUT-5")) {
      return false;
    }
    if (id.startsWith("TLS-3") || id.startsWith("AUT-5")) {
      // Plain HTTP answered with a status line and headers: what these judge was seen.
      return !b.tls()
          && b != Behaviour.TRICKLE
          && b != Behaviour.SILENCE
          && b != Behaviour.TCP_RESET;
    }
    return Behaviour.PERSONAL_DATA.contains(b);
  }

  private static String titles(CheckResult r) {
    return r.findings().stream().map(Finding::title).toList().toString();
  }

  private static String cut(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  private static long openDescriptors() {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    } catch (java.io.IOException e) {
      return -1;
    }
  }
}
