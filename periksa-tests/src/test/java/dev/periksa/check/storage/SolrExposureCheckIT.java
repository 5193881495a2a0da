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
import dev.periksa.lab.EhacData;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STO-1 for Solr against real servers: the lab's open and protected Solr 9.10.1 nodes, and hostile
 * look-alikes.
 */
class SolrExposureCheckIT {

  /** Solr's system information as a look-alike would copy it from a real node. */
  static final String SYSTEM_INFO =
      "{\"responseHeader\":{\"status\":0,\"QTime\":23},\"mode\":\"std\","
          + "\"solr_home\":\"/var/solr/data\",\"lucene\":{\"solr-spec-version\":\"9.10.1\","
          + "\"solr-impl-version\":\"9.10.1\",\"lucene-spec-version\":\"9.12.3\","
          + "\"lucene-impl-version\":\"9.12.3\"},\"jvm\":{\"version\":\"17\"}}";

  @BeforeAll
  static void solrIsInTheLab() {
    assertFalse(
        SharedLab.get().unavailable().keySet().stream().anyMatch(n -> n.contains("Solr")),
        "the lab's Solr did not start: " + SharedLab.get().unavailable());
  }

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new SolrExposureCheck(), TargetContext.of(p));
  }

  @Test
  void theLegacySolrFailsCriticalWithCoreNamesCountsAndMaskedSamples() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().startsWith("Apache Solr 9.10.1 answers anyone: 2 cores, 726 documents"),
        f.title());
    assertTrue(f.location().endsWith("/solr"), f.location());

    Evidence info =
        f.evidence().stream()
            .filter(e -> e.title().startsWith("system information"))
            .findFirst()
            .orElseThrow();
    assertEquals("9.12.3", info.facts().get("lucene"));

    Evidence cores =
        f.evidence().stream()
            .filter(e -> e.title().startsWith("core listing"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, cores.facts().get("coreCount"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> named = (List<Map<String, Object>>) cores.facts().get("cores");
    assertTrue(
        named.stream()
            .anyMatch(
                c -> c.get("core").equals("ehac_travellers") && c.get("documents").equals(500L)),
        named.toString());

    // Severity follows the data: the travellers' sample is identity plus health data, the
    // hospitals' sample holds nothing personal.
    Evidence travellers =
        f.evidence().stream()
            .filter(e -> e.title().equals("sample of core ehac_travellers"))
            .findFirst()
            .orElseThrow();
    assertEquals(SolrExposureCheck.DOCS_PER_CORE, travellers.facts().get("sampled"));
    assertEquals(SolrExposureCheck.DOCS_PER_CORE, travellers.samples().size());
    for (String type : List.of("NIK", "PHONE", "TEST_RESULT", "NAME")) {
      assertTrue(
          travellers.personalData().getOrDefault(type, 0) >= 1,
          type + " in " + travellers.personalData());
    }
    Evidence hospitals =
        f.evidence().stream()
            .filter(e -> e.title().equals("sample of core ehac_hospitals"))
            .findFirst()
            .orElseThrow();
    assertTrue(hospitals.personalData().isEmpty(), "hospitals hold nothing personal");

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    for (int i = 0; i < 50; i++) {
      for (String v : EhacData.sensitiveValues(EhacData.traveller(i))) {
        assertFalse(json.contains(v), "raw value of traveller " + i + " in the evidence");
      }
    }
    assertFalse(json.contains("solr_home"), "only facts and a hash of the system information");
  }

  @Test
  void theHardenedSolrPassesAndItsIdentityGetsIn() {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    Evidence info =
        r.observations().stream()
            .filter(e -> e.title().startsWith("system information"))
            .findFirst()
            .orElseThrow();
    assertEquals(401, info.status());
    assertEquals("Basic realm=\"solr\"", info.facts().get("challenge"));
    Evidence confirmed =
        r.observations().stream()
            .filter(e -> e.title().equals("with the declared identity"))
            .findFirst()
            .orElseThrow();
    assertEquals(200, confirmed.status());
    assertEquals(true, confirmed.facts().get("answered"));
    assertEquals("9.10.1", confirmed.facts().get("version"));
  }

  @Test
  void aCatchAllPageWithCopiedSystemInformationIsNotAFinding() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, SYSTEM_INFO)) {
      CheckResult r = scan(Profiles.of("look-alike", "solr", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void systemInformationWithoutACoreListingIsNotAnExposure() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/solr/admin/info/system", new TestServers.Reply(200, SYSTEM_INFO)),
            new TestServers.Reply(404, "not found"))) {
      CheckResult r = scan(Profiles.of("info-only", "solr", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(Profiles.of("down", "solr", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void aConnectionResetIsInconclusive() throws Exception {
    try (TestServers.Resetting s = new TestServers.Resetting("127.0.0.6")) {
      CheckResult r = scan(Profiles.of("reset", "solr", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void malformedJsonIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of(
                "/solr/admin/info/system",
                new TestServers.Reply(200, "{\"lucene\": {\"solr-spec-version\": "),
                "/solr/admin/cores",
                new TestServers.Reply(200, "{\"status\": {\"x\": ")),
            new TestServers.Reply(404, "not found"))) {
      CheckResult r = scan(Profiles.of("malformed", "solr", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aSearchClusterIsNotTakenForSolr() {
    CheckResult r = scan(Profiles.of("opensearch", "solr", SharedLab.get().legacySearchUrl()));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
  }
}
