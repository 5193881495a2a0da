package dev.periksa.check.storage;

import static dev.periksa.check.storage.MongoDbExposureCheckIT.titled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.support.DefaultCredentials;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.lab.RedisServer;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.LineLookAlike;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STO-3 for Redis against real redis-server processes, a +PONG look-alike and broken targets. */
class RedisExposureCheckIT {
  @TempDir Path dir;

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new RedisExposureCheck(), TargetContext.of(p));
  }

  private static TargetProfile only(URI url) {
    return Profiles.of("redis", "redis", url);
  }

  private static URI asRedis(URI u) {
    return URI.create("redis://" + u.getHost() + ":" + u.getPort());
  }

  private static void noRawValues(CheckResult r, int travellers) throws Exception {
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    for (int i = 0; i < travellers; i++) {
      for (String v : EhacData.sensitiveValues(EhacData.traveller(i))) {
        assertFalse(json.contains(v), "raw value of traveller " + i + " in the evidence");
      }
    }
  }

  @Test
  void theLegacySessionCacheFailsHighWithMaskedSessions() throws Exception {
    URI legacy = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_REDIS"));
    CheckResult r = scan(only(legacy));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    // Sessions name the traveller and carry a NIK or passport, but no test result: identity only.
    assertEquals(Severity.HIGH, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().matches("Redis 7\\.[0-9.]+ answers anyone: 200 keys in 1 database; .*"),
        f.title());
    assertEquals(
        "7",
        String.valueOf(titled(f.evidence(), "server").facts().get("redis_version"))
            .substring(0, 1));
    Evidence keyspace = titled(f.evidence(), "keyspace");
    assertEquals(200L, keyspace.facts().get("keys"));
    List<Evidence> samples =
        f.evidence().stream().filter(e -> e.title().startsWith("sample of key")).toList();
    assertEquals(RedisExposureCheck.MAX_KEYS_SAMPLED, samples.size());
    int identity = 0;
    for (Evidence s : samples) {
      assertEquals("string", s.facts().get("type"));
      assertTrue(String.valueOf(s.facts().get("key")).startsWith("session:"), s.facts().toString());
      assertEquals(1, s.samples().size());
      assertTrue(s.samples().get(0).contains("••••"), s.samples().get(0));
      identity +=
          s.personalData().getOrDefault("NIK", 0) + s.personalData().getOrDefault("PASSPORT", 0);
      assertTrue(s.personalData().getOrDefault("PHONE", 0) >= 1, s.personalData().toString());
    }
    assertEquals(3, identity, "each session names a NIK or a passport");
    noRawValues(r, 200);
  }

  @Test
  void theHardenedSessionCachePassesAndItsIdentityGetsIn() {
    URI hardened = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_HARDENED_REDIS"));
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("requires authentication (NOAUTH)"), r.reason());
    Evidence tried = titled(r.observations(), "well-known passwords");
    assertEquals("none", tried.facts().get("accepted"));
    assertEquals(
        DefaultCredentials.of("redis").size(), ((Number) tried.facts().get("refused")).intValue());
    Evidence confirmed = titled(r.observations(), "with the declared identity");
    assertEquals(true, confirmed.facts().get("authenticated"));
    assertEquals(true, confirmed.facts().get("answered"));
    assertTrue(hardened.getHost().equals("127.0.0.3"));
  }

  @Test
  void aWellKnownPasswordIsAFindingWithThePasswordMasked() throws Exception {
    // The sample redis.conf's password: distinctive, so finding it in the output means a leak.
    DefaultCredentials.Credential known =
        DefaultCredentials.of("redis").stream()
            .filter(c -> c.password().equals("foobared"))
            .findFirst()
            .orElseThrow();
    try (RedisServer redis = RedisServer.start(dir, "127.0.0.5", known.password(), null, null)) {
      Map<String, String> sessions = new LinkedHashMap<>();
      ObjectMapper json = new ObjectMapper();
      for (int i = 0; i < 5; i++) {
        Map<String, Object> t = EhacData.traveller(i);
        sessions.put(
            "session:t" + i,
            json.writeValueAsString(
                Map.of(
                    "nama",
                    t.get("nama"),
                    "no_hp",
                    t.get("no_hp"),
                    "hasil_tes",
                    t.get("hasil_tes"))));
      }
      redis.set(sessions);
      CheckResult r = scan(only(redis.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = r.findings().get(0);
      assertTrue(
          f.title().contains("accepts a well-known password (default/••••••): 5 keys"), f.title());
      assertEquals(Severity.HIGH, r.severity(), "a test result is health data");
      Evidence tried = titled(f.evidence(), "well-known passwords");
      assertEquals("default/••••••", tried.facts().get("accepted"));
      assertEquals(
          DefaultCredentials.of("redis").indexOf(known),
          ((Number) tried.facts().get("refused")).intValue());
      String all = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertFalse(all.contains(known.password()), "the password in the evidence: " + all);
      noRawValues(r, 5);
    }
  }

  @Test
  void aPongToEverythingLookAlikeIsNotAFinding() throws Exception {
    try (LineLookAlike s = new LineLookAlike("127.0.0.5", "+PONG\r\n")) {
      CheckResult r = scan(only(s.url("redis")));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void anHttpServerOnTheRedisPortIsInconclusive() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "+PONG")) {
      CheckResult r = scan(only(asRedis(s.url())));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(only(asRedis(TestServers.nothingListening("127.0.0.6"))));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void aConnectionResetIsInconclusive() throws Exception {
    try (TestServers.Resetting s = new TestServers.Resetting("127.0.0.6")) {
      CheckResult r = scan(only(asRedis(s.url())));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }
}
