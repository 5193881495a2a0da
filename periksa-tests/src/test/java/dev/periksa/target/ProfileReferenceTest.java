package dev.periksa.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.periksa.cli.Main;
import dev.periksa.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile schema, the loader and {@code docs/profile-reference.md} agree: the committed
 * reference is the generated one, every example in it loads, every key of the schema is accepted
 * and an unknown key is refused in every mapping.
 */
class ProfileReferenceTest {
  @TempDir Path dir;

  private static final String UNKNOWN = "periksaUnknownKey";

  /** Every variable is set; {@code ORG_CA_PEM} names a real PEM file in the test's folder. */
  private Function<String, String> variables() {
    return name -> name.equals("ORG_CA_PEM") ? "ca.pem" : "value-of-" + name;
  }

  private TargetProfile load(String yaml) throws Exception {
    Path p = dir.resolve("target.yaml");
    Files.writeString(p, yaml);
    return new ProfileLoader(variables()).load(p);
  }

  private String error(String yaml) throws Exception {
    Path p = dir.resolve("target.yaml");
    Files.writeString(p, yaml);
    ProfileException e =
        assertThrows(ProfileException.class, () -> new ProfileLoader(variables()).load(p), yaml);
    return e.getMessage().substring(p.toString().length() + 2);
  }

  private void writeCa() throws Exception {
    TestCertificates.ca("Reference CA").writeCertificate(dir.resolve("ca.pem"));
  }

  @Test
  void theCommittedReferenceIsTheGeneratedOne() throws Exception {
    Path committed = Path.of(ProfileReference.FILE);
    assertTrue(
        Files.isRegularFile(committed),
        ProfileReference.FILE + " is missing; write it with: " + ProfileReference.REGENERATE);
    assertEquals(
        ProfileReference.markdown(),
        Files.readString(committed, StandardCharsets.UTF_8),
        ProfileReference.FILE
            + " is not what the profile schema generates; regenerate it with: "
            + ProfileReference.REGENERATE);
  }

  @Test
  void everyKindHasAnExampleThatLoads() throws Exception {
    for (EndpointKind k : EndpointKind.values()) {
      String yaml = ProfileReference.example(k);
      TargetProfile t = load(yaml);
      assertEquals(1, t.endpoints().size(), k.id());
      assertEquals(k.id(), t.endpoints().get(0).kind());
      assertTrue(t.scope().allows("127.0.0.1"), k.id() + " uses a loopback address");
      assertTrue(t.skipped().isEmpty(), k.id());
    }
  }

  @Test
  void kindExamplesUseOnlyLoopbackAndSecretsFromTheEnvironment() {
    for (EndpointKind k : EndpointKind.values()) {
      String yaml = ProfileReference.example(k);
      for (String line : yaml.lines().toList()) {
        String l = line.strip();
        if (l.startsWith("password:") || l.startsWith("token:") || l.startsWith("apiKey:")) {
          assertTrue(l.contains("\"${"), k.id() + ": a secret must come from ${VAR}: " + l);
        }
      }
    }
    assertTrue(ProfileReference.example(EndpointKind.HTTP).contains("api:"));
  }

  @Test
  void theProfileWithEveryKeyLoadsAndCarriesEveryKey() throws Exception {
    writeCa();
    TargetProfile t = load(ProfileReference.everyKeyExample());
    assertEquals(1, t.endpoints().size());
    assertTrue(t.skipped().isEmpty());
    ApiSettings api = t.endpoints().get(0).api();
    assertNotNull(api);
    assertNotNull(api.login());
    assertNotNull(api.search());
    assertNotNull(t.discovery());
    assertNotNull(t.dast());
    assertFalse(t.dast().managedZap());
    assertEquals(1, t.dast().falsePositives().size());
    assertEquals(1, t.tls().trustedCas().size());
    Identity id = t.identities().get(0);
    assertTrue(id.canLogIn() && id.token() != null && id.apiKey() != null);

    // Every schema path is in the profile, and the profile has nothing the schema lacks.
    Set<String> paths = new TreeSet<>();
    collect(ProfileSchema.everyKeyExample(), "", paths);
    Set<String> schema = new TreeSet<>();
    ProfileSchema.keys().forEach(k -> schema.add(k.path()));
    assertEquals(schema, paths);
  }

  private static void collect(JsonNode node, String path, Set<String> out) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              String p = path.isEmpty() ? name : path + "." + name;
              out.add(p);
              JsonNode child = node.get(name);
              if (child.isObject()) {
                collect(child, p, out);
              } else if (child.isArray() && child.size() > 0 && child.get(0).isObject()) {
                collect(child.get(0), p + "[]", out);
              }
            });
  }

  @Test
  void anUnknownKeyIsRefusedInEveryMapping() throws Exception {
    writeCa();
    assertTrue(ProfileSchema.sections().size() >= 13, ProfileSchema.sections().toString());
    for (String section : ProfileSchema.sections()) {
      ObjectNode profile = ProfileSchema.everyKeyExample();
      ObjectNode mapping = at(profile, section);
      mapping.put(UNKNOWN, "x");
      String where = section.replace("[]", "[0]");
      assertEquals(
          (where.isEmpty() ? "" : where + ".")
              + UNKNOWN
              + ": unknown key (allowed here: "
              + String.join(", ", new TreeSet<>(ProfileSchema.keysAt(section)))
              + ")",
          error(ProfileReference.yaml(profile)),
          "section '" + section + "'");
    }
  }

  /** The mapping at a schema section of a profile tree (the first item of each list). */
  private static ObjectNode at(ObjectNode root, String section) {
    JsonNode n = root;
    if (section.isEmpty()) {
      return root;
    }
    for (String part : section.split("\\.")) {
      boolean item = part.endsWith("[]");
      n = n.get(item ? part.substring(0, part.length() - 2) : part);
      if (item) {
        n = ((ArrayNode) n).get(0);
      }
    }
    return (ObjectNode) n;
  }

  @Test
  void everyAllowedValueIsAccepted() throws Exception {
    writeCa();
    int tried = 0;
    for (ProfileSchema.Key k : ProfileSchema.keys()) {
      if (k.allowed().isEmpty() || k.path().equals("endpoints[].kind")) {
        continue; // every kind is loaded by its own example
      }
      boolean list = k.type() == ProfileSchema.Type.LIST;
      for (String v : k.allowed()) {
        ObjectNode profile = ProfileSchema.everyKeyExample();
        at(profile, k.parent()).set(k.name(), value(list, v));
        load(ProfileReference.yaml(profile));
        tried++;
      }
      ObjectNode profile = ProfileSchema.everyKeyExample();
      at(profile, k.parent()).set(k.name(), value(list, "periksa-not-allowed"));
      String e = error(ProfileReference.yaml(profile));
      assertTrue(
          e.startsWith(k.path().replace("[]", "[0]") + (list ? "[0]" : "") + ": must be"), e);
    }
    assertTrue(tried >= 10, "allowed values tried: " + tried);
  }

  /** A value as the key takes it: the text itself, or a list holding it. */
  private static com.fasterxml.jackson.databind.JsonNode value(boolean list, String v) {
    if (!list) {
      return TextNode.valueOf(v);
    }
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(v);
  }

  @Test
  void requiredKeysAreRequired() throws Exception {
    writeCa();
    List<String> checked = new ArrayList<>();
    for (ProfileSchema.Key k : ProfileSchema.keys()) {
      if (!k.required()) {
        continue;
      }
      ObjectNode profile = ProfileSchema.everyKeyExample();
      at(profile, k.parent()).remove(k.name());
      assertEquals(
          k.path().replace("[]", "[0]") + ": missing",
          error(ProfileReference.yaml(profile)),
          k.path());
      checked.add(k.path());
    }
    assertTrue(checked.contains("endpoints[].url"), checked.toString());
  }

  @Test
  void theLoaderAsksTheSchemaForEveryMapping() {
    assertEquals(
        Set.of("api", "fixture", "identity", "kind", "name", "optional", "resources", "url"),
        ProfileSchema.keysAt("endpoints[3]"));
    assertEquals(ProfileSchema.keysAt("endpoints[].api"), ProfileSchema.keysAt("endpoints[0].api"));
    assertThrows(IllegalArgumentException.class, () -> ProfileSchema.keysAt("endpoints[].url"));
  }

  @Test
  void allowedValuesComeFromTheCode() {
    assertEquals(EndpointKind.ids(), ProfileSchema.key("endpoints[].kind").orElseThrow().allowed());
    assertEquals(
        ApiSettings.Login.FORMATS,
        ProfileSchema.key("endpoints[].api.login.format").orElseThrow().allowed());
  }

  @Test
  void theCommandPrintsTheReference() throws Exception {
    Path out = dir.resolve("ref.md");
    assertEquals(0, Main.execute("profile-reference", "--out", out.toString()));
    assertEquals(ProfileReference.markdown(), Files.readString(out, StandardCharsets.UTF_8));
  }
}
