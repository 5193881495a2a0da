package dev.periksa.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.LenientJson;
import dev.periksa.product.HttpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A reply as the probe read it: status, headers, at most the size cap of the body, and how much of
 * the body that is ({@link #reading()}): a reply cut at the cap, cut short by the server, stalled,
 * or labelled JSON that does not parse is not complete, and can support a FAIL but never a PASS.
 */
public final class ProbeResponse {
  private final String request;
  private final URI url;
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final boolean partial;
  private final Duration elapsed;
  private final Reading reading;
  private final Redirects chain;
  private volatile Optional<JsonNode> json;
  private volatile HttpReply reply;

  /**
   * @param request method and URL, for evidence
   * @param headers header names in lower case
   * @param body the bytes read, never more than the cap
   * @param partial whether the body went on past what was read
   * @param reading how much was read and why it stopped (a JSON label is checked here too)
   * @param elapsed time to the last byte read
   */
  public ProbeResponse(
      String request,
      URI url,
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      boolean partial,
      Reading reading,
      Duration elapsed) {
    this.request = request;
    this.url = url;
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.partial = partial;
    this.elapsed = elapsed;
    this.reading = labelled(reading);
    this.chain = null;
  }

  /** The last reply of a followed chain, with the chain and what following it concluded. */
  ProbeResponse(ProbeResponse last, Redirects chain, Reading reading) {
    this.request = chain.first().request();
    this.url = last.url;
    this.status = last.status;
    this.headers = last.headers;
    this.body = last.body;
    this.partial = last.partial;
    this.elapsed = last.elapsed;
    this.reading = reading;
    this.chain = chain;
  }

  /** The redirects followed to reach this reply, when it was fetched following them. */
  public Optional<Redirects> redirects() {
    return Optional.ofNullable(chain);
  }

  /** A reply whose body was read whole unless {@code truncated}: for parser tests. */
  public ProbeResponse(
      String request,
      URI url,
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      boolean truncated,
      Duration elapsed) {
    this(
        request,
        url,
        status,
        headers,
        body,
        truncated,
        truncated ? Reading.truncated("the body is longer than the cap") : Reading.COMPLETE,
        elapsed);
  }

  /** A complete body labelled JSON must parse; one that does not is unreadable. */
  private Reading labelled(Reading r) {
    if (!r.complete() || body.length == 0) {
      return r;
    }
    String type = header("content-type").orElse("").toLowerCase(Locale.ROOT);
    if (!type.contains("json")) {
      return r;
    }
    Optional<String> problem = LenientJson.problem(body);
    if (problem.isEmpty()) {
      return r;
    }
    return Reading.unreadable("labelled " + type.split(";")[0].strip() + ", but " + problem.get());
  }

  public String request() {
    return request;
  }

  public URI url() {
    return url;
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  /** Whether the body went on past what was read (cut at the cap, or cut short). */
  public boolean truncated() {
    return partial;
  }

  public Duration elapsed() {
    return elapsed;
  }

  /** How much of the body was read, and why reading stopped. */
  public Reading reading() {
    return reading;
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON, or empty when it is not complete, well-formed JSON. */
  public Optional<JsonNode> json() {
    Optional<JsonNode> j = json;
    if (j == null) {
      j = partial || body.length == 0 ? Optional.empty() : LenientJson.strict(body);
      json = j;
    }
    return j;
  }

  /**
   * What parses of the body as JSON, complete or not: the records of a list cut at the cap, with
   * their field names. Empty when not even a first value begins.
   */
  public Optional<LenientJson.Parsed> partialJson() {
    if (body.length == 0) {
      return Optional.empty();
    }
    LenientJson.Parsed p = LenientJson.parse(body);
    return p.tree() == null ? Optional.empty() : Optional.of(p);
  }

  /**
   * The body as JSON as far as it parses: the whole value when complete, else the records read
   * before it was cut. For what a check reports as seen (which can support a FAIL), never for a
   * PASS.
   */
  public Optional<JsonNode> jsonSoFar() {
    return json().or(() -> partialJson().map(LenientJson.Parsed::tree));
  }

  /**
   * The reply as the product parsers ({@code dev.periksa.product}) take it: complete unless the
   * body went on past what was read, as for {@link #json()}.
   */
  public HttpReply reply() {
    HttpReply r = reply;
    if (r == null) {
      r = new HttpReply(status, headers, body, !partial);
      reply = r;
    }
    return r;
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** 401 or 403: the server asked for, or refused, credentials. */
  public boolean isRefusal() {
    return status == 401 || status == 403;
  }

  /** 3xx with a Location header. */
  public boolean isRedirect() {
    return status >= 300 && status < 400 && header("location").isPresent();
  }

  @Override
  public String toString() {
    return request + " → " + status + " (" + reading + ")";
  }
}
