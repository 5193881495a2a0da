package dev.periksa.zap.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parosproxy.paros.core.scanner.Alert;
import org.parosproxy.paros.network.HttpMessage;

/**
 * The one place where a rule's metadata goes into a ZAP alert: the rules' own alerts and their
 * example alerts (which the tests read) are both built here, so they cannot drift apart.
 */
final class Alerts {
  private Alerts() {}

  /**
   * Fills a builder with the rule's id, name, description, solution, reference, CWE, WASC and its
   * default risk and confidence; the rule then sets what is particular to the finding.
   */
  static <B extends Alert.Builder> B describe(B builder, HealthRule rule) {
    builder
        .setPluginId(rule.id())
        .setName(rule.name())
        .setRisk(rule.risk())
        .setConfidence(rule.confidence())
        .setDescription(rule.description())
        .setSolution(rule.solution())
        .setReference(rule.reference())
        .setCweId(rule.cweId())
        .setWascId(rule.wascId())
        .setTags(tags(rule));
    return builder;
  }

  /** An example alert of the rule, as ZAP's documentation tooling and the tests read it. */
  static List<Alert> examples(HealthRule rule, String evidence) {
    List<Alert> out = new ArrayList<>();
    out.add(describe(Alert.builder(), rule).setEvidence(evidence).build());
    return out;
  }

  /** The CWE tag with its link, as zap-extensions' rules tag theirs. */
  static Map<String, String> tags(HealthRule rule) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(
        "CWE-" + rule.cweId(), "https://cwe.mitre.org/data/definitions/" + rule.cweId() + ".html");
    return tags;
  }

  /** The message's URL, masked, for the alert (a URL may itself carry a NIK). */
  static String maskedUri(HttpMessage msg) {
    return UrlExposure.mask(msg.getRequestHeader().getURI().toString());
  }
}
