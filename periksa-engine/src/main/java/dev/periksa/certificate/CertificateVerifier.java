package dev.periksa.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a run folder against its {@code certificate.json}: the certificate's own bytes, the
 * signature (and the pinned key, if any), every file of the manifest, and every evidence hash and
 * outcome against results.json. Each problem names what was altered.
 */
public final class CertificateVerifier {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * What verification found.
   *
   * @param problems each alteration found, naming the file or field; empty when intact
   * @param fingerprint the fingerprint of the key that signed, or null if unreadable
   * @param keyOrigin the certificate's {@code keyOrigin}, or null
   * @param files how many files the manifest lists
   * @param evidence how many evidence hashes the certificate lists
   */
  public record Report(
      List<String> problems, String fingerprint, String keyOrigin, int files, int evidence) {
    public boolean intact() {
      return problems.isEmpty();
    }
  }

  private CertificateVerifier() {}

  /**
   * Verifies {@code dir}.
   *
   * @param pinned the key the certificate must be signed with, or null to accept the embedded one
   */
  public static Report verify(Path dir, PublicKey pinned) throws IOException {
    List<String> problems = new ArrayList<>();
    Path file = dir.resolve(Certificates.FILE);
    if (!Files.isRegularFile(file)) {
      problems.add(Certificates.FILE + ": missing");
      return new Report(problems, null, null, 0, 0);
    }
    byte[] bytes = Files.readAllBytes(file);
    JsonNode doc;
    try {
      doc = MAPPER.readTree(bytes);
    } catch (IOException e) {
      problems.add(Certificates.FILE + ": not valid JSON any more (altered)");
      return new Report(problems, null, null, 0, 0);
    }
    if (doc == null || !doc.path("payload").isObject() || !doc.path("signature").isObject()) {
      problems.add(Certificates.FILE + ": no payload or signature object (altered)");
      return new Report(problems, null, null, 0, 0);
    }
    byte[] again = Canonical.file(doc);
    if (!Arrays.equals(bytes, again)) {
      problems.add(
          Certificates.FILE
              + ": its bytes differ from the form Periksa writes, first at byte "
              + Arrays.mismatch(bytes, again)
              + " (altered)");
    }
    JsonNode payload = doc.get("payload");
    JsonNode sig = doc.get("signature");
    if (!Certificates.FORMAT.equals(payload.path("format").asText())) {
      problems.add(
          Certificates.FILE + ": payload.format is not " + Certificates.FORMAT + " (altered)");
    }
    String fingerprint = signature(Certificates.FILE, payload, sig, pinned, problems);
    int files = checkManifest(dir, payload.path("manifest"), problems);
    files += checkPrintables(dir, fingerprint, problems);
    int evidence = checkAgainstResults(dir, payload, problems);
    String origin =
        payload.path("keyOrigin").isTextual() ? payload.get("keyOrigin").asText() : null;
    return new Report(List.copyOf(problems), fingerprint, origin, files, evidence);
  }

  private static String signature(
      String name, JsonNode payload, JsonNode sig, PublicKey pinned, List<String> problems) {
    String where = name + ": signature";
    if (!SigningKey.ALGORITHM.equals(sig.path("algorithm").asText())) {
      problems.add(where + ".algorithm is not " + SigningKey.ALGORITHM + " (altered)");
    }
    if (!Certificates.CANONICALIZATION.equals(sig.path("canonicalization").asText())) {
      problems.add(where + ".canonicalization is not Periksa's (altered)");
    }
    PublicKey key;
    try {
      byte[] der = base64(sig.path("publicKey").asText());
      key = SigningKey.publicFromDer(der, where + ".publicKey");
      // The JDK's decoder ignores bytes after the key's DER; only its exact encoding is accepted.
      if (!Arrays.equals(der, key.getEncoded())) {
        throw new IllegalArgumentException("not the key's own encoding");
      }
    } catch (IOException | IllegalArgumentException e) {
      problems.add(where + ".publicKey is not an Ed25519 public key (altered)");
      return null;
    }
    String fingerprint = SigningKey.fingerprint(key);
    if (!fingerprint.equals(sig.path("publicKeyFingerprint").asText())) {
      problems.add(where + ".publicKeyFingerprint does not match signature.publicKey (altered)");
    }
    if (pinned != null && !Arrays.equals(pinned.getEncoded(), key.getEncoded())) {
      problems.add(
          where
              + ": signed by key "
              + fingerprint
              + ", not by the pinned key "
              + SigningKey.fingerprint(pinned));
    }
    byte[] value;
    try {
      value = base64(sig.path("value").asText());
    } catch (IllegalArgumentException e) {
      problems.add(where + ".value is not canonical base64 (altered)");
      return fingerprint;
    }
    byte[] canonical;
    try {
      canonical = Canonical.bytes(payload);
    } catch (IllegalArgumentException e) {
      problems.add(name + ": payload holds a value no certificate holds (altered)");
      return fingerprint;
    }
    if (!SigningKey.verify(key, canonical, value)) {
      problems.add(
          where + " does not match the payload: the certificate was altered after it was signed");
    }
    return fingerprint;
  }

  /**
   * Decodes base64 that Periksa wrote: the decoder ignores the unused low bits of the last
   * character, so a character with them flipped would decode alike; only the one canonical spelling
   * of the bytes is accepted.
   */
  private static byte[] base64(String text) {
    byte[] b = Base64.getDecoder().decode(text);
    if (!Base64.getEncoder().encodeToString(b).equals(text)) {
      throw new IllegalArgumentException("not canonical base64");
    }
    return b;
  }

  /**
   * The printable certificates: their signed manifest must be signed by the certificate's key, name
   * the SHA-256 of the certificate as it is, and list every {@code certificate-*.pdf} of the folder
   * with its SHA-256 and size. Returns how many PDFs it lists.
   */
  private static int checkPrintables(Path dir, String certificateKey, List<String> problems)
      throws IOException {
    List<String> present = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.filter(p -> Certificates.isPrintable(dir, p))
          .filter(p -> !p.getFileName().toString().equals(Certificates.PDF_MANIFEST))
          .forEach(p -> present.add(p.getFileName().toString()));
    }
    Path file = dir.resolve(Certificates.PDF_MANIFEST);
    String name = Certificates.PDF_MANIFEST;
    if (!Files.isRegularFile(file)) {
      for (String p : present) {
        problems.add(p + ": a printable certificate without its signed manifest (" + name + ")");
      }
      return 0;
    }
    byte[] bytes = Files.readAllBytes(file);
    JsonNode doc;
    try {
      doc = MAPPER.readTree(bytes);
    } catch (IOException e) {
      problems.add(name + ": not valid JSON any more (altered)");
      return 0;
    }
    if (doc == null || !doc.path("payload").isObject() || !doc.path("signature").isObject()) {
      problems.add(name + ": no payload or signature object (altered)");
      return 0;
    }
    if (!Arrays.equals(bytes, Canonical.file(doc))) {
      problems.add(name + ": its bytes differ from the form Periksa writes (altered)");
    }
    JsonNode payload = doc.get("payload");
    if (!Certificates.PDF_FORMAT.equals(payload.path("format").asText())) {
      problems.add(name + ": payload.format is not " + Certificates.PDF_FORMAT + " (altered)");
    }
    String key = signature(name, payload, doc.get("signature"), null, problems);
    if (key != null && certificateKey != null && !key.equals(certificateKey)) {
      problems.add(
          name + ": signed by key " + key + ", not by the certificate's " + certificateKey);
    }
    String certificate = Certificates.sha256(dir.resolve(Certificates.FILE));
    if (!certificate.equals(payload.path("certificateSha256").asText())) {
      problems.add(
          name
              + ": names another "
              + Certificates.FILE
              + " (SHA-256 differs): one of them was altered");
    }
    int n = 0;
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (JsonNode e : payload.path("files")) {
      String path = e.path("path").asText();
      listed.add(path);
      n++;
      Path f = dir.resolve(path).normalize();
      if (!f.startsWith(dir.normalize()) || !Files.isRegularFile(f)) {
        problems.add(path + ": missing (" + name + " lists it)");
        continue;
      }
      if (!Certificates.sha256(f).equals(e.path("sha256").asText())
          || Files.size(f) != e.path("bytes").asLong()) {
        problems.add(path + ": changed since it was signed (SHA-256 or size differs)");
      }
    }
    for (String p : present) {
      if (!listed.contains(p)) {
        problems.add(
            p + ": added after the printable certificates were signed (not in " + name + ")");
      }
    }
    return n;
  }

  private static int checkManifest(Path dir, JsonNode manifest, List<String> problems)
      throws IOException {
    if (!manifest.isArray()) {
      problems.add(Certificates.FILE + ": payload.manifest is missing (altered)");
      return 0;
    }
    Map<String, JsonNode> listed = new LinkedHashMap<>();
    for (JsonNode e : manifest) {
      listed.put(e.path("path").asText(), e);
    }
    Map<String, Path> present = new LinkedHashMap<>();
    for (Path f : Certificates.files(dir)) {
      present.put(Certificates.relative(dir, f), f);
    }
    for (Map.Entry<String, JsonNode> e : listed.entrySet()) {
      Path f = present.get(e.getKey());
      if (f == null) {
        problems.add(e.getKey() + ": missing (the manifest lists it)");
        continue;
      }
      String sha = Certificates.sha256(f);
      long size = Files.size(f);
      String want = e.getValue().path("sha256").asText();
      long wantSize = e.getValue().path("bytes").asLong(-1);
      if (!sha.equals(want) || size != wantSize) {
        problems.add(
            e.getKey()
                + ": changed (SHA-256 "
                + shortHash(sha)
                + ", "
                + size
                + " bytes; the manifest says "
                + shortHash(want)
                + ", "
                + wantSize
                + " bytes)");
      }
    }
    for (String p : present.keySet()) {
      if (!listed.containsKey(p)) {
        problems.add(p + ": added after the certificate was written (not in the manifest)");
      }
    }
    return listed.size();
  }

  /** Compares what the certificate states with what results.json states now. */
  private static int checkAgainstResults(Path dir, JsonNode payload, List<String> problems) {
    int count = 0;
    for (JsonNode t : payload.path("targets")) {
      count += t.path("evidence").size();
    }
    JsonNode results;
    try {
      results = MAPPER.readTree(dir.resolve("results.json").toFile());
    } catch (IOException e) {
      problems.add("results.json: missing or not valid JSON, so no evidence hash can be checked");
      return count;
    }
    JsonNode expected = Certificates.fromResults(results);
    compare(
        "periksa.version",
        payload.at("/periksa/version"),
        expected.at("/periksa/version"),
        problems);
    for (String k : List.of("id", "started", "finished", "features", "featureSetHash")) {
      compare("run." + k, payload.at("/run/" + k), expected.at("/run/" + k), problems);
    }
    compare(
        "run." + Certificates.SHARDS,
        payload.at("/run/" + Certificates.SHARDS),
        expected.at("/run/" + Certificates.SHARDS),
        problems);
    compare("verdict", payload.path("verdict"), expected.path("verdict"), problems);
    JsonNode got = payload.path("targets");
    JsonNode want = expected.path("targets");
    if (got.size() != want.size()) {
      problems.add(
          "targets: the certificate names " + got.size() + ", results.json " + want.size());
    }
    for (int i = 0; i < Math.min(got.size(), want.size()); i++) {
      String at = "targets[" + i + "] (" + want.get(i).path("name").asText() + ")";
      for (String k : List.of("name", "scope", "profile", "verdict")) {
        compare(at + "." + k, got.get(i).path(k), want.get(i).path(k), problems);
      }
      requirements(at, got.get(i).path("requirements"), want.get(i).path("requirements"), problems);
      evidence(at, got.get(i).path("evidence"), want.get(i).path("evidence"), problems);
    }
    return count;
  }

  private static void requirements(String at, JsonNode got, JsonNode want, List<String> problems) {
    Map<String, JsonNode> g = byKey(got, e -> e.path("id").asText());
    Map<String, JsonNode> w = byKey(want, e -> e.path("id").asText());
    for (Map.Entry<String, JsonNode> e : w.entrySet()) {
      JsonNode c = g.get(e.getKey());
      String where = at + " requirement " + e.getKey();
      if (c == null) {
        problems.add(where + ": in results.json, not in the certificate");
        continue;
      }
      compare(where + " outcome", c.path("outcome"), e.getValue().path("outcome"), problems);
      compare(where + " severity", c.path("severity"), e.getValue().path("severity"), problems);
    }
    for (String id : g.keySet()) {
      if (!w.containsKey(id)) {
        problems.add(at + " requirement " + id + ": in the certificate, not in results.json");
      }
    }
  }

  private static void evidence(String at, JsonNode got, JsonNode want, List<String> problems) {
    java.util.function.Function<JsonNode, String> key =
        e ->
            e.path("requirement").asText()
                + " / "
                + e.path("check").asText()
                + " / "
                + (e.path("finding").isNull()
                    ? "observation"
                    : "finding " + e.path("finding").asText())
                + " #"
                + e.path("index").asInt();
    Map<String, JsonNode> g = byKey(got, key);
    Map<String, JsonNode> w = byKey(want, key);
    for (Map.Entry<String, JsonNode> e : w.entrySet()) {
      JsonNode c = g.get(e.getKey());
      String where = at + " evidence " + e.getKey();
      if (c == null) {
        problems.add(where + ": in results.json, not in the certificate");
        continue;
      }
      String cs = c.path("sha256").asText();
      String ws = e.getValue().path("sha256").asText();
      if (!cs.equals(ws)) {
        problems.add(
            where
                + ": evidence hash in results.json is "
                + shortHash(ws)
                + ", the certificate says "
                + shortHash(cs));
      }
    }
    for (String k : g.keySet()) {
      if (!w.containsKey(k)) {
        problems.add(at + " evidence " + k + ": in the certificate, not in results.json");
      }
    }
  }

  private static Map<String, JsonNode> byKey(
      JsonNode array, java.util.function.Function<JsonNode, String> key) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (JsonNode e : array) {
      m.put(key.apply(e), e);
    }
    return m;
  }

  private static void compare(String field, JsonNode got, JsonNode want, List<String> problems) {
    if (!Objects.equals(got, want)) {
      problems.add(
          field + ": the certificate says " + show(got) + ", results.json says " + show(want));
    }
  }

  private static String show(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    String s = n.isTextual() ? n.asText() : n.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  private static String shortHash(String h) {
    return h.length() > 12 ? h.substring(0, 12) + "…" : h;
  }
}
