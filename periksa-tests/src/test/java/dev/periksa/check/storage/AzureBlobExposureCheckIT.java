package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * STO-2 for Azure Blob Storage. No Azure server (nor Azurite) runs here: a real local HTTP server
 * answers with the replies Microsoft documents, which proves the check's wiring (requests, headers,
 * parsing, two signals, verdicts), not its behaviour against the real service.
 */
class AzureBlobExposureCheckIT {

  private static CheckResult scan(URI url, String... containers) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(
            new AzureBlobExposureCheck(),
            TargetContext.of(
                Profiles.of(
                    "azure",
                    new Endpoint("blobs", "azure-blob", url, null, List.of(containers), null))));
  }

  @Test
  void aPublicContainerFailsAndEveryRequestNamesTheApiVersion() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/mycontainer", Reply.xml(200, DocumentedReplies.AZURE_LIST_MODERN))
            .on("/mycontainer/blob-name", Reply.text(206, "hello from a public blob"))
            .otherwise(Reply.xml(404, DocumentedReplies.AZURE_RESOURCE_NOT_FOUND))) {
      CheckResult r = scan(s.url(), "mycontainer");
      assertTrue(
          s.requests().stream().allMatch(q -> q.startsWith("GET ")), "reads only: " + s.requests());
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.LOW, r.severity());
      assertTrue(
          r.findings()
              .get(0)
              .title()
              .startsWith("Azure Blob Storage lets anyone list container mycontainer (1 object,"),
          r.findings().get(0).title());
      assertTrue(
          s.requests().contains("GET /mycontainer?restype=container&comp=list&maxresults=200"),
          s.requests().toString());
      for (Map<String, String> h : s.requestHeaders()) {
        assertEquals("2020-10-02", h.get("x-ms-version"));
      }
      int i = s.requests().indexOf("GET /mycontainer/blob-name");
      assertEquals("bytes=0-4095", s.requestHeaders().get(i).get("range"));
    }
  }

  @Test
  void anAzuriteStyleEndpointWithAnAccountPathAndTheOldFormat() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/devstoreaccount1/mycontainer", Reply.xml(200, DocumentedReplies.AZURE_LIST_OLD))
            .on(
                "/devstoreaccount1/mycontainer/blob1.txt",
                new Reply(206, "text/csv", Travellers.csv(0, 40)))
            .otherwise(Reply.xml(404, DocumentedReplies.AZURE_RESOURCE_NOT_FOUND))) {
      CheckResult r = scan(URI.create(s.url() + "/devstoreaccount1"), "mycontainer");
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.CRITICAL, r.severity(), "the blob holds NIK and test results");
      String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
      assertTrue(new RawValueScanner(40).findIn("result", json).isEmpty());
    }
  }

  @Test
  void anAccountThatForbidsAnonymousAccessPasses() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .otherwise(Reply.xml(409, DocumentedReplies.AZURE_PUBLIC_ACCESS_NOT_PERMITTED))) {
      CheckResult r = scan(s.url(), "mycontainer");
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("(409 PublicAccessNotPermitted)"), r.reason());
    }
  }

  @Test
  void aPrivateContainerPasses() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .otherwise(Reply.xml(404, DocumentedReplies.AZURE_RESOURCE_NOT_FOUND))) {
      CheckResult r = scan(s.url(), "mycontainer");
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  @Test
  void aCatchAllServingTheDocumentedListEverywhereIsALookAlike() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, DocumentedReplies.AZURE_LIST_MODERN)) {
      CheckResult r = scan(s.url(), "mycontainer");
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("look-alike"), r.reason());
    }
  }

  @Test
  void theDocumentationsOwnMalformedSampleIsInconclusive() throws Exception {
    try (ScriptedServer s =
        new ScriptedServer("127.0.0.5")
            .on("/mycontainer", Reply.xml(200, DocumentedReplies.AZURE_LIST_MALFORMED))
            .otherwise(Reply.xml(404, DocumentedReplies.AZURE_RESOURCE_NOT_FOUND))) {
      CheckResult r = scan(s.url(), "mycontainer");
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }

  @Test
  void aTargetThatIsDownIsInconclusive() throws Exception {
    CheckResult r = scan(TestServers.nothingListening("127.0.0.6"), "mycontainer");
    assertEquals(Outcome.INCONCLUSIVE, r.outcome());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
