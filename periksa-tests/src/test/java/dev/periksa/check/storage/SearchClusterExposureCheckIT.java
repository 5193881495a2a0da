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
import dev.periksa.probe.HttpProbe;
import dev.periksa.report.ResultModel;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STO-1 against real servers: the lab's open and protected clusters, and hostile look-alikes. */
class SearchClusterExposureCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new SearchClusterExposureCheck(), TargetContext.of(p));
  }

  @Test
  void theLegacyTwinFailsCriticalWithIndexNamesCountsAndMaskedSamples() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().startsWith("OpenSearch 2.19.6 answers anyone: 2 indices, 20,226 documents"),
        f.title());

    Evidence listing =
        f.evidence().stream()
            .filter(e -> e.title().startsWith("index listing"))
            .findFirst()
            .orElseThrow();
    assertEquals(2, listing.facts().get("indexCount"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> indices = (List<Map<String, Object>>) listing.facts().get("indices");
    assertTrue(
        indices.contains(
            Map.of(
                "index",
                EhacData.TRAVELLERS_INDEX,
                "documents",
                20_000L,
                "bytes",
                indices.stream()
                    .filter(i -> i.get("index").equals(EhacData.TRAVELLERS_INDEX))
                    .findFirst()
                    .orElseThrow()
                    .get("bytes"))),
        indices.toString());

    Evidence sample =
        f.evidence().stream()
            .filter(e -> e.title().equals("sample of index " + EhacData.TRAVELLERS_INDEX))
            .findFirst()
            .orElseThrow();
    assertEquals(SearchClusterExposureCheck.DOCS_PER_INDEX, sample.facts().get("sampled"));
    assertEquals(SearchClusterExposureCheck.DOCS_PER_INDEX, sample.samples().size());
    for (String type : List.of("NIK", "PHONE", "TEST_RESULT", "NAME")) {
      assertTrue(
          sample.personalData().getOrDefault(type, 0) >= 1, type + " in " + sample.personalData());
    }
    assertEquals(64, sample.sha256().length());

    Evidence hospitals =
        f.evidence().stream()
            .filter(e -> e.title().equals("sample of index " + EhacData.HOSPITALS_INDEX))
            .findFirst()
            .orElseThrow();
    assertTrue(hospitals.personalData().isEmpty(), "hospitals hold nothing personal");

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    for (int i = 0; i < 50; i++) {
      for (String v : EhacData.sensitiveValues(EhacData.traveller(i))) {
        assertFalse(json.contains(v), "raw value of traveller " + i + " in the evidence");
      }
    }
  }

  @Test
  void theHardenedTwinPassesAndItsIdentityReachesTheCluster() {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    Evidence banner =
        r.observations().stream()
            .filter(e -> e.title().startsWith("banner"))
            .findFirst()
            .orElseThrow();
    assertEquals(401, banner.status());
    assertTrue(String.valueOf(banner.facts().get("challenge")).startsWith("Basic"));
    Evidence confirmed =
        r.observations().stream()
            .filter(e -> e.title().equals("with the declared identity"))
            .findFirst()
            .orElseThrow();
    assertEquals(200, confirmed.status());
    assertEquals(true, confirmed.facts().get("answered"));
    assertEquals("OpenSearch", confirmed.facts().get("product"));
  }

  @Test
  void aCatchAllPageWithACopiedBannerIsNeitherAFindingNorAPass() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, TestServers.OPENSEARCH_BANNER)) {
      CheckResult r = scan(Profiles.search("look-alike", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void aBannerWithoutAnIndexListingIsNotAnExposure() throws Exception {
    // The banner at / but a plain 404 everywhere else: one signal, not two.
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/", new TestServers.Reply(200, TestServers.OPENSEARCH_BANNER)),
            new TestServers.Reply(404, "not found"))) {
      CheckResult r = scan(Profiles.search("banner-only", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aHugeRootPageIsCappedAndInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/", new TestServers.Reply(200, "{\"a\":\"" + "x".repeat(3_000_000) + "\"}")),
            new TestServers.Reply(404, "not found"))) {
      CheckResult r = scan(Profiles.search("huge", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      Evidence root =
          r.observations().stream()
              .filter(e -> e.title().startsWith("banner"))
              .findFirst()
              .orElseThrow();
      assertEquals(HttpProbe.DEFAULT_MAX_BODY_BYTES, root.bytes());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(Profiles.search("down", TestServers.nothingListening("127.0.0.6")));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void aConnectionResetIsInconclusive() throws Exception {
    try (TestServers.Resetting s = new TestServers.Resetting("127.0.0.6")) {
      CheckResult r = scan(Profiles.search("reset", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void malformedJsonIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 500, "{\"version\": {\"number\": ")) {
      CheckResult r = scan(Profiles.search("malformed", s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }
}
