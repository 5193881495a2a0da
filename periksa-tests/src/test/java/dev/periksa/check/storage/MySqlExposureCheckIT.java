package dev.periksa.check.storage;

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
import dev.periksa.lab.MariaDbServer;
import dev.periksa.report.ResultModel;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TcpTestServers;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STO-3 for MySQL/MariaDB against real MariaDB servers from the lab, and look-alikes. */
class MySqlExposureCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new MySqlExposureCheck(), TargetContext.of(p));
  }

  /** The lab profile with only its MariaDB endpoint; skips the test where MariaDB is missing. */
  private static TargetProfile mariadbOf(String file) {
    TargetProfile lab = SharedLab.profile(file);
    List<Endpoint> mysql = lab.endpoints().stream().filter(e -> e.kind().equals("mysql")).toList();
    assertTrue(!mysql.isEmpty(), "MariaDB is not installed here: " + lab.skipped());
    return lab.only("mysql");
  }

  private static Evidence evidence(Finding f, String titleStart) {
    return f.evidence().stream()
        .filter(e -> e.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence '" + titleStart + "' in " + f));
  }

  @Test
  void theLegacyTwinLetsRootInWithAnEmptyPasswordAndFailsCritical() throws Exception {
    CheckResult r = scan(mariadbOf("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().matches("MariaDB [0-9.]+ lets a stranger in as root with an empty password: .*"),
        f.title());
    assertEquals("root (empty password)", evidence(f, "login as root").facts().get("credential"));
    Evidence inventory = evidence(f, "databases and tables");
    assertEquals(List.of("ehac"), inventory.facts().get("databases"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tables = (List<Map<String, Object>>) inventory.facts().get("tables");
    assertTrue(
        tables.contains(Map.of("table", "ehac.travellers", "rows", 500L)), tables.toString());
    Evidence sample = evidence(f, "sample of table ehac.travellers");
    assertEquals(SqlExposureCheck.ROWS_PER_TABLE, sample.samples().size());
    for (String type : List.of("NIK", "PHONE", "TEST_RESULT", "NAME")) {
      assertTrue(
          sample.personalData().getOrDefault(type, 0) >= 1, type + " in " + sample.personalData());
    }
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    assertEquals(List.of(), new RawValueScanner(500).findIn("result", json));
  }

  @Test
  void theHardenedTwinRefusesEveryDefaultAndItsIdentityGetsIn() {
    CheckResult r = scan(mariadbOf("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    Evidence refused =
        r.observations().stream()
            .filter(e -> e.title().equals("logins refused"))
            .findFirst()
            .orElseThrow();
    // The shipped list plus the identity's user with an empty password.
    assertEquals(
        Credential.list(MySqlExposureCheck.DEFAULTS).size() + 1, refused.facts().get("refused"));
    String attempts = refused.facts().get("attempts").toString();
    assertTrue(attempts.contains("root (empty password)"), attempts);
    assertTrue(attempts.contains("1045"), attempts);
    Evidence confirmed =
        r.observations().stream()
            .filter(e -> e.title().equals("with the declared identity"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, confirmed.facts().get("answered"), confirmed.toString());
  }

  @Test
  void aServerWhoseRootPasswordIsADefaultFails(@TempDir Path dir) throws Exception {
    assertTrue(Files.isExecutable(Path.of("/usr/sbin/mariadbd")), "MariaDB is not installed here");
    MariaDbServer.install(dir.resolve("data"), dir);
    try (MariaDbServer db =
        MariaDbServer.start(dir.resolve("data"), dir.resolve("run"), "127.0.0.5")) {
      db.requirePasswords("123456");
      CheckResult r = scan(Profiles.of("default-password", "mysql", db.url()));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding f = r.findings().get(0);
      assertTrue(f.title().contains("as root with a default password"), f.title());
      assertEquals(Severity.LOW, f.severity(), "nothing personal in a fresh server");
      assertEquals("root/••••••", evidence(f, "login as root").facts().get("credential"));
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertFalse(json.contains("123456"), "the password must not reach the result");
    }
  }

  @Test
  void aPostgresServerIsNotMistakenForMySql() {
    TargetProfile legacy = SharedLab.profile("ehac-legacy.yaml");
    Endpoint pg =
        legacy.endpoints().stream()
            .filter(e -> e.kind().equals("postgresql"))
            .findFirst()
            .orElse(null);
    assertTrue(pg != null, "PostgreSQL is not in the lab here");
    URI url = URI.create("mysql://" + pg.url().getHost() + ":" + pg.url().getPort());
    CheckResult r = scan(Profiles.of("postgres", "mysql", url));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }

  @Test
  void aServerThatSpeaksAnotherProtocolIsNotAFinding() throws Exception {
    try (TcpTestServers.Babbling s =
        new TcpTestServers.Babbling("127.0.0.5", "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")) {
      CheckResult r = scan(Profiles.of("babbling", "mysql", s.url("mysql")));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    CheckResult r =
        scan(Profiles.of("down", "mysql", URI.create("mysql://127.0.0.6:" + down.getPort())));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }
}
