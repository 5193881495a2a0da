package dev.periksa.zap;

import dev.periksa.target.DastSettings.Confidence;
import dev.periksa.target.DastSettings.Risk;
import java.util.Locale;
import org.zaproxy.clientapi.core.ApiResponse;
import org.zaproxy.clientapi.core.ApiResponseElement;
import org.zaproxy.clientapi.core.ApiResponseSet;

/**
 * One alert as ZAP's API reports it. Fields hold what ZAP sent, raw: URL, parameter and evidence
 * may carry personal data, so they are redacted before they go anywhere (see the DAST check).
 *
 * @param id ZAP's alert id
 * @param rule the rule (plugin) id that raised it
 * @param name the alert's title
 * @param risk ZAP's risk
 * @param confidence ZAP's confidence
 * @param url the URL it was raised on
 * @param method the request method
 * @param param the parameter concerned, or empty
 * @param evidence the part of the reply ZAP points at, or empty
 * @param cwe CWE id, or 0
 * @param wasc WASC id, or 0
 * @param solution ZAP's advice
 */
public record ZapAlert(
    String id,
    int rule,
    String name,
    Risk risk,
    Confidence confidence,
    String url,
    String method,
    String param,
    String evidence,
    int cwe,
    int wasc,
    String solution) {

  /** Reads one alert from the API's {@code alert} view. */
  static ZapAlert of(ApiResponse r) {
    if (!(r instanceof ApiResponseSet s)) {
      throw new IllegalArgumentException("not an alert: " + r.getName());
    }
    return new ZapAlert(
        text(s, "id"),
        number(s, "pluginId"),
        text(s, "alert").isEmpty() ? text(s, "name") : text(s, "alert"),
        risk(text(s, "risk")),
        confidence(text(s, "confidence")),
        text(s, "url"),
        text(s, "method"),
        text(s, "param"),
        text(s, "evidence"),
        number(s, "cweid"),
        number(s, "wascid"),
        text(s, "solution"));
  }

  private static String text(ApiResponseSet s, String key) {
    ApiResponse v = s.getValue(key);
    if (v instanceof ApiResponseElement e) {
      return e.getValue() == null ? "" : e.getValue();
    }
    return "";
  }

  private static int number(ApiResponseSet s, String key) {
    try {
      return Integer.parseInt(text(s, key).strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static Risk risk(String s) {
    try {
      return Risk.parse(s);
    } catch (IllegalArgumentException e) {
      // An unknown label weighs as the highest: better a reviewed false alarm than a miss.
      return Risk.HIGH;
    }
  }

  static Confidence confidence(String s) {
    try {
      return Confidence.parse(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Confidence.MEDIUM;
    }
  }
}
