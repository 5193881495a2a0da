package dev.periksa.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A reply as the probe read it: status, headers and at most the size cap of the body.
 *
 * @param request method and URL, for evidence
 * @param status HTTP status
 * @param headers header names in lower case
 * @param body the bytes read, never more than the cap
 * @param truncated whether the body was longer than the cap
 * @param elapsed time to the last byte read
 */
public record ProbeResponse(
    String request,
    URI url,
    int status,
    Map<String, List<String>> headers,
    byte[] body,
    boolean truncated,
    Duration elapsed) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON, or empty when it is not (complete) JSON. */
  public Optional<JsonNode> json() {
    if (truncated || body.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSON.readTree(body));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** 401 or 403: the server asked for, or refused, credentials. */
  public boolean isRefusal() {
    return status == 401 || status == 403;
  }
}
