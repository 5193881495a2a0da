package dev.periksa.zap.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parosproxy.paros.network.HttpHeaderField;
import org.parosproxy.paros.network.HttpMessage;

/** Reads a ZAP message into the plain values the rules' pure logic takes. */
final class Messages {
  private Messages() {}

  /** Whether the message has a response at all (a spidered node may not). */
  static boolean answered(HttpMessage msg) {
    return msg != null && !msg.getResponseHeader().isEmpty();
  }

  /** The response body as text, at most {@link PersonalDataExposure#MAX_CHARS} characters. */
  static String body(HttpMessage msg) {
    String body = msg.getResponseBody().toString();
    return body.length() > PersonalDataExposure.MAX_CHARS
        ? body.substring(0, PersonalDataExposure.MAX_CHARS)
        : body;
  }

  /** Response headers, names in lower case, values in order. */
  static Map<String, List<String>> headers(HttpMessage msg) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (HttpHeaderField f : msg.getResponseHeader().getHeaders()) {
      out.computeIfAbsent(f.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(f.getValue());
    }
    return out;
  }

  /** The request's URL. */
  static String url(HttpMessage msg) {
    return msg.getRequestHeader().getURI().toString();
  }

  /** Whether the exchange went over plain HTTP. */
  static boolean plain(HttpMessage msg) {
    return "http".equalsIgnoreCase(msg.getRequestHeader().getURI().getScheme());
  }
}
