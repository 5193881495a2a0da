package dev.periksa.zap.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The add-on file: its manifest, its entries, that it is the same bytes every time, and that its
 * rule classes load over ZAP's core alone (as ZAP loads them) and report their {@link HealthRule}
 * metadata, in the rule itself and in its example alerts.
 */
class HealthRulesAddOnIT {

  @TempDir Path dir;

  @Test
  void manifestNamesTheAddOnItsRulesAndLibraries() throws Exception {
    Path zap = HealthRulesAddOn.writeTo(dir.resolve("plugin"));
    assertEquals("periksahealth-beta-1.0.0.zap", zap.getFileName().toString());
    Document xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(IsolatedZap.entry(zap, "ZapAddOn.xml")));
    assertEquals("zapaddon", xml.getDocumentElement().getTagName());
    assertEquals("1.0.0", text(xml, "version").get(0));
    assertEquals("beta", text(xml, "status").get(0));
    assertEquals("2.17.0", text(xml, "not-before-version").get(0));
    List<String> classes = HealthRulesAddOn.rules().stream().map(HealthRule::ruleClass).toList();
    assertEquals(classes, text(xml, "ascanrule"));
    assertEquals(List.of("lib/jackson-core.jar", "lib/periksa-detect.jar"), text(xml, "lib"));
    List<String> entries = IsolatedZap.entries(zap);
    for (String lib : text(xml, "lib")) {
      assertTrue(entries.contains(lib), "ZapAddOn.xml names " + lib + ", which the file lacks");
    }
  }

  @Test
  void holdsTheRulesAndTheDetectorsWithTheirLibraryOnly() throws Exception {
    Path zap = HealthRulesAddOn.writeTo(dir);
    List<String> entries = IsolatedZap.entries(zap);
    assertTrue(entries.contains("ZapAddOn.xml"));
    for (HealthRule r : HealthRulesAddOn.rules()) {
      assertTrue(entries.contains(r.ruleClass().replace('.', '/') + ".class"), r.name());
    }
    for (String e : entries) {
      assertTrue(
          e.equals("ZapAddOn.xml")
              || e.equals("lib/")
              || e.equals("lib/jackson-core.jar")
              || e.equals("lib/periksa-detect.jar")
              || e.matches("dev/(periksa/(zap/(rules/)?)?)?")
              || e.matches("dev/periksa/zap/rules/[A-Za-z0-9$]+\\.class"),
          "unexpected entry " + e);
    }
    // The detectors' jar holds the detectors, product readers and evidence, nothing more: Periksa's
    // checks, probes, lab and CLI have no business in ZAP.
    Path unpacked = IsolatedZap.unpack(zap, Files.createDirectories(dir.resolve("unpacked")));
    List<String> detect = IsolatedZap.entries(unpacked.resolve("lib/periksa-detect.jar"));
    assertTrue(detect.contains("dev/periksa/pii/PersonalDataScanner.class"), detect.toString());
    assertTrue(detect.contains("dev/periksa/evidence/Redactor.class"), detect.toString());
    for (String e : detect) {
      if (e.endsWith(".class")) {
        assertTrue(
            e.startsWith("dev/periksa/pii/")
                || e.startsWith("dev/periksa/product/")
                || e.startsWith("dev/periksa/evidence/"),
            "unexpected class in periksa-detect: " + e);
      }
    }
  }

  @Test
  void theSameCodeGivesTheSameBytesAndAnOlderVersionIsReplaced() throws Exception {
    Path plugin = dir.resolve("plugin");
    Files.createDirectories(plugin);
    Path old = Files.writeString(plugin.resolve("periksahealth-beta-0.9.0.zap"), "old");
    Path other = Files.writeString(plugin.resolve("network-release-0.25.0.zap"), "keep");
    Path first = HealthRulesAddOn.writeTo(plugin);
    byte[] bytes = Files.readAllBytes(first);
    Files.setLastModifiedTime(first, FileTime.fromMillis(0));
    Path second = HealthRulesAddOn.writeTo(plugin);
    assertEquals(first, second);
    assertArrayEquals(bytes, Files.readAllBytes(second));
    assertEquals(0, Files.getLastModifiedTime(second).toMillis(), "identical file not rewritten");
    assertArrayEquals(bytes, HealthRulesAddOn.build());
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(other));
    try (var files = Files.list(plugin)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void rulesLoadOverZapCoreAloneAndReportTheirMetadata() throws Exception {
    Path zap = HealthRulesAddOn.writeTo(dir.resolve("plugin"));
    Path unpacked = IsolatedZap.unpack(zap, Files.createDirectories(dir.resolve("unpacked")));
    try (URLClassLoader loader = IsolatedZap.loader(unpacked)) {
      Class<?> alert = loader.loadClass("org.parosproxy.paros.core.scanner.Alert");
      assertEquals(HealthRule.RISK_HIGH, alert.getField("RISK_HIGH").getInt(null));
      assertEquals(HealthRule.RISK_MEDIUM, alert.getField("RISK_MEDIUM").getInt(null));
      assertEquals(HealthRule.RISK_LOW, alert.getField("RISK_LOW").getInt(null));
      assertEquals(HealthRule.RISK_INFO, alert.getField("RISK_INFO").getInt(null));
      assertEquals(HealthRule.CONFIDENCE_HIGH, alert.getField("CONFIDENCE_HIGH").getInt(null));
      assertEquals(HealthRule.CONFIDENCE_MEDIUM, alert.getField("CONFIDENCE_MEDIUM").getInt(null));
      assertEquals(HealthRule.CONFIDENCE_LOW, alert.getField("CONFIDENCE_LOW").getInt(null));
      Class<?> plugin = loader.loadClass("org.parosproxy.paros.core.scanner.Plugin");
      for (HealthRule r : HealthRulesAddOn.rules()) {
        Class<?> c = loader.loadClass(r.ruleClass());
        assertEquals(loader, c.getClassLoader(), "loaded from the add-on, not Periksa's path");
        assertTrue(plugin.isAssignableFrom(c), r.name());
        Object rule = c.getConstructor().newInstance();
        assertEquals(r.id(), call(rule, "getId"));
        assertEquals(r.name(), call(rule, "getName"));
        assertEquals(r.description(), call(rule, "getDescription"));
        assertEquals(r.solution(), call(rule, "getSolution"));
        assertEquals(r.reference(), call(rule, "getReference"));
        assertEquals(r.risk(), call(rule, "getRisk"));
        assertEquals(r.cweId(), call(rule, "getCweId"));
        assertEquals(r.wascId(), call(rule, "getWascId"));
        int category = (int) call(rule, "getCategory");
        assertTrue(category >= 0 && category <= 4, r.name());
        Map<?, ?> tags = (Map<?, ?>) call(rule, "getAlertTags");
        assertTrue(tags.containsKey("CWE-" + r.cweId()), tags.toString());
        List<?> examples = (List<?>) call(rule, "getExampleAlerts");
        assertFalse(examples.isEmpty(), r.name());
        for (Object a : examples) {
          assertEquals(r.id(), call(a, "getPluginId"));
          assertEquals(r.name(), call(a, "getName"));
          assertEquals(r.risk(), call(a, "getRisk"));
          assertEquals(r.confidence(), call(a, "getConfidence"));
          assertEquals(r.cweId(), call(a, "getCweId"));
          assertEquals(r.wascId(), call(a, "getWascId"));
          assertEquals(r.description(), call(a, "getDescription"));
          assertEquals(r.solution(), call(a, "getSolution"));
          assertEquals(r.reference(), call(a, "getReference"));
          String evidence = (String) call(a, "getEvidence");
          assertNotNull(evidence);
        }
      }
      // The detectors and Jackson come from the add-on's own lib/ folder.
      Class<?> scanner = loader.loadClass("dev.periksa.pii.PersonalDataScanner");
      assertEquals(loader, scanner.getClassLoader());
      assertTrue(
          scanner.getProtectionDomain().getCodeSource().getLocation().getPath().contains("/lib/"));
      Class<?> jackson = loader.loadClass("com.fasterxml.jackson.core.JsonFactory");
      assertTrue(
          jackson.getProtectionDomain().getCodeSource().getLocation().getPath().contains("/lib/"));
      assertNull(loader.getResource("dev/periksa/check/CheckRunner.class"));
    }
  }

  private static Object call(Object target, String method) throws Exception {
    Method m = target.getClass().getMethod(method);
    return m.invoke(target);
  }

  private static List<String> text(Document xml, String tag) {
    NodeList nodes = xml.getElementsByTagName(tag);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent().strip());
    }
    return out;
  }
}
