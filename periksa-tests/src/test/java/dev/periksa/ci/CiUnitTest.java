package dev.periksa.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.periksa.evidence.Severity;
import dev.periksa.regulation.Catalogue;
import dev.periksa.run.FeatureSet;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Selection, severity parsing, SARIF locations and the example pipelines, without a scan. */
class CiUnitTest {
  final Catalogue catalogue = Catalogue.standard();

  @Test
  void aRegulationSelectsTheScenariosTaggedWithItsClauses() {
    Selection s = Selection.of(List.of("gdpr"), null, catalogue);
    Expression e = TagExpressionParser.parse(s.expression());
    // STO-4 serves gdpr:32; TLS-2 serves only NIST.
    assertTrue(e.evaluate(List.of("@STO-4", "@owasp-api:API8:2023", "@gdpr:32")));
    assertTrue(!e.evaluate(List.of("@TLS-2", "@nist:800-52r2")));
    // Clause ids with parentheses are escaped, and still match the feature's tag.
    Selection hipaa = Selection.of(List.of("HIPAA"), null, catalogue);
    assertTrue(
        TagExpressionParser.parse(hipaa.expression())
            .evaluate(List.of("@hipaa:164.312(e)(2)(ii)")));
  }

  @Test
  void regulationsAreAUnionAndTagsNarrowThem() {
    Selection s = Selection.of(List.of("hipaa", "uu-pdp"), "@TLS-3 or @GOV-1", catalogue);
    Expression e = TagExpressionParser.parse(s.expression());
    assertTrue(e.evaluate(List.of("@TLS-3", "@hipaa:164.312(e)(1)", "@asvs:9.1.1")));
    assertTrue(e.evaluate(List.of("@GOV-1", "@uu-pdp:46", "@gdpr:33")));
    assertTrue(!e.evaluate(List.of("@STO-1", "@hipaa:164.312(a)(1)")), "tags narrow");
    assertEquals(List.of("hipaa", "uu-pdp"), s.regulations());
  }

  @Test
  void everyRegulationTheOptionNamesIsInTheCatalogue() {
    for (String r : Selection.REGULATIONS) {
      assertTrue(catalogue.regulations().containsKey(r), r);
      Selection.of(List.of(r), null, catalogue);
    }
  }

  @Test
  void badSelectionsAreRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> Selection.of(List.of("sox"), null, catalogue));
    assertThrows(
        IllegalArgumentException.class, () -> Selection.of(List.of("asvs"), null, catalogue));
    assertThrows(IllegalArgumentException.class, () -> Selection.of(null, "@STO-1 and", catalogue));
    assertNull(Selection.of(null, " ", catalogue).expression());
  }

  @Test
  void aSelectionKnowsWhetherItPicksAnyBuiltInScenario() throws Exception {
    List<String> texts = FeatureSet.builtin().texts();
    assertTrue(Selection.of(null, "@STO-1", catalogue).selectsAny(texts));
    assertTrue(Selection.of(List.of("permenkes"), null, catalogue).selectsAny(texts));
    assertTrue(!Selection.of(null, "@NO-SUCH-1", catalogue).selectsAny(texts));
    assertTrue(!Selection.of(List.of("hipaa"), "@TLS-2", catalogue).selectsAny(texts));
  }

  @Test
  void aSelectionNamesTheTagsOfTheScenariosItPicks() throws Exception {
    List<String> texts = FeatureSet.builtin().texts();
    var all = Selection.ALL.pickedTags(texts);
    assertTrue(
        all.contains("@DAST-1") && all.contains("@AUT-4") && all.contains("@STO-1"), "" + all);
    var tls = Selection.of(null, "@TLS-1 or @TLS-2", catalogue).pickedTags(texts);
    assertTrue(tls.contains("@TLS-1") && tls.contains("@TLS-2"), "" + tls);
    assertTrue(!tls.contains("@DAST-1") && !tls.contains("@STO-1"), "" + tls);
    assertTrue(Selection.of(null, "@NO-SUCH-1", catalogue).pickedTags(texts).isEmpty());
  }

  @Test
  void failOnTakesTheFourSeveritiesInAnyCase() {
    assertEquals(Severity.HIGH, CiOptions.parseSeverity("high"));
    assertEquals(Severity.CRITICAL, CiOptions.parseSeverity("CRITICAL"));
    assertThrows(IllegalArgumentException.class, () -> CiOptions.parseSeverity("INFO"));
    assertThrows(IllegalArgumentException.class, () -> CiOptions.parseSeverity("severe"));
    assertThrows(
        IllegalArgumentException.class, () -> new CiOptions(null, true, null, Selection.ALL));
  }

  @Test
  void sarifLocationsAreUrisWithoutCredentials() {
    assertEquals("http://127.0.0.2:8080/a", SarifReport.uri("http://127.0.0.2:8080/a"));
    assertEquals(
        "http://127.0.0.2:41677/api/v1/search?nik=3174%E2%80%A2%E2%80%A29999",
        SarifReport.uri("http://127.0.0.2:41677/api/v1/search?nik=3174••9999"));
    assertEquals(
        "http://127.0.0.2:1/api/v1/travellers/%7Bid%7D",
        SarifReport.uri("http://127.0.0.2:1/api/v1/travellers/{id}"));
    assertEquals("tcp://127.0.0.2:5432", SarifReport.uri("127.0.0.2:5432"));
    assertEquals("redis://127.0.0.2:6379", SarifReport.uri("redis://user:pw@127.0.0.2:6379"));
  }

  @Test
  void theExamplePipelinesParseAndDoWhatTheReadmeSays() throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode gh = yaml.readTree(Files.readString(Path.of("docs/ci/github-actions.yml")));
    JsonNode steps = gh.at("/jobs/scan/steps");
    String all = steps.toString();
    assertTrue(gh.at("/on/schedule/0/cron").isTextual());
    assertTrue(all.contains("./periksa"), all);
    assertTrue(all.contains("github/codeql-action/upload-sarif"), all);
    assertTrue(all.contains("results.sarif") && all.contains("report.html"), all);
    assertTrue(all.contains("--baseline baseline/results.json --fail-on-new"), all);
    assertTrue(all.contains("actions/cache/restore") && all.contains("actions/cache/save"), all);
    assertEquals("write", gh.at("/permissions/security-events").asText());

    JsonNode gl = yaml.readTree(Files.readString(Path.of("docs/ci/gitlab-ci.yml")));
    JsonNode job = gl.path("periksa-nightly");
    assertEquals("periksa-run/junit.xml", job.at("/artifacts/reports/junit").asText());
    assertTrue(job.at("/artifacts/paths").toString().contains("report.html"));
    assertTrue(job.path("script").toString().contains("./periksa"));
    assertTrue(job.path("script").toString().contains("--baseline baseline/results.json"));
    assertTrue(job.path("cache").toString().contains("baseline/"));
    assertTrue(job.path("rules").toString().contains("schedule"));
  }

  @Test
  void aTagWithoutItsAtSignIsRefusedWithAHint() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Selection.of(List.of(), "STO-1", catalogue));
    assertTrue(e.getMessage().contains("did you mean @STO-1?"), e.getMessage());
    Selection ok =
        Selection.of(
            List.of(), "(@STO-1 or @AUT-2) and not @HIPAA\\ 164.312\\(a\\)\\(1\\)", catalogue);
    assertTrue(ok.expression().contains("@STO-1"), ok.expression());
  }
}
