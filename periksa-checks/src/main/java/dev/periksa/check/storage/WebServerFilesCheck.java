package dev.periksa.check.storage;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.support.DataPlaces;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.Endpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * STO-4 for any web server: does it hand a stranger a directory listing of exports, the {@code
 * .env}, the {@code .git/config} or a backup?
 *
 * <p>It asks for a short shipped list of paths ({@code paths/web-files.txt}), the endpoint's {@code
 * resources} and the data-like directories its root page links to (at most 3: {@code /ekspor/},
 * {@code /laporan/}…). A reply counts only when it has the shape of the file it claims to be (a
 * listing names its directory and links entries; a {@code .env} is all {@code KEY=VALUE} lines; a
 * {@code .git/config} has a {@code [core]} section; a backup starts with a dump header or an
 * archive magic number) <em>and</em> differs from what the server answers for an invented path of
 * the same shape, asked first: so a catch-all page or a soft 404 that repeats these words is no
 * finding.
 *
 * <p>Files are read with {@code Range} requests and a matching size cap, so a server that ignores
 * the Range header still gives at most a few kilobytes. A listing's data files are sampled (a few
 * records of at most two files) and rated by what they hold; secrets are reported by name, their
 * values never leave the check.
 */
@AutoService(Check.class)
public final class WebServerFilesCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-4.web-server",
          "Web servers serve no directory listings, repository files, secrets or backups",
          "Web server",
          List.of("STO-4"),
          List.of("web"),
          List.of(548, 538, 527, 530, 200),
          "Turn directory listings off; deploy only the build output into the document root (never"
              + " the repository, .env files, exports or backups); make the server refuse dot-paths"
              + " and backup names (.sql, .zip, .bak, .gz); serve exports only behind"
              + " authentication; rotate every credential that was served, and treat exposed"
              + " personal data as a breach to assess and notify (UU PDP: 3x24 hours; GDPR Art. 33:"
              + " 72 hours).");

  /** Bytes asked for (Range) and read at most (cap) from any file. */
  static final int FILE_BYTES = 8 * 1024;

  /** Data files sampled from one listing. */
  static final int FILES_PER_LISTING = 2;

  /** Records shown from one sampled file. */
  static final int RECORDS_PER_FILE = 3;

  /** Entries of a listing named in the evidence. */
  static final int MAX_ENTRIES_LISTED = 50;

  /** Listings, secrets and backups found by following listings, per endpoint. */
  static final int MAX_FOLLOWED = 10;

  /** Directories a root page links to that are asked for (the most data-like first). */
  static final int LINKED_DIRECTORIES = 3;

  private static final java.util.regex.Pattern HREF =
      java.util.regex.Pattern.compile("(?i)<a\\s[^>]*href\\s*=\\s*[\"']([^\"'#]+)[\"']");

  /** The shipped paths, in order. */
  static final List<String> PATHS = load("paths/web-files.txt");

  private static final Set<String> DATA_EXTENSIONS =
      Set.of("csv", "tsv", "json", "jsonl", "ndjson", "xml", "txt", "log");
  private static final List<String> DATA_PREFERENCE =
      List.of("csv", "tsv", "json", "jsonl", "ndjson", "xml", "log", "txt");
  private static final Set<String> BACKUP_EXTENSIONS =
      Set.of("sql", "zip", "bak", "gz", "tgz", "tar", "7z", "dump", "sqlite", "db");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    new EndpointScan(ctx, e, result).run();
  }

  /** What a path is expected to be, from its name. */
  enum Kind {
    LISTING,
    ENV,
    GIT_CONFIG,
    BACKUP,
    DATA;

    static Kind of(String path) {
      String p = path.toLowerCase(Locale.ROOT);
      if (p.endsWith("/")) {
        return LISTING;
      }
      String name = p.substring(p.lastIndexOf('/') + 1);
      if (p.endsWith("/.git/config")) {
        return GIT_CONFIG;
      }
      if (name.equals(".env") || name.startsWith(".env.")) {
        return ENV;
      }
      String ext = extension(name);
      if (BACKUP_EXTENSIONS.contains(ext) || name.endsWith("~") || name.endsWith(".old")) {
        return BACKUP;
      }
      return DATA;
    }
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** The probing of one endpoint: its baselines, what it served, what was unclear. */
  private static final class EndpointScan {
    private final TargetContext ctx;
    private final Endpoint e;
    private final CheckResult.Builder result;
    private final HttpProbe files;
    private final Map<String, ProbeResponse> baselines = new HashMap<>();
    private final Map<String, String> baselinePaths = new HashMap<>();
    private final List<String> unclear = new ArrayList<>();
    private final List<String> notServed = new ArrayList<>();
    private final Set<String> done = new LinkedHashSet<>();
    private int findings;
    private int followed;

    EndpointScan(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
      this.ctx = ctx;
      this.e = e;
      this.result = result;
      this.files = ctx.http().followingRedirects().withMaxBody(FILE_BYTES);
    }

    void run() {
      try {
        baseline("/");
      } catch (ProbeException ex) {
        result.unanswered(
            ctx.redactor(),
            "no usable reply from " + e.name(),
            e.url().toString(),
            e.name(),
            ex.getMessage());
        return;
      }
      LinkedHashSet<String> queue = new LinkedHashSet<>(PATHS);
      for (String r : e.resources()) {
        queue.add(r.startsWith("/") ? r : "/" + r);
      }
      List<String> pending = new ArrayList<>(queue);
      for (int i = 0; i < pending.size(); i++) {
        String path = pending.get(i);
        if (!done.add(path)) {
          continue;
        }
        try {
          for (String more : examine(path)) {
            if (!done.contains(more) && !pending.contains(more) && followed < MAX_FOLLOWED) {
              followed++;
              pending.add(more);
            }
          }
        } catch (ProbeException ex) {
          unclear.add(path + " (" + ex.getMessage() + ")");
        }
      }
      conclude(done.size());
    }

    private void conclude(int asked) {
      if (findings > 0) {
        if (!unclear.isEmpty()) {
          result.observe(
              ctx.redactor()
                  .capture(
                      "paths without a clear answer on " + e.name(),
                      e.url().toString(),
                      0,
                      null,
                      Map.of("paths", unclear)));
        }
        return;
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("pathsAsked", asked);
      facts.put("notServedOrMissing", notServed.size());
      if (!unclear.isEmpty()) {
        facts.put("unclear", unclear);
      }
      result.observe(
          ctx.redactor()
              .capture("web files asked of " + e.name(), e.url().toString(), 0, null, facts));
      if (!unclear.isEmpty()) {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": no clear answer for "
                + unclear.size()
                + " of "
                + asked
                + " paths: "
                + String.join(", ", unclear.subList(0, Math.min(5, unclear.size()))));
      } else {
        result.part(
            Outcome.PASS,
            e.name()
                + ": serves none of "
                + asked
                + " listing, repository, secret and backup paths");
      }
    }

    /** Probes one path; returns paths worth asking next (secrets and backups a listing names). */
    private List<String> examine(String path) {
      Kind kind = Kind.of(path);
      boolean whole = kind == Kind.LISTING;
      ProbeResponse r =
          whole
              ? ctx.http().followingRedirects().get(WebProbing.at(e.url(), path))
              : files.get(
                  WebProbing.at(e.url(), path), Map.of("Range", WebProbing.firstBytes(FILE_BYTES)));
      if (!r.isSuccess()) {
        if (WebProbing.notServed(r.status())) {
          notServed.add(path);
        } else {
          unclear.add(path + " (HTTP " + r.status() + ")");
        }
        return List.of();
      }
      ProbeResponse base = baseline(path);
      if (WebProbing.samePage(r, path, base, baselinePaths.get(shape(path)))) {
        notServed.add(path);
        return List.of();
      }
      switch (kind) {
        case LISTING:
          if (path.equals("/")) {
            List<String> more = new ArrayList<>(listing(path, r));
            more.addAll(linkedDirectories(r));
            return more;
          }
          return listing(path, r);
        case ENV:
          env(path, r);
          return List.of();
        case GIT_CONFIG:
          gitConfig(path, r);
          return List.of();
        case BACKUP:
          backup(path, r);
          return List.of();
        default:
          data(path, r);
          return List.of();
      }
    }

    /**
     * The directories a root page links to that look like they hold data ({@code /ekspor/}, {@code
     * /laporan/}, {@code /api/}…): a listing is found where the site itself points, in whatever
     * language it names its exports, not only at the shipped paths.
     */
    private List<String> linkedDirectories(ProbeResponse root) {
      String basePath =
          e.url().getRawPath() == null ? "" : e.url().getRawPath().replaceAll("/+$", "");
      java.util.regex.Matcher m = HREF.matcher(root.text());
      List<java.net.URI> dirs = new ArrayList<>();
      int n = 0;
      while (m.find() && n++ < 500) {
        java.net.URI u;
        try {
          u = root.url().resolve(m.group(1).strip().replace(" ", "%20"));
        } catch (IllegalArgumentException ex) {
          continue;
        }
        String p = u.getRawPath();
        if (u.getRawQuery() == null
            && e.url().getHost().equalsIgnoreCase(u.getHost())
            && e.url().getPort() == u.getPort()
            && p != null
            && p.endsWith("/")
            && p.startsWith(basePath + "/")
            && !p.contains("..")
            && DataPlaces.score(p) > 0) {
          dirs.add(u);
        }
      }
      return DataPlaces.ranked(dirs).stream()
          .map(u -> u.getRawPath().substring(basePath.length()))
          .filter(p -> !p.equals("/"))
          .limit(LINKED_DIRECTORIES)
          .toList();
    }

    /** What the server answers for an invented path shaped like {@code path}, asked once. */
    private ProbeResponse baseline(String path) {
      String shape = shape(path);
      ProbeResponse known = baselines.get(shape);
      if (known != null) {
        return known;
      }
      String invented = invent(shape);
      Kind kind = Kind.of(path);
      ProbeResponse r =
          kind == Kind.LISTING
              ? ctx.http().followingRedirects().get(WebProbing.at(e.url(), invented))
              : files.get(
                  WebProbing.at(e.url(), invented),
                  Map.of("Range", WebProbing.firstBytes(FILE_BYTES)));
      baselines.put(shape, r);
      baselinePaths.put(shape, invented);
      if (r.isSuccess()) {
        result.observe(
            ctx.redactor()
                .capture(
                    "invented path " + invented,
                    r.request(),
                    r.status(),
                    r.body(),
                    Map.of("note", "answers a path nobody deployed: replies like it are ignored")));
      }
      return r;
    }

    /** Paths of one shape share a baseline: directories, dot-files, dot-folders, extensions. */
    private static String shape(String path) {
      if (path.endsWith("/")) {
        return "dir";
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (path.matches(".*/\\.[^/]+/[^/]+$")) {
        return "dotdir/" + name;
      }
      if (name.startsWith(".")) {
        return "dot";
      }
      String ext = extension(name);
      return ext.isEmpty() ? "plain" : "ext." + ext;
    }

    private static String invent(String shape) {
      String n = WebProbing.invented();
      if (shape.equals("dir")) {
        return "/" + n + "/";
      }
      if (shape.startsWith("dotdir/")) {
        return "/." + n + "/" + shape.substring("dotdir/".length());
      }
      if (shape.equals("dot")) {
        return "/." + n;
      }
      if (shape.startsWith("ext.")) {
        return "/" + n + "." + shape.substring(4);
      }
      return "/" + n;
    }

    private List<String> listing(String path, ProbeResponse r) {
      // The page names and links paths as the server sees them, under the endpoint's base path.
      String basePath =
          e.url().getRawPath() == null ? "" : e.url().getRawPath().replaceAll("/+$", "");
      Optional<WebFileShapes.Listing> parsed = WebFileShapes.listing(r.text(), basePath + path);
      if (parsed.isEmpty()) {
        notServed.add(path);
        return List.of();
      }
      List<String> entries =
          parsed.get().entries().stream().map(x -> x.substring(basePath.length())).toList();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("directory", path);
      facts.put("title", parsed.get().title());
      facts.put("entryCount", entries.size());
      facts.put(
          "entries",
          entries.stream().limit(MAX_ENTRIES_LISTED).map(WebServerFilesCheck::display).toList());
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(
          ctx.redactor()
              .capture("directory listing " + path, r.request(), r.status(), r.body(), facts));

      List<String> follow = new ArrayList<>();
      List<String> data = new ArrayList<>();
      for (String entry : entries) {
        Kind k = Kind.of(entry);
        if (k == Kind.DATA && DATA_EXTENSIONS.contains(extension(entry))) {
          data.add(entry);
        } else if (k == Kind.ENV || k == Kind.GIT_CONFIG || k == Kind.BACKUP) {
          follow.add(entry);
        } else if (k == Kind.LISTING && entry.endsWith("/.git/")) {
          follow.add(entry + "config");
        }
      }
      data.sort(
          Comparator.comparingInt((String s) -> DATA_PREFERENCE.indexOf(extension(s)))
              .thenComparing(s -> s));
      Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
      int sampled = 0;
      for (String file : data.subList(0, Math.min(FILES_PER_LISTING, data.size()))) {
        done.add(file);
        try {
          ProbeResponse f =
              files.get(
                  WebProbing.at(e.url(), file), Map.of("Range", WebProbing.firstBytes(FILE_BYTES)));
          if (!f.isSuccess()) {
            continue;
          }
          Sample s = sample(file, f);
          s.counts().forEach((k, v) -> total.merge(k, v, Integer::sum));
          evidence.add(s.evidence());
          sampled++;
        } catch (ProbeException ex) {
          unclear.add(file + " (" + ex.getMessage() + ")");
        }
      }
      Severity severity = Redactor.severityOf(total);
      String holds =
          sampled == 0
              ? "no data file sampled"
              : total.isEmpty()
                  ? "nothing personal in " + sampled + " sampled file" + (sampled > 1 ? "s" : "")
                  : sampled
                      + " sampled file"
                      + (sampled > 1 ? "s hold " : " holds ")
                      + labels(total);
      finding(
          String.format(
              "Directory listing of %s shows %d entr%s (%d data file%s); %s",
              path,
              entries.size(),
              entries.size() == 1 ? "y" : "ies",
              data.size(),
              data.size() == 1 ? "" : "s",
              holds),
          path,
          severity,
          evidence);
      return follow;
    }

    private void env(String path, ProbeResponse r) {
      Optional<List<WebFileShapes.EnvEntry>> parsed =
          WebFileShapes.env(r.text(), WebProbing.partial(r));
      if (parsed.isEmpty()) {
        notServed.add(path);
        return;
      }
      List<WebFileShapes.EnvEntry> entries = parsed.get();
      List<String> secrets =
          entries.stream()
              .filter(WebFileShapes.EnvEntry::secret)
              .map(WebFileShapes.EnvEntry::key)
              .toList();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("path", path);
      facts.put("settings", entries.size());
      facts.put("keys", entries.stream().map(WebFileShapes.EnvEntry::key).limit(100).toList());
      facts.put("credentials", secrets.stream().map(k -> k + "=••••••").toList());
      Evidence ev =
          ctx.redactor()
              .capture("environment file " + path, r.request(), r.status(), r.body(), facts);
      // A served credential is a key to the data store itself: HIGH whatever else the file holds.
      // Settings without a credential still map the back end for an attacker: MEDIUM.
      Severity severity =
          secrets.isEmpty()
              ? WeaknessRule.CONFIGURATION_SOURCE_OR_BACKUP_SERVED.severity()
              : WeaknessRule.SECRETS_SERVED.severity();
      finding(
          String.format(
              "%s is served: %d settings%s",
              path,
              entries.size(),
              secrets.isEmpty()
                  ? ", no credential among them"
                  : "; credentials " + String.join(", ", secrets) + " (values withheld)"),
          path,
          severity,
          List.of(ev));
    }

    private void gitConfig(String path, ProbeResponse r) {
      Optional<WebFileShapes.GitConfig> parsed =
          WebFileShapes.gitConfig(r.text(), WebProbing.partial(r));
      if (parsed.isEmpty()) {
        notServed.add(path);
        return;
      }
      WebFileShapes.GitConfig g = parsed.get();
      List<Evidence> evidence = new ArrayList<>();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("path", path);
      facts.put("sections", g.sections());
      facts.put("remotes", g.remotes().stream().map(x -> x.name() + " " + x.maskedUrl()).toList());
      facts.put("credentialsInRemoteUrl", g.credentials());
      evidence.add(
          ctx.redactor()
              .capture("repository config " + path, r.request(), r.status(), r.body(), facts));
      String head = path.substring(0, path.length() - "config".length()) + "HEAD";
      try {
        ProbeResponse h = files.get(WebProbing.at(e.url(), head));
        boolean ref = h.isSuccess() && h.text().startsWith("ref: refs/");
        evidence.add(
            ctx.redactor()
                .capture(
                    "repository HEAD " + head,
                    h.request(),
                    h.status(),
                    h.body(),
                    Map.of("pointsToABranch", ref)));
      } catch (ProbeException ex) {
        // The config alone proves the folder is served; HEAD only corroborates it.
      }
      // A token in a remote URL opens the source host (and often CI and deploy keys): HIGH. Without
      // one, the .git folder still lets anyone rebuild the source and its history: MEDIUM.
      Severity severity =
          g.credentials()
              ? WeaknessRule.SECRETS_SERVED.severity()
              : WeaknessRule.CONFIGURATION_SOURCE_OR_BACKUP_SERVED.severity();
      finding(
          g.credentials()
              ? path
                  + " is served and a remote URL carries a credential ("
                  + g.remotes().stream()
                      .filter(WebFileShapes.Remote::credentials)
                      .map(WebFileShapes.Remote::maskedUrl)
                      .collect(Collectors.joining(", "))
                  + ")"
              : path + " is served: the repository and its history can be downloaded",
          path,
          severity,
          evidence);
    }

    private void backup(String path, ProbeResponse r) {
      Optional<WebFileShapes.Backup> parsed = WebFileShapes.backup(r.body());
      if (parsed.isEmpty()) {
        notServed.add(path);
        return;
      }
      WebFileShapes.Backup b = parsed.get();
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("path", path);
      facts.put("format", b.format());
      facts.put("range", WebProbing.firstBytes(FILE_BYTES));
      facts.put("bytesRead", r.body().length);
      WebProbing.totalSize(r).ifPresent(t -> facts.put("fileSize", t));
      if (b.firstEntry() != null) {
        facts.put("firstEntry", b.firstEntry());
      }
      Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
      List<String> records = List.of();
      if (b.database()) {
        records = WebFileShapes.records(r.text(), WebProbing.partial(r), RECORDS_PER_FILE);
        for (String rec : records) {
          ctx.scanner()
              .count(ctx.scanner().scan(rec))
              .forEach((k, v) -> counts.merge(k, v, Integer::sum));
        }
        facts.put("recordsSampled", records.size());
      }
      Evidence ev =
          ctx.redactor()
              .capture("backup " + path, r.request(), r.status(), r.body(), facts, records);
      // Only the first kilobytes of a backup are read, by design; the rest of a database dump or an
      // archive is unseen, so "nothing personal in the sample" cannot lower it below MEDIUM. What
      // the sampled rows hold can raise it, by the shared rule.
      Severity severity =
          Severity.max(
              WeaknessRule.CONFIGURATION_SOURCE_OR_BACKUP_SERVED.severity(),
              Redactor.severityOf(counts));
      String size = WebProbing.totalSize(r).map(t -> String.format(", %,d bytes", t)).orElse("");
      finding(
          String.format(
              "Backup %s is served (%s%s)%s",
              path,
              b.format(),
              size,
              counts.isEmpty() ? "" : "; sampled records hold " + labels(counts)),
          path,
          severity,
          List.of(ev));
    }

    private void data(String path, ProbeResponse r) {
      Sample s = sample(path, r);
      if (s.records() == 0 && s.counts().isEmpty()) {
        notServed.add(path);
        return;
      }
      finding(
          String.format(
              "%s is served to anyone%s",
              path, s.counts().isEmpty() ? "" : "; sampled records hold " + labels(s.counts())),
          path,
          Redactor.severityOf(s.counts()),
          List.of(s.evidence()));
    }

    /** A few records of a data file, counted and masked. */
    private Sample sample(String path, ProbeResponse r) {
      boolean partial = WebProbing.partial(r);
      List<String> records = WebFileShapes.records(r.text(), partial, RECORDS_PER_FILE);
      List<String> shown = records;
      if (records.isEmpty()) {
        shown =
            r.text()
                .lines()
                .limit(RECORDS_PER_FILE)
                .map(l -> l.length() > 300 ? l.substring(0, 300) : l)
                .toList();
      }
      Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
      for (String s : shown) {
        ctx.scanner()
            .count(ctx.scanner().scan(s))
            .forEach((k, v) -> counts.merge(k, v, Integer::sum));
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("path", path);
      facts.put("range", WebProbing.firstBytes(FILE_BYTES));
      facts.put("bytesRead", r.body().length);
      WebProbing.totalSize(r).ifPresent(t -> facts.put("fileSize", t));
      facts.put("recordsSampled", records.size());
      Evidence ev =
          ctx.redactor()
              .capture("sample of " + path, r.request(), r.status(), r.body(), facts, shown);
      ctx.observed().record(r.url(), METADATA.id(), "sample of " + path, counts, ev);
      return new Sample(records.size(), counts, ev);
    }

    private void finding(String title, String path, Severity s, List<Evidence> evidence) {
      findings++;
      result.fail(
          new Finding(
              title, WebProbing.at(e.url(), path).toString(), s, evidence, METADATA.remediation()),
          e.name() + ": " + path + " served (" + s + ")");
    }
  }

  /** What a sampled file gave: its record count, personal data by type and the evidence. */
  private record Sample(int records, Map<PiiType, Integer> counts, Evidence evidence) {}

  private static String labels(Map<PiiType, Integer> counts) {
    return counts.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
  }

  private static String display(String path) {
    try {
      return URLDecoder.decode(path, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return path;
    }
  }

  private static List<String> load(String resource) {
    InputStream in = WebServerFilesCheck.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the class path");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String proof() {
    return """
        directory listings (2 data files sampled with Range requests, severity from the data),
        `.env` and `.git/config` (credentials named, never shown: HIGH), backups by dump header or
        archive magic (at least MEDIUM); each only with the file's own shape and unlike the
        server's reply to an invented path
        """;
  }
}
