package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * STO-4 "Spring Boot Actuator" against the lab's real Spring Boot 3.5.7 applications (legacy: every
 * endpoint exposed over HTTP; hardened: health only, HTTPS), copied-index and copied-dump
 * look-alikes, and an address where nothing listens. The heap dump's proof is checked from the
 * server's side, in Tomcat's own access log.
 */
class SpringActuatorCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new SpringActuatorCheck(), TargetContext.of(p));
  }

  private static Finding finding(CheckResult r, String locationEnd) {
    return r.findings().stream()
        .filter(f -> f.location().endsWith(locationEnd))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no finding at " + locationEnd + ": " + r.findings()));
  }

  private static Evidence evidence(Finding f, String titleStart) {
    return f.evidence().stream()
        .filter(e -> e.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theLegacyBackOfficeFailsCriticalOnAHeapDumpProvenWith32Bytes() throws Exception {
    Path log = Path.of(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_ACTUATOR_ACCESS_LOG"));
    long before = Files.exists(log) ? Files.size(log) : 0;
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());

    Finding heap = finding(r, "/actuator/heapdump");
    assertEquals(Severity.CRITICAL, heap.severity());
    Evidence header = evidence(heap, "heap dump header");
    assertEquals(206, header.status());
    assertEquals(SpringActuatorCheck.HEAP_BYTES, header.bytes());
    assertEquals("HPROF JAVA PROFILE 1.0.2", header.facts().get("format"));
    assertEquals(true, header.facts().get("rangeHonoured"));
    long dumpSize = ((Number) header.facts().get("dumpSize")).longValue();
    assertTrue(dumpSize > 1_000_000, "the whole dump is large: " + dumpSize);

    Finding env = finding(r, "/actuator/env");
    assertEquals(Severity.HIGH, env.severity());
    Evidence e = evidence(env, "environment");
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) e.facts().get("credentialNames");
    assertTrue(names.contains("spring.datasource.password"), names.toString());
    assertTrue(names.contains("ehac.jwt.secret"), names.toString());
    assertEquals(0, e.facts().get("valuesInClear"), "Spring Boot 3 masks every value by default");
    assertTrue(e.samples().isEmpty(), "no property value is ever sampled");

    Finding diagnostics = finding(r, "/actuator");
    assertEquals(Severity.MEDIUM, diagnostics.severity());
    assertTrue(diagnostics.title().contains("threaddump"), diagnostics.title());

    // The legacy portal (a Jetty file server) is no actuator: that part of the scan passes.
    assertTrue(r.reason().contains("portal: no actuator endpoint answers"), r.reason());

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    RawValueScanner raw = new RawValueScanner(1000);
    assertTrue(raw.findIn("result", json).isEmpty());
    assertFalse(json.contains("jdbc:postgresql"), "no property value in the evidence");

    // Tomcat's access log: every heap dump request asked bytes 0-31 and got 32 bytes; the whole
    // dump was never asked for.
    String lines = SpringActuatorCheckIT.newLines(log, before);
    Matcher m =
        Pattern.compile("(?m)^GET (\\S*heapdump) HTTP/1.1 (\\d+) (\\S+) \"([^\"]*)\"$")
            .matcher(lines);
    int dumps = 0;
    while (m.find()) {
      dumps++;
      assertEquals("bytes=0-31", m.group(4), "a heap dump asked without a Range");
      assertEquals("206", m.group(2));
      assertEquals("32", m.group(3), "bytes Tomcat sent");
    }
    assertEquals(1, dumps, "one heap dump request:\n" + lines);
  }

  @Test
  void theHardenedBackOfficePassesWithOnlyHealthPublished() {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason() + " " + r.findings());
    assertTrue(r.reason().contains("backoffice: the actuator publishes only health"), r.reason());
  }

  @Test
  void aCatchAllCopyOfAnActuatorIndexIsALookAlike() throws Exception {
    String index =
        "{\"_links\":{\"self\":{\"href\":\"http://x/actuator\",\"templated\":false},"
            + "\"env\":{\"href\":\"http://x/actuator/env\",\"templated\":false},"
            + "\"heapdump\":{\"href\":\"http://x/actuator/heapdump\",\"templated\":false},"
            + "\"threaddump\":{\"href\":\"http://x/actuator/threaddump\",\"templated\":false}}}";
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, index)) {
      CheckResult r = scan(Profiles.of("catch-all", "web", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void aCatchAllThatAnswersWithHprofBytesIsNoFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll(
            "127.0.0.5", 200, "JAVA PROFILE 1.0.2\u0000\u0000\u0000\u0000\u0008")) {
      CheckResult r = scan(Profiles.of("hprof-everywhere", "web", s.url()));
      assertNotEquals(Outcome.FAIL, r.outcome(), r.findings().toString());
    }
  }

  @Test
  void aHeapDumpThatNeverStartsIsInconclusiveNotAPass() throws Exception {
    // An index that lists the dump, Spring's 404 elsewhere, and a dump that takes longer than the
    // profile's timeout to start (as a large heap does): no verdict, so no PASS.
    com.sun.net.httpserver.HttpServer s =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress("127.0.0.5", 0), 16);
    s.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    String index =
        "{\"_links\":{\"self\":{\"href\":\"http://x/actuator\",\"templated\":false},"
            + "\"heapdump\":{\"href\":\"http://x/actuator/heapdump\",\"templated\":false}}}";
    s.createContext(
        "/",
        ex -> {
          try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/actuator/heapdump")) {
              try {
                Thread.sleep(6_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return;
            }
            boolean isIndex = path.equals("/actuator");
            byte[] body =
                (isIndex
                        ? index
                        : "{\"timestamp\":\"t\",\"status\":404,\"error\":\"Not Found\",\"path\":\""
                            + path
                            + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(isIndex ? 200 : 404, body.length);
            ex.getResponseBody().write(body);
          }
        });
    s.start();
    try {
      java.net.URI url = java.net.URI.create("http://127.0.0.5:" + s.getAddress().getPort());
      CheckResult r = scan(Profiles.of("slow-dump", "web", url));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("/actuator/heapdump"), r.reason());
    } finally {
      s.stop(0);
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(Profiles.of("down", "web", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  static String newLines(Path log, long from) throws Exception {
    byte[] all = Files.readAllBytes(log);
    return new String(
        all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
  }
}
