package dev.periksa.zap.rules;

import org.parosproxy.paros.core.scanner.Category;
import org.parosproxy.paros.network.HttpMessage;

/**
 * 120103: personal data over plain HTTP ({@link HealthRule#PLAIN_HTTP_PERSONAL_DATA}). An {@code
 * http://} exchange whose response carries personal data: reading it proves both that the data is
 * served and that it crossed the network in clear. HTTPS exchanges are not looked at.
 */
public class PlainHttpPersonalDataScanRule extends HealthAppRule {

  public PlainHttpPersonalDataScanRule() {
    super(HealthRule.PLAIN_HTTP_PERSONAL_DATA, Category.MISC, "+6281••••••••12");
  }

  @Override
  public void scan() {
    HttpMessage base = getBaseMsg();
    if (base == null || !Messages.plain(base)) {
      return;
    }
    HttpMessage msg = answered();
    if (msg == null) {
      return;
    }
    PersonalDataExposure.in(Messages.body(msg), Messages.reply(msg))
        .ifPresent(
            e ->
                alert(msg)
                    .setRisk(e.risk())
                    .setConfidence(HealthRule.CONFIDENCE_HIGH)
                    .setEvidence(e.evidence())
                    .setOtherInfo("Served over plain HTTP (no TLS).\n" + e.otherInfo())
                    .raise());
  }
}
