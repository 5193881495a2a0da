package dev.periksa.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.testing.SharedLab;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real scan (STO-1 on the lab's legacy twin, report rendered) writes a certificate that verifies,
 * and any single byte flipped in it or in any file of the run folder is caught and named.
 */
class CertificateIT {
  @TempDir static Path tmp;
  static Path run;
  static String console;
  static long verifyMs;

  @BeforeAll
  static void scan() throws Exception {
    Path features = Files.createDirectories(tmp.resolve("features"));
    Files.copy(
        Path.of("features/storage/search-cluster-exposure.feature"),
        features.resolve("search-cluster-exposure.feature"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScanRunner.Result r;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      r =
          new ScanRunner(ps)
              .run(
                  List.of(SharedLab.profile("ehac-legacy.yaml")),
                  new ScanRunner.Options(
                      tmp.resolve("run"),
                      FeatureSet.directory(features),
                      true,
                      Duration.ofSeconds(60)));
    }
    console = out.toString(StandardCharsets.UTF_8);
    System.out.println(console);
    run = r.dir();
    assertNotNull(r.report(), "the report is rendered, so its bytes are certified too");
    long t0 = System.nanoTime();
    CertificateVerifier.Report v = CertificateVerifier.verify(run, null);
    verifyMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(v.intact(), v.problems().toString());
  }

  @Test
  void theCertificateIsWrittenLastAndSaysItsKeyIsAThrowaway() throws Exception {
    JsonNode c = new ObjectMapper().readTree(run.resolve(Certificates.FILE).toFile());
    JsonNode p = c.path("payload");
    assertEquals("throwaway", p.path("keyOrigin").asText());
    assertEquals("NOT_CERTIFIED", p.path("verdict").asText());
    assertEquals("STO-1", p.at("/targets/0/requirements/0/id").asText());
    assertEquals("FAIL", p.at("/targets/0/requirements/0/outcome").asText());
    assertEquals("CRITICAL", p.at("/targets/0/requirements/0/severity").asText());
    assertEquals(64, p.at("/targets/0/profileSha256").asText().length());
    assertEquals(
        Certificates.sha256(Path.of("targets/ehac-legacy.yaml")),
        p.at("/targets/0/profileSha256").asText());
    assertTrue(p.at("/targets/0/evidence").size() > 0);
    List<String> manifest = p.path("manifest").findValuesAsText("path");
    List<String> onDisk = new ArrayList<>();
    for (Path f : Certificates.files(run)) {
      onDisk.add(Certificates.relative(run, f));
    }
    assertEquals(onDisk, manifest, "every file written before the certificate is listed");
    assertTrue(manifest.contains("report.html"));
    assertTrue(manifest.contains("results.json"));
    assertTrue(
        manifest.stream().anyMatch(m -> m.endsWith("-attachment.json")), manifest.toString());
    assertTrue(console.contains("WARNING: signed with a THROWAWAY key"), console);
    System.out.printf(
        "certificate: %,d bytes, %d files, %d evidence hashes; verify %d ms%n",
        Files.size(run.resolve(Certificates.FILE)),
        manifest.size(),
        p.at("/targets/0/evidence").size(),
        verifyMs);
  }

  /** Flips one byte, verifies, restores; returns the problems found. */
  private static List<String> flipped(Path f, long pos) throws Exception {
    byte[] orig = Files.readAllBytes(f);
    byte[] b = orig.clone();
    b[(int) pos] ^= 0x01;
    Files.write(f, b);
    try {
      return CertificateVerifier.verify(run, null).problems();
    } finally {
      Files.write(f, orig);
    }
  }

  private static List<Long> positions(long size, int count) {
    TreeSet<Long> p = new TreeSet<>(List.of(0L, size - 1));
    for (int i = 1; i < count; i++) {
      p.add(size * i / count);
    }
    return new ArrayList<>(p);
  }

  @Test
  void anyByteFlippedInTheCertificateIsCaughtAndNamed() throws Exception {
    Path f = run.resolve(Certificates.FILE);
    long size = Files.size(f);
    // Spread over the file, and every byte of its end, where the signature block is.
    List<Long> at = positions(size, (int) Math.min(size, 400));
    for (long pos = Math.max(0, size - 400); pos < size; pos++) {
      if (!at.contains(pos)) {
        at.add(pos);
      }
    }
    List<String> missed = new ArrayList<>();
    for (long pos : at) {
      List<String> problems = flipped(f, pos);
      if (problems.stream().noneMatch(s -> s.startsWith(Certificates.FILE))) {
        missed.add("byte " + pos + ": " + problems);
      }
    }
    assertTrue(missed.isEmpty(), missed.toString());
    assertTrue(CertificateVerifier.verify(run, null).intact(), "restored");
  }

  @Test
  void anyByteFlippedInAnyFileOfTheRunIsCaughtAndNamed() throws Exception {
    List<String> missed = new ArrayList<>();
    int tried = 0;
    for (Path f : Certificates.files(run)) {
      String name = Certificates.relative(run, f);
      long size = Files.size(f);
      if (size == 0) {
        continue;
      }
      int count = name.equals("results.json") ? 60 : 4;
      for (long pos : positions(size, count)) {
        tried++;
        List<String> problems = flipped(f, pos);
        if (problems.stream().noneMatch(s -> s.startsWith(name + ": changed"))) {
          missed.add(name + " byte " + pos + ": " + problems);
        }
      }
    }
    assertTrue(tried > 20, "files tried: " + tried);
    assertTrue(missed.isEmpty(), missed.toString());
  }

  @Test
  void anEvidenceHashAlteredInResultsJsonIsNamedWithItsFinding() throws Exception {
    Path f = run.resolve("results.json");
    String orig = Files.readString(f);
    JsonNode c = new ObjectMapper().readTree(run.resolve(Certificates.FILE).toFile());
    JsonNode ev = c.at("/payload/targets/0/evidence/0");
    String sha = ev.path("sha256").asText();
    assertFalse(sha.isEmpty());
    Files.writeString(f, orig.replace(sha, "0".repeat(64)));
    try {
      List<String> problems = CertificateVerifier.verify(run, null).problems();
      assertTrue(
          problems.stream().anyMatch(s -> s.startsWith("results.json: changed")),
          problems.toString());
      assertTrue(
          problems.stream()
              .anyMatch(
                  s ->
                      s.contains(
                              "evidence STO-1 / "
                                  + ev.path("check").asText()
                                  + " / finding "
                                  + ev.path("finding").asText())
                          && s.contains("000000000000")),
          problems.toString());
    } finally {
      Files.writeString(f, orig);
    }
  }

  @Test
  void aWrongPinnedKeyIsRefusedAndTheRightOneAccepted() throws Exception {
    JsonNode c = new ObjectMapper().readTree(run.resolve(Certificates.FILE).toFile());
    var embedded =
        SigningKey.publicFromDer(
            java.util.Base64.getDecoder().decode(c.at("/signature/publicKey").asText()), "cert");
    assertTrue(CertificateVerifier.verify(run, embedded).intact());
    SigningKey other = SigningKey.throwaway();
    List<String> problems = CertificateVerifier.verify(run, other.publicKey()).problems();
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("not by the pinned key " + other.fingerprint()),
        problems.toString());
  }
}
