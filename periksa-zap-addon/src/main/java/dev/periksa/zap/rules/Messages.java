package dev.periksa.zap.rules;

import dev.periksa.product.HttpReply;
import dev.periksa.product.Json;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * The response as the product parsers take it: the decoded body (ZAP removes content encodings),
   * whole up to {@link Json#MAX_BYTES}, beyond which it is cut and so not read as JSON or XML.
   */
  static HttpReply reply(HttpMessage msg) {
    byte[] content = msg.getResponseBody().getContent();
    boolean whole = content.length <= Json.MAX_BYTES;
    return new HttpReply(
        msg.getResponseHeader().getStatusCode(),
        headers(msg),
        whole ? content : Arrays.copyOf(content, Json.MAX_BYTES),
        whole);
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
