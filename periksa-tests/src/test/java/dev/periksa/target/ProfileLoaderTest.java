package dev.periksa.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
  @TempDir Path dir;

  private final ProfileLoader loader =
      new ProfileLoader(Map.of("HOST", "127.0.0.2", "PORT", "9200", "SECRET", "s3cr3t-value")::get);

  private static final String GOOD =
      """
      name: lab
      scope:
        hosts: ["${HOST}"]
      endpoints:
        - name: search
          kind: search
          url: "http://${HOST}:${PORT}"
          identity: reader
      identities:
        - name: reader
          username: ehac
          password: "${SECRET}"
          owns: [EHAC-1]
      """;

  private Path write(String yaml) throws IOException {
    Path p = dir.resolve("target.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private String error(String yaml) throws IOException {
    Path p = write(yaml);
    ProfileException e = assertThrows(ProfileException.class, () -> loader.load(p));
    assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
    return e.getMessage().substring(p.toString().length() + 2);
  }

  @Test
  void readsAProfileAndResolvesVariables() throws Exception {
    TargetProfile t = loader.load(write(GOOD));
    assertEquals("lab", t.name());
    assertEquals("http://127.0.0.2:9200", t.endpoints().get(0).url().toString());
    assertEquals("search", t.endpoints().get(0).kind());
    assertEquals(10.0, t.rateLimit());
    assertEquals(10, t.timeoutSeconds());
    Identity id = t.identity("reader").orElseThrow();
    assertEquals("s3cr3t-value", id.password().reveal());
    assertEquals("[EHAC-1]", id.owns().toString());
    assertFalse(t.toString().contains("s3cr3t-value"), "a secret must print masked");
  }

  @Test
  void unknownKeyIsNamedWithItsPath() throws Exception {
    assertEquals(
        "endpoints[0].urll: unknown key (allowed here: api, fixture, identity, kind, name, optional, resources, url)",
        error(GOOD.replace("url:", "urll:")));
  }

  @Test
  void missingFieldIsNamed() throws Exception {
    assertEquals("endpoints[0].kind: missing", error(GOOD.replace("    kind: search\n", "")));
    assertEquals("scope: missing", error("name: x\nendpoints: []\n"));
  }

  @Test
  void unresolvedVariableIsNamed() throws Exception {
    assertEquals(
        "identities[0].password: variable ${NOPE} is not set in the environment",
        error(GOOD.replace("${SECRET}", "${NOPE}")));
  }

  @Test
  void urlOutsideTheScopeIsRefused() throws Exception {
    assertEquals(
        "endpoints[0].url: host 10.1.2.3 is outside the scope (scope.hosts: 127.0.0.2)",
        error(GOOD.replace("http://${HOST}:${PORT}", "http://10.1.2.3:9200")));
  }

  @Test
  void otherMistakesAreNamedToo() throws Exception {
    assertTrue(
        error(GOOD.replace("kind: search", "kind: oracle"))
            .startsWith("endpoints[0].kind: unknown kind 'oracle' (known: search, solr, kibana,"));
    assertEquals(
        "endpoints[0].url: must be a http:// or https:// URL for this kind",
        error(GOOD.replace("http://${HOST}:${PORT}", "ftp://127.0.0.2/")));
    assertEquals(
        "endpoints[0].url: must be a redis:// URL for this kind",
        error(GOOD.replace("kind: search", "kind: redis")));
    assertEquals(
        "endpoints[0].url: must not carry credentials; declare an identity instead",
        error(GOOD.replace("http://${HOST}", "http://u:p@${HOST}")));
    assertEquals(
        "endpoints[0].identity: no identity named 'writer' is declared",
        error(GOOD.replace("identity: reader", "identity: writer")));
    assertEquals(
        "rateLimit: must be a positive number, not '-1'",
        error(GOOD.replace("scope:", "rateLimit: -1\nscope:")));
    assertTrue(error("name: [unclosed").startsWith("not valid YAML at line"));
    assertEquals(
        "no such file",
        assertThrows(ProfileException.class, () -> loader.load(dir.resolve("absent.yaml")))
            .getMessage()
            .substring(dir.resolve("absent.yaml").toString().length() + 2));
  }

  @Test
  void anOptionalEndpointWithAnUnsetVariableIsLeftOutAndSaidSo() throws Exception {
    String yaml =
        GOOD.replace(
            "    identity: reader\n",
            "    identity: reader\n"
                + "  - name: cache\n    kind: redis\n    url: \"redis://${HOST}:${NO_REDIS}\"\n"
                + "    optional: true\n");
    TargetProfile t = loader.load(write(yaml));
    assertEquals(1, t.endpoints().size());
    assertEquals(1, t.skipped().size());
    assertTrue(t.skipped().get(0).contains("cache"), t.skipped().toString());
    assertTrue(t.skipped().get(0).contains("${NO_REDIS}"), t.skipped().toString());
    // Without "optional", the same endpoint stops the load.
    assertTrue(
        error(yaml.replace("    optional: true\n", ""))
            .startsWith("endpoints[1].url: variable ${NO_REDIS} is not set"));
  }

  @Test
  void resourcesAndFixtureAreRead() throws Exception {
    TargetProfile t =
        loader.load(
            write(
                GOOD.replace(
                    "    identity: reader\n",
                    "    identity: reader\n    resources: [exports, backups]\n    fixture: periksa-probe\n")));
    assertEquals(List.of("exports", "backups"), t.endpoints().get(0).resources());
    assertEquals("periksa-probe", t.endpoints().get(0).fixture());
  }

  @Test
  void aDiscoverySectionMayReplaceEndpoints() throws Exception {
    TargetProfile t =
        loader.load(
            write(
                "name: d\nscope:\n  hosts: [\"${HOST}\"]\n"
                    + "discovery:\n  ports: [22, \"${PORT},6379\"]\n  concurrency: 2\n"));
    assertTrue(t.endpoints().isEmpty());
    assertEquals(List.of(22, 9200, 6379), t.discovery().ports());
    assertEquals(2, t.discovery().concurrency());
    assertEquals(
        "discovery.ports[0]: not a port number: 'ssh'",
        error("name: d\nscope:\n  hosts: [\"${HOST}\"]\ndiscovery:\n  ports: [ssh]\n"));
    assertEquals(
        "discovery.hosts[0]: host 10.0.0.1 is outside the scope",
        error("name: d\nscope:\n  hosts: [\"${HOST}\"]\ndiscovery:\n  hosts: [10.0.0.1]\n"));
    assertEquals("endpoints: missing", error("name: d\nscope:\n  hosts: [\"${HOST}\"]\n"));
  }

  @Test
  void anApiSectionDescribesLoginPersonalDataAndIdentities() throws Exception {
    String api =
        GOOD.replace("    kind: search\n", "    kind: http\n")
            .replace(
                "    identity: reader\n",
                "    api:\n"
                    + "      login: {path: /login, format: form, token: data.token}\n"
                    + "      personalData: [\"/p/{id}\"]\n      record: \"/r/{id}\"\n"
                    + "      identities: [reader]\n      throttleIdentity: reader\n"
                    + "      maxLoginAttempts: 12\n");
    ApiSettings a = loader.load(write(api)).endpoints().get(0).api();
    assertEquals("/login", a.login().path());
    assertEquals("form", a.login().format());
    assertEquals("username", a.login().usernameField());
    assertEquals("data.token", a.login().tokenField());
    assertEquals(List.of("/p/{id}"), a.personalData());
    assertEquals(12, a.maxLoginAttempts());
    assertEquals(
        "endpoints[0].api.maxLoginAttempts: at most 100 is allowed",
        error(api.replace("maxLoginAttempts: 12", "maxLoginAttempts: 500")));
    assertEquals(
        "endpoints[0].api.identities[0]: no identity named 'nobody' is declared",
        error(api.replace("identities: [reader]", "identities: [nobody]")));
    assertEquals(
        "endpoints[0].api: only an endpoint of kind http takes an api section",
        error(api.replace("kind: http", "kind: search")));
  }

  @Test
  void anApiSectionMayDeclareASearchByIdentityNumber() throws Exception {
    String api =
        GOOD.replace("    kind: search\n", "    kind: http\n")
            .replace(
                "    identity: reader\n",
                "    api:\n      search: {path: /api/v1/search, field: nik}\n");
    ApiSettings a = loader.load(write(api)).endpoints().get(0).api();
    assertEquals(new ApiSettings.Search("/api/v1/search", "nik"), a.search());
    assertEquals(
        "endpoints[0].api.search.field: missing",
        error(api.replace("{path: /api/v1/search, field: nik}", "{path: /api/v1/search}")));
    assertEquals(
        "endpoints[0].api.search.path: must be a path starting with / and without a query",
        error(api.replace("path: /api/v1/search,", "path: \"/api/v1/search?nik=1\",")));
    assertEquals(
        "endpoints[0].api.search.fields: unknown key (allowed here: field, path)",
        error(api.replace("field: nik", "fields: nik")));
  }

  @Test
  void scopeComparesHostsWithoutCase() {
    Scope s = new Scope(java.util.List.of("Lab.Example"));
    assertTrue(s.allows("lab.example"));
    assertFalse(s.allows("other.example"));
    assertFalse(s.allows(null));
  }

  @Test
  void identitiesMayCarryATokenOrAnApiKeyInsteadOfAPassword() throws Exception {
    String base = GOOD.substring(0, GOOD.indexOf("identities:"));
    TargetProfile t =
        loader.load(
            write(
                base
                    + """
                identities:
                  - {name: reader, token: "${SECRET}"}
                  - {name: robot, apiKey: "${SECRET}", apiKeyHeader: X-Api-Token, owns: [EHAC-2]}
                  - {name: person, username: u, password: "${SECRET}"}
                """));
    Identity reader = t.identity("reader").orElseThrow();
    assertEquals("s3cr3t-value", reader.token().reveal());
    assertFalse(reader.canLogIn());
    assertTrue(reader.hasCredential());
    assertEquals(Map.of("Authorization", "Bearer s3cr3t-value"), reader.httpHeaders());
    Identity robot = t.identity("robot").orElseThrow();
    assertEquals(Map.of("X-Api-Token", "s3cr3t-value"), robot.httpHeaders());
    assertTrue(t.identity("person").orElseThrow().canLogIn());
    assertFalse(t.toString().contains("s3cr3t-value"), "a secret in a profile's text form");
  }

  @Test
  void anIdentityNeedsACredentialAndAPasswordNeedsAUsername() throws IOException {
    String base = GOOD.substring(0, GOOD.indexOf("identities:"));
    assertTrue(error(base + "identities:\n  - {name: reader}\n").contains("needs a credential"));
    assertTrue(
        error(base + "identities:\n  - {name: reader, username: u}\n")
            .contains("identities[0].password: is required with a username"));
    assertTrue(
        error(base + "identities:\n  - {name: reader, password: p}\n")
            .contains("identities[0].username: is required with a password"));
    assertTrue(
        error(base + "identities:\n  - {name: reader, token: t, apiKeyHeader: X-K}\n")
            .contains("no apiKey"));
    assertTrue(
        error(base + "identities:\n  - {name: reader, apiKey: k, apiKeyHeader: \"a b\"}\n")
            .contains("not an HTTP header name"));
  }
}
