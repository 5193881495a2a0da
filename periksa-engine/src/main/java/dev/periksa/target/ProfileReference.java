package dev.periksa.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The profile reference ({@code docs/profile-reference.md}), written from {@link ProfileSchema} and
 * {@link EndpointKind}: every key, the kinds, what each kind does with an identity, and one small
 * profile per kind. {@code periksa profile-reference} prints it.
 */
public final class ProfileReference {

  /** Where the reference is kept in the repository. */
  public static final String FILE = "docs/profile-reference.md";

  /** How to write it again after the schema changed. */
  public static final String REGENERATE = "./periksa profile-reference --out " + FILE;

  private ProfileReference() {}

  private static final String NOT_USED = "not used: no check of this kind logs in or presents one";

  /** What each kind does with the identity an endpoint names (or, for http, its API's). */
  private static final Map<EndpointKind, String> IDENTITY_USE = identityUse();

  private static Map<EndpointKind, String> identityUse() {
    Map<EndpointKind, String> m = new EnumMap<>(EndpointKind.class);
    String confirm =
        "one request with it after a refusal, proving the refusal came from the server (a token"
            + " or API key as such, else HTTP Basic)";
    String login =
        "one login with its username and password after a refusal (an identity without a"
            + " password is not used)";
    for (EndpointKind k :
        List.of(EndpointKind.SEARCH, EndpointKind.SOLR, EndpointKind.DICOMWEB, EndpointKind.FHIR)) {
      m.put(k, confirm);
    }
    for (EndpointKind k :
        List.of(
            EndpointKind.REDIS,
            EndpointKind.MEMCACHED,
            EndpointKind.POSTGRESQL,
            EndpointKind.MYSQL)) {
      m.put(k, login);
    }
    m.put(
        EndpointKind.HTTP,
        "`api.identities`, not `identity`: requests as that identity, through `api.login` with its"
            + " password, or with its token or API key directly when it has one (then the API"
            + " needs no login form); AUZ-1 and AUZ-2 act as the first identity, AUT-3 forges from"
            + " the token it logs in with or carries; `api.throttleIdentity` needs a password"
            + " (AUT-4 guesses passwords)");
    for (EndpointKind k :
        List.of(
            EndpointKind.KIBANA,
            EndpointKind.S3,
            EndpointKind.GCS,
            EndpointKind.AZURE_BLOB,
            EndpointKind.FIREBASE,
            EndpointKind.COUCHDB,
            EndpointKind.WEB,
            EndpointKind.MONGODB,
            EndpointKind.DICOM,
            EndpointKind.TLS,
            EndpointKind.HL7)) {
      m.put(k, NOT_USED);
    }
    return m;
  }

  private static final String HEAD =
      """
      name: Example %s
      scope:
        hosts: ["127.0.0.1"]
      endpoints:
      """;

  /** One small, complete profile per kind (loopback hosts, secrets from the environment). */
  private static final Map<EndpointKind, String> EXAMPLES = examples();

  private static Map<EndpointKind, String> examples() {
    Map<EndpointKind, String> m = new EnumMap<>(EndpointKind.class);
    String reader =
        """
        identities:
          - name: reader
            username: reader
            password: "${READER_PASSWORD}"
        """;
    m.put(
        EndpointKind.SEARCH,
        """
          - name: search
            kind: search
            url: "https://127.0.0.1:9200"
            identity: reader                 # optional: confirms a refusal came from the cluster
        """
            + reader);
    m.put(
        EndpointKind.SOLR,
        """
          - name: solr
            kind: solr
            url: "http://127.0.0.1:8983"
            identity: reader                 # optional
        """
            + reader);
    m.put(
        EndpointKind.KIBANA,
        """
          - name: dashboards
            kind: kibana
            url: "http://127.0.0.1:5601"
        """);
    m.put(
        EndpointKind.S3,
        """
          - name: exports
            kind: s3
            url: "http://127.0.0.1:9000"
            resources: [exports, backups]    # bucket names to try
            fixture: periksa-write-probe     # optional: the only bucket write probes may touch
        """);
    m.put(
        EndpointKind.GCS,
        """
          - name: scans
            kind: gcs
            url: "http://127.0.0.1:4443"     # https://storage.googleapis.com for the real service
            resources: [radiology-scans]     # bucket names to try
        """);
    m.put(
        EndpointKind.AZURE_BLOB,
        """
          - name: blobs
            kind: azure-blob
            url: "http://127.0.0.1:10000/devstoreaccount1"   # the account's blob endpoint
            resources: [lab-results]         # container names to try
        """);
    m.put(
        EndpointKind.FIREBASE,
        """
          - name: rtdb
            kind: firebase
            url: "http://127.0.0.1:9000"
            resources: [patients]            # optional: database paths to try besides the root
        """);
    m.put(
        EndpointKind.COUCHDB,
        """
          - name: couchdb
            kind: couchdb
            url: "http://127.0.0.1:5984"
        """);
    m.put(
        EndpointKind.WEB,
        """
          - name: portal
            kind: web
            url: "https://127.0.0.1:8443"
            resources: ["/backup/db.sql"]    # optional: paths to try besides the shipped list
        """);
    m.put(
        EndpointKind.FHIR,
        """
          - name: fhir
            kind: fhir
            url: "https://127.0.0.1:8443/fhir"
            identity: fhir-reader            # optional: a bearer token proves refusals are real
        identities:
          - name: fhir-reader
            token: "${FHIR_TOKEN}"
        """);
    m.put(
        EndpointKind.DICOMWEB,
        """
          - name: pacs
            kind: dicomweb
            url: "http://127.0.0.1:8042/dicom-web"
            identity: reader                 # optional
        """
            + reader);
    m.put(
        EndpointKind.DICOM,
        """
          - name: pacs-dimse
            kind: dicom
            url: "dicom://127.0.0.1:4242/ORTHANC"   # path: the called AE title (optional)
        """);
    m.put(
        EndpointKind.HTTP,
        """
          - name: api
            kind: http
            url: "http://127.0.0.1:8080"
            api:
              login: {path: /api/v1/auth/login, format: json, token: access_token}
              personalData: ["/api/v1/patients/{id}"]   # must refuse requests without credentials
              record: "/api/v1/patients/{id}"           # {id}: ids the identities own
              identities: [alice, bob]                   # AUZ-1: alice must not read bob's record
              throttleIdentity: carol                    # the only account AUT-4 guesses at
        identities:
          - name: alice
            username: alice
            password: "${ALICE_PASSWORD}"
            owns: ["P-0001"]
          - name: bob
            username: bob
            password: "${BOB_PASSWORD}"
            owns: ["P-0002"]
          - name: carol
            username: carol
            password: "${CAROL_PASSWORD}"
        """);
    m.put(
        EndpointKind.MONGODB,
        """
          - name: mongodb
            kind: mongodb
            url: "mongodb://127.0.0.1:27017"
        """);
    m.put(
        EndpointKind.REDIS,
        """
          - name: cache
            kind: redis
            url: "redis://127.0.0.1:6379"
            identity: reader                 # optional
        """
            + reader);
    m.put(
        EndpointKind.POSTGRESQL,
        """
          - name: postgresql
            kind: postgresql
            url: "postgresql://127.0.0.1:5432"
            identity: reader                 # optional
        """
            + reader);
    m.put(
        EndpointKind.MYSQL,
        """
          - name: mysql
            kind: mysql
            url: "mysql://127.0.0.1:3306"
            identity: reader                 # optional
        """
            + reader);
    m.put(
        EndpointKind.MEMCACHED,
        """
          - name: memcached
            kind: memcached
            url: "memcached://127.0.0.1:11211"
            identity: reader                 # optional
        """
            + reader);
    m.put(
        EndpointKind.TLS,
        """
          - name: syslog-tls
            kind: tls
            url: "tls://127.0.0.1:6514"      # a TLS service that does not speak HTTP
        """);
    m.put(
        EndpointKind.HL7,
        """
          - name: integration-engine
            kind: hl7
            url: "mllps://127.0.0.1:2575"    # HL7 v2 over MLLP with TLS; mllp:// in clear
        """);
    return m;
  }

  /** The example profile for a kind, as YAML text. */
  public static String example(EndpointKind kind) {
    String body = EXAMPLES.get(kind);
    if (body == null) {
      throw new IllegalStateException("the profile reference has no example of kind " + kind.id());
    }
    return String.format(HEAD, kind.id()) + body;
  }

  /** A profile with every key of the schema, as YAML text. */
  public static String everyKeyExample() {
    return yaml(ProfileSchema.everyKeyExample());
  }

  /** A profile tree as YAML text, the way the reference shows it. */
  public static String yaml(JsonNode profile) {
    YAMLMapper m =
        YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    try {
      return m.writeValueAsString(profile);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole reference, in Markdown. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Target profile reference\n\n");
    out.append("<!-- Generated from dev.periksa.target.ProfileSchema; do not edit by hand.")
        .append(" Regenerate with: ")
        .append(REGENERATE)
        .append(" -->\n\n");
    out.append(
        """
        A target profile is a YAML file that tells Periksa what to probe, which hosts it may \
        contact and which test identities it may use. Periksa's profile loader accepts exactly \
        the keys below (this page is generated from the list it checks against): an unknown key, \
        a missing required key, an unset `${VAR}`, a URL outside the scope or a URL scheme that \
        does not fit the kind stops the run before anything is probed, naming the file and the \
        key. `./periksa validate PROFILE` reads a profile the same way and probes nothing.

        Any value may use `${VAR}`, replaced by the environment variable `VAR`; secrets should. \
        In a key's path, `[]` stands for each item of a list. A key marked required is \
        required wherever the mapping it sits in is present.

        """);

    out.append("## Types\n\n| type | what it holds |\n|---|---|\n");
    for (ProfileSchema.Type t : ProfileSchema.Type.values()) {
      out.append("| ").append(t.label()).append(" | ").append(t.meaning()).append(" |\n");
    }

    out.append("\n## Keys\n\n");
    out.append("| key | type | required / default | allowed values | description |\n");
    out.append("|---|---|---|---|---|\n");
    for (ProfileSchema.Key k : ProfileSchema.keys()) {
      out.append("| `")
          .append(k.path())
          .append("` | ")
          .append(k.type().label())
          .append(" | ")
          .append(presence(k))
          .append(" | ")
          .append(k.allowed().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
          .append(" | ")
          .append(k.description())
          .append(" |\n");
    }

    out.append("\n## Endpoint kinds\n\n| kind | what it is | URL schemes |\n|---|---|---|\n");
    for (EndpointKind k : EndpointKind.values()) {
      out.append("| `")
          .append(k.id())
          .append("` | ")
          .append(k.description())
          .append(" | ")
          .append(k.schemes().stream().sorted().map(s -> "`" + s + "://`").collect(joining(", ")))
          .append(" |\n");
    }

    out.append("\n## What each kind does with an identity\n\n");
    out.append(
        "An endpoint's `identity` names a declared identity; an identity has a username and"
            + " password, a bearer `token`, or an `apiKey` (sent in `apiKeyHeader`), or a password"
            + " together with either.\n\n");
    out.append("| kind | what the identity is used for |\n|---|---|\n");
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (EndpointKind k : EndpointKind.values()) {
      String use = IDENTITY_USE.get(k);
      if (use == null) {
        throw new IllegalStateException(
            "the profile reference does not say what kind " + k.id() + " does with an identity");
      }
      if (!use.equals(NOT_USED)) {
        rows.computeIfAbsent(use, u -> new ArrayList<>()).add(k.id());
      }
    }
    rows.put(
        NOT_USED,
        IDENTITY_USE.entrySet().stream()
            .filter(e -> e.getValue().equals(NOT_USED))
            .map(e -> e.getKey().id())
            .toList());
    rows.forEach(
        (use, kinds) ->
            out.append("| ")
                .append(kinds.stream().map(k -> "`" + k + "`").collect(joining(", ")))
                .append(" | ")
                .append(use)
                .append(" |\n"));

    out.append("\n## Example profiles\n\n");
    out.append(
        "One small, complete profile per kind. Each uses a loopback address and takes its secrets"
            + " from the environment; put several endpoints (and identities) in one profile to"
            + " scan them together.\n");
    for (EndpointKind k : EndpointKind.values()) {
      out.append("\n### `").append(k.id()).append("`\n\n```yaml\n");
      out.append(example(k)).append("```\n");
    }

    out.append("\n## A profile with every key\n\n");
    out.append(
        "Not a sensible target, but a valid one: every key of the table above at once (with"
            + " `${ORG_CA_PEM}` naming a PEM file and `ZAP_API_KEY` set).\n\n```yaml\n");
    out.append(everyKeyExample()).append("```\n");
    return out.toString();
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining(String sep) {
    return Collectors.joining(sep);
  }

  private static String presence(ProfileSchema.Key k) {
    if (k.required()) {
      return "**required**";
    }
    if (k.condition() != null) {
      return k.condition() + (k.defaultValue() == null ? "" : "; default " + k.defaultValue());
    }
    return k.defaultValue() == null ? "optional" : "default " + k.defaultValue();
  }
}
