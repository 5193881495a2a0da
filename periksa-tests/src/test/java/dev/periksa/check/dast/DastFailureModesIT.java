package dev.periksa.check.dast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.check.RunResources;
import dev.periksa.check.TargetContext;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.DastSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Secret;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.TestServers;
import dev.periksa.zap.ManagedZap;
import dev.periksa.zap.ZapDistribution;
import dev.periksa.zap.rules.HealthRulesAddOn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What DAST-1 does when things go wrong, against a real managed ZAP: each gives INCONCLUSIVE with
 * its reason, never PASS, and a look-alike page does not FAIL.
 */
class DastFailureModesIT {
  private static final Consumer<String> PRINT = l -> System.out.println("[zap] " + l);

  /** A small site whose every reply takes a while, so a scan of it lasts. */
  private static HttpServer slowSite(long delayMillis) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
    s.setExecutor(Executors.newFixedThreadPool(4));
    s.createContext(
        "/",
        ex -> {
          try (ex) {
            ex.getRequestBody().readAllBytes();
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            StringBuilder html = new StringBuilder("<html><body><h1>Clinic</h1>");
            for (int i = 1; i <= 4; i++) {
              html.append("<a href=\"/page/")
                  .append(i)
                  .append("?q=a\">page ")
                  .append(i)
                  .append("</a> ");
            }
            html.append("</body></html>");
            byte[] b = html.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
              o.write(b);
            }
          }
        });
    s.start();
    return s;
  }

  private static URI url(HttpServer s) {
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  private static TargetProfile profile(URI base, Duration budget) {
    return Profiles.of("dast test", "web", base)
        .withDast(DastSettings.managed(List.of(base)).withBudget(budget));
  }

  /** One ZAP of this class's own, for the tests that point a profile at a running ZAP. */
  private static ManagedZap own;

  private static synchronized ManagedZap ownZap() throws IOException {
    if (own == null || !own.isAlive()) {
      own =
          ManagedZap.start(
              ZapDistribution.ensure(PRINT), List.of(HealthRulesAddOn::writeTo), PRINT);
    }
    return own;
  }

  @AfterAll
  static void stopOwnZap() {
    if (own != null) {
      own.close();
    }
  }

  private static CheckResult run(TargetProfile p, DastScanCheck.ZapSource source) {
    CheckResult r;
    try (RunResources resources = new RunResources()) {
      r = new DastScanCheck(source, PRINT).run(TargetContext.of(p).withResources(resources));
    }
    System.out.println(r.outcome() + ": " + r.reason());
    r.findings()
        .forEach(
            f -> System.out.println("  " + f.title() + " @ " + f.location() + " " + f.evidence()));
    return r;
  }

  @Test
  void unreachableZapIsInconclusive() throws Exception {
    try (TestServers.Running site = TestServers.catchAll("127.0.0.1", 200, "{\"ok\":true}")) {
      URI nowhere = TestServers.nothingListening("127.0.0.1");
      TargetProfile p =
          profile(site.url(), Duration.ofSeconds(20))
              .withDast(
                  profile(site.url(), Duration.ofSeconds(20))
                      .dast()
                      .withZap(nowhere, new Secret("some-key"), "ZAP_API_KEY"));
      CheckResult r = run(p, DastScanCheck.DEFAULT_SOURCE);
      assertEquals(Outcome.INCONCLUSIVE, r.outcome());
      assertTrue(r.reason().contains("nothing usable answers at " + nowhere), r.reason());
    }
  }

  @Test
  void wrongApiKeyIsInconclusive() throws Exception {
    ManagedZap zap = ownZap();
    try (TestServers.Running site = TestServers.catchAll("127.0.0.1", 200, "{\"ok\":true}")) {
      TargetProfile base = profile(site.url(), Duration.ofSeconds(20));
      TargetProfile p =
          base.withDast(base.dast().withZap(zap.url(), new Secret("not-the-key"), "ZAP_API_KEY"));
      CheckResult r = run(p, DastScanCheck.DEFAULT_SOURCE);
      assertEquals(Outcome.INCONCLUSIVE, r.outcome());
      assertTrue(r.reason().contains("refused the API key"), r.reason());
      assertFalse(r.reason().contains("not-the-key"), "the key must not be quoted");
    }
  }

  @Test
  void ownZapWithTheRightKeyScansAndALookAlikeDoesNotFail() throws Exception {
    ManagedZap zap = ownZap();
    // A health service's words and field names on every path, without anyone's data in them.
    String lookAlike =
        "{\"service\":\"e-HAC health alert card\",\"fields\":[\"nik\",\"nama\",\"paspor\","
            + "\"hasil_tes\"],\"note\":\"records are served to authenticated officers only\"}";
    try (TestServers.Running site = TestServers.catchAll("127.0.0.1", 200, lookAlike)) {
      TargetProfile base = profile(site.url(), Duration.ofSeconds(30));
      TargetProfile p =
          base.withDast(base.dast().withZap(zap.url(), new Secret(zap.apiKey()), "ZAP_API_KEY"));
      CheckResult r = run(p, DastScanCheck.DEFAULT_SOURCE);
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  @Test
  void unreachableBaseIsInconclusive() throws Exception {
    URI nowhere = TestServers.nothingListening("127.0.0.1");
    CheckResult r = run(profile(nowhere, Duration.ofSeconds(20)), DastScanCheck.DEFAULT_SOURCE);
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("ZAP could not fetch " + nowhere), r.reason());
  }

  @Test
  void baseOutsideTheScopeIsNotScanned() throws Exception {
    URI outside = URI.create("http://127.0.0.9:9/");
    TargetProfile p =
        Profiles.of("dast test", new Endpoint("web", "web", URI.create("http://127.0.0.1:9"), null))
            .withDast(DastSettings.managed(List.of(outside)));
    CheckResult r =
        run(
            p,
            (s, progress, resources) -> {
              throw new AssertionError("no ZAP may be asked to scan outside the scope");
            });
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("outside the scope"), r.reason());
  }

  @Test
  void budgetRunningOutIsInconclusive() throws Exception {
    HttpServer site = slowSite(1500);
    try {
      CheckResult r = run(profile(url(site), Duration.ofSeconds(6)), DastScanCheck.DEFAULT_SOURCE);
      assertEquals(Outcome.INCONCLUSIVE, r.outcome());
      assertTrue(
          r.reason().matches(".*time budget of 6 s ran out after \\d+% of the active scan.*"),
          r.reason());
    } finally {
      site.stop(0);
    }
  }

  @Test
  void zapCrashingMidScanIsInconclusive() throws Exception {
    HttpServer site = slowSite(1000);
    // A ZAP of this test's own: it is killed.
    ManagedZap zap =
        ManagedZap.start(ZapDistribution.ensure(PRINT), List.of(HealthRulesAddOn::writeTo), PRINT);
    AtomicBoolean killed = new AtomicBoolean();
    try {
      DastScanCheck.ZapSource source = (s, p, r) -> new DastScanCheck.Connected(zap, zap::isAlive);
      Consumer<String> progress =
          line -> {
            PRINT.accept(line);
            if (line.startsWith("active scan") && killed.compareAndSet(false, true)) {
              ProcessHandle.of(zap.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
          };
      CheckResult r =
          new DastScanCheck(source, progress)
              .run(TargetContext.of(profile(url(site), Duration.ofSeconds(90))));
      System.out.println(r.outcome() + ": " + r.reason());
      assertTrue(killed.get(), "the active scan never started");
      assertEquals(Outcome.INCONCLUSIVE, r.outcome());
      assertTrue(r.reason().contains("stopped answering during the active scan"), r.reason());
    } finally {
      zap.close();
      site.stop(0);
    }
  }

  @Test
  void managedZapDoesNotOutliveTheRun() throws Exception {
    HttpServer site = slowSite(0);
    Path runs = Files.createTempDirectory("periksa-dast-run");
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TargetProfile p = profile(url(site), Duration.ofSeconds(20));
      new ScanRunner(new PrintStream(out, true, StandardCharsets.UTF_8))
          .run(
              List.of(p),
              new ScanRunner.Options(
                  runs.resolve("run"), FeatureSet.builtin(), false, Duration.ofSeconds(120)));
      String console = out.toString(StandardCharsets.UTF_8);
      System.out.println(console);
      assertTrue(console.contains("DAST-1  PASS"), console);
      long pid = ManagedZap.lastStartedPid();
      assertTrue(pid > 0);
      assertFalse(
          ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
          "the managed ZAP outlived the run");
    } finally {
      site.stop(0);
    }
  }
}
