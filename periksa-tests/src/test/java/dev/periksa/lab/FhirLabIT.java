package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.storage.FhirExposureCheck;
import dev.periksa.evidence.Severity;
import dev.periksa.testing.Profiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lab's FHIR servers behave like an open and a protected FHIR API. */
class FhirLabIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "test-token-" + System.nanoTime();
  private static FhirServer legacy;
  private static FhirServer hardened;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    LabCertificates certs = new LabCertificates();
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    var patients = IntStream.range(0, FhirLab.PATIENTS).mapToObj(FhirRecords::patient).toList();
    var tests = IntStream.range(0, FhirLab.PATIENTS).mapToObj(FhirRecords::covidTest).toList();
    legacy = new FhirServer("127.0.0.2", null, null, "legacy", patients, tests);
    hardened =
        new FhirServer(
            "127.0.0.3",
            certs.serverContext("fhir.test", "127.0.0.3"),
            TOKEN,
            "hardened",
            patients,
            tests);
    long started = System.nanoTime() - t0;
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("lab-ca", certs.ca());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    client = HttpClient.newBuilder().sslContext(tls).build();
    get(legacy.base() + "/Patient?_summary=count", null); // first request warms HAPI up
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        "[fhir] two HAPI FHIR servers with %d patients each: up in %.1f s, about %d MB of heap%n",
        FhirLab.PATIENTS, started / 1e9, (after - before) / (1024 * 1024));
  }

  @AfterAll
  static void stop() throws Exception {
    if (hardened != null) {
      hardened.close();
    }
    if (legacy != null) {
      legacy.close();
    }
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/fhir+json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void theLegacyServerAnswersAnyone() throws Exception {
    JsonNode cs = json(get(legacy.base() + "/metadata", null));
    assertEquals("CapabilityStatement", cs.path("resourceType").asText());
    List<String> types = cs.findValuesAsText("type");
    assertTrue(types.containsAll(List.of("Patient", "Observation")), types.toString());

    JsonNode count = json(get(legacy.base() + "/Patient?_summary=count", null));
    assertEquals("Bundle", count.path("resourceType").asText());
    assertEquals(FhirLab.PATIENTS, count.path("total").asInt());

    JsonNode two = json(get(legacy.base() + "/Patient?_count=2", null));
    assertEquals(2, two.path("entry").size());
    JsonNode p = two.path("entry").get(0).path("resource");
    assertEquals("Patient", p.path("resourceType").asText());
    assertTrue(p.path("identifier").toString().contains(FhirRecords.NIK_SYSTEM), p.toString());

    JsonNode obs = json(get(legacy.base() + "/Observation?_count=2", null));
    assertEquals(2, obs.path("entry").size());
    assertEquals(
        "Observation", obs.path("entry").get(0).path("resource").path("resourceType").asText());

    JsonNode byId =
        json(
            get(
                legacy.base()
                    + "/Patient?identifier="
                    + FhirRecords.EHAC_SYSTEM
                    + "%7CEHAC-00000001",
                null));
    assertEquals(1, byId.path("total").asInt(), byId.toString());
  }

  @Test
  void theHardenedServerRefusesReadsWithoutItsTokenButPublishesItsCapabilities() throws Exception {
    HttpResponse<String> meta = get(hardened.base() + "/metadata", null);
    assertEquals(200, meta.statusCode());
    assertTrue(meta.body().contains("OAuth"), "the statement names the security service");

    for (String q : List.of("/Patient?_summary=count", "/Observation?_count=2", "/Patient/1")) {
      HttpResponse<String> r = get(hardened.base() + q, null);
      assertEquals(401, r.statusCode(), q);
      assertEquals("OperationOutcome", json(r).path("resourceType").asText(), q);
      assertEquals("login", json(r).path("issue").get(0).path("code").asText(), q);
      assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), q);
      assertEquals(401, get(hardened.base() + q, "wrong").statusCode(), q);
    }
    HttpResponse<String> ok = get(hardened.base() + "/Patient?_summary=count", TOKEN);
    assertEquals(200, ok.statusCode());
    assertEquals(FhirLab.PATIENTS, json(ok).path("total").asInt());
  }

  @Test
  void anOpenServerWithNoPatientsYetStillFailsLow() throws Exception {
    try (FhirServer empty =
        new FhirServer("127.0.0.5", null, null, "empty", List.of(), List.of())) {
      CheckResult r =
          new CheckRunner(Duration.ofSeconds(60))
              .run(
                  new FhirExposureCheck(),
                  TargetContext.of(Profiles.of("empty", "fhir", empty.base())));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.LOW, r.severity());
      assertTrue(r.findings().get(0).title().contains("answers searches without a token"));
    }
  }
}
