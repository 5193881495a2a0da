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
import dev.periksa.lab.EhacData;
import dev.periksa.lab.PostgresServer;
import dev.periksa.report.ResultModel;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TcpTestServers;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STO-3 for PostgreSQL against real servers: the lab's trust and SCRAM servers, and look-alikes.
 */
class PostgresExposureCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new PostgresExposureCheck(), TargetContext.of(p));
  }

  private static TargetProfile only(TargetProfile lab, String kind) {
    return lab.only(kind);
  }

  private static Evidence evidence(Finding f, String titleStart) {
    return f.evidence().stream()
        .filter(e -> e.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence '" + titleStart + "' in " + f));
  }

  @Test
  void theLegacyTwinLetsAnyoneInWithoutAPasswordAndFailsCritical() throws Exception {
    CheckResult r = scan(only(SharedLab.profile("ehac-legacy.yaml"), "postgresql"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title()
            .matches("PostgreSQL 1[0-9.]+ lets a stranger in as postgres without a password: .*"),
        f.title());

    Evidence login = evidence(f, "login as postgres (no password)");
    assertEquals("postgres (no password)", login.facts().get("credential"));
    assertEquals(0, login.facts().get("refusedBefore"));

    Evidence inventory = evidence(f, "databases and tables");
    assertTrue(
        ((List<?>) inventory.facts().get("databases")).contains("ehac"), inventory.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tables = (List<Map<String, Object>>) inventory.facts().get("tables");
    assertTrue(
        tables.contains(Map.of("table", "ehac.public.travellers", "rows", 500L)),
        tables.toString());
    assertTrue(
        tables.contains(Map.of("table", "ehac.public.hospitals", "rows", 226L)), tables.toString());

    Evidence sample = evidence(f, "sample of table ehac.public.travellers");
    assertEquals(SqlExposureCheck.ROWS_PER_TABLE, sample.samples().size());
    for (String type : List.of("NIK", "PHONE", "TEST_RESULT", "NAME")) {
      assertTrue(
          sample.personalData().getOrDefault(type, 0) >= 1, type + " in " + sample.personalData());
    }
    assertTrue(evidence(f, "sample of table ehac.public.hospitals").personalData().isEmpty());

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    assertEquals(List.of(), new RawValueScanner(500).findIn("result", json));
    assertFalse(json.contains(EhacData.traveller(0).get("nik").toString()));
  }

  @Test
  void theHardenedTwinRefusesEveryStrangerAndItsIdentityGetsIn() {
    TargetProfile p = only(SharedLab.profile("ehac-hardened.yaml"), "postgresql");
    CheckResult r = scan(p);
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    Evidence refused =
        r.observations().stream()
            .filter(e -> e.title().equals("logins refused"))
            .findFirst()
            .orElseThrow();
    // postgres and the identity's user without a password, then the shipped defaults.
    int expected = 2 + Credential.list(PostgresExposureCheck.DEFAULTS).size();
    assertEquals(expected, refused.facts().get("refused"));
    String attempts = refused.facts().get("attempts").toString();
    assertTrue(attempts.contains("postgres (no password)"), attempts);
    assertTrue(attempts.contains("postgres/••••••"), attempts);
    assertTrue(attempts.contains("28P01"), attempts);
    Evidence confirmed =
        r.observations().stream()
            .filter(e -> e.title().equals("with the declared identity"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, confirmed.facts().get("answered"), confirmed.toString());
  }

  @Test
  void aServerWhosePostgresPasswordIsADefaultFails(@TempDir Path dir) throws Exception {
    try (PostgresServer pg = PostgresServer.start(dir.resolve("pg"), "127.0.0.5")) {
      pg.requirePasswords("changeme");
      CheckResult r = scan(Profiles.of("default-password", "postgresql", pg.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = r.findings().get(0);
      assertTrue(f.title().contains("as postgres with a default password"), f.title());
      assertEquals(Severity.LOW, f.severity(), "nothing personal in an empty server");
      Evidence login = evidence(f, "login as postgres/••••••");
      assertTrue((Integer) login.facts().get("refusedBefore") >= 1, login.toString());
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertFalse(json.contains("changeme"), "the password must not reach the result");
    }
  }

  @Test
  void aServerThatSpeaksAnotherProtocolIsNotAFinding() throws Exception {
    try (TcpTestServers.Babbling s =
        new TcpTestServers.Babbling("127.0.0.5", "220 mail.example ESMTP ready\r\n")) {
      CheckResult r = scan(Profiles.of("babbling", "postgresql", s.url("postgresql")));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aMariaDbServerIsNotMistakenForPostgres() {
    TargetProfile legacy = SharedLab.profile("ehac-legacy.yaml");
    Endpoint maria =
        legacy.endpoints().stream().filter(e -> e.kind().equals("mysql")).findFirst().orElse(null);
    org.junit.jupiter.api.Assertions.assertTrue(maria != null, "MariaDB is not in the lab here");
    URI url = URI.create("postgresql://" + maria.url().getHost() + ":" + maria.url().getPort());
    CheckResult r = scan(Profiles.of("mariadb", "postgresql", url));
    assertNotEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r =
        scan(
            Profiles.of(
                "down", "postgresql", URI.create("postgresql://127.0.0.6:" + down.getPort())));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void aConnectionResetIsInconclusive() throws Exception {
    try (TestServers.Resetting s = new TestServers.Resetting("127.0.0.6")) {
      URI url = URI.create("postgresql://127.0.0.6:" + s.url().getPort());
      CheckResult r = scan(Profiles.of("reset", "postgresql", url));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }
}
