package dev.periksa.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code targets/*.yaml}. Every problem is reported with the file and the field path (unknown
 * key, missing field, unresolved {@code ${VAR}}, URL outside the scope) before anything is probed.
 * The keys each mapping accepts are {@link ProfileSchema}'s, which also writes the reference.
 */
public final class ProfileLoader {

  static final double DEFAULT_RATE_LIMIT = 10.0;
  static final int DEFAULT_TIMEOUT_SECONDS = 10;

  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m)?");

  private final Function<String, String> variables;

  /** Resolves {@code ${VAR}} from the process environment. */
  public ProfileLoader() {
    this(System::getenv);
  }

  /** Resolves {@code ${VAR}} with the given lookup (null means unset). */
  public ProfileLoader(Function<String, String> variables) {
    this.variables = variables;
  }

  /** Resolves from the map first, then from the environment. */
  public static ProfileLoader withOverrides(Map<String, String> overrides) {
    return new ProfileLoader(
        name -> overrides.containsKey(name) ? overrides.get(name) : System.getenv(name));
  }

  public TargetProfile load(Path file) throws ProfileException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ProfileException(file + ": no such file");
    } catch (IOException e) {
      throw new ProfileException(file + ": cannot be read: " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /** Reads a profile from text; {@code file} names it in errors and reports. */
  public TargetProfile parse(Path file, String text) throws ProfileException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ProfileException(
          file
              + ": not valid YAML at line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    Reader r = new Reader(file);
    if (root == null || !root.isObject()) {
      throw r.error(
          "", "the profile must be a mapping with at least 'name', 'scope' and 'endpoints'");
    }
    r.keys(root, "");
    String name = r.text(root, "", "name", true);
    String description = r.text(root, "", "description", false);

    JsonNode scopeNode = r.object(root, "", "scope", true);
    r.keys(scopeNode, "scope");
    List<String> hosts = new ArrayList<>();
    JsonNode hostList = r.array(scopeNode, "scope", "hosts", true);
    for (int i = 0; i < hostList.size(); i++) {
      hosts.add(r.scalar(hostList.get(i), "scope.hosts[" + i + "]"));
    }
    if (hosts.isEmpty()) {
      throw r.error("scope.hosts", "must name at least one host");
    }
    Scope scope = new Scope(hosts);

    double rate =
        root.has("rateLimit") ? r.positiveNumber(root, "", "rateLimit") : DEFAULT_RATE_LIMIT;
    int timeout =
        root.has("timeoutSeconds")
            ? (int) r.positiveNumber(root, "", "timeoutSeconds")
            : DEFAULT_TIMEOUT_SECONDS;

    List<Identity> identities = new ArrayList<>();
    Set<String> identityNames = new HashSet<>();
    if (root.has("identities")) {
      JsonNode list = r.array(root, "", "identities", true);
      for (int i = 0; i < list.size(); i++) {
        String p = "identities[" + i + "]";
        JsonNode n = list.get(i);
        if (!n.isObject()) {
          throw r.error(
              p,
              "must be a mapping with 'name' and 'username' and 'password', or 'token', or"
                  + " 'apiKey'");
        }
        r.keys(n, p);
        String iname = r.text(n, p, "name", true);
        if (!identityNames.add(iname)) {
          throw r.error(p + ".name", "identity '" + iname + "' is declared twice");
        }
        List<String> owns = new ArrayList<>();
        if (n.has("owns")) {
          JsonNode o = r.array(n, p, "owns", true);
          for (int j = 0; j < o.size(); j++) {
            owns.add(r.scalar(o.get(j), p + ".owns[" + j + "]"));
          }
        }
        String username = r.text(n, p, "username", false);
        String password = r.text(n, p, "password", false);
        String token = r.text(n, p, "token", false);
        String apiKey = r.text(n, p, "apiKey", false);
        if (password != null && username == null) {
          throw r.error(p + ".username", "is required with a password");
        }
        if (username != null && password == null && token == null && apiKey == null) {
          throw r.error(p + ".password", "is required with a username (or give a token or apiKey)");
        }
        if (password == null && token == null && apiKey == null) {
          throw r.error(p, "needs a credential: username and password, token, or apiKey");
        }
        String header = r.text(n, p, "apiKeyHeader", false);
        if (header != null && apiKey == null) {
          throw r.error(
              p + ".apiKeyHeader", "names a header, but there is no apiKey to send in it");
        }
        if (header != null && !header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
          throw r.error(p + ".apiKeyHeader", "'" + header + "' is not an HTTP header name");
        }
        identities.add(
            new Identity(
                iname,
                username,
                password == null ? null : new Secret(password),
                owns,
                token == null ? null : new Secret(token),
                apiKey == null ? null : new Secret(apiKey),
                header));
      }
    }

    TargetProfile.DiscoverySettings discovery = discovery(r, root, scope);
    List<Endpoint> endpoints = new ArrayList<>();
    JsonNode list = r.array(root, "", "endpoints", discovery == null);
    if (list.isEmpty() && discovery == null) {
      throw r.error("endpoints", "must declare at least one endpoint (or a discovery section)");
    }
    Set<String> endpointNames = new HashSet<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String p = "endpoints[" + i + "]";
      JsonNode n = list.get(i);
      if (!n.isObject()) {
        throw r.error(p, "must be a mapping with 'name', 'kind' and 'url'");
      }
      r.keys(n, p);
      boolean optional = n.has("optional") && r.bool(n, p, "optional");
      try {
        String ename = r.text(n, p, "name", true);
        if (!endpointNames.add(ename)) {
          throw r.error(p + ".name", "endpoint '" + ename + "' is declared twice");
        }
        String kind = r.text(n, p, "kind", true);
        EndpointKind k = EndpointKind.of(kind).orElse(null);
        if (k == null) {
          throw r.error(
              p + ".kind",
              "unknown kind '" + kind + "' (known: " + String.join(", ", EndpointKind.ids()) + ")");
        }
        URI url = r.url(n, p, "url", k.schemes());
        if (!scope.allows(url.getHost())) {
          throw r.error(
              p + ".url",
              "host "
                  + url.getHost()
                  + " is outside the scope (scope.hosts: "
                  + String.join(", ", scope.hosts())
                  + ")");
        }
        String identity = r.text(n, p, "identity", false);
        if (identity != null && !identityNames.contains(identity)) {
          throw r.error(p + ".identity", "no identity named '" + identity + "' is declared");
        }
        List<String> resources = new ArrayList<>();
        if (n.has("resources")) {
          JsonNode rs = r.array(n, p, "resources", true);
          for (int j = 0; j < rs.size(); j++) {
            resources.add(r.scalar(rs.get(j), p + ".resources[" + j + "]"));
          }
        }
        String fixture = r.text(n, p, "fixture", false);
        ApiSettings api = api(r, n, p, k, identityNames);
        endpoints.add(new Endpoint(ename, kind, url, identity, resources, fixture, api));
      } catch (UnsetVariable u) {
        if (!optional) {
          throw u;
        }
        skipped.add(
            p
                + " ("
                + (n.path("name").asText("?"))
                + "): "
                + u.getMessage().substring(u.getMessage().indexOf(": ") + 2));
      }
    }
    return new TargetProfile(
        name,
        description == null ? "" : description,
        scope,
        rate,
        timeout,
        endpoints,
        identities,
        skipped,
        discovery,
        file,
        tls(r, root, file),
        dast(r, root, scope, endpoints));
  }

  /**
   * The {@code dast} section. {@code zap: managed} (the default) or {@code zap: {url, apiKeyEnv}};
   * {@code budget} as seconds or {@code 90s}/{@code 2m}; {@code bases} as endpoint names or URLs in
   * scope; {@code threshold: {risk, confidence}}; {@code falsePositives: [{rule, url,
   * justification}]}.
   */
  private DastSettings dast(Reader r, JsonNode root, Scope scope, List<Endpoint> endpoints)
      throws ProfileException {
    JsonNode d = r.object(root, "", "dast", false);
    if (d == null) {
      return null;
    }
    String p = "dast";
    r.keys(d, p);
    URI zapUrl = null;
    Secret key = null;
    String keyEnv = null;
    JsonNode z = d.get("zap");
    if (z != null && !z.isNull()) {
      if (z.isObject()) {
        r.keys(z, p + ".zap");
        zapUrl = r.url(z, p + ".zap", "url", Set.of("http", "https"));
        keyEnv = r.text(z, p + ".zap", "apiKeyEnv", true);
        if (!VAR_NAME.matcher(keyEnv).matches()) {
          throw r.error(p + ".zap.apiKeyEnv", "must name an environment variable, not a key");
        }
        String v = variables.apply(keyEnv);
        if (v == null || v.isBlank()) {
          throw r.error(
              p + ".zap.apiKeyEnv", "variable " + keyEnv + " is not set in the environment");
        }
        key = new Secret(v);
      } else if (!r.scalar(z, p + ".zap").equals("managed")) {
        throw r.error(
            p + ".zap", "must be 'managed' or a mapping with 'url' and 'apiKeyEnv' of a ZAP");
      }
    }
    java.time.Duration budget = DastSettings.DEFAULT_BUDGET;
    if (d.has("budget")) {
      String raw = r.scalar(d.get("budget"), p + ".budget").strip();
      Matcher m = DURATION.matcher(raw);
      if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
        throw r.error(
            p + ".budget", "must be a duration such as 120, 90s or 2m, not '" + raw + "'");
      }
      long n = Long.parseLong(m.group(1));
      budget =
          "m".equals(m.group(2))
              ? java.time.Duration.ofMinutes(n)
              : java.time.Duration.ofSeconds(n);
      if (budget.compareTo(java.time.Duration.ofHours(4)) > 0) {
        throw r.error(p + ".budget", "at most 4 hours");
      }
    }
    List<URI> bases = new ArrayList<>();
    JsonNode bl = r.array(d, p, "bases", false);
    for (int i = 0; i < bl.size(); i++) {
      String bp = p + ".bases[" + i + "]";
      String raw = r.scalar(bl.get(i), bp);
      if (raw.contains("://")) {
        URI u;
        try {
          u = new URI(raw);
        } catch (URISyntaxException e) {
          throw r.error(bp, "not a valid URL: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
          throw r.error(bp, "must be an http:// or https:// URL or an endpoint's name");
        }
        if (!scope.allows(u.getHost())) {
          throw r.error(bp, "host " + u.getHost() + " is outside the scope");
        }
        bases.add(u);
      } else {
        Endpoint e =
            endpoints.stream()
                .filter(x -> x.name().equals(raw))
                .findFirst()
                .orElseThrow(() -> r.error(bp, "no endpoint named '" + raw + "' is declared"));
        if (!e.url().getScheme().startsWith("http")) {
          throw r.error(bp, "endpoint '" + raw + "' is not an http:// or https:// one");
        }
        bases.add(e.url());
      }
    }
    if (!d.has("bases")) {
      for (Endpoint e : endpoints) {
        if (e.kind().equals("http") || e.kind().equals("web")) {
          bases.add(e.url());
        }
      }
    }
    DastSettings.Threshold threshold = DastSettings.Threshold.DEFAULT;
    JsonNode t = r.object(d, p, "threshold", false);
    if (t != null) {
      r.keys(t, p + ".threshold");
      DastSettings.Risk risk = threshold.risk();
      DastSettings.Confidence confidence = threshold.confidence();
      if (t.has("risk")) {
        String raw = r.text(t, p + ".threshold", "risk", true);
        try {
          risk = DastSettings.Risk.parse(raw);
        } catch (IllegalArgumentException e) {
          throw r.error(
              p + ".threshold.risk",
              "must be Informational, Low, Medium or High, not '" + raw + "'");
        }
      }
      if (t.has("confidence")) {
        String raw = r.text(t, p + ".threshold", "confidence", true);
        try {
          confidence = DastSettings.Confidence.parse(raw);
        } catch (IllegalArgumentException e) {
          throw r.error(
              p + ".threshold.confidence",
              "must be Low, Medium, High or Confirmed, not '" + raw + "'");
        }
        if (confidence == DastSettings.Confidence.FALSE_POSITIVE) {
          throw r.error(p + ".threshold.confidence", "must be Low, Medium, High or Confirmed");
        }
      }
      threshold = new DastSettings.Threshold(risk, confidence);
    }
    List<DastSettings.FalsePositive> fps = new ArrayList<>();
    JsonNode fl = r.array(d, p, "falsePositives", false);
    for (int i = 0; i < fl.size(); i++) {
      String fp = p + ".falsePositives[" + i + "]";
      JsonNode n = fl.get(i);
      if (!n.isObject()) {
        throw r.error(fp, "must be a mapping with 'rule', 'url' and 'justification'");
      }
      r.keys(n, fp);
      String rule = r.text(n, fp, "rule", true);
      int ruleId;
      try {
        ruleId = Integer.parseInt(rule.strip());
      } catch (NumberFormatException e) {
        throw r.error(fp + ".rule", "must be a ZAP rule id (a number), not '" + rule + "'");
      }
      String url = r.text(n, fp, "url", true);
      Pattern pattern;
      try {
        pattern = Pattern.compile(url);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw r.error(fp + ".url", "not a valid regular expression: " + e.getDescription());
      }
      fps.add(
          new DastSettings.FalsePositive(ruleId, pattern, r.text(n, fp, "justification", true)));
    }
    return new DastSettings(zapUrl, key, keyEnv, budget, bases, threshold, fps);
  }

  /** The {@code tls} section: PEM files of CAs to trust, each read now so a mistake stops here. */
  private TlsSettings tls(Reader r, JsonNode root, Path file) throws ProfileException {
    JsonNode t = r.object(root, "", "tls", false);
    if (t == null) {
      return TlsSettings.NONE;
    }
    r.keys(t, "tls");
    List<Path> paths = new ArrayList<>();
    List<java.security.cert.X509Certificate> cas = new ArrayList<>();
    JsonNode list = r.array(t, "tls", "trust", false);
    for (int i = 0; i < list.size(); i++) {
      String p = "tls.trust[" + i + "]";
      String raw = r.scalar(list.get(i), p);
      Path pem = Path.of(raw);
      if (!pem.isAbsolute() && file.toAbsolutePath().getParent() != null) {
        pem = file.toAbsolutePath().getParent().resolve(pem);
      }
      try (java.io.InputStream in = Files.newInputStream(pem)) {
        java.util.Collection<? extends java.security.cert.Certificate> read =
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in);
        if (read.isEmpty()) {
          throw r.error(p, raw + " holds no PEM certificate");
        }
        for (java.security.cert.Certificate c : read) {
          cas.add((java.security.cert.X509Certificate) c);
        }
      } catch (NoSuchFileException e) {
        throw r.error(p, "no such file: " + raw);
      } catch (IOException e) {
        throw r.error(p, raw + " cannot be read: " + e.getMessage());
      } catch (java.security.cert.CertificateException e) {
        throw r.error(p, raw + " is not a PEM certificate: " + e.getMessage());
      }
      paths.add(pem);
    }
    return new TlsSettings(paths, cas);
  }

  private ApiSettings api(
      Reader r, JsonNode endpoint, String path, EndpointKind kind, Set<String> identityNames)
      throws ProfileException {
    JsonNode a = r.object(endpoint, path, "api", false);
    if (a == null) {
      return null;
    }
    String p = path + ".api";
    if (kind != EndpointKind.HTTP) {
      throw r.error(p, "only an endpoint of kind http takes an api section");
    }
    r.keys(a, p);
    ApiSettings.Login login = null;
    JsonNode l = r.object(a, p, "login", false);
    if (l != null) {
      String lp = p + ".login";
      r.keys(l, lp);
      String format =
          l.has("format") ? r.text(l, lp, "format", true) : ApiSettings.Login.DEFAULT_FORMAT;
      if (!ApiSettings.Login.FORMATS.contains(format)) {
        throw r.error(
            lp + ".format",
            "must be " + String.join(" or ", ApiSettings.Login.FORMATS) + ", not '" + format + "'");
      }
      login =
          new ApiSettings.Login(
              r.text(l, lp, "path", true),
              format,
              l.has("username")
                  ? r.text(l, lp, "username", true)
                  : ApiSettings.Login.DEFAULT_USERNAME_FIELD,
              l.has("password")
                  ? r.text(l, lp, "password", true)
                  : ApiSettings.Login.DEFAULT_PASSWORD_FIELD,
              r.text(l, lp, "token", false));
    }
    List<String> personal = new ArrayList<>();
    JsonNode pl = r.array(a, p, "personalData", false);
    for (int i = 0; i < pl.size(); i++) {
      personal.add(r.scalar(pl.get(i), p + ".personalData[" + i + "]"));
    }
    List<String> ids = new ArrayList<>();
    JsonNode il = r.array(a, p, "identities", false);
    for (int i = 0; i < il.size(); i++) {
      String id = r.scalar(il.get(i), p + ".identities[" + i + "]");
      if (!identityNames.contains(id)) {
        throw r.error(p + ".identities[" + i + "]", "no identity named '" + id + "' is declared");
      }
      ids.add(id);
    }
    String throttle = r.text(a, p, "throttleIdentity", false);
    if (throttle != null && !identityNames.contains(throttle)) {
      throw r.error(p + ".throttleIdentity", "no identity named '" + throttle + "' is declared");
    }
    int attempts = ApiSettings.DEFAULT_MAX_LOGIN_ATTEMPTS;
    if (a.has("maxLoginAttempts")) {
      attempts = (int) r.positiveNumber(a, p, "maxLoginAttempts");
      if (attempts > ApiSettings.MAX_LOGIN_ATTEMPTS) {
        throw r.error(
            p + ".maxLoginAttempts", "at most " + ApiSettings.MAX_LOGIN_ATTEMPTS + " is allowed");
      }
    }
    List<String> defaults = new ArrayList<>();
    JsonNode dl = r.array(a, p, "defaultCredentials", false);
    for (int i = 0; i < dl.size(); i++) {
      defaults.add(r.scalar(dl.get(i), p + ".defaultCredentials[" + i + "]"));
    }
    ApiSettings.Search search = null;
    JsonNode s = r.object(a, p, "search", false);
    if (s != null) {
      String sp = p + ".search";
      r.keys(s, sp);
      String searchPath = r.text(s, sp, "path", true);
      if (!searchPath.startsWith("/") || searchPath.contains("?")) {
        throw r.error(sp + ".path", "must be a path starting with / and without a query");
      }
      search = new ApiSettings.Search(searchPath, r.text(s, sp, "field", true));
    }
    List<String> shows = new ArrayList<>();
    JsonNode sl = r.array(a, p, "ownRecordsShow", false);
    for (int i = 0; i < sl.size(); i++) {
      String v = r.scalar(sl.get(i), p + ".ownRecordsShow[" + i + "]");
      if (!ApiSettings.OWN_RECORD_DATA.contains(v)) {
        throw r.error(
            p + ".ownRecordsShow[" + i + "]",
            "must be one of "
                + String.join(", ", ApiSettings.OWN_RECORD_DATA)
                + ", not '"
                + v
                + "'");
      }
      shows.add(v);
    }
    return new ApiSettings(
        login,
        personal,
        r.text(a, p, "record", false),
        ids,
        throttle,
        attempts,
        defaults,
        r.text(a, p, "jwks", false),
        search,
        shows);
  }

  private TargetProfile.DiscoverySettings discovery(Reader r, JsonNode root, Scope scope)
      throws ProfileException {
    JsonNode d = r.object(root, "", "discovery", false);
    if (d == null) {
      return null;
    }
    r.keys(d, "discovery");
    List<String> hosts = new ArrayList<>();
    JsonNode hl = r.array(d, "discovery", "hosts", false);
    for (int i = 0; i < hl.size(); i++) {
      String h = r.scalar(hl.get(i), "discovery.hosts[" + i + "]");
      if (!scope.allows(h)) {
        throw r.error("discovery.hosts[" + i + "]", "host " + h + " is outside the scope");
      }
      hosts.add(h);
    }
    List<Integer> ports = new ArrayList<>();
    JsonNode pl = r.array(d, "discovery", "ports", false);
    for (int i = 0; i < pl.size(); i++) {
      String path = "discovery.ports[" + i + "]";
      // An entry may be a number, a range "8000-8100" or, after ${VAR} substitution, a
      // comma-separated list of either.
      for (String s : r.scalar(pl.get(i), path).split(",")) {
        if (s.isBlank()) {
          continue;
        }
        String t = s.strip();
        int dash = t.indexOf('-');
        if (dash > 0) {
          int from = port(r, path, t.substring(0, dash).strip());
          int to = port(r, path, t.substring(dash + 1).strip());
          if (to < from) {
            throw r.error(path, "the range '" + t + "' ends before it starts");
          }
          if (ports.size() + (to - from + 1) > MAX_DISCOVERY_PORTS) {
            throw r.error(
                path, "more than " + MAX_DISCOVERY_PORTS + " ports to discover; narrow the ranges");
          }
          for (int port = from; port <= to; port++) {
            ports.add(port);
          }
        } else {
          ports.add(port(r, path, t));
        }
      }
    }
    if (ports.size() > MAX_DISCOVERY_PORTS) {
      throw r.error(
          "discovery.ports",
          "more than " + MAX_DISCOVERY_PORTS + " ports to discover; narrow the ranges");
    }
    int concurrency =
        d.has("concurrency")
            ? (int) r.positiveNumber(d, "discovery", "concurrency")
            : TargetProfile.DiscoverySettings.DEFAULT_CONCURRENCY;
    return new TargetProfile.DiscoverySettings(hosts, ports, Math.min(concurrency, 64));
  }

  /** Most ports one discovery section may list (ranges counted port by port). */
  public static final int MAX_DISCOVERY_PORTS = 10_000;

  private static int port(Reader r, String path, String s) throws ProfileException {
    try {
      int port = Integer.parseInt(s);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw r.error(path, "not a port number: '" + s + "'");
    }
  }

  /** A {@code ${VAR}} that is not set; an optional endpoint is dropped instead of failing. */
  private static final class UnsetVariable extends ProfileException {
    private static final long serialVersionUID = 1L;

    UnsetVariable(String message) {
      super(message);
    }
  }

  /** Walks the tree with the file name at hand, so every error can say where it is. */
  private final class Reader {
    private final Path file;

    Reader(Path file) {
      this.file = file;
    }

    ProfileException error(String path, String message) {
      return new ProfileException(file + (path.isEmpty() ? "" : ": " + path) + ": " + message);
    }

    private String join(String parent, String field) {
      return parent.isEmpty() ? field : parent + "." + field;
    }

    /** Refuses any key the schema does not allow in the mapping at this path. */
    void keys(JsonNode node, String path) throws ProfileException {
      Set<String> allowed = ProfileSchema.keysAt(path);
      Iterator<String> it = node.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        if (!allowed.contains(k)) {
          throw error(
              join(path, k),
              "unknown key (allowed here: "
                  + String.join(", ", new java.util.TreeSet<>(allowed))
                  + ")");
        }
      }
    }

    JsonNode object(JsonNode parent, String path, String field, boolean required)
        throws ProfileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        if (required) {
          throw error(join(path, field), "missing");
        }
        return null;
      }
      if (!n.isObject()) {
        throw error(join(path, field), "must be a mapping");
      }
      return n;
    }

    JsonNode array(JsonNode parent, String path, String field, boolean required)
        throws ProfileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        if (required) {
          throw error(join(path, field), "missing");
        }
        return YAML.createArrayNode();
      }
      if (!n.isArray()) {
        throw error(join(path, field), "must be a list");
      }
      return n;
    }

    String text(JsonNode parent, String path, String field, boolean required)
        throws ProfileException {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        if (required) {
          throw error(join(path, field), "missing");
        }
        return null;
      }
      String v = scalar(n, join(path, field));
      if (required && v.isBlank()) {
        throw error(join(path, field), "must not be empty");
      }
      return v;
    }

    String scalar(JsonNode n, String path) throws ProfileException {
      if (!n.isValueNode()) {
        throw error(path, "must be a single value");
      }
      return resolve(n.asText(), path);
    }

    boolean bool(JsonNode parent, String path, String field) throws ProfileException {
      String raw = scalar(parent.get(field), join(path, field));
      if (raw.equals("true") || raw.equals("false")) {
        return Boolean.parseBoolean(raw);
      }
      throw error(join(path, field), "must be true or false, not '" + raw + "'");
    }

    double positiveNumber(JsonNode parent, String path, String field) throws ProfileException {
      JsonNode n = parent.get(field);
      String raw = scalar(n, join(path, field));
      try {
        double d = Double.parseDouble(raw);
        if (d > 0 && Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error(join(path, field), "must be a positive number, not '" + raw + "'");
    }

    URI url(JsonNode parent, String path, String field, Set<String> schemes)
        throws ProfileException {
      String raw = text(parent, path, field, true);
      String p = join(path, field);
      URI u;
      try {
        u = new URI(raw);
      } catch (URISyntaxException e) {
        throw error(p, "not a valid URL: " + e.getReason());
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!schemes.contains(scheme)) {
        throw error(
            p,
            "must be a "
                + String.join(
                    " or ", new java.util.TreeSet<>(schemes).stream().map(s -> s + "://").toList())
                + " URL for this kind");
      }
      if (u.getHost() == null) {
        throw error(p, "has no host");
      }
      if (u.getUserInfo() != null) {
        throw error(p, "must not carry credentials; declare an identity instead");
      }
      return u;
    }

    /** Replaces every {@code ${VAR}}; an unset variable stops the load, naming it. */
    String resolve(String value, String path) throws ProfileException {
      Matcher m = VAR.matcher(value);
      StringBuilder out = new StringBuilder();
      Set<String> missing = new LinkedHashSet<>();
      while (m.find()) {
        String v = variables.apply(m.group(1));
        if (v == null) {
          missing.add(m.group(1));
          v = "";
        }
        m.appendReplacement(out, Matcher.quoteReplacement(v));
      }
      m.appendTail(out);
      if (!missing.isEmpty()) {
        throw new UnsetVariable(
            file
                + ": "
                + path
                + ": variable "
                + String.join(", ", missing.stream().map(s -> "${" + s + "}").toList())
                + " is not set in the environment");
      }
      return out.toString();
    }
  }
}
