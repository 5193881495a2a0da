package dev.periksa.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing and verifying a certificate over a small run folder, and each kind of alteration. */
class CertificateTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String EV1 = "a".repeat(64);
  private static final String EV2 = "b".repeat(64);

  @TempDir Path tmp;
  Path run;
  Path profile;
  SigningKey key;

  static Map<String, Object> evidence(String sha) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("title", "index listing");
    e.put("sha256", sha);
    e.put("bytes", 120);
    return e;
  }

  static Map<String, Object> results() {
    Map<String, Object> finding = new LinkedHashMap<>();
    finding.put("title", "open cluster");
    finding.put("severity", "CRITICAL");
    finding.put("fingerprint", "f1f1f1f1");
    finding.put("evidence", List.of(evidence(EV1), evidence("")));
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("id", "storage.search-cluster");
    check.put("outcome", "FAIL");
    check.put("findings", List.of(finding));
    check.put("observations", List.of(evidence(EV2)));
    Map<String, Object> sto1 = new LinkedHashMap<>();
    sto1.put("id", "STO-1");
    sto1.put("outcome", "FAIL");
    sto1.put("severity", "CRITICAL");
    sto1.put("checks", List.of(check));
    Map<String, Object> gov1 = new LinkedHashMap<>();
    gov1.put("id", "GOV-1");
    gov1.put("outcome", "ATTESTED");
    gov1.put("severity", null);
    gov1.put("checks", List.of());
    Map<String, Object> sto2 = new LinkedHashMap<>();
    sto2.put("id", "STO-2");
    sto2.put("outcome", "WAIVED");
    sto2.put("severity", "HIGH");
    sto2.put("checks", List.of());
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("name", "e-HAC legacy twin (lab)");
    target.put("profile", "targets/legacy.yaml");
    target.put("scope", List.of("127.0.0.2"));
    target.put("verdict", "NOT_CERTIFIED");
    target.put("requirements", List.of(sto1, sto2, gov1));
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", "20260101-000000-abcd");
    run.put("started", "2026-01-01T00:00:00Z");
    run.put("finished", "2026-01-01T00:01:00Z");
    run.put("features", "built-in");
    run.put("featureSetHash", "c".repeat(64));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("periksa", Map.of("version", "0.1.0"));
    doc.put("run", run);
    doc.put("targets", List.of(target));
    return doc;
  }

  @BeforeEach
  void runFolder() throws Exception {
    run = Files.createDirectories(tmp.resolve("run"));
    M.writerWithDefaultPrettyPrinter().writeValue(run.resolve("results.json").toFile(), results());
    Path allure = Files.createDirectories(run.resolve("allure-results"));
    Files.writeString(allure.resolve("1-result.json"), "{\"status\":\"failed\"}");
    Files.writeString(allure.resolve("2-attachment.txt"), "evidence: sample of index x");
    Files.writeString(run.resolve("report.html"), "<html>report</html>");
    profile = tmp.resolve("legacy.yaml");
    Files.writeString(profile, "name: e-HAC legacy twin (lab)\n");
    key = SigningKey.throwaway();
  }

  private void certify() throws Exception {
    Certificates.write(run, List.of(profile), key, Instant.parse("2026-01-01T00:02:00Z"));
  }

  private JsonNode cert() throws Exception {
    return M.readTree(run.resolve(Certificates.FILE).toFile());
  }

  private List<String> problems() throws Exception {
    return CertificateVerifier.verify(run, null).problems();
  }

  private static void assertNamed(List<String> problems, String... parts) {
    assertFalse(problems.isEmpty(), "an alteration must be found");
    for (String p : parts) {
      assertTrue(problems.stream().anyMatch(s -> s.contains(p)), p + " not in " + problems);
    }
  }

  @Test
  void theCertificateStatesTheRunAndVerifies() throws Exception {
    certify();
    JsonNode c = cert();
    JsonNode p = c.path("payload");
    assertEquals(Certificates.FORMAT, p.path("format").asText());
    assertEquals("throwaway", p.path("keyOrigin").asText());
    assertEquals("NOT_CERTIFIED", p.path("verdict").asText());
    assertEquals("0.1.0", p.at("/periksa/version").asText());
    assertEquals("c".repeat(64), p.at("/run/featureSetHash").asText());
    assertEquals("2026-01-01T00:00:00Z", p.at("/run/started").asText());
    JsonNode t = p.at("/targets/0");
    assertEquals("e-HAC legacy twin (lab)", t.path("name").asText());
    assertEquals("127.0.0.2", t.at("/scope/0").asText());
    assertEquals(Certificates.sha256(profile), t.path("profileSha256").asText());
    assertEquals("FAIL", t.at("/requirements/0/outcome").asText());
    assertEquals("CRITICAL", t.at("/requirements/0/severity").asText());
    assertEquals("WAIVED", t.at("/requirements/1/outcome").asText(), "WAIVED as itself");
    assertEquals("ATTESTED", t.at("/requirements/2/outcome").asText(), "ATTESTED as itself");
    assertTrue(t.at("/requirements/2/severity").isNull());
    assertEquals(3, t.path("evidence").size());
    assertEquals("f1f1f1f1", t.at("/evidence/0/finding").asText());
    assertEquals(EV1, t.at("/evidence/0/sha256").asText());
    assertTrue(t.at("/evidence/2/finding").isNull(), "an observation");
    List<String> paths = p.path("manifest").findValuesAsText("path");
    assertEquals(
        List.of(
            "allure-results/1-result.json",
            "allure-results/2-attachment.txt",
            "report.html",
            "results.json"),
        paths);
    assertEquals(
        Certificates.sha256(run.resolve("report.html")), p.at("/manifest/2/sha256").asText());
    assertEquals(19, p.at("/manifest/2/bytes").asLong());
    assertEquals("Ed25519", c.at("/signature/algorithm").asText());
    assertEquals(key.fingerprint(), c.at("/signature/publicKeyFingerprint").asText());
    CertificateVerifier.Report r = CertificateVerifier.verify(run, null);
    assertTrue(r.intact(), r.problems().toString());
    assertEquals(4, r.files());
    assertEquals(3, r.evidence());
    assertEquals(key.fingerprint(), r.fingerprint());
    assertTrue(CertificateVerifier.verify(run, key.publicKey()).intact(), "the pinned key");
  }

  @Test
  void aProvidedKeySignsAndVerifiesPinnedByItsPublicPem() throws Exception {
    java.security.KeyPair kp = SigningKey.generate();
    key = SigningKey.fromPem(SigningKey.pem("PRIVATE KEY", kp.getPrivate().getEncoded()), "test");
    certify();
    assertEquals("provided", cert().at("/payload/keyOrigin").asText());
    java.security.PublicKey pinned =
        SigningKey.publicFromPem(SigningKey.pem("PUBLIC KEY", kp.getPublic().getEncoded()), "pub");
    assertTrue(CertificateVerifier.verify(run, pinned).intact());
    assertNamed(
        CertificateVerifier.verify(run, SigningKey.throwaway().publicKey()).problems(),
        "not by the pinned key");
  }

  @Test
  void theSignatureIsOverTheCanonicalPayload() throws Exception {
    certify();
    JsonNode c = cert();
    byte[] sig = java.util.Base64.getDecoder().decode(c.at("/signature/value").asText());
    assertTrue(SigningKey.verify(key.publicKey(), Canonical.bytes(c.get("payload")), sig));
    byte[] compact =
        M.writeValueAsString(c.get("payload")).getBytes(StandardCharsets.UTF_8); // file order
    assertTrue(SigningKey.verify(key.publicKey(), compact, sig), "the file keeps sorted order");
  }

  @Test
  void aChangedFileIsNamed() throws Exception {
    certify();
    Files.writeString(run.resolve("report.html"), "<html>rep0rt</html>");
    assertNamed(problems(), "report.html: changed");
    assertEquals(1, problems().size(), problems().toString());
  }

  @Test
  void aMissingFileIsNamed() throws Exception {
    certify();
    Files.delete(run.resolve("allure-results/2-attachment.txt"));
    assertNamed(problems(), "allure-results/2-attachment.txt: missing");
  }

  @Test
  void anAddedFileIsNamed() throws Exception {
    certify();
    Files.writeString(run.resolve("allure-results/3-extra.txt"), "planted");
    assertNamed(problems(), "allure-results/3-extra.txt: added");
  }

  @Test
  void anEvidenceHashChangedInResultsJsonIsNamedWithItsFinding() throws Exception {
    certify();
    String text = Files.readString(run.resolve("results.json"));
    Files.writeString(run.resolve("results.json"), text.replace(EV1, "d".repeat(64)));
    assertNamed(
        problems(),
        "results.json: changed",
        "evidence STO-1 / storage.search-cluster / finding f1f1f1f1 #0: evidence hash in"
            + " results.json is dddddddddddd");
  }

  @Test
  void anOutcomeChangedInResultsJsonIsNamed() throws Exception {
    certify();
    String text = Files.readString(run.resolve("results.json"));
    Files.writeString(run.resolve("results.json"), text.replaceFirst("\"WAIVED\"", "\"PASS\""));
    assertNamed(
        problems(),
        "results.json: changed",
        "requirement STO-2 outcome: the certificate says WAIVED, results.json says PASS");
  }

  @Test
  void aCertificateFieldChangedBreaksTheSignatureAndIsNamed() throws Exception {
    certify();
    ObjectNode c = (ObjectNode) cert();
    ((ObjectNode) c.at("/payload/targets/0/requirements/0")).put("outcome", "PASS");
    Files.write(run.resolve(Certificates.FILE), Canonical.file(c));
    assertNamed(
        problems(),
        "certificate.json: signature does not match the payload",
        "requirement STO-1 outcome: the certificate says PASS, results.json says FAIL");
  }

  @Test
  void aFieldOnlyTheCertificateHoldsChangedBreaksTheSignature() throws Exception {
    certify();
    ObjectNode c = (ObjectNode) cert();
    ((ObjectNode) c.at("/payload/targets/0")).put("profileSha256", "0".repeat(64));
    Files.write(run.resolve(Certificates.FILE), Canonical.file(c));
    assertEquals(
        List.of(
            "certificate.json: signature does not match the payload: the certificate was"
                + " altered after it was signed"),
        problems());
  }

  @Test
  void aReSignedForgeryPassesOnlyWithoutAPinnedKey() throws Exception {
    certify();
    // An attacker edits results.json and re-certifies the folder with a key of their own.
    Files.writeString(
        run.resolve("results.json"),
        Files.readString(run.resolve("results.json")).replace("\"FAIL\"", "\"PASS\""));
    Files.delete(run.resolve(Certificates.FILE));
    SigningKey forger = SigningKey.throwaway();
    Certificates.write(run, List.of(profile), forger, Instant.now());
    assertTrue(CertificateVerifier.verify(run, null).intact(), "integrity alone cannot tell");
    assertNamed(
        CertificateVerifier.verify(run, key.publicKey()).problems(),
        "signed by key " + forger.fingerprint() + ", not by the pinned key " + key.fingerprint());
  }

  @Test
  void whitespaceOrMemberOrderChangedInTheCertificateIsNamed() throws Exception {
    certify();
    Path f = run.resolve(Certificates.FILE);
    String text = Files.readString(f);
    Files.writeString(f, text.replace("\n  \"signature\"", "\n \"signature\""));
    assertNamed(problems(), "certificate.json: its bytes differ from the form Periksa writes");
  }

  @Test
  void everyBitOfEveryByteOfTheCertificateIsCovered() throws Exception {
    certify();
    Path f = run.resolve(Certificates.FILE);
    byte[] orig = Files.readAllBytes(f);
    List<String> missed = new java.util.ArrayList<>();
    // Every byte with its lowest bit flipped; in the signature block (last in the file, where
    // base64 and hex live) every bit of every byte.
    int block = new String(orig, StandardCharsets.UTF_8).indexOf("\"signature\"");
    for (int pos = 0; pos < orig.length; pos++) {
      for (int bit = 0; bit < (pos >= block ? 8 : 1); bit++) {
        byte[] b = orig.clone();
        b[pos] ^= (byte) (1 << bit);
        Files.write(f, b);
        List<String> problems = problems();
        if (problems.stream().noneMatch(s -> s.startsWith(Certificates.FILE))) {
          int from = Math.max(0, pos - 20);
          missed.add(
              "byte "
                  + pos
                  + " bit "
                  + bit
                  + " in '"
                  + new String(
                      orig, from, Math.min(orig.length, pos + 5) - from, StandardCharsets.UTF_8)
                  + "'");
        }
      }
    }
    Files.write(f, orig);
    assertTrue(missed.isEmpty(), missed.size() + " missed: " + missed);
    assertTrue(CertificateVerifier.verify(run, null).intact());
  }

  @Test
  void aMissingOrBrokenCertificateIsNamed() throws Exception {
    assertEquals(List.of("certificate.json: missing"), problems());
    Files.writeString(run.resolve(Certificates.FILE), "{\"payload\":");
    assertNamed(problems(), "certificate.json: not valid JSON");
  }

  @Test
  void aThirdPartyVerifiesWithJqAndOpensslAlone() throws Exception {
    certify();
    Path script = tmp.resolve("verify.sh");
    Files.writeString(
        script,
        String.join(
            "\n",
            "set -e",
            "cd \"$1\"",
            "jq -jcS .payload certificate.json > ../payload.bin",
            "jq -r .signature.value certificate.json | base64 -d > ../sig.bin",
            "jq -r .signature.publicKey certificate.json | base64 -d > ../pub.der",
            "openssl pkey -pubin -inform DER -in ../pub.der -out ../pub.pem",
            "openssl pkeyutl -verify -pubin -inkey ../pub.pem -rawin -in ../payload.bin"
                + " -sigfile ../sig.bin",
            "echo SHA256:$(sha256sum ../pub.der | cut -c1-64)",
            ""));
    Assumptions.assumeTrue(
        new ProcessBuilder("sh", "-c", "command -v jq && command -v openssl").start().waitFor()
            == 0,
        "jq and openssl are needed");
    Process p =
        new ProcessBuilder("bash", script.toString(), run.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("Signature Verified Successfully"), out);
    assertTrue(out.contains(key.fingerprint()), out);
    assertEquals(
        new String(Canonical.bytes(cert().get("payload")), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("payload.bin")),
        "jq -jcS gives the canonical form");
  }
}
