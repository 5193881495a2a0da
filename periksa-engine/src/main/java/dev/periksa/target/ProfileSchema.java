package dev.periksa.target;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every key a target profile may hold, in one declarative list: its dotted path ({@code
 * endpoints[].api.login.format}; {@code []} stands for any item of a list), its type, whether it is
 * required, its default, the values it allows and what it means. {@link ProfileLoader} takes the
 * keys it accepts in each mapping from here, and {@link ProfileReference} writes the reference from
 * it, so a key cannot be accepted without being documented, nor documented without being accepted.
 */
public final class ProfileSchema {

  /** What a key holds. */
  public enum Type {
    TEXT("text", "a single value"),
    SECRET(
        "secret",
        "a single value that should come from the environment as `${VAR}`; reports show it as"
            + " ••••••"),
    NUMBER("number", "a positive number"),
    BOOLEAN("boolean", "`true` or `false`"),
    URL("URL", "`scheme://host:port/path`, without user name or password"),
    DURATION("duration", "seconds (`120`), or a number with `s` or `m` (`90s`, `2m`)"),
    PATTERN("regular expression", "a Java regular expression"),
    VARIABLE_NAME("variable name", "the name of an environment variable, not `${...}`"),
    LIST("list of text", "a YAML list of single values (`[a, b]`, or one `- item` a line)"),
    PORTS(
        "list of ports",
        "a list of port numbers, ranges (`\"8000-8100\"`) and comma-separated strings"
            + " (`\"${PORTS}\"` may hold `80,443`)"),
    MAPPING("mapping", "a YAML mapping of the keys listed under it"),
    MAPPING_LIST("list of mappings", "a YAML list whose items are mappings of the keys under it"),
    MANAGED_OR_MAPPING(
        "`managed` or mapping", "the word `managed`, or a mapping of the keys under it");

    private final String label;
    private final String meaning;

    Type(String label, String meaning) {
      this.label = label;
      this.meaning = meaning;
    }

    /** How the reference names it. */
    public String label() {
      return label;
    }

    /** What a value of this type looks like, in words. */
    public String meaning() {
      return meaning;
    }

    /** Whether keys of its own sit under it (for a list, under each item). */
    public boolean holdsKeys() {
      return this == MAPPING || this == MAPPING_LIST || this == MANAGED_OR_MAPPING;
    }
  }

  /**
   * One key.
   *
   * @param path dotted path from the top of the profile; {@code []} marks the items of a list
   * @param type what it holds
   * @param required whether a profile must have it (where its parent is present)
   * @param condition when it is required only sometimes, in words (else null)
   * @param defaultValue what applies when it is absent, in words (else null)
   * @param allowed the only values it takes (empty: any value of its type)
   * @param description one line on what it means
   * @param example a value for the reference's profile with every key (null for a key that holds
   *     keys: its example is made of theirs)
   */
  public record Key(
      String path,
      Type type,
      boolean required,
      String condition,
      String defaultValue,
      List<String> allowed,
      String description,
      Object example) {

    public Key {
      allowed = List.copyOf(allowed);
    }

    /** The key's own name, the last part of its path. */
    public String name() {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The path of the mapping it sits in ({@code ""} for the top of the profile). */
    public String parent() {
      int dot = path.lastIndexOf('.');
      return dot < 0 ? "" : path.substring(0, dot);
    }

    /** The path of the mapping its own keys sit in, for a key that holds keys. */
    public String section() {
      return type == Type.MAPPING_LIST ? path + "[]" : path;
    }

    Key requiredWhen(String when) {
      return new Key(path, type, false, when, defaultValue, allowed, description, example);
    }

    Key defaults(String value) {
      return new Key(path, type, required, condition, value, allowed, description, example);
    }

    Key allows(List<String> values) {
      return new Key(path, type, required, condition, defaultValue, values, description, example);
    }
  }

  private static final List<Key> KEYS = build();

  private static final Map<String, Set<String>> SECTIONS = sections(KEYS);

  private ProfileSchema() {}

  /** Every key, in the order the reference lists them (a mapping before its keys). */
  public static List<Key> keys() {
    return KEYS;
  }

  /** The key at a schema path such as {@code endpoints[].api.login.format}. */
  public static Optional<Key> key(String path) {
    return KEYS.stream().filter(k -> k.path().equals(path)).findFirst();
  }

  /**
   * The paths of every mapping that holds keys: {@code ""} for the top of the profile, then e.g.
   * {@code scope}, {@code identities[]}, {@code endpoints[].api.login}.
   */
  public static Set<String> sections() {
    return SECTIONS.keySet();
  }

  /**
   * The keys allowed in the mapping at a path, given as in the schema ({@code endpoints[].api}) or
   * as in a profile ({@code endpoints[2].api}: list indices are ignored).
   *
   * @throws IllegalArgumentException when the schema has no mapping there (a bug in the caller)
   */
  public static Set<String> keysAt(String path) {
    Set<String> keys = SECTIONS.get(section(path));
    if (keys == null) {
      throw new IllegalArgumentException("the profile schema has no mapping at '" + path + "'");
    }
    return keys;
  }

  /** A profile path with its list indices dropped: {@code endpoints[2].api} to {@code []}. */
  public static String section(String path) {
    return path.replaceAll("\\[\\d+]", "[]");
  }

  /**
   * A profile that has every key of the schema, built from the keys' examples: each list of
   * mappings holds one item. It is valid when its variables are set and {@code ${ORG_CA_PEM}} names
   * a PEM file.
   */
  public static ObjectNode everyKeyExample() {
    ObjectMapper json = new ObjectMapper();
    Map<String, ObjectNode> mappings = new LinkedHashMap<>();
    ObjectNode root = json.createObjectNode();
    mappings.put("", root);
    for (Key k : KEYS) {
      ObjectNode parent = mappings.get(k.parent());
      if (k.type() == Type.MAPPING_LIST) {
        ArrayNode list = parent.putArray(k.name());
        mappings.put(k.section(), list.addObject());
      } else if (k.type().holdsKeys()) {
        mappings.put(k.section(), parent.putObject(k.name()));
      } else {
        parent.set(k.name(), json.valueToTree(k.example()));
      }
    }
    return root;
  }

  private static Map<String, Set<String>> sections(List<Key> keys) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    out.put("", new LinkedHashSet<>());
    for (Key k : keys) {
      if (k.type().holdsKeys()) {
        out.put(k.section(), new LinkedHashSet<>());
      }
    }
    for (Key k : keys) {
      Set<String> in = out.get(k.parent());
      if (in == null) {
        throw new IllegalStateException(k.path() + " sits in no mapping of the schema");
      }
      in.add(k.name());
    }
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    out.forEach((s, names) -> frozen.put(s, Set.copyOf(names)));
    return java.util.Collections.unmodifiableMap(frozen);
  }

  private static Key req(String path, Type type, String description, Object example) {
    return new Key(path, type, true, null, null, List.of(), description, example);
  }

  private static Key opt(String path, Type type, String description, Object example) {
    return new Key(path, type, false, null, null, List.of(), description, example);
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static List<Key> build() {
    List<Key> k = new ArrayList<>();
    k.add(req("name", Type.TEXT, "The target's name, shown in reports.", "Example clinic"));
    k.add(opt("description", Type.TEXT, "Free text for the report.", "Staging copy of the EHR"));
    k.add(req("scope", Type.MAPPING, "The hosts Periksa may contact; nothing else is.", null));
    k.add(
        req(
            "scope.hosts",
            Type.LIST,
            "Host names or IP addresses that may be contacted (at least one); every endpoint's"
                + " host must be one of them.",
            List.of("127.0.0.1")));
    k.add(
        opt("rateLimit", Type.NUMBER, "Most requests per second to any one host.", 20)
            .defaults("`" + number(ProfileLoader.DEFAULT_RATE_LIMIT) + "`"));
    k.add(
        opt(
                "timeoutSeconds",
                Type.NUMBER,
                "Most time one exchange may take, connect to last byte, in seconds.",
                10)
            .defaults("`" + ProfileLoader.DEFAULT_TIMEOUT_SECONDS + "`"));

    k.add(
        opt(
            "identities",
            Type.MAPPING_LIST,
            "Test identities that checks may use; nothing else is ever logged in with.",
            null));
    k.add(
        req(
            "identities[].name",
            Type.TEXT,
            "How endpoints and `api` sections refer to the identity; unique in the profile.",
            "reader"));
    k.add(
        opt("identities[].username", Type.TEXT, "Login name; goes with `password`.", "reader")
            .requiredWhen("required with `password`"));
    k.add(
        opt(
                "identities[].password",
                Type.SECRET,
                "Password for `username`; never printed.",
                "${READER_PASSWORD}")
            .requiredWhen("required with `username` unless `token` or `apiKey` is given"));
    k.add(
        opt(
            "identities[].owns",
            Type.LIST,
            "Ids of records this identity owns (`{id}` in `api.record` and `api.personalData`).",
            List.of("REC-0001")));
    k.add(
        opt(
            "identities[].token",
            Type.SECRET,
            "A bearer token used instead of logging in; never printed.",
            "${READER_TOKEN}"));
    k.add(
        opt(
            "identities[].apiKey",
            Type.SECRET,
            "An API key sent instead of logging in; never printed.",
            "${READER_API_KEY}"));
    k.add(
        opt(
                "identities[].apiKeyHeader",
                Type.TEXT,
                "The HTTP header that carries `apiKey` (only with an `apiKey`).",
                "X-Api-Key")
            .defaults("`" + Identity.DEFAULT_API_KEY_HEADER + "`"));

    k.add(
        req("endpoints", Type.MAPPING_LIST, "What to probe (at least one).", null)
            .requiredWhen("required unless there is a `discovery` section"));
    k.add(
        req(
            "endpoints[].name",
            Type.TEXT,
            "Short name shown in reports; unique in the profile.",
            "api"));
    k.add(
        req("endpoints[].kind", Type.TEXT, "What the endpoint is (see \"Endpoint kinds\").", "http")
            .allows(EndpointKind.ids()));
    k.add(
        req(
            "endpoints[].url",
            Type.URL,
            "Where it answers; its scheme must fit the kind, its host must be in `scope.hosts`,"
                + " and it carries no credentials.",
            "http://127.0.0.1:8080"));
    k.add(
        opt(
            "endpoints[].identity",
            Type.TEXT,
            "A declared identity this endpoint's checks may use (see \"What each kind does with"
                + " an identity\").",
            "reader"));
    k.add(
        opt(
            "endpoints[].resources",
            Type.LIST,
            "Names to try here: bucket names (`s3`, `gcs`), container names (`azure-blob`),"
                + " database paths (`firebase`), extra paths (`web`).",
            List.of("/backup.sql")));
    k.add(
        opt(
            "endpoints[].fixture",
            Type.TEXT,
            "The one bucket or container write probes may touch; without it no write probe is"
                + " made.",
            "periksa-write-probe"));
    k.add(
        opt(
                "endpoints[].optional",
                Type.BOOLEAN,
                "When true, the endpoint is left out (and listed as not scanned) if a `${VAR}` in"
                    + " it is unset.",
                true)
            .defaults("`false`"));
    k.add(
        opt(
            "endpoints[].api",
            Type.MAPPING,
            "How an HTTP API authenticates and where its personal data is; only for kind `http`.",
            null));
    k.add(
        opt(
            "endpoints[].api.login",
            Type.MAPPING,
            "The API's login form; absent when identities carry a token or API key.",
            null));
    k.add(
        req(
            "endpoints[].api.login.path",
            Type.TEXT,
            "Where the login form is sent.",
            "/api/v1/auth/login"));
    k.add(
        opt(
                "endpoints[].api.login.format",
                Type.TEXT,
                "How the form is encoded: a JSON object or url-encoded.",
                "json")
            .defaults("`" + ApiSettings.Login.DEFAULT_FORMAT + "`")
            .allows(ApiSettings.Login.FORMATS));
    k.add(
        opt(
                "endpoints[].api.login.username",
                Type.TEXT,
                "Name of the form's user-name field.",
                "username")
            .defaults("`" + ApiSettings.Login.DEFAULT_USERNAME_FIELD + "`"));
    k.add(
        opt(
                "endpoints[].api.login.password",
                Type.TEXT,
                "Name of the form's password field.",
                "password")
            .defaults("`" + ApiSettings.Login.DEFAULT_PASSWORD_FIELD + "`"));
    k.add(
        opt(
            "endpoints[].api.login.token",
            Type.TEXT,
            "Where the token is in the JSON reply, as a dotted path (`data.access_token`); absent"
                + " when the session is a cookie.",
            "token"));
    k.add(
        opt(
            "endpoints[].api.personalData",
            Type.LIST,
            "Paths that return personal data (`{id}`: a record an identity owns); each must refuse"
                + " a request without credentials.",
            List.of("/api/v1/records/{id}")));
    k.add(
        opt(
            "endpoints[].api.record",
            Type.TEXT,
            "Path of one record, with `{id}`; identities' `owns` name its ids.",
            "/api/v1/records/{id}"));
    k.add(
        opt(
            "endpoints[].api.identities",
            Type.LIST,
            "Declared identities that use this API (the first acts in AUZ-1 and AUZ-2).",
            List.of("reader")));
    k.add(
        opt(
            "endpoints[].api.throttleIdentity",
            Type.TEXT,
            "The one identity the password-guessing burst (AUT-4) aims at; it needs a password.",
            "reader"));
    k.add(
        opt(
                "endpoints[].api.maxLoginAttempts",
                Type.NUMBER,
                "Most wrong passwords AUT-4 may send (at most "
                    + ApiSettings.MAX_LOGIN_ATTEMPTS
                    + ").",
                30)
            .defaults("`" + ApiSettings.DEFAULT_MAX_LOGIN_ATTEMPTS + "`"));
    k.add(
        opt(
                "endpoints[].api.defaultCredentials",
                Type.LIST,
                "Shipped default-credential lists (`credentials/<name>.txt`, e.g. `generic`,"
                    + " `redis`) to try at the login (AUT-2); an unknown name leaves AUT-2"
                    + " INCONCLUSIVE.",
                List.of("generic"))
            .defaults("`generic`"));
    k.add(
        opt(
                "endpoints[].api.jwks",
                Type.TEXT,
                "Path where the API publishes its public keys (AUT-3 key confusion).",
                "/.well-known/jwks.json")
            .defaults("`/.well-known/jwks.json` is tried"));
    k.add(
        opt(
                "endpoints[].api.ownRecordsShow",
                Type.LIST,
                "What the API's identities may see in clear in their own records (AUZ-2): a"
                    + " patient portal shows patients their own test results; lists of others'"
                    + " records are judged as before.",
                List.of("test-result"))
            .allows(ApiSettings.OWN_RECORD_DATA)
            .defaults("none: identity numbers and test results in clear are excessive"));
    k.add(
        opt(
            "endpoints[].api.search",
            Type.MAPPING,
            "Where the API looks people up by identity number (the checks send a synthetic"
                + " canary number).",
            null));
    k.add(
        req(
            "endpoints[].api.search.path",
            Type.TEXT,
            "The look-up's path, starting with `/`, without a query.",
            "/api/v1/search"));
    k.add(
        req("endpoints[].api.search.field", Type.TEXT, "The field that takes the number.", "nik"));

    k.add(opt("tls", Type.MAPPING, "Settings of the TLS checks.", null));
    k.add(
        opt(
            "tls.trust",
            Type.LIST,
            "PEM files of CAs TLS-2 trusts besides the JDK's (relative to the profile's folder).",
            List.of("${ORG_CA_PEM}")));

    k.add(
        opt(
            "discovery",
            Type.MAPPING,
            "Look for undeclared products and probe what answers as if it had been declared.",
            null));
    k.add(
        opt(
                "discovery.hosts",
                Type.LIST,
                "Hosts to look at; each must be in `scope.hosts`.",
                List.of("127.0.0.1"))
            .defaults("the scope's hosts"));
    k.add(
        opt(
                "discovery.ports",
                Type.PORTS,
                "Port numbers, ranges (`\"8000-8100\"`) and comma-separated strings, at most "
                    + String.format(java.util.Locale.ROOT, "%,d", ProfileLoader.MAX_DISCOVERY_PORTS)
                    + " ports.",
                List.of(9200, "8000-8100"))
            .defaults("each product's usual ports and the common web ports"));
    k.add(
        opt(
                "discovery.concurrency",
                Type.NUMBER,
                "How many host/port pairs are examined at once (at most 64).",
                8)
            .defaults("`" + TargetProfile.DiscoverySettings.DEFAULT_CONCURRENCY + "`"));

    k.add(opt("dast", Type.MAPPING, "Asks for DAST-1, a ZAP scan of the target.", null));
    k.add(
        opt(
                "dast.zap",
                Type.MANAGED_OR_MAPPING,
                "`managed` (Periksa runs a ZAP itself) or the address and key of your own ZAP.",
                null)
            .defaults("`managed`"));
    k.add(
        req(
            "dast.zap.url",
            Type.URL,
            "Your ZAP's API address (`http://` or `https://`).",
            "http://127.0.0.1:8090"));
    k.add(
        req(
            "dast.zap.apiKeyEnv",
            Type.VARIABLE_NAME,
            "The environment variable that holds your ZAP's API key (the name, not the key).",
            "ZAP_API_KEY"));
    k.add(
        opt(
                "dast.budget",
                Type.DURATION,
                "Most time the spider and the active scan take together: seconds, `90s` or `2m`"
                    + " (at most 4 hours).",
                "2m")
            .defaults("`" + DastSettings.DEFAULT_BUDGET.toMinutes() + "m`"));
    k.add(
        opt(
                "dast.bases",
                Type.LIST,
                "Where the spider starts and the scan stays: endpoint names or in-scope URLs.",
                List.of("api"))
            .defaults("every `http` and `web` endpoint"));
    k.add(
        opt(
            "dast.threshold",
            Type.MAPPING,
            "An alert at or above both the risk and the confidence fails DAST-1.",
            null));
    k.add(
        opt("dast.threshold.risk", Type.TEXT, "The lowest risk that fails.", "Medium")
            .defaults("`" + DastSettings.Threshold.DEFAULT.risk().label() + "`")
            .allows(
                Arrays.stream(DastSettings.Risk.values()).map(DastSettings.Risk::label).toList()));
    k.add(
        opt("dast.threshold.confidence", Type.TEXT, "The lowest confidence that fails.", "Medium")
            .defaults("`" + DastSettings.Threshold.DEFAULT.confidence().label() + "`")
            .allows(
                Arrays.stream(DastSettings.Confidence.values())
                    .filter(c -> c != DastSettings.Confidence.FALSE_POSITIVE)
                    .map(DastSettings.Confidence::label)
                    .toList()));
    k.add(
        opt(
            "dast.falsePositives",
            Type.MAPPING_LIST,
            "Alerts a reviewer judged false positives: shown, not counted.",
            null));
    k.add(req("dast.falsePositives[].rule", Type.NUMBER, "ZAP's rule (plugin) id.", 10038));
    k.add(
        req(
            "dast.falsePositives[].url",
            Type.PATTERN,
            "A regular expression the alert's whole URL must match.",
            "http://127\\.0\\.0\\.1:8080/demo/.*"));
    k.add(
        req(
            "dast.falsePositives[].justification",
            Type.TEXT,
            "Why it is not a weakness, shown in the report.",
            "a static demo page without personal data"));
    return List.copyOf(k);
  }
}
