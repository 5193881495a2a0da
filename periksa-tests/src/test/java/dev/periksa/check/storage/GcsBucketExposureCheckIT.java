package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.report.ResultModel;
import dev.periksa.target.Endpoint;
import dev.periksa.testing.DocumentedReplies;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.ScriptedServer;
import dev.periksa.testing.ScriptedServer.Reply;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * STO-2 for Google Cloud Storage. No Google Cloud Storage server can run here: a real local HTTP
 * server answers with the replies Google documents, which proves the check's wiring (requests,
 * parsing, two signals, verdicts), not its behaviour against the real service.
 */
class GcsBucketExposureCheckIT {

  private static CheckResult scan(URI url, String... buckets) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(
            new GcsBucketExposureCheck(),
            TargetContext.of(
                Profiles.of(
                    "gcs", new Endpoint("bucket", "gcs", url, null, List.of(buckets), null))));
  }

  private static ScriptedServer documented() throws Exception {
    return new ScriptedServer("127.0.0.5")
        .on("/storage/v1/b/travel-maps/o", Reply.json(200, DocumentedReplies.GCS_JSON_LIST))
        .on(
            "/storage/v1/b/travel-maps/o/europe%2Ffrance%2Fcannes.jpg",
            new Reply(206, "image/jpeg", "not really a jpeg"))
        .on(
            "/storage/v1/b/travel-maps/o/europe%2Ffrance%2Fparis.jpg",
            new Reply(206, "image/jpeg", "not really a jpeg either"))
        .otherwise(Reply.json(404, DocumentedReplies.GCS_JSON_404));
  }

  @Test
  void aPublicBucketFailsThroughTheJsonApi() throws Exception {
    try (ScriptedServer s = documented()) {
      CheckResult r = scan(s.url(), "travel-maps");
      assertTrue(
          s.requests().stream().allMatch(q -> q.startsWith("GET ")), "reads only: " + s.requests());
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.LOW, r.severity(), "maps hold nothing personal");
      assertEquals(
          "Google Cloud Storage lets anyone list bucket travel-maps (2 objects, 10,123,262 bytes"
              + " listed) and read its objects; nothing personal in what was read",
          r.findings().get(0).title());
      List<String> asked = s.requests();
      assertTrue(asked.get(0).startsWith("GET /storage/v1/b/periksa-"), asked.toString());
      assertTrue(
          asked.contains("GET /storage/v1/b/travel-maps/o?maxResults=200"), asked.toString());
      assertTrue(
          asked.contains("GET /storage/v1/b/travel-maps/o/europe%2Ffrance%2Fcannes.jpg?alt=media"),
          asked.toString());
      int i =
          asked.indexOf("GET /storage/v1/b/travel-maps/o/europe%2Ffrance%2Fcannes.jpg?alt=media");
      assertEquals("bytes=0-4095", s.requestHeaders().get(i).get("range"));
    }
  }

  @Test
  void personalDataInAPublicBucketIsCritical() throws Exception {
    String list =
        "{\"kind\":\"storage#objects\",\"items\":[{\"kind\":\"storage#object\","
            + "\"name\":\"exports/ehac.csv\",\"bucket\":\"ehac-exports\",\"size\":\"90000\"}]}";
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/storage/v1/b/ehac-exports/o", Reply.json(200, list))
            .on(
                "/storage/v1/b/ehac-exports/o/exports%2Fehac.csv",
                new Reply(200, "text/csv", Travellers.csv(0, 60)))
            .otherwise(Reply.json(404, DocumentedReplies.GCS_JSON_404))) {
      CheckResult r = scan(s.url(), "ehac-exports");
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.CRITICAL, r.severity());
      Evidence object =
          r.findings().get(0).evidence().stream()
              .filter(e -> e.title().startsWith("object "))
              .findFirst()
              .orElseThrow();
      assertEquals(BucketExposure.RANGE_BYTES, object.facts().get("bytesRead"));
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertTrue(new RawValueScanner(60).findIn("result", json).isEmpty());
    }
  }

  @Test
  void theXmlApiIsUsedWhenTheEndpointDoesNotSpeakJson() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/travel-maps", Reply.xml(200, DocumentedReplies.GCS_XML_LIST))
            .on("/travel-maps/europe/france/cannes.jpg", new Reply(206, "image/jpeg", "jpeg"))
            .otherwise(Reply.xml(404, DocumentedReplies.S3_NO_SUCH_BUCKET))) {
      CheckResult r = scan(s.url(), "travel-maps");
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertTrue(s.requests().contains("GET /travel-maps?max-keys=200"), s.requests().toString());
      assertTrue(
          s.requests().contains("GET /travel-maps/europe/france/cannes.jpg"),
          s.requests().toString());
    }
  }

  @Test
  void aBucketThatRefusesAnonymousCallersPasses() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/storage/v1/b/travel-maps/o", Reply.json(401, DocumentedReplies.GCS_JSON_401))
            .otherwise(Reply.json(404, DocumentedReplies.GCS_JSON_404))) {
      CheckResult r = scan(s.url(), "travel-maps");
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("refuses anonymous listing (401 required)"), r.reason());
    }
  }

  @Test
  void aCatchAllServingTheDocumentedListEverywhereIsALookAlike() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, DocumentedReplies.GCS_JSON_LIST)) {
      CheckResult r = scan(s.url(), "travel-maps");
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void aCutListingIsInconclusive() throws Exception {
    String cut = DocumentedReplies.GCS_JSON_LIST.substring(0, 300);
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/storage/v1/b/travel-maps/o", Reply.json(200, cut))
            .otherwise(Reply.json(404, DocumentedReplies.GCS_JSON_404))) {
      CheckResult r = scan(s.url(), "travel-maps");
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertFalse(r.reason().isBlank());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(TestServers.nothingListening("127.0.0.6"), "travel-maps");
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
