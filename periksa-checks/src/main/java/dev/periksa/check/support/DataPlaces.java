package dev.periksa.check.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.check.TargetContext;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an HTTP endpoint without an api section keeps its data, read the way a person looking for
 * it would, and bounded:
 *
 * <ol>
 *   <li>its root, asked for HTML and then for JSON (an API may answer JSON only to {@code Accept:
 *       application/json}, and a redirect to anything else); a redirect to the same origin is
 *       followed once;
 *   <li>the declared resources;
 *   <li>the same-origin links of those replies (HTML links, path values in JSON), one level, the
 *       data-like first ({@code .csv}, {@code .json}, {@code .xlsx}, {@code /api/}, {@code
 *       /export}…), assets and actions (log out, delete) never;
 *   <li>the most data-like file of each listing reached that way (one level further).
 * </ol>
 *
 * Files are read with {@code Range} (their first kilobytes), other replies up to the body cap; at
 * most {@code maxReads} requests in all, each within the probe's scope and rate limit. Queries are
 * never followed (a link with a query string may act), nor are links to other origins.
 */
public final class DataPlaces {
  /** Declared resources (extra paths, buckets) that are read. */
  public static final int MAX_RESOURCES = 3;

  /** Bytes read of a file (its first kilobytes: a header and a few rows). */
  public static final int RANGE_BYTES = 4096;

  static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
  static final String ACCEPT_JSON = "application/json, */*;q=0.5";

  /** Links followed from the root (and declared resources), most data-like first. */
  static final int MAX_LINKS = 4;

  /** Files read from each listing reached. */
  static final int MAX_FROM_LISTING = 1;

  /** One reply read, and what it was. */
  public record Place(String what, ProbeResponse reply, int depth) {}

  /** Sees each reply in turn; returns true to stop the walk. */
  @FunctionalInterface
  public interface Visitor {
    boolean visit(Place place);
  }

  private static final Pattern HREF =
      Pattern.compile("(?i)<a\\s[^>]*href\\s*=\\s*[\"']([^\"'#]+)[\"']");

  private static final Set<String> DATA_FILES =
      Set.of("csv", "tsv", "json", "jsonl", "ndjson", "sql", "xlsx", "xls", "xml", "dat");

  private static final Set<String> STRONG_DATA_FILES =
      Set.of("csv", "tsv", "json", "jsonl", "ndjson", "sql");

  private static final Set<String> ASSETS =
      Set.of(
          "css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "woff",
          "woff2", "ttf", "eot", "mp4", "webm", "mp3", "pdf", "zip", "gz", "tar", "7z", "exe");

  private static final Pattern DATA_WORDS =
      Pattern.compile(
          "(?i)(^|[/_.-])(api|export|exports|ekspor|data|dataset|download|downloads|unduh|report|"
              + "reports|laporan|pasien|patient|patients|records|rekam|arsip|archive|backup|dump|"
              + "registry|registri|vaksin|vaccination|lab|hasil)([/_.-]|$)");

  private static final Pattern ACTIONS =
      Pattern.compile("(?i)(logout|log-out|signout|sign-out|keluar|delete|hapus|remove|reset)");

  private static final Pattern JSON_PATH =
      Pattern.compile("/[A-Za-z0-9._~%!$&'()*+,;=:@/-]{0,200}");

  private final TargetContext ctx;
  private final Endpoint e;
  private final int maxReads;
  private final int rangeBytes;
  private final Set<URI> asked = new LinkedHashSet<>();
  private int reads;

  private DataPlaces(TargetContext ctx, Endpoint e, int maxReads, int rangeBytes) {
    this.ctx = ctx;
    this.e = e;
    this.maxReads = maxReads;
    this.rangeBytes = rangeBytes;
  }

  /**
   * Walks the endpoint's data places, handing each reply to the visitor until it says stop or the
   * reads run out. A failed exchange ends the walk with its exception.
   */
  public static void walk(TargetContext ctx, Endpoint e, int maxReads, int rangeBytes, Visitor v) {
    new DataPlaces(ctx, e, maxReads, rangeBytes).walk(v);
  }

  private void walk(Visitor v) {
    URI root = e.resolve("/");
    List<ProbeResponse> pages = new ArrayList<>();
    ProbeResponse html = fetch(root, ACCEPT_HTML, false);
    if (v.visit(new Place("root page", html, 0))) {
      return;
    }
    pages.add(html);
    if (!isJson(html) && more()) {
      ProbeResponse json = fetch(root, ACCEPT_JSON, false);
      if (v.visit(new Place("root page asked for JSON", json, 0))) {
        return;
      }
      pages.add(json);
    }
    for (ProbeResponse r : List.copyOf(pages)) {
      URI to = redirect(r);
      if (to != null && more() && asked.add(to)) {
        ProbeResponse next = fetch(to, r == html ? ACCEPT_HTML : ACCEPT_JSON, false);
        if (v.visit(new Place("root redirects to " + to.getRawPath(), next, 0))) {
          return;
        }
        pages.add(next);
      }
    }
    Deque<URI> links = new ArrayDeque<>();
    for (String res : e.resources().stream().limit(MAX_RESOURCES).toList()) {
      links.add(e.resolve(res));
    }
    List<URI> found = new ArrayList<>();
    for (ProbeResponse p : pages) {
      found.addAll(linksOf(p));
    }
    ranked(found).stream().limit(MAX_LINKS).forEach(links::add);
    for (URI link : links) {
      if (!more()) {
        return;
      }
      if (!asked.add(link)) {
        continue;
      }
      ProbeResponse r = read(link);
      if (v.visit(new Place(link.getRawPath(), r, 1))) {
        return;
      }
      if (r.isSuccess() && !isJson(r)) {
        // A listing (or any page) reached from the root: its most data-like file, one level
        // further.
        List<URI> files =
            ranked(linksOf(r)).stream()
                .filter(u -> !u.getRawPath().endsWith("/") && score(u.getRawPath()) > 0)
                .limit(MAX_FROM_LISTING)
                .toList();
        for (URI f : files) {
          if (!more() || !asked.add(f)) {
            continue;
          }
          ProbeResponse fr = read(f);
          if (v.visit(
              new Place(f.getRawPath() + " (listed in " + link.getRawPath() + ")", fr, 2))) {
            return;
          }
        }
      }
    }
  }

  private boolean more() {
    return reads < maxReads;
  }

  private ProbeResponse read(URI u) {
    String path = u.getRawPath().toLowerCase(Locale.ROOT);
    String ext = extension(path);
    if (DATA_FILES.contains(ext) || "txt".equals(ext)) {
      return fetch(u, "json".equals(ext) ? ACCEPT_JSON : "*/*", true);
    }
    boolean api = DATA_WORDS.matcher(path).find() && path.contains("/api");
    return fetch(u, api ? ACCEPT_JSON : ACCEPT_HTML, false);
  }

  private ProbeResponse fetch(URI u, String accept, boolean ranged) {
    reads++;
    asked.add(u);
    if (ranged) {
      return ctx.http()
          .withMaxBody(rangeBytes)
          .get(u, Map.of("Accept", accept, "Range", "bytes=0-" + (rangeBytes - 1)));
    }
    return ctx.http().get(u, Map.of("Accept", accept));
  }

  /** A redirect to the same origin, or null. */
  private URI redirect(ProbeResponse r) {
    if (r.status() < 300 || r.status() >= 400) {
      return null;
    }
    return r.header("location").map(l -> sameOrigin(r.url(), l)).orElse(null);
  }

  /** The same-origin links of a reply: HTML anchors, or path and URL values in JSON. */
  private List<URI> linksOf(ProbeResponse r) {
    if (!r.isSuccess()) {
      return List.of();
    }
    List<URI> out = new ArrayList<>();
    if (isJson(r)) {
      r.json().ifPresent(j -> jsonLinks(r.url(), j, out, new int[] {0}));
      return out;
    }
    Matcher m = HREF.matcher(r.text());
    int n = 0;
    while (m.find() && n++ < 500) {
      URI u = sameOrigin(r.url(), m.group(1).strip());
      if (u != null && !isParent(r.url(), u)) {
        out.add(u);
      }
    }
    return out;
  }

  private void jsonLinks(URI base, JsonNode j, List<URI> out, int[] seen) {
    if (seen[0]++ > 2000) {
      return;
    }
    if (j.isTextual()) {
      String s = j.asText();
      if ((s.startsWith("/") && JSON_PATH.matcher(s).matches()) || s.startsWith("http")) {
        URI u = sameOrigin(base, s);
        if (u != null) {
          out.add(u);
        }
      }
    } else if (j.isContainerNode()) {
      j.forEach(c -> jsonLinks(base, c, out, seen));
    }
  }

  /**
   * The link resolved against the page, when it stays on the endpoint's origin and asks nothing.
   */
  private URI sameOrigin(URI page, String href) {
    URI u;
    try {
      u = page.resolve(href.replace(" ", "%20"));
    } catch (IllegalArgumentException ex) {
      return null;
    }
    if (u.getRawQuery() != null
        || u.getHost() == null
        || !e.url().getScheme().equalsIgnoreCase(u.getScheme())
        || !e.url().getHost().equalsIgnoreCase(u.getHost())
        || e.port(defaultPort()) != (u.getPort() > 0 ? u.getPort() : defaultPort())) {
      return null;
    }
    String path = u.getRawPath();
    if (path == null || path.isEmpty() || ACTIONS.matcher(path).find()) {
      return null;
    }
    if (ASSETS.contains(extension(path.toLowerCase(Locale.ROOT)))) {
      return null;
    }
    try {
      return new URI(u.getScheme(), u.getRawAuthority(), path, null, null).normalize();
    } catch (java.net.URISyntaxException ex) {
      return URI.create(u.getScheme() + "://" + u.getRawAuthority() + path);
    }
  }

  private int defaultPort() {
    return "https".equalsIgnoreCase(e.url().getScheme()) ? 443 : 80;
  }

  /** A link back up (a listing's "Parent Directory"), or to the page itself. */
  private static boolean isParent(URI page, URI link) {
    String p = page.getRawPath() == null ? "/" : page.getRawPath();
    String l = link.getRawPath();
    return l.equals(p) || (l.endsWith("/") && p.startsWith(l));
  }

  /** Links without duplicates, the most data-like first (document order among equals). */
  public static List<URI> ranked(List<URI> links) {
    List<URI> unique = new ArrayList<>(new LinkedHashSet<>(links));
    unique.sort(Comparator.comparingInt((URI u) -> -score(u.getRawPath())));
    return unique;
  }

  /** How much a path looks like data: data files and API or export paths high, read-mes low. */
  public static int score(String rawPath) {
    String path = rawPath.toLowerCase(Locale.ROOT);
    String name = path.endsWith("/") ? "" : path.substring(path.lastIndexOf('/') + 1);
    String ext = extension(path);
    int s = 0;
    if (STRONG_DATA_FILES.contains(ext)) {
      s += 4;
    } else if (DATA_FILES.contains(ext)) {
      s += 2;
    }
    if (DATA_WORDS.matcher(path).find()) {
      s += 2;
    }
    if (path.startsWith("/api/") || path.contains("/api/")) {
      s += 2;
    }
    if (path.endsWith("/") && !path.equals("/")) {
      s += 1;
    }
    if (name.startsWith("readme")
        || name.startsWith("license")
        || name.startsWith("changelog")
        || name.startsWith("index.")
        || Set.of("md", "html", "htm", "txt").contains(ext)) {
      s -= 2;
    }
    return s;
  }

  static String extension(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  private static boolean isJson(ProbeResponse r) {
    return r.header("content-type")
            .map(t -> t.toLowerCase(Locale.ROOT).contains("json"))
            .orElse(false)
        && r.json().isPresent();
  }
}
