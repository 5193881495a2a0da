package dev.periksa.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DastSettingsTest {
  private final ProfileLoader loader =
      new ProfileLoader(Map.of("HOST", "127.0.0.2", "ZAP_KEY", "k3y-value")::get);

  private static final String HEAD =
      """
      name: lab
      scope:
        hosts: ["${HOST}"]
      endpoints:
        - {name: api, kind: http, url: "http://${HOST}:8080"}
        - {name: portal, kind: web, url: "https://${HOST}:8443/app"}
        - {name: search, kind: search, url: "http://${HOST}:9200"}
        - {name: cache, kind: redis, url: "redis://${HOST}:6379"}
      """;

  private TargetProfile load(String dast) throws ProfileException {
    return loader.parse(Path.of("t.yaml"), HEAD + dast);
  }

  private String error(String dast) {
    return assertThrows(ProfileException.class, () -> load(dast)).getMessage();
  }

  @Test
  void noSectionMeansNoScan() throws Exception {
    assertNull(load("").dast());
  }

  @Test
  void managedWithDefaults() throws Exception {
    DastSettings d = load("dast: {zap: managed}\n").dast();
    assertTrue(d.managedZap());
    assertEquals(Duration.ofMinutes(2), d.budget());
    assertEquals(
        List.of(URI.create("http://127.0.0.2:8080"), URI.create("https://127.0.0.2:8443/app")),
        d.bases(),
        "default bases: the http and web endpoints");
    assertEquals(DastSettings.Threshold.DEFAULT, d.threshold());
    assertTrue(d.threshold().reachedBy(DastSettings.Risk.MEDIUM, DastSettings.Confidence.MEDIUM));
    assertFalse(d.threshold().reachedBy(DastSettings.Risk.HIGH, DastSettings.Confidence.LOW));
    assertFalse(d.threshold().reachedBy(DastSettings.Risk.LOW, DastSettings.Confidence.CONFIRMED));
  }

  @Test
  void ownZapBudgetBasesThresholdAndFalsePositives() throws Exception {
    DastSettings d =
        load("""
                dast:
                  zap: {url: "http://127.0.0.1:8090", apiKeyEnv: ZAP_KEY}
                  budget: 90s
                  bases: [api, "http://${HOST}:8080/v2/"]
                  threshold: {risk: High, confidence: High}
                  falsePositives:
                    - rule: 120100
                      url: "http://127\\\\.0\\\\.0\\\\.2:8080/demo/.*"
                      justification: synthetic records of the demo page
                """)
            .dast();
    assertFalse(d.managedZap());
    assertEquals("k3y-value", d.apiKey().reveal());
    assertEquals("••••••", d.apiKey().toString());
    assertEquals(Duration.ofSeconds(90), d.budget());
    assertEquals(2, d.bases().size());
    assertEquals(DastSettings.Risk.HIGH, d.threshold().risk());
    DastSettings.FalsePositive fp = d.falsePositives().get(0);
    assertTrue(fp.covers(120100, "http://127.0.0.2:8080/demo/x"));
    assertFalse(fp.covers(120101, "http://127.0.0.2:8080/demo/x"));
    assertFalse(fp.covers(120100, "http://127.0.0.2:8080/other"));
    assertEquals(Duration.ofMinutes(3), load("dast: {budget: 3m}\n").dast().budget());
    assertEquals(Duration.ofSeconds(45), load("dast: {budget: 45}\n").dast().budget());
  }

  @Test
  void mistakesAreNamed() {
    assertTrue(error("dast: {zap: docker}\n").contains("dast.zap: must be 'managed'"));
    assertTrue(
        error("dast: {zap: {url: \"http://127.0.0.1:8090\", apiKeyEnv: UNSET}}\n")
            .contains("dast.zap.apiKeyEnv: variable UNSET is not set"));
    assertTrue(
        error("dast: {zap: {url: \"http://127.0.0.1:8090\", apiKeyEnv: \"a key\"}}\n")
            .contains("must name an environment variable"));
    assertTrue(error("dast: {budget: soon}\n").contains("dast.budget: must be a duration"));
    assertTrue(error("dast: {bases: [nope]}\n").contains("no endpoint named 'nope'"));
    assertTrue(error("dast: {bases: [cache]}\n").contains("dast.bases[0]"));
    assertTrue(error("dast: {bases: [\"http://10.1.2.3/\"]}\n").contains("outside the scope"));
    assertTrue(error("dast: {threshold: {risk: Severe}}\n").contains("dast.threshold.risk"));
    assertTrue(
        error("dast: {falsePositives: [{rule: x, url: a, justification: b}]}\n")
            .contains("dast.falsePositives[0].rule"));
    assertTrue(
        error("dast: {falsePositives: [{rule: 1, url: \"(\", justification: b}]}\n")
            .contains("not a valid regular expression"));
    assertTrue(error("dast: {speed: 3}\n").contains("dast.speed: unknown key"));
  }
}
