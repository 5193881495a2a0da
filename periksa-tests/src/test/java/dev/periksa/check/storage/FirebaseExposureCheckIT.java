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
import dev.periksa.lab.EhacData;
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
 * STO-2 for Firebase Realtime Database. No Firebase server (nor its emulator) runs here: a real
 * local HTTP server answers with the replies Firebase documents, which proves the check's wiring
 * (requests, parsing, two signals, verdicts), not its behaviour against the real service.
 */
class FirebaseExposureCheckIT {
  private static final String ORDERED = "orderBy=%22%24key%22&limitToFirst=2";

  private static CheckResult scan(URI url, String... paths) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(
            new FirebaseExposureCheck(),
            TargetContext.of(
                Profiles.of(
                    "firebase",
                    new Endpoint("rtdb", "firebase", url, null, List.of(paths), null))));
  }

  @Test
  void theDocumentedDinosaurDatabaseOpenToAllFailsLow() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/.json?shallow=true", Reply.json(200, DocumentedReplies.FIREBASE_SHALLOW_ROOT))
            .on(
                "/dinosaurs.json?shallow=true",
                Reply.json(200, "{\"lambeosaurus\":true,\"stegosaurus\":true}"))
            .on("/dinosaurs.json?" + ORDERED, Reply.json(200, DocumentedReplies.FIREBASE_DINOSAURS))
            .on("/scores.json?shallow=true", Reply.json(200, "{\"lambeosaurus\":21}"))
            .on("/scores.json?" + ORDERED, Reply.json(200, "{\"lambeosaurus\":21}"))
            .otherwise(Reply.json(200, DocumentedReplies.FIREBASE_NULL))) {
      CheckResult r = scan(s.url());
      assertTrue(
          s.requests().stream().allMatch(q -> q.startsWith("GET ")), "reads only: " + s.requests());
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.LOW, r.severity());
      assertEquals(
          "Firebase Realtime Database answers anyone at /: 2 child nodes, records readable;"
              + " nothing personal in what was read",
          r.findings().get(0).title());
      Evidence dinos =
          r.findings().get(0).evidence().stream()
              .filter(e -> e.title().equals("records of /dinosaurs"))
              .findFirst()
              .orElseThrow();
      assertEquals(2, dinos.facts().get("records"));
      assertEquals(2, dinos.facts().get("sampled"));
      assertTrue(s.requests().contains("GET /dinosaurs.json?" + ORDERED), s.requests().toString());
    }
  }

  @Test
  void travellersReadableByAnyoneAreCriticalAndMasked() throws Exception {
    String records = "{\"-Nabc\":" + Travellers.json(0) + ",\"-Nabd\":" + Travellers.json(1) + "}";
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/.json?shallow=true", Reply.json(200, "{\"travellers\":true}"))
            .on("/travellers.json?shallow=true", Reply.json(200, "{\"-Nabc\":true,\"-Nabd\":true}"))
            .on("/travellers.json?" + ORDERED, Reply.json(200, records))
            .otherwise(Reply.json(200, DocumentedReplies.FIREBASE_NULL))) {
      CheckResult r = scan(s.url());
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.CRITICAL, r.severity());
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertTrue(new RawValueScanner(2).findIn("result", json).isEmpty());
      assertFalse(json.contains(EhacData.traveller(0).get("nama").toString()));
    }
  }

  @Test
  void aReadablePathUnderALockedRootFails() throws Exception {
    String records = "{\"-Nabc\":" + Travellers.json(2) + "}";
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on(
                "/.json?shallow=true",
                Reply.json(401, DocumentedReplies.FIREBASE_PERMISSION_DENIED))
            .on("/exports.json?shallow=true", Reply.json(200, "{\"travellers\":true}"))
            .on("/exports/travellers.json?shallow=true", Reply.json(200, "{\"-Nabc\":true}"))
            .on("/exports/travellers.json?" + ORDERED, Reply.json(200, records))
            .otherwise(Reply.json(401, DocumentedReplies.FIREBASE_PERMISSION_DENIED))) {
      CheckResult r = scan(s.url(), "/exports/");
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertTrue(
          r.reason().contains("rtdb: / refuses anonymous reads (401 Permission denied)"),
          r.reason());
      assertTrue(r.reason().contains("rtdb: /exports is readable by anyone"), r.reason());
    }
  }

  @Test
  void lockedRulesPass() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .otherwise(Reply.json(401, DocumentedReplies.FIREBASE_PERMISSION_DENIED))) {
      CheckResult r = scan(s.url());
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  @Test
  void aCatchAllIsALookAlike() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "{\"users\":true}")) {
      CheckResult r = scan(s.url());
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void nullEverywhereProvesNothing() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .otherwise(Reply.json(200, DocumentedReplies.FIREBASE_NULL))) {
      CheckResult r = scan(s.url());
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void malformedJsonIsInconclusive() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/.json?shallow=true", Reply.json(200, "{\"users\": tr"))
            .otherwise(Reply.json(200, DocumentedReplies.FIREBASE_NULL))) {
      CheckResult r = scan(s.url());
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(TestServers.nothingListening("127.0.0.6"));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
