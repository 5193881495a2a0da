package dev.periksa.zap.rules;

import java.util.List;
import org.parosproxy.paros.core.scanner.Category;
import org.parosproxy.paros.network.HttpMessage;

/**
 * 120102: identity numbers, other personal data or tokens in URLs ({@link
 * HealthRule#PERSONAL_DATA_IN_URL}): the page's own URL, its redirect and link headers, and the
 * links its body hands out (read, never followed). One alert per offending URL, its values masked.
 */
public class PersonalDataInUrlScanRule extends HealthAppRule {

  /** Alerts raised for one page: a page listing hundreds of such links needs only a few. */
  static final int MAX_ALERTS_PER_PAGE = 5;

  public PersonalDataInUrlScanRule() {
    super(HealthRule.PERSONAL_DATA_IN_URL, Category.INFO_GATHER, "nik=3174••••••••0001");
  }

  @Override
  public void scan() {
    HttpMessage msg = answered();
    if (msg == null) {
      return;
    }
    List<UrlExposure.Offending> found =
        UrlExposure.in(Messages.url(msg), Messages.headers(msg), Messages.body(msg));
    for (UrlExposure.Offending o : found.subList(0, Math.min(found.size(), MAX_ALERTS_PER_PAGE))) {
      alert(msg)
          .setRisk(o.risk())
          .setConfidence(HealthRule.CONFIDENCE_HIGH)
          .setParam(o.param())
          .setEvidence(o.evidence())
          .setOtherInfo(
              "A URL in "
                  + o.where().label()
                  + " ("
                  + o.detail()
                  + ") carries "
                  + o.carries()
                  + ": "
                  + o.masked())
          .raise();
    }
  }
}
