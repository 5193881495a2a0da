package dev.periksa.check.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.evidence.Redactor;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiCategory;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the URLs a reply hands out (redirect and link headers, URL values in JSON, links and form
 * targets in HTML, absolute URLs in text) and the personal data in their query strings.
 *
 * <p>Each query parameter is scanned as a JSON field of its own name, so {@code ?nik=3174...} is a
 * NIK by its name as {@code {"nik": "3174..."}} would be. Only matches the scanner is confident of
 * ({@value #MIN_CONFIDENCE} or more) count: a bare 16-digit number without a name that says what it
 * is may be an order number or a timestamp, which URLs are full of. The canary NIK counts wherever
 * it appears in a URL, path included: Periksa sent it, so it is known to be one.
 */
final class UrlsInReplies {
  /** Least scanner confidence for a value in a URL to count as personal data. */
  static final double MIN_CONFIDENCE = 0.9;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ABSOLUTE = Pattern.compile("(?i)https?://[^\\s\"'<>\\\\]+");
  private static final Pattern RELATIVE_VALUE = Pattern.compile("^/[^\\s\"'<>]*$");
  private static final Pattern HTML_ATTRIBUTE =
      Pattern.compile("(?i)\\b(?:href|src|action|formaction)\\s*=\\s*[\"']([^\"']+)[\"']");
  private static final Pattern LINK_HEADER = Pattern.compile("<([^>]+)>");
  private static final Pattern REFRESH = Pattern.compile("(?i)url\\s*=\\s*['\"]?([^'\"\\s;]+)");

  private UrlsInReplies() {}

  /** A URL found in a reply, and where. */
  record Found(String where, String url) {}

  /** A URL that carries personal data: its masked form and what it carries. */
  record Offending(String where, String masked, Map<PiiType, Integer> counts, boolean canary) {}

  /** Every URL a reply hands out, each once. */
  static List<Found> in(ProbeResponse r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String h : List.of("location", "content-location")) {
      for (String v : r.headers().getOrDefault(h, List.of())) {
        out.putIfAbsent(v.strip(), h + " header");
      }
    }
    for (String v : r.headers().getOrDefault("link", List.of())) {
      Matcher m = LINK_HEADER.matcher(v);
      while (m.find()) {
        out.putIfAbsent(m.group(1).strip(), "link header");
      }
    }
    for (String v : r.headers().getOrDefault("refresh", List.of())) {
      Matcher m = REFRESH.matcher(v);
      if (m.find()) {
        out.putIfAbsent(m.group(1), "refresh header");
      }
    }
    String text = r.text();
    JsonNode json = r.json().orElse(null);
    if (json != null) {
      List<String> values = new ArrayList<>();
      strings(json, values);
      for (String v : values) {
        String s = v.strip();
        if (RELATIVE_VALUE.matcher(s).matches()) {
          out.putIfAbsent(s, "value in the JSON reply");
        } else {
          Matcher m = ABSOLUTE.matcher(s);
          while (m.find()) {
            out.putIfAbsent(m.group(), "value in the JSON reply");
          }
        }
      }
    } else {
      Matcher m = HTML_ATTRIBUTE.matcher(text);
      while (m.find()) {
        out.putIfAbsent(unescapeHtml(m.group(1).strip()), "link in the page");
      }
      Matcher a = ABSOLUTE.matcher(text);
      while (a.find()) {
        out.putIfAbsent(unescapeHtml(a.group()), "URL in the reply");
      }
    }
    List<Found> found = new ArrayList<>();
    out.forEach((url, where) -> found.add(new Found(where, url)));
    return found;
  }

  /** The URL's personal data, or null when it carries none. */
  static Offending judge(PersonalDataScanner scanner, Found f) {
    String url = f.url();
    boolean canary = Canary.in(url) || Canary.in(decode(url));
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    int hash = query.indexOf('#');
    if (hash >= 0) {
      query = query.substring(0, hash);
    }
    Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    List<String> shown = new ArrayList<>();
    if (!query.isEmpty()) {
      for (String pair : query.split("[&;]")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        PiiType type = personal(scanner, name, value);
        if (Canary.in(value)) {
          type = PiiType.NIK;
        }
        if (type != null) {
          counts.merge(type, 1, Integer::sum);
          shown.add(name + "=" + Redactor.mask(type, value));
        } else {
          shown.add(name + "=" + value);
        }
      }
    }
    if (canary && !counts.containsKey(PiiType.NIK)) {
      counts.put(PiiType.NIK, 1);
    }
    if (counts.isEmpty()) {
      return null;
    }
    String masked = Canary.hide(path) + (shown.isEmpty() ? "" : "?" + String.join("&", shown));
    return new Offending(f.where(), Replies.cut(masked, 300), counts, canary);
  }

  /** What a query parameter's value is, judged with its name as the field name. */
  private static PiiType personal(PersonalDataScanner scanner, String name, String value) {
    if (value.isBlank()) {
      return null;
    }
    String asJson;
    try {
      asJson = JSON.writeValueAsString(Map.of(name.isEmpty() ? "value" : name, value));
    } catch (java.io.IOException e) {
      return null;
    }
    PiiType best = null;
    double confidence = 0;
    for (PiiMatch m : scanner.scan(asJson)) {
      if (m.type().category() != PiiCategory.CREDENTIAL
          && m.confidence() >= MIN_CONFIDENCE
          && m.confidence() > confidence) {
        best = m.type();
        confidence = m.confidence();
      }
    }
    return best;
  }

  /** The masked forms of a set of offending URLs, each once. */
  static List<String> masked(List<Offending> urls) {
    Set<String> out = new LinkedHashSet<>();
    urls.forEach(u -> out.add(u.masked()));
    return new ArrayList<>(out);
  }

  private static void strings(JsonNode j, List<String> out) {
    if (j.isTextual()) {
      out.add(j.asText());
    } else if (j.isContainerNode()) {
      for (JsonNode c : j) {
        strings(c, out);
      }
    }
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
