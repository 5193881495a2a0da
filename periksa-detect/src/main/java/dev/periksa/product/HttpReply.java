package dev.periksa.product;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;

/**
 * One HTTP reply as the product parsers take it, whoever fetched it: Periksa's probe ({@code
 * ProbeResponse.reply()}) or ZAP (the rules' {@code Messages.reply}). Neither's own type is used
 * here, so the parsers run inside ZAP without Periksa's probe and outside it without ZAP. The body
 * is parsed once, as JSON or XML, however many parsers ask; a reply is read by one thread.
 */
public final class HttpReply {
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final boolean complete;
  private volatile Optional<Json> json;
  private volatile Optional<Document> xml;

  /**
   * @param status the HTTP status code
   * @param headers header values by name (names are matched in lower case)
   * @param body the bytes of the body that were read
   * @param complete whether that is the whole body; a cut body is never read as JSON or XML
   */
  public HttpReply(int status, Map<String, List<String>> headers, byte[] body, boolean complete) {
    this.status = status;
    Map<String, List<String>> lower = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), HttpReply::concat));
    this.headers = Map.copyOf(lower);
    this.body = body == null ? new byte[0] : body;
    this.complete = complete;
  }

  /** A whole reply with a text body and no headers: for tests and callers that have only text. */
  public static HttpReply of(int status, String body) {
    return new HttpReply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), true);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  public int status() {
    return status;
  }

  /** Header values by lower-case name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  /** Whether the body was read whole. */
  public boolean complete() {
    return complete;
  }

  /** The first value of a header, if present. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** 401 or 403: the server asked for, or refused, credentials. */
  public boolean isRefusal() {
    return status == 401 || status == 403;
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON: empty when it is cut, empty or not JSON. */
  public Optional<Json> json() {
    Optional<Json> j = json;
    if (j == null) {
      j = complete ? Json.parse(body) : Optional.empty();
      json = j;
    }
    return j;
  }

  /**
   * The body as XML, read by the hardened {@link SafeXml}: empty when it is cut, empty or not
   * well-formed, DOCTYPE-free XML. The document is shared by the parsers that ask: they only read
   * it.
   */
  /**
   * A 2xx reply whose body is a JSON array every element of which {@code row} reads; empty when the
   * reply is not a success, not an array, or any element does not read.
   */
  public <T> Optional<List<T>> rows(java.util.function.Function<Json, Optional<T>> row) {
    if (!isSuccess()) {
      return Optional.empty();
    }
    Optional<Json> j = json();
    if (j.isEmpty() || !j.get().isArray()) {
      return Optional.empty();
    }
    List<T> out = new java.util.ArrayList<>();
    for (Json e : j.get().elements()) {
      Optional<T> t = row.apply(e);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      out.add(t.get());
    }
    return Optional.of(out);
  }

  public Optional<Document> xml() {
    Optional<Document> x = xml;
    if (x == null) {
      x = complete ? SafeXml.parse(body) : Optional.empty();
      xml = x;
    }
    return x;
  }

  @Override
  public String toString() {
    return status + " (" + body.length + " bytes" + (complete ? "" : ", cut") + ")";
  }
}
