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
import dev.periksa.lab.Lab;
import dev.periksa.lab.S3Server;
import dev.periksa.report.ResultModel;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.DocumentedReplies;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.ScriptedServer;
import dev.periksa.testing.ScriptedServer.Reply;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STO-2 for S3 against real servers: the lab's s3proxy twins (anonymous legacy, SigV4-only hardened
 * over HTTPS), dedicated s3proxy servers for the write probe, and hostile look-alikes.
 */
class S3BucketExposureCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new S3BucketExposureCheck(), TargetContext.of(p));
  }

  private static Endpoint s3(URI url, List<String> buckets, String fixture) {
    return new Endpoint("exports", "s3", url, null, buckets, fixture);
  }

  private static Finding finding(CheckResult r, String bucket) {
    return r.findings().stream()
        .filter(f -> f.location().endsWith("/" + bucket))
        .filter(f -> !f.title().startsWith("Anyone can write"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding for " + bucket + ": " + r.findings()));
  }

  private static Evidence evidence(Finding f, String titleStart) {
    return f.evidence().stream()
        .filter(e -> e.title().startsWith(titleStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no evidence '" + titleStart + "' in " + f));
  }

  @Test
  void theLegacyTwinFailsCriticalWithCountsKeysAndMaskedRows() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.CRITICAL, r.severity());

    Finding exports = finding(r, "ehac-exports");
    assertEquals(Severity.CRITICAL, exports.severity());
    assertTrue(
        exports
            .title()
            .startsWith("S3-compatible store lets anyone list bucket ehac-exports (3 objects,"),
        exports.title());
    assertTrue(exports.title().contains("and read its objects"), exports.title());

    Evidence listing = evidence(exports, "bucket listing (ehac-exports)");
    assertEquals(200, listing.status());
    assertEquals(3, listing.facts().get("objects"));
    assertTrue((Long) listing.facts().get("bytes") > 3 * 200 * 80, listing.facts().toString());
    assertEquals(
        List.of(
            "exports/2021-07/ehac-travellers-01.csv",
            "exports/2021-07/ehac-travellers-02.csv",
            "exports/2021-07/ehac-travellers-03.csv"),
        listing.facts().get("keys"));

    List<Evidence> objects =
        exports.evidence().stream().filter(e -> e.title().startsWith("object ")).toList();
    assertEquals(BucketExposure.OBJECTS_SAMPLED, objects.size());
    Evidence first = objects.get(0);
    assertEquals(206, first.status(), "read with a byte range");
    assertEquals(true, first.facts().get("served"));
    assertEquals("csv", first.facts().get("format"));
    assertEquals(BucketExposure.RANGE_BYTES, first.facts().get("bytesRead"));
    assertEquals(BucketExposure.RANGE_BYTES, first.bytes(), "no more than the range was read");
    @SuppressWarnings("unchecked")
    Map<String, Integer> inRange = (Map<String, Integer>) first.facts().get("personalDataInRange");
    int rows = (Integer) first.facts().get("records");
    assertTrue(rows >= 15, "about 20 rows fit in 4 KiB: " + rows);
    for (String t : List.of("NIK", "NAME", "PHONE", "BIRTH_DATE", "ADDRESS", "TEST_RESULT")) {
      assertTrue(inRange.getOrDefault(t, 0) >= rows / 2, t + " in " + inRange);
    }
    assertEquals(BucketExposure.SAMPLES_SHOWN, first.samples().size());
    assertTrue(first.samples().get(0).contains("••••"), first.samples().get(0));

    // The invented bucket's own S3 error is part of the proof.
    Evidence invented = evidence(exports, "invented bucket");
    assertEquals(404, invented.status());
    assertEquals("NoSuchBucket", invented.facts().get("error"));

    // No raw NIK, phone, passport or name of any exported traveller reaches the result.
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    List<String> raw = new RawValueScanner(600).findIn("result", json);
    assertTrue(raw.isEmpty(), raw.toString());
    for (int i = 0; i < 40; i++) {
      assertFalse(
          json.contains(EhacData.traveller(i).get("nama").toString()),
          "name of traveller " + i + " in the result");
    }
  }

  @Test
  void theLegacyTwinListsItsBucketsAndTheUndeclaredOneIsFoundToo() {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml"));
    Finding rujukan = finding(r, "ehac-rujukan");
    assertEquals(Severity.LOW, rujukan.severity(), "hospital referrals hold nothing personal");
    Evidence buckets = evidence(rujukan, "bucket list (GET /)");
    assertEquals(2, buckets.facts().get("buckets"));
    assertEquals(List.of("ehac-exports", "ehac-rujukan"), buckets.facts().get("names"));
  }

  @Test
  void theHardenedTwinPassesThoughTheSameExportsAreThereForItsKey() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.reason().contains("bucket ehac-exports refuses anonymous listing (403 AccessDenied)"),
        r.reason());
    Evidence listing =
        r.observations().stream()
            .filter(e -> e.title().equals("bucket listing (ehac-exports)"))
            .findFirst()
            .orElseThrow();
    assertEquals(403, listing.status());
    assertEquals("AccessDenied", listing.facts().get("error"));

    // The refusal is the store's, not an empty door: signed requests see the three exports.
    Lab lab = SharedLab.get();
    Properties props = new Properties();
    props.setProperty("jclouds.trust-all-certs", "true");
    props.setProperty("jclouds.relax-hostname", "true");
    props.setProperty("jclouds.s3.virtual-host-buckets", "false");
    try (BlobStoreContext c =
        ContextBuilder.newBuilder("s3")
            .endpoint(lab.variables().get(Lab.HARDENED_S3))
            .credentials(
                lab.variables().get(Lab.HARDENED_USER), lab.variables().get(Lab.HARDENED_PASSWORD))
            .overrides(props)
            .build(BlobStoreContext.class)) {
      List<String> keys =
          c.getBlobStore().list("ehac-exports", ListContainerOptions.Builder.recursive()).stream()
              .map(m -> m.getName())
              .sorted()
              .toList();
      assertEquals(3, keys.size(), keys.toString());
    }
  }

  @Test
  void noWriteIsEverTriedWithoutAFixture() throws Exception {
    try (S3Server s = S3Server.anonymous("127.0.0.5")) {
      s.createBucket("ehac-exports", true);
      s.createBucket("periksa-fixture", false);
      s.put(
          "ehac-exports", "a.csv", "nik,nama\n".getBytes(StandardCharsets.UTF_8), "text/csv", true);
      CheckResult r = scan(Profiles.of("anonymous s3", s3(s.url(), List.of("ehac-exports"), null)));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertTrue(r.findings().stream().noneMatch(f -> f.title().startsWith("Anyone can write")));
      assertEquals(List.of(), s.writes(), "the server saw no write at all");
    }
  }

  @Test
  void theFixtureWriteProbeFindsAnonymousWritesAndCleansUp() throws Exception {
    try (S3Server s = S3Server.anonymous("127.0.0.5")) {
      s.createBucket("ehac-exports", false);
      s.createBucket("periksa-fixture", false);
      CheckResult r =
          scan(
              Profiles.of("anonymous s3", s3(s.url(), List.of("ehac-exports"), "periksa-fixture")));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      Finding write =
          r.findings().stream()
              .filter(f -> f.title().startsWith("Anyone can write to S3 bucket periksa-fixture"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(r.findings().toString()));
      assertEquals(Severity.HIGH, write.severity());
      assertEquals(
          "S3-compatible store lets anyone list bucket ehac-exports (0 objects, 0 bytes listed);"
              + " nothing personal in what was read",
          finding(r, "ehac-exports").title(),
          "an empty bucket anyone may list is still a (LOW) finding");
      assertFalse(write.title().contains("could not be deleted"), write.title());

      List<String> writes = s.writes();
      assertEquals(2, writes.size(), writes.toString());
      assertTrue(
          writes.get(0).matches("putBlob periksa-fixture/periksa-write-probe-[0-9a-f]{12}\\.txt"),
          writes.toString());
      assertEquals(writes.get(0).replace("putBlob", "removeBlob"), writes.get(1));
      assertEquals(List.of(), s.keys("periksa-fixture"), "the marker is gone");
      assertEquals(List.of(), s.keys("ehac-exports"), "nothing was written elsewhere");
    }
  }

  @Test
  void aStoreThatRefusesAnonymousWritesPassesTheFixtureProbe() throws Exception {
    try (S3Server s = S3Server.withCredentials("127.0.0.5", "owner", "owner-secret-1", null)) {
      s.createBucket("periksa-fixture", false);
      CheckResult r = scan(Profiles.of("signed s3", s3(s.url(), List.of(), "periksa-fixture")));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("refuses anonymous writes (403 AccessDenied)"), r.reason());
      assertEquals(List.of(), s.writes());
    }
  }

  @Test
  void aCatchAllThatListsEveryPathButServesNothingIsALookAlike() throws Exception {
    String page =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult"
            + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>ehac-exports</Name>"
            + "<Contents><Key>export.csv</Key><Size>1000</Size></Contents></ListBucketResult>";
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, page)) {
      CheckResult r = scan(Profiles.of("look-alike", s3(s.url(), List.of("ehac-exports"), null)));
      assertNotEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void aListingAloneIsOneSignalNotTwo() throws Exception {
    // The bucket's path answers a listing; everything else (objects, invented buckets) a bare 404.
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on(
                "/ehac-exports/",
                Reply.xml(
                    200,
                    "<ListBucketResult><Name>ehac-exports</Name><Contents><Key>a.csv</Key>"
                        + "<Size>10</Size></Contents></ListBucketResult>"))) {
      CheckResult r = scan(Profiles.of("half", s3(s.url(), List.of("ehac-exports"), null)));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("one signal, not two"), r.reason());
    }
  }

  @Test
  void malformedXmlIsInconclusive() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on(
                "/ehac-exports/",
                Reply.xml(200, "<ListBucketResult><Name>ehac-exports</Name><Cont"))
            .otherwise(Reply.xml(404, DocumentedReplies.S3_NO_SUCH_BUCKET))) {
      CheckResult r = scan(Profiles.of("malformed", s3(s.url(), List.of("ehac-exports"), null)));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void anXxeListingNeverReadsALocalFile(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "LOCAL-FILE-CONTENT-7f3a");
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \""
            + secret.toUri()
            + "\">]><ListBucketResult><Name>ehac-exports</Name><Contents><Key>&x;</Key>"
            + "<Size>1</Size></Contents></ListBucketResult>";
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/ehac-exports/", Reply.xml(200, xxe))
            .otherwise(Reply.xml(404, DocumentedReplies.S3_NO_SUCH_BUCKET))) {
      CheckResult r = scan(Profiles.of("xxe", s3(s.url(), List.of("ehac-exports"), null)));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertFalse(json.contains("LOCAL-FILE-CONTENT"), json);
    }
  }

  @Test
  void aMissingBucketIsInconclusive() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .otherwise(Reply.xml(404, DocumentedReplies.S3_NO_SUCH_BUCKET))) {
      CheckResult r = scan(Profiles.of("empty", s3(s.url(), List.of("no-such-bucket"), null)));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("does not exist here (404 NoSuchBucket)"), r.reason());
    }
  }

  @Test
  void aStoreThatAnswersListBucketsToAnyoneFailsLowEvenWhenEmpty() throws Exception {
    try (S3Server s = S3Server.anonymous("127.0.0.5")) {
      CheckResult r = scan(Profiles.of("no buckets", s3(s.url(), List.of(), null)));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.LOW, r.severity());
      assertEquals(
          "S3-compatible store answers anonymous ListBuckets (no buckets yet)",
          r.findings().get(0).title());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r =
        scan(
            Profiles.of(
                "down",
                s3(TestServers.nothingListening("127.0.0.6"), List.of("ehac-exports"), null)));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void noS3EndpointIsNotApplicable() {
    CheckResult r = scan(Profiles.search("search only", URI.create("http://127.0.0.6:9200")));
    assertEquals(Outcome.NOT_APPLICABLE, r.outcome());
  }
}
