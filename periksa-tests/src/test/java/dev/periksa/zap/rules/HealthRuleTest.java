package dev.periksa.zap.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The metadata every rule must carry, as zap-extensions' shared scan-rule test base asks of its
 * rules: an id in Periksa's block and unique, a valid risk and confidence, CWE and WASC ids, a
 * name, description, solution and reference. {@link HealthRulesAddOnIT} checks that the ZAP rule
 * classes report exactly this metadata.
 */
class HealthRuleTest {

  @Test
  void everyRuleHasCompleteMetadata() {
    Set<Integer> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    Set<String> classes = new HashSet<>();
    assertFalse(HealthRulesAddOn.rules().isEmpty());
    for (HealthRule r : HealthRulesAddOn.rules()) {
      String who = r.id() + " " + r.name();
      assertTrue(r.id() >= HealthRule.FIRST_ID && r.id() <= HealthRule.LAST_ID, who);
      assertTrue(ids.add(r.id()), "duplicate id " + who);
      assertTrue(names.add(r.name()), "duplicate name " + who);
      assertTrue(classes.add(r.ruleClass()), "duplicate class " + who);
      assertTrue(r.risk() >= HealthRule.RISK_INFO && r.risk() <= HealthRule.RISK_HIGH, who);
      assertTrue(
          r.confidence() >= HealthRule.CONFIDENCE_LOW
              && r.confidence() <= HealthRule.CONFIDENCE_HIGH,
          who);
      assertTrue(r.cweId() > 0, "CWE " + who);
      assertTrue(r.wascId() > 0, "WASC " + who);
      assertFalse(r.name().isBlank(), who);
      assertTrue(r.description().length() > 40, "description " + who);
      assertTrue(r.solution().length() > 40, "solution " + who);
      for (String ref : r.reference().split("\n")) {
        assertTrue(ref.startsWith("https://"), "reference " + ref + " of " + who);
      }
      assertTrue(r.ruleClass().startsWith("dev.periksa.zap.rules."), who);
      assertNotNull(
          getClass().getClassLoader().getResource(r.ruleClass().replace('.', '/') + ".class"),
          "class of " + who);
      assertEquals(r, HealthRule.byId(r.id()).orElseThrow());
      HealthRule.riskName(r.risk());
      HealthRule.confidenceName(r.confidence());
    }
  }

  @Test
  void rulesAreListedInIdOrder() {
    int last = 0;
    for (HealthRule r : HealthRulesAddOn.rules()) {
      assertTrue(r.id() > last);
      last = r.id();
    }
  }
}
