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
import dev.periksa.report.ResultModel;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** STO-3 for MongoDB against real servers: the lab's open and protected twins, and look-alikes. */
class MongoDbExposureCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new MongoDbExposureCheck(), TargetContext.of(p));
  }

  private static TargetProfile only(URI url) {
    return Profiles.of("mongodb", "mongodb", url);
  }

  private static URI asMongo(URI u) {
    return URI.create("mongodb://" + u.getHost() + ":" + u.getPort());
  }

  static Evidence titled(List<Evidence> evidence, String prefix) {
    return evidence.stream()
        .filter(e -> e.title().startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence titled " + prefix + " in " + evidence));
  }

  @Test
  void theLegacyTwinFailsCriticalWithNamesCountsAndMaskedSamples() throws Exception {
    URI legacy = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_MONGODB"));
    CheckResult r = scan(only(legacy));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());
    Finding f = r.findings().get(0);
    assertTrue(
        f.title().contains("answers anyone: 1 database, 2 collections, 550 documents"), f.title());

    Evidence hello = titled(f.evidence(), "handshake");
    assertTrue(hello.facts().get("maxWireVersion") instanceof Number, hello.facts().toString());
    Evidence listing = titled(f.evidence(), "database listing");
    assertEquals(1, listing.facts().get("databaseCount"));
    assertTrue(
        listing.facts().get("databases").toString().contains("name=ehac"),
        listing.facts().toString());
    Evidence colls = titled(f.evidence(), "collections");
    assertTrue(
        colls.facts().get("collections").toString().contains("collection=travellers")
            && colls.facts().get("collections").toString().contains("documents=500"),
        colls.facts().toString());

    Evidence sample = titled(f.evidence(), "sample of collection ehac.travellers");
    assertEquals(MongoDbExposureCheck.DOCS_PER_COLLECTION, sample.samples().size());
    for (String type : List.of("NIK", "PHONE", "TEST_RESULT", "NAME")) {
      assertTrue(
          sample.personalData().getOrDefault(type, 0) >= 1, type + " in " + sample.personalData());
    }
    assertTrue(sample.samples().get(0).contains("••••"), sample.samples().get(0));
    assertEquals(64, sample.sha256().length());

    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    for (int i = 0; i < 500; i++) {
      for (String v : EhacData.sensitiveValues(EhacData.traveller(i))) {
        assertFalse(json.contains(v), "raw value of traveller " + i + " in the evidence");
      }
    }
  }

  @Test
  void theHardenedTwinPassesOnErrorThirteen() {
    URI hardened = URI.create(SharedLab.get().variables().get("PERIKSA_LAB_HARDENED_MONGODB"));
    CheckResult r = scan(only(hardened));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("error 13 Unauthorized"), r.reason());
    Evidence listing = titled(r.observations(), "database listing");
    assertEquals(13, listing.status());
    assertEquals("Unauthorized", listing.facts().get("codeName"));
    // The handshake still answered: it is MongoDB refusing, not something else.
    assertTrue(
        titled(r.observations(), "handshake").facts().get("maxWireVersion") instanceof Number);
  }

  @Test
  void bothTwinsInTheirProfiles() {
    assertEquals(Outcome.FAIL, scan(SharedLab.profile("ehac-legacy.yaml")).outcome());
    assertEquals(Outcome.PASS, scan(SharedLab.profile("ehac-hardened.yaml")).outcome());
  }

  @Test
  void anHttpServerOnTheMongoPortIsNotAFinding() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "{\"ok\":1}")) {
      CheckResult r = scan(only(asMongo(s.url())));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertNotEquals(Outcome.FAIL, r.outcome());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(only(asMongo(TestServers.nothingListening("127.0.0.6"))));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void aConnectionResetIsInconclusive() throws Exception {
    try (TestServers.Resetting s = new TestServers.Resetting("127.0.0.6")) {
      CheckResult r = scan(only(asMongo(s.url())));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aHostOutsideTheScopeIsNeverContacted() {
    TargetProfile p =
        new TargetProfile(
            "out of scope",
            "",
            new Scope(List.of("127.0.0.9")),
            10,
            3,
            List.of(
                new Endpoint("mongodb", "mongodb", URI.create("mongodb://127.0.0.5:27017"), null)),
            List.of(),
            List.of(),
            null,
            null);
    CheckResult r = scan(p);
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("outside the target's scope"), r.reason());
  }
}
