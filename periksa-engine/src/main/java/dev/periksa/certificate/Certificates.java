package dev.periksa.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.periksa.target.TargetProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code certificate.json}, the last file of a run: what was certified (targets, profiles,
 * features, outcomes, evidence hashes), a manifest of every file written before it, and an Ed25519
 * signature over the payload's canonical form ({@link Canonical}).
 */
public final class Certificates {
  public static final String FILE = "certificate.json";
  public static final String FORMAT = "periksa-certificate/1";

  /**
   * The signed manifest of the printable certificates ({@code certificate-<target>.pdf}): written
   * after {@link #FILE}, since each PDF names the SHA-256 of it, and signed with the same key.
   */
  public static final String PDF_MANIFEST = "certificate-pdfs.json";

  public static final String PDF_FORMAT = "periksa-certificate-pdfs/1";

  /**
   * The member of results.json's {@code run} (and the certificate's) that lists, for a run merged
   * from shards, each shard certificate the merge verified.
   */
  public static final String SHARDS = "shards";

  /** Whether a run folder's file is a printable certificate (outside the main manifest). */
  public static boolean isPrintable(Path dir, Path f) {
    String r = relative(dir, f);
    return r.equals(PDF_MANIFEST)
        || (r.startsWith("certificate-") && r.endsWith(".pdf") && !r.contains("/"));
  }

  static final String CANONICALIZATION =
      "payload as JSON, members sorted by name, no whitespace, UTF-8 (see README: Certificate)";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Certificates() {}

  /**
   * Signs the run folder as it is now and says so on {@code out}; returns false (after saying why)
   * when the certificate could not be written.
   *
   * @param key the signing key; null makes a throwaway key for this run
   */
  public static boolean write(
      Path dir, List<TargetProfile> profiles, SigningKey key, PrintStream out) {
    return write(dir, profiles, null, key, out);
  }

  /**
   * As {@link #write(Path, List, SigningKey, PrintStream)}, each target's profile hash taken from
   * {@code recordedHashes} (by target name) instead of its file: for a run merged from shards,
   * whose profile files may not exist where it is merged; the shards' certificates recorded them.
   *
   * @param recordedHashes profile SHA-256 by target name (a null value: none recorded); null to
   *     read each profile's file
   */
  public static boolean write(
      Path dir,
      List<TargetProfile> profiles,
      Map<String, String> recordedHashes,
      SigningKey key,
      PrintStream out) {
    SigningKey k = key == null ? SigningKey.throwaway() : key;
    long t0 = System.nanoTime();
    Path file;
    try {
      List<String> hashes = new ArrayList<>();
      for (TargetProfile p : profiles) {
        hashes.add(recordedHashes == null ? profileHash(p.source()) : recordedHashes.get(p.name()));
      }
      file = sign(dir, hashes, k, Instant.now());
    } catch (IOException | RuntimeException e) {
      out.println("error: the certificate could not be written: " + e.getMessage());
      return false;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    out.println();
    out.printf(
        "Certificate: %s (Ed25519, key %s, %,d bytes, %d ms)%n",
        file, k.fingerprint(), size(file), ms);
    if (k.origin() == SigningKey.Origin.THROWAWAY) {
      out.println(
          "  WARNING: signed with a THROWAWAY key made for this run and then forgotten: it proves");
      out.println(
          "  the run folder is unchanged since, NOT who produced it. For a certificate of origin");
      out.println(
          "  sign with --signing-key FILE or "
              + SigningKey.ENV
              + " (make a key with: periksa keygen --out DIR).");
    }
    return true;
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Signs the printable certificates: the SHA-256 of {@link #FILE} they name and each PDF's SHA-256
   * and size, with the key that signed the certificate.
   */
  public static Path writePdfManifest(Path dir, List<Path> pdfs, SigningKey key)
      throws IOException {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("format", PDF_FORMAT);
    payload.put("certificateSha256", sha256(dir.resolve(FILE)));
    ArrayNode files = payload.putArray("files");
    for (Path f : pdfs) {
      ObjectNode e = files.addObject();
      e.put("path", relative(dir, f));
      e.put("sha256", sha256(f));
      e.put("bytes", Files.size(f));
    }
    return signAndWrite(dir.resolve(PDF_MANIFEST), payload, key);
  }

  /** Builds, signs and writes the certificate; returns its path. */
  static Path write(Path dir, List<Path> profileSources, SigningKey key, Instant signedAt)
      throws IOException {
    List<String> hashes = new ArrayList<>();
    for (Path src : profileSources) {
      hashes.add(profileHash(src));
    }
    return sign(dir, hashes, key, signedAt);
  }

  /** As {@link #write(Path, List, SigningKey, Instant)}, with each target's profile hash given. */
  private static Path sign(Path dir, List<String> profileHashes, SigningKey key, Instant signedAt)
      throws IOException {
    Path resultsFile = dir.resolve("results.json");
    JsonNode results = MAPPER.readTree(resultsFile.toFile());
    ObjectNode payload = fromResults(results);
    ArrayNode targets = (ArrayNode) payload.get("targets");
    for (int i = 0; i < targets.size(); i++) {
      ObjectNode t = (ObjectNode) targets.get(i);
      t.put("profileSha256", i < profileHashes.size() ? profileHashes.get(i) : null);
    }
    payload.put("format", FORMAT);
    payload.put("signedAt", signedAt.toString());
    payload.put("keyOrigin", key.origin().json());
    payload.set("manifest", manifest(dir));
    return signAndWrite(dir.resolve(FILE), payload, key);
  }

  /**
   * Signs a payload in its canonical form (keys sorted) with Ed25519 and writes {@code {payload,
   * signature}} canonically: the one form both signed files of a run folder take.
   */
  private static Path signAndWrite(Path file, ObjectNode payload, SigningKey key)
      throws IOException {
    JsonNode sorted = Canonical.sorted(payload);
    ObjectNode signature = JsonNodeFactory.instance.objectNode();
    signature.put("algorithm", SigningKey.ALGORITHM);
    signature.put("canonicalization", CANONICALIZATION);
    signature.put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
    signature.put("publicKeyFingerprint", key.fingerprint());
    signature.put("value", Base64.getEncoder().encodeToString(key.sign(Canonical.bytes(sorted))));
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.set("payload", sorted);
    doc.set("signature", signature);
    Files.write(file, Canonical.file(Canonical.sorted(doc)));
    return file;
  }

  /**
   * What the certificate states that results.json also states: version, run, overall verdict and
   * per target its name, scope, profile, verdict, requirement outcomes and evidence hashes. The
   * verifier recomputes it from results.json to name a field that disagrees.
   */
  static ObjectNode fromResults(JsonNode results) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode p = f.objectNode();
    p.putObject("periksa").put("version", results.path("periksa").path("version").asText());
    JsonNode run = results.path("run");
    ObjectNode r = p.putObject("run");
    for (String k : List.of("id", "started", "finished", "features", "featureSetHash")) {
      r.put(k, run.path(k).asText());
    }
    if (run.has(SHARDS)) {
      // A merged run: the shard certificates it verified are part of what it certifies.
      r.set(SHARDS, run.get(SHARDS).deepCopy());
    }
    ArrayNode targets = p.putArray("targets");
    boolean failed = false;
    boolean incomplete = results.path("targets").isEmpty();
    for (JsonNode t : results.path("targets")) {
      ObjectNode ct = targets.addObject();
      ct.put("name", t.path("name").asText());
      ArrayNode scope = ct.putArray("scope");
      t.path("scope").forEach(h -> scope.add(h.asText()));
      ct.put("profile", t.path("profile").asText());
      String verdict = t.path("verdict").asText();
      ct.put("verdict", verdict);
      failed |= verdict.equals("NOT_CERTIFIED");
      incomplete |= !verdict.equals("CERTIFIED");
      ArrayNode reqs = ct.putArray("requirements");
      ArrayNode evidence = ct.putArray("evidence");
      for (JsonNode req : t.path("requirements")) {
        String id = req.path("id").asText();
        ObjectNode cr = reqs.addObject();
        cr.put("id", id);
        cr.put("outcome", req.path("outcome").asText());
        cr.set("severity", req.path("severity").isTextual() ? req.get("severity") : f.nullNode());
        for (JsonNode check : req.path("checks")) {
          String checkId = check.path("id").asText();
          for (JsonNode finding : check.path("findings")) {
            int i = 0;
            for (JsonNode e : finding.path("evidence")) {
              ObjectNode ce = evidence.addObject();
              ce.put("requirement", id);
              ce.put("check", checkId);
              ce.put("finding", finding.path("fingerprint").asText());
              ce.put("index", i++);
              ce.put("sha256", e.path("sha256").asText());
            }
          }
          int i = 0;
          for (JsonNode e : check.path("observations")) {
            ObjectNode ce = evidence.addObject();
            ce.put("requirement", id);
            ce.put("check", checkId);
            ce.putNull("finding");
            ce.put("index", i++);
            ce.put("sha256", e.path("sha256").asText());
          }
        }
      }
    }
    p.put("verdict", failed ? "NOT_CERTIFIED" : incomplete ? "INCOMPLETE" : "CERTIFIED");
    return p;
  }

  /** Every regular file under {@code dir} but the certificate: path, SHA-256 and size, sorted. */
  static ArrayNode manifest(Path dir) throws IOException {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Path f : files(dir)) {
      ObjectNode e = out.addObject();
      e.put("path", relative(dir, f));
      e.put("sha256", sha256(f));
      e.put("bytes", Files.size(f));
    }
    return out;
  }

  /** The run folder's files the manifest covers, sorted by relative path. */
  static List<Path> files(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> !p.equals(dir.resolve(FILE)))
          .filter(p -> !isPrintable(dir, p))
          .forEach(out::add);
    }
    out.sort((a, b) -> relative(dir, a).compareTo(relative(dir, b)));
    return out;
  }

  static String relative(Path dir, Path f) {
    return dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
  }

  public static String sha256(Path f) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static String sha256(byte[] b) {
    return HexFormat.of().formatHex(digest().digest(b));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The SHA-256 of a profile's bytes: the file it was read from, or for a profile shipped in the
   * jar (the demo's twins, when no such file is at hand) that resource; null when neither exists.
   */
  static String profileHash(Path source) throws IOException {
    if (source == null) {
      return null;
    }
    if (Files.isRegularFile(source)) {
      return sha256(source);
    }
    String name = source.toString().replace(java.io.File.separatorChar, '/');
    try (InputStream in = Certificates.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : sha256(in.readAllBytes());
    }
  }
}
