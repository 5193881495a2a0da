package dev.periksa.zap.rules;

import org.parosproxy.paros.core.scanner.Category;
import org.parosproxy.paros.network.HttpMessage;

/**
 * 120100: personal data in a response ({@link HealthRule#PERSONAL_DATA_IN_RESPONSE}). Periksa's
 * detectors judge each page's body: identity numbers, health or financial data give High risk,
 * other personal data Medium. Evidence and excerpt are masked.
 */
public class PersonalDataInResponseScanRule extends HealthAppRule {

  public PersonalDataInResponseScanRule() {
    super(HealthRule.PERSONAL_DATA_IN_RESPONSE, Category.INFO_GATHER, "3174••••••••0001");
  }

  @Override
  public void scan() {
    HttpMessage msg = answered();
    if (msg == null) {
      return;
    }
    PersonalDataExposure.in(Messages.body(msg), Messages.reply(msg))
        .ifPresent(
            e ->
                alert(msg)
                    .setRisk(e.risk())
                    .setConfidence(e.confidence())
                    .setEvidence(e.evidence())
                    .setOtherInfo(e.otherInfo())
                    .raise());
  }
}
