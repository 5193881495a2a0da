package dev.periksa.zap.rules;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.parosproxy.paros.core.scanner.AbstractAppPlugin;
import org.parosproxy.paros.core.scanner.Alert;
import org.parosproxy.paros.network.HttpMessage;

/**
 * A Periksa rule that looks at each page ZAP scans: its metadata comes from one {@link HealthRule},
 * and it reads the response ZAP already holds for the page (the spider's), sending the request
 * again only when ZAP has none.
 */
abstract class HealthAppRule extends AbstractAppPlugin {
  private final HealthRule rule;
  private final int category;
  private final String exampleEvidence;

  HealthAppRule(HealthRule rule, int category, String exampleEvidence) {
    this.rule = rule;
    this.category = category;
    this.exampleEvidence = exampleEvidence;
  }

  /** The rule's metadata. */
  final HealthRule rule() {
    return rule;
  }

  @Override
  public int getId() {
    return rule.id();
  }

  @Override
  public String getName() {
    return rule.name();
  }

  @Override
  public String getDescription() {
    return rule.description();
  }

  @Override
  public int getCategory() {
    return category;
  }

  @Override
  public String getSolution() {
    return rule.solution();
  }

  @Override
  public String getReference() {
    return rule.reference();
  }

  @Override
  public int getRisk() {
    return rule.risk();
  }

  @Override
  public int getCweId() {
    return rule.cweId();
  }

  @Override
  public int getWascId() {
    return rule.wascId();
  }

  @Override
  public Map<String, String> getAlertTags() {
    return Alerts.tags(rule);
  }

  @Override
  public List<Alert> getExampleAlerts() {
    return Alerts.examples(rule, exampleEvidence);
  }

  /** An alert builder already filled with the rule's metadata and the message's masked URL. */
  final AlertBuilder alert(HttpMessage msg) {
    return Alerts.describe(newAlert(), rule).setUri(Alerts.maskedUri(msg)).setMessage(msg);
  }

  /** The page's exchange with a response: ZAP's own, or sent once more when it has none. */
  final HttpMessage answered() {
    HttpMessage base = getBaseMsg();
    if (base == null) {
      return null;
    }
    if (Messages.answered(base)) {
      return base;
    }
    HttpMessage msg = getNewMsg();
    try {
      sendAndReceive(msg, false);
    } catch (IOException e) {
      return null;
    }
    return Messages.answered(msg) ? msg : null;
  }
}
