package dev.periksa.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Scans the target profiles a build names, as {@code periksa scan} does, and fails the build by
 * Periksa's exit codes: 1 (a requirement failed, at or above {@code failOn}) and 2 (something could
 * not be verified) fail it as a failed check of the build; 64 (a bad profile, waiver or option) and
 * 70 (Periksa could not finish) as an error of the build. The run (report.html, results.json,
 * junit.xml, results.sarif, certificate.json …) is written to {@code outputDirectory}.
 *
 * <p>The scan runs in a JVM of its own whose class path is this plugin's dependencies (the scanner,
 * never the lab): Periksa's libraries and Maven's never meet, and a scan cannot disturb the build.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ScanMojo extends AbstractMojo {
  /** The scanner's entry point in the forked JVM. */
  static final String MAIN = "dev.periksa.cli.Main";

  /** Target profiles (YAML), one per target; all are scanned into one run. */
  @Parameter(required = true)
  List<File> profiles;

  /** Fail only on a FAIL at or above this severity: LOW, MEDIUM, HIGH or CRITICAL. */
  @Parameter(property = "periksa.failOn")
  String failOn;

  /** A previous run's results.json: findings are marked new, unchanged or fixed. */
  @Parameter(property = "periksa.baseline")
  File baseline;

  /** With a baseline: fail only on FAILs new since it. */
  @Parameter(property = "periksa.failOnNew", defaultValue = "false")
  boolean failOnNew;

  /** A Cucumber tag expression: run only the scenarios it matches, e.g. "@STO-1 or @AUT-2". */
  @Parameter(property = "periksa.tags")
  String tags;

  /**
   * Run only the scenarios serving these regulations (hipaa, uu-pdp, permenkes, gdpr, owasp-api).
   */
  @Parameter List<String> regulations;

  /** Waivers (YAML): FAILs accepted on the record until an expiry date. */
  @Parameter(property = "periksa.waivers")
  File waivers;

  /** Attestations (YAML): process requirements declared met by a named person. */
  @Parameter(property = "periksa.attestations")
  File attestations;

  /** Feature files to run instead of the built-in certification profile. */
  @Parameter(property = "periksa.features")
  File features;

  /** Language of the summary, certificates and console verdicts: en or id. */
  @Parameter(property = "periksa.lang", defaultValue = "en")
  String lang;

  /** Most seconds one check may take before it counts as INCONCLUSIVE. */
  @Parameter(property = "periksa.checkTimeout", defaultValue = "300")
  int checkTimeout;

  /** Render report.html (results.json and the CI outputs are written either way). */
  @Parameter(property = "periksa.report", defaultValue = "true")
  boolean report;

  /**
   * Where the run is written. A folder holding an earlier run (its results.json or allure-results)
   * is replaced; any other non-empty folder stops the build.
   */
  @Parameter(
      property = "periksa.outputDirectory",
      defaultValue = "${project.build.directory}/periksa")
  File outputDirectory;

  /** Options of the scan's JVM. */
  @Parameter(property = "periksa.jvmArgs", defaultValue = "-Xmx1g")
  String jvmArgs;

  /** Skips the scan. */
  @Parameter(property = "skipPeriksa", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /** Relative paths of the parameters are read from here. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File baseDirectory;

  /** A path of the configuration, relative ones against the project's folder. */
  File resolve(File f) {
    if (f == null || f.isAbsolute() || baseDirectory == null) {
      return f;
    }
    return new File(baseDirectory, f.getPath());
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Periksa: scan skipped (skipPeriksa)");
      return;
    }
    if (profiles == null || profiles.isEmpty()) {
      throw new MojoExecutionException("Periksa: name at least one target profile in <profiles>");
    }
    profiles = profiles.stream().map(this::resolve).toList();
    baseline = resolve(baseline);
    waivers = resolve(waivers);
    attestations = resolve(attestations);
    features = resolve(features);
    outputDirectory = resolve(outputDirectory);
    for (File p : profiles) {
      if (!p.isFile()) {
        throw new MojoExecutionException("Periksa: target profile " + p + " does not exist");
      }
    }
    Path out = outputDirectory.toPath();
    prepare(out);
    List<String> command = command(allureHome(), out);
    getLog().info("Periksa: scanning " + profiles.size() + " target(s) into " + out);
    int exit = run(command);
    String where = " (report: " + out.resolve("report.html") + ", results: " + out + ")";
    switch (exit) {
      case 0 -> getLog().info("Periksa: CERTIFIED" + where);
      case 1 ->
          throw new MojoFailureException(
              "Periksa: a requirement failed"
                  + (failOn == null ? "" : " at or above " + failOn)
                  + where);
      case 2 ->
          throw new MojoFailureException(
              "Periksa: something could not be verified (INCONCLUSIVE)" + where);
      case 64 ->
          throw new MojoExecutionException(
              "Periksa: a profile, waiver, attestation or option is invalid; nothing was probed"
                  + " (see the messages above)");
      default ->
          throw new MojoExecutionException(
              "Periksa could not finish (exit " + exit + "; see the messages above)");
    }
  }

  /** The forked scan's command line. */
  List<String> command(Path allure, Path out) throws MojoExecutionException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : jvmArgs.trim().split("\\s+")) {
      if (!a.isEmpty()) {
        cmd.add(a);
      }
    }
    if (allure != null) {
      cmd.add("-Dperiksa.allure.home=" + allure);
    }
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(MAIN);
    cmd.add("scan");
    for (File p : profiles) {
      cmd.add("--target");
      cmd.add(p.getAbsolutePath());
    }
    cmd.add("--out");
    cmd.add(out.toString());
    cmd.add("--lang");
    cmd.add(lang);
    cmd.add("--check-timeout");
    cmd.add(Integer.toString(checkTimeout));
    option(cmd, "--fail-on", failOn);
    option(cmd, "--baseline", baseline);
    option(cmd, "--tags", tags);
    option(cmd, "--waivers", waivers);
    option(cmd, "--attestations", attestations);
    option(cmd, "--features", features);
    if (regulations != null) {
      for (String r : regulations) {
        option(cmd, "--regulation", r);
      }
    }
    if (failOnNew) {
      cmd.add("--fail-on-new");
    }
    if (!report) {
      cmd.add("--no-report");
    }
    return cmd;
  }

  private static void option(List<String> cmd, String name, Object value) {
    if (value == null || value.toString().isBlank()) {
      return;
    }
    cmd.add(name);
    cmd.add(value instanceof File f ? f.getAbsolutePath() : value.toString().trim());
  }

  /** The plugin's jars: the scanner and its libraries. */
  private String classPath() throws MojoExecutionException {
    List<String> jars = new ArrayList<>();
    for (Artifact a : plugin.getArtifacts()) {
      if ("jar".equals(a.getType()) && a.getFile() != null) {
        jars.add(a.getFile().getAbsolutePath());
      }
    }
    if (jars.isEmpty()) {
      throw new MojoExecutionException("Periksa: the plugin's libraries are not resolved");
    }
    return String.join(File.pathSeparator, jars);
  }

  /** The Allure command line, unpacked once into the build folder; null when it is missing. */
  private Path allureHome() throws MojoExecutionException {
    if (!report) {
      return null;
    }
    for (Artifact a : plugin.getArtifacts()) {
      if ("allure-commandline".equals(a.getArtifactId()) && a.getFile() != null) {
        Path home = buildDirectory.toPath().resolve("periksa-allure");
        Path unpacked = home.resolve("allure-" + a.getBaseVersion());
        if (!Files.isDirectory(unpacked.resolve("lib"))) {
          try {
            unzip(a.getFile().toPath(), home);
          } catch (IOException e) {
            throw new MojoExecutionException("Periksa: cannot unpack the Allure command line", e);
          }
        }
        return unpacked;
      }
    }
    getLog().warn("Periksa: the Allure command line is missing; report.html will not be rendered");
    return null;
  }

  static void unzip(Path zip, Path into) throws IOException {
    Path root = into.toAbsolutePath().normalize();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        Path to = root.resolve(e.getName()).normalize();
        if (!to.startsWith(root)) {
          throw new IOException("entry outside the folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(z, to, StandardCopyOption.REPLACE_EXISTING);
          if (to.getParent().getFileName().toString().equals("bin")) {
            to.toFile().setExecutable(true);
          }
        }
      }
    }
  }

  /** Empties the run folder when it holds an earlier run; refuses any other content. */
  void prepare(Path out) throws MojoExecutionException {
    if (!Files.isDirectory(out)) {
      return;
    }
    try (Stream<Path> s = Files.list(out)) {
      if (s.findAny().isEmpty()) {
        return;
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Periksa: cannot read " + out, e);
    }
    boolean earlierRun =
        Files.exists(out.resolve("results.json"))
            || Files.isDirectory(out.resolve("allure-results"));
    if (!earlierRun) {
      throw new MojoExecutionException(
          "Periksa: "
              + out
              + " holds files that are not a Periksa run; choose another outputDirectory");
    }
    getLog().info("Periksa: replacing the earlier run in " + out);
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Periksa: cannot empty " + out, e);
    }
  }

  /** Runs the scan, its output through Maven's log; returns its exit code. */
  private int run(List<String> command) throws MojoExecutionException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    try {
      Process p = pb.start();
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          getLog().info(line);
        }
      }
      return p.waitFor();
    } catch (IOException e) {
      throw new MojoExecutionException("Periksa: cannot start the scan's JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Periksa: interrupted", e);
    }
  }
}
