package dev.periksa.zap.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.periksa.evidence.Redactor;
import dev.periksa.pii.PiiCategory;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URLs that carry personal data or bearer tokens in one exchange: the request's own URL, the
 * redirect and link headers of the response, URL values in a JSON body, link and form targets in
 * HTML, absolute URLs in text. Pure: no ZAP type.
 *
 * <p>A query parameter is judged as a JSON field of its own name ({@code ?nik=3174...} is a NIK by
 * its name as {@code {"nik": "3174..."}} would be) and counts only when the detectors are sure of
 * it ({@value #MIN_CONFIDENCE} or more), as PII-2 does: a bare 16-digit order number is not a NIK.
 * A token is a JWT anywhere, or a long value of a parameter named for a session or access token.
 * Every URL this class returns is masked; a URL is also masked as a whole by the detectors at any
 * confidence, so no value they recognise stays raw.
 */
public final class UrlExposure {
  /** Least detector confidence for a query value to count as personal data. */
  static final double MIN_CONFIDENCE = 0.9;

  /** Least length of a value named for a token to count as one (shorter: a flag, a page). */
  static final int MIN_TOKEN_LENGTH = 16;

  /** URLs looked at in one body. */
  static final int MAX_URLS = 500;

  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern ABSOLUTE = Pattern.compile("(?i)https?://[^\\s\"'<>\\\\]+");
  private static final Pattern RELATIVE_VALUE = Pattern.compile("^/[^\\s\"'<>]*$");
  private static final Pattern HTML_ATTRIBUTE =
      Pattern.compile("(?i)\\b(?:href|src|action|formaction)\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern LINK_HEADER = Pattern.compile("<([^>]+)>");
  private static final Pattern REFRESH = Pattern.compile("(?i)url\\s*=\\s*['\"]?([^'\"\\s;]+)");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");
  private static final Pattern TOKEN_VALUE = Pattern.compile("[A-Za-z0-9._~+/=%-]+");
  private static final Pattern PATH_SESSION =
      Pattern.compile("(?i);(jsessionid|phpsessid|sid)=([^;?#/]+)");
  private static final Set<String> TOKEN_NAMES =
      Set.of(
          "token",
          "access_token",
          "accesstoken",
          "id_token",
          "refresh_token",
          "auth",
          "auth_token",
          "authtoken",
          "authorization",
          "bearer",
          "jwt",
          "session",
          "sessionid",
          "session_id",
          "sid",
          "jsessionid",
          "phpsessid",
          "aspsessionid",
          "api_key",
          "apikey",
          "x-api-key");

  private UrlExposure() {}

  /** Where a URL was found in an exchange. */
  public enum Where {
    REQUEST_URL("the request's URL"),
    HEADER("a response header"),
    BODY("the response body");

    private final String label;

    Where(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A URL that carries personal data or a token.
   *
   * @param where where it was found
   * @param detail which header, or which kind of link
   * @param masked the URL with those values masked
   * @param param the first offending parameter's name
   * @param evidence that parameter with its value masked, e.g. {@code nik=3174••••••••0001}
   * @param counts personal data by type (tokens are not counted here)
   * @param token whether it carries a bearer or session token
   */
  public record Offending(
      Where where,
      String detail,
      String masked,
      String param,
      String evidence,
      Map<PiiType, Integer> counts,
      boolean token) {

    /** High for identity numbers, health or financial data; Medium otherwise. */
    public int risk() {
      for (PiiType t : counts.keySet()) {
        PiiCategory c = t.category();
        if (c == PiiCategory.IDENTITY || c == PiiCategory.HEALTH || c == PiiCategory.FINANCIAL) {
          return HealthRule.RISK_HIGH;
        }
      }
      return HealthRule.RISK_MEDIUM;
    }

    /** What the URL carries, in words. */
    public String carries() {
      List<String> parts = new ArrayList<>();
      counts.forEach((t, n) -> parts.add(t.label()));
      if (token) {
        parts.add("a bearer or session token");
      }
      return String.join(", ", parts);
    }
  }

  /**
   * The offending URLs of one exchange, each once, the request's own URL first.
   *
   * @param requestUrl the request's URL
   * @param headers response headers, names in lower case
   * @param body the response body as text (may be empty)
   */
  public static List<Offending> in(
      String requestUrl, Map<String, List<String>> headers, String body) {
    Map<String, String[]> urls = new LinkedHashMap<>();
    urls.put(requestUrl, new String[] {Where.REQUEST_URL.name(), "request"});
    for (String h : List.of("location", "content-location")) {
      for (String v : headers.getOrDefault(h, List.of())) {
        urls.putIfAbsent(v.strip(), new String[] {Where.HEADER.name(), h + " header"});
      }
    }
    for (String v : headers.getOrDefault("link", List.of())) {
      Matcher m = LINK_HEADER.matcher(v);
      while (m.find()) {
        urls.putIfAbsent(m.group(1).strip(), new String[] {Where.HEADER.name(), "link header"});
      }
    }
    for (String v : headers.getOrDefault("refresh", List.of())) {
      Matcher m = REFRESH.matcher(v);
      if (m.find()) {
        urls.putIfAbsent(m.group(1), new String[] {Where.HEADER.name(), "refresh header"});
      }
    }
    if (body != null && !body.isEmpty()) {
      String text =
          body.length() > PersonalDataExposure.MAX_CHARS
              ? body.substring(0, PersonalDataExposure.MAX_CHARS)
              : body;
      List<String> jsonValues = jsonStrings(text);
      if (jsonValues != null) {
        for (String v : jsonValues) {
          String s = v.strip();
          if (RELATIVE_VALUE.matcher(s).matches()) {
            urls.putIfAbsent(s, new String[] {Where.BODY.name(), "URL value in JSON"});
          } else {
            Matcher m = ABSOLUTE.matcher(s);
            while (m.find()) {
              urls.putIfAbsent(m.group(), new String[] {Where.BODY.name(), "URL value in JSON"});
            }
          }
        }
      } else {
        Matcher m = HTML_ATTRIBUTE.matcher(text);
        while (m.find() && urls.size() < MAX_URLS) {
          urls.putIfAbsent(
              unescapeHtml(m.group(1).strip()), new String[] {Where.BODY.name(), "link"});
        }
        Matcher a = ABSOLUTE.matcher(text);
        while (a.find() && urls.size() < MAX_URLS) {
          urls.putIfAbsent(
              unescapeHtml(a.group()), new String[] {Where.BODY.name(), "URL in text"});
        }
      }
    }
    List<Offending> out = new ArrayList<>();
    urls.forEach(
        (url, where) -> {
          Offending o = judge(url, Where.valueOf(where[0]), where[1]);
          if (o != null) {
            out.add(o);
          }
        });
    return out;
  }

  /** One URL's personal data and tokens, or null when it carries neither. */
  static Offending judge(String url, Where where, String detail) {
    Offending o = parts(url, where, detail);
    return o == null
        ? null
        : new Offending(
            o.where(),
            o.detail(),
            wholeMasked(o.masked()),
            o.param(),
            o.evidence(),
            o.counts(),
            o.token());
  }

  /** {@link #judge} with only the offending values masked. */
  private static Offending parts(String url, Where where, String detail) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    String fragment = "";
    int hash = query.indexOf('#');
    if (hash >= 0) {
      fragment = query.substring(hash);
      query = query.substring(0, hash);
    } else if (q < 0 && path.indexOf('#') >= 0) {
      fragment = path.substring(path.indexOf('#'));
      path = path.substring(0, path.indexOf('#'));
    }
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    boolean token = false;
    String param = null;
    String evidence = null;
    Matcher ps = PATH_SESSION.matcher(path);
    if (ps.find() && ps.group(2).length() >= 8) {
      token = true;
      param = ps.group(1);
      evidence = ps.group(1) + "=" + maskToken(ps.group(2));
      path = path.substring(0, ps.start()) + ";" + evidence + path.substring(ps.end());
    }
    List<String> shown = new ArrayList<>();
    if (!query.isEmpty()) {
      for (String pair : query.split("[&;]")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String name = decode(rawName);
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        String maskedValue = null;
        if (isToken(name, value)) {
          token = true;
          maskedValue = maskToken(value);
        } else {
          PiiType type = personal(name, value);
          if (type != null) {
            counts.merge(type, 1, Integer::sum);
            maskedValue = Redactor.mask(type, value);
          }
        }
        if (maskedValue != null) {
          if (param == null) {
            param = name;
            evidence = name + "=" + maskedValue;
          }
          shown.add(rawName + "=" + maskedValue);
        } else {
          shown.add(pair);
        }
      }
    }
    if (counts.isEmpty() && !token) {
      return null;
    }
    String masked =
        path + (q < 0 ? "" : "?" + String.join("&", shown)) + (fragment.isEmpty() ? "" : "#…");
    return new Offending(
        where,
        detail,
        masked,
        param,
        evidence,
        java.util.Collections.unmodifiableMap(counts),
        token);
  }

  /**
   * A URL safe to show: query values that carry personal data or tokens masked, and whatever else
   * the detectors recognise in it masked too. Used for every alert's URL.
   */
  public static String mask(String url) {
    if (url == null) {
      return null;
    }
    Offending o = parts(url, Where.REQUEST_URL, "request");
    return wholeMasked(o == null ? url : o.masked());
  }

  /** Masks, at any confidence, whatever the detectors recognise in a (decoded) URL. */
  private static String wholeMasked(String url) {
    String decoded = decode(url);
    List<PiiMatch> ms = new ArrayList<>(PersonalDataExposure.scanner().scan(decoded));
    if (ms.isEmpty()) {
      return url;
    }
    ms.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return Redactor.redact(decoded, ms);
  }

  static boolean isToken(String name, String value) {
    if (JWT.matcher(value).find()) {
      return true;
    }
    return TOKEN_NAMES.contains(name.toLowerCase(Locale.ROOT))
        && value.length() >= MIN_TOKEN_LENGTH
        && TOKEN_VALUE.matcher(value).matches();
  }

  static String maskToken(String value) {
    if (JWT.matcher(value).find()) {
      return Redactor.mask(PiiType.JWT, value);
    }
    return value.substring(0, Math.min(3, value.length() / 4)) + "•••";
  }

  /** What a query parameter's value is, judged with its name as the field name. */
  static PiiType personal(String name, String value) {
    if (value.isBlank()) {
      return null;
    }
    String asJson;
    try {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = JSON.createGenerator(w)) {
        g.writeStartObject();
        g.writeStringField(name.isEmpty() ? "value" : name, value);
        g.writeEndObject();
      }
      asJson = w.toString();
    } catch (IOException e) {
      return null;
    }
    PiiType best = null;
    double confidence = 0;
    for (PiiMatch m : PersonalDataExposure.scanner().scan(asJson)) {
      if (m.type().category() != PiiCategory.CREDENTIAL
          && m.confidence() >= MIN_CONFIDENCE
          && m.confidence() > confidence) {
        best = m.type();
        confidence = m.confidence();
      }
    }
    return best;
  }

  /** Every string value of a JSON body, or null when the body is not JSON. */
  private static List<String> jsonStrings(String text) {
    String t = text.stripLeading();
    if (!t.startsWith("{") && !t.startsWith("[")) {
      return null;
    }
    List<String> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken tok;
      while ((tok = p.nextToken()) != null) {
        if (tok == JsonToken.VALUE_STRING && out.size() < MAX_URLS * 10) {
          out.add(p.getText());
        }
      }
    } catch (IOException e) {
      return null;
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String unescapeHtml(String s) {
    return s.replace("&amp;", "&").replace("&#38;", "&").replace("&#x26;", "&");
  }
}
