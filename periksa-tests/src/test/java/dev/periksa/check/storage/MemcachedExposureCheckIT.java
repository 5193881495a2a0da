package dev.periksa.check.storage;

import static dev.periksa.check.storage.MongoDbExposureCheckIT.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.lab.MemcachedServer;
import dev.periksa.lab.ServerProcess;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.LineLookAlike;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STO-3 for Memcached against real memcached processes, look-alikes and broken targets. */
class MemcachedExposureCheckIT {
  @TempDir Path dir;

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new MemcachedExposureCheck(), TargetContext.of(p));
  }

  private static TargetProfile only(URI url) {
    return Profiles.of("memcached", "memcached", url);
  }

  private static URI asMemcached(URI u) {
    return URI.create("memcached://" + u.getHost() + ":" + u.getPort());
  }

  @Test
  void theLegacyCacheFailsHighWithMaskedSessions() throws Exception {
    URI legacy = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_MEMCACHED"));
    CheckResult r = scan(only(legacy));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.HIGH, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().matches("Memcached 1\\.[0-9.]+ answers anyone: 50 items cached; sample holds .*"),
        f.title());
    Evidence stats = titled(f.evidence(), "statistics");
    assertEquals("50", stats.facts().get("curr_items"));
    Evidence keys = titled(f.evidence(), "key names");
    assertTrue(((Number) keys.facts().get("keysListed")).intValue() >= 3, keys.facts().toString());
    List<Evidence> samples =
        f.evidence().stream().filter(e -> e.title().startsWith("sample of value")).toList();
    assertEquals(MemcachedExposureCheck.MAX_VALUES_SAMPLED, samples.size());
    for (Evidence s : samples) {
      assertTrue(String.valueOf(s.facts().get("key")).startsWith("session:"), s.facts().toString());
      assertEquals(true, s.facts().get("found"));
      assertTrue(s.samples().get(0).contains("••••"), s.samples().get(0));
      assertTrue(
          s.personalData().getOrDefault("NIK", 0) + s.personalData().getOrDefault("PASSPORT", 0)
              >= 1,
          s.personalData().toString());
    }
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    for (int i = 0; i < 50; i++) {
      for (String v : EhacData.sensitiveValues(EhacData.traveller(i))) {
        assertFalse(json.contains(v), "raw value of traveller " + i + " in the evidence");
      }
    }
  }

  @Test
  void theHardenedCacheRequiresSaslAndItsIdentityGetsIn() {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("requires SASL authentication"), r.reason());
    Evidence binary = titled(r.observations(), "binary protocol");
    assertEquals("PLAIN", binary.facts().get("saslMechanisms"));
    assertEquals("0x20", binary.facts().get("stats status"));
    Evidence confirmed = titled(r.observations(), "with the declared identity");
    assertEquals(true, confirmed.facts().get("authenticated"));
  }

  @Test
  void aFreshCacheIsListedAndSampledToo() throws Exception {
    // Items just written sit in the hot LRU, where stats cachedump may not see them; the check
    // then lists keys with the LRU crawler's metadump.
    try (MemcachedServer m = MemcachedServer.start(dir, "127.0.0.5", null, null)) {
      Map<String, Object> t = EhacData.traveller(0); // a citizen: has a NIK
      m.set(Map.of("profile:0", "{\"nik\":\"" + t.get("nik") + "\",\"hasil_tes\":\"POSITIF\"}"));
      CheckResult r = scan(only(m.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.CRITICAL, r.severity(), "a NIK with a test result");
      Evidence sample = titled(r.findings().get(0).evidence(), "sample of value 1");
      assertEquals("profile:0", sample.facts().get("key"));
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertFalse(json.contains(t.get("nik").toString()));
    }
  }

  @Test
  void anAsciiAuthenticationFileIsAPass() throws Exception {
    // memcached -Y: text protocol with a user:password file, answering CLIENT_ERROR before login.
    Path auth = dir.resolve("auth");
    Files.writeString(auth, "ehac:" + StoreProbing.token() + "\n");
    Path binary = ServerProcess.require("memcached", "memcached");
    try (ServerProcess p =
        ServerProcess.start(
            "memcached-y",
            dir,
            "127.0.0.5",
            port ->
                List.of(
                    binary.toString(),
                    "-l",
                    "127.0.0.5",
                    "-p",
                    String.valueOf(port),
                    "-U",
                    "0",
                    "-u",
                    System.getProperty("user.name"),
                    "-Y",
                    auth.toString()),
            Map.of())) {
      CheckResult r = scan(only(URI.create("memcached://127.0.0.5:" + p.port())));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("CLIENT_ERROR unauthenticated"), r.reason());
    }
  }

  @Test
  void aVersionToEverythingLookAlikeIsNotAFinding() throws Exception {
    try (LineLookAlike s = new LineLookAlike("127.0.0.5", "VERSION 1.6.18\r\n")) {
      CheckResult r = scan(only(s.url("memcached")));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void anHttpServerOnTheMemcachedPortIsInconclusive() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "VERSION 1.6.18")) {
      CheckResult r = scan(only(asMemcached(s.url())));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(only(asMemcached(TestServers.nothingListening("127.0.0.6"))));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void aConnectionResetIsInconclusive() throws Exception {
    try (TestServers.Resetting s = new TestServers.Resetting("127.0.0.6")) {
      CheckResult r = scan(only(asMemcached(s.url())));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }
}
