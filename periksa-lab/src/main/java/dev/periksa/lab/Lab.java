package dev.periksa.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The demo targets, real servers on loopback addresses of their own:
 *
 * <ul>
 *   <li>the <em>legacy</em> e-HAC twin: every store answers anyone, as the 2021 e-HAC cluster did;
 *   <li>the <em>hardened</em> twin: the same kinds of store, each protected; its internals listen
 *       on an internal address outside the twin's scope.
 * </ul>
 *
 * Each product is a {@link LabService}. A service whose server is not installed here is left out
 * with a notice (its endpoints in the lab's profiles are optional); ports are chosen at bind time.
 */
public final class Lab implements AutoCloseable {

  /** Variable names the lab's target profiles use. */
  public static final String LEGACY_HOST = "PERIKSA_LAB_LEGACY_HOST";

  public static final String LEGACY_SEARCH = "PERIKSA_LAB_LEGACY_SEARCH";
  public static final String HARDENED_HOST = "PERIKSA_LAB_HARDENED_HOST";
  public static final String HARDENED_SEARCH = "PERIKSA_LAB_HARDENED_SEARCH";
  public static final String HARDENED_USER = "PERIKSA_LAB_HARDENED_USER";
  public static final String HARDENED_PASSWORD = "PERIKSA_LAB_HARDENED_PASSWORD";
  public static final String LEGACY_PORTS = "PERIKSA_LAB_LEGACY_PORTS";
  public static final String HARDENED_PORTS = "PERIKSA_LAB_HARDENED_PORTS";
  public static final String LEGACY_S3 = "PERIKSA_LAB_LEGACY_S3";
  public static final String HARDENED_S3 = "PERIKSA_LAB_HARDENED_S3";

  /** The lab CA's certificate (PEM file), for the profiles' {@code tls.trust}. */
  public static final String LAB_CA = "PERIKSA_LAB_CA";

  /**
   * The lab's products, in the order of their variables and of the lab's description. The search
   * cluster, the slowest to start (its node and 20,000 records), comes first so that it begins
   * first and the others start beside it.
   */
  static List<Supplier<LabService>> catalogue() {
    return List.of(
        SearchLab::new,
        EhacApiLab::new,
        SolrLab::new,
        MongoLab::new,
        RedisLab::new,
        MemcachedLab::new,
        FhirLab::new,
        DicomWebLab::new,
        Hl7Lab::new,
        WebFilesLab::new,
        ActuatorLab::new,
        PostgresLab::new,
        MariaDbLab::new,
        ObjectStoreLab::new,
        TlsLab::new);
  }

  /** Where the lab lives and how much data it holds. */
  public record Options(int records, String legacyHost, String hardenedHost, String internalHost) {
    public static final int DEFAULT_RECORDS = 20_000;
    public static final int MAX_RECORDS = 1_400_000;

    public Options {
      if (records < 1 || records > MAX_RECORDS) {
        throw new IllegalArgumentException(
            "records must be between 1 and " + MAX_RECORDS + ", not " + records);
      }
      for (String h : List.of(legacyHost, hardenedHost, internalHost)) {
        if (!h.startsWith("127.")) {
          throw new IllegalArgumentException("the lab only uses loopback addresses, not " + h);
        }
      }
      if (legacyHost.equals(hardenedHost)
          || legacyHost.equals(internalHost)
          || hardenedHost.equals(internalHost)) {
        throw new IllegalArgumentException("each twin needs a loopback address of its own");
      }
    }

    public static Options defaults() {
      return new Options(DEFAULT_RECORDS, "127.0.0.2", "127.0.0.3", "127.0.0.4");
    }

    public Options withRecords(int n) {
      return new Options(n, legacyHost, hardenedHost, internalHost);
    }
  }

  private final Options options;
  private final Path dir;
  private final List<LabService> running;
  private final Map<String, String> variables;
  private final Map<String, String> unavailable;

  private Lab(
      Options options,
      Path dir,
      List<LabService> running,
      Map<String, String> variables,
      Map<String, String> unavailable) {
    this.options = options;
    this.dir = dir;
    this.running = running;
    this.variables = variables;
    this.unavailable = unavailable;
  }

  /** Starts every service of the lab; progress goes to the consumer. */
  public static Lab start(Options options, Consumer<String> progress) throws Exception {
    return start(options, progress, catalogue(), false);
  }

  /**
   * Starts the given services only (a breach replay's); progress goes to the consumer.
   *
   * <p>The services start side by side, a few at a time ({@link ServiceStarts#threads}): none needs
   * another, and what they share is thread-safe ({@link ServiceStarts} says why). The variables and
   * the running services come out in the list's order, as a one-by-one start gives them. Progress
   * is written on the calling thread only, one line per service when it is up or left out. If a
   * service fails, the others are closed, the lab folder is deleted and the first error is thrown.
   *
   * @param required when true, a service whose server is not installed here stops the start with
   *     {@link LabService.Unavailable} instead of being left out
   */
  public static Lab start(
      Options options,
      Consumer<String> progress,
      List<Supplier<LabService>> services,
      boolean required)
      throws Exception {
    return start(options, progress, services, required, ServiceStarts.threads());
  }

  /** The same, at most {@code threads} services at a time (1: one after the other). */
  static Lab start(
      Options options,
      Consumer<String> progress,
      List<Supplier<LabService>> services,
      boolean required,
      int threads)
      throws Exception {
    Path dir = Files.createTempDirectory("periksa-lab-");
    List<LabService> running = List.of();
    try {
      long t0 = System.nanoTime();
      LabCertificates certs = new LabCertificates();
      LabContext ctx = new LabContext(options, dir, certs, progress);
      certs.writeCaPem(ctx.caCertificate());
      Map<String, String> vars = new LinkedHashMap<>();
      vars.put(LEGACY_HOST, options.legacyHost());
      vars.put(HARDENED_HOST, options.hardenedHost());
      vars.put(HARDENED_USER, LabContext.HARDENED_USER);
      vars.put(HARDENED_PASSWORD, ctx.secret("hardened"));
      vars.put(LAB_CA, ctx.caCertificate().toString());
      progress.accept(
          "Starting the lab: legacy twin "
              + options.legacyHost()
              + ", hardened twin "
              + options.hardenedHost()
              + ", hardened internals "
              + options.internalHost());
      ServiceStarts.Started started =
          ServiceStarts.start(services, ctx, progress, required, threads);
      running = started.running();
      vars.putAll(started.variables());
      vars.put(LEGACY_PORTS, ports(vars, options.legacyHost()));
      vars.put(HARDENED_PORTS, ports(vars, options.hardenedHost()));
      Lab lab =
          new Lab(options, dir, running, Collections.unmodifiableMap(vars), started.unavailable());
      progress.accept(String.format("Lab ready in %.1f s:", (System.nanoTime() - t0) / 1e9));
      for (LabService s : running) {
        for (String line : s.describe()) {
          progress.accept("  " + line);
        }
      }
      progress.accept("  lab CA certificate: " + ctx.caCertificate());
      return lab;
    } catch (Exception | Error e) {
      for (int i = running.size() - 1; i >= 0; i--) {
        ServiceStarts.closeQuietly(running.get(i));
      }
      deleteTree(dir);
      throw e;
    }
  }

  public Options options() {
    return options;
  }

  /** The ports of every service URL on one host, comma-separated, for discovery. */
  private static String ports(Map<String, String> vars, String host) {
    java.util.Set<Integer> ports = new java.util.TreeSet<>();
    for (String v : vars.values()) {
      try {
        URI u = URI.create(v);
        if (host.equals(u.getHost()) && u.getPort() > 0) {
          ports.add(u.getPort());
        }
      } catch (IllegalArgumentException e) {
        // Not a URL.
      }
    }
    return String.join(",", ports.stream().map(String::valueOf).toList());
  }

  public URI legacySearchUrl() {
    return URI.create(variables.get(LEGACY_SEARCH));
  }

  public URI hardenedSearchUrl() {
    return URI.create(variables.get(HARDENED_SEARCH));
  }

  /** Services left out because their server is not installed here, with the reason. */
  public Map<String, String> unavailable() {
    return unavailable;
  }

  /**
   * Values for the {@code ${VAR}}s in the lab's target profiles. Holds throwaway secrets: hand them
   * to the profile loader, never print them.
   */
  public Map<String, String> variables() {
    return variables;
  }

  @Override
  public void close() throws IOException {
    try {
      for (int i = running.size() - 1; i >= 0; i--) {
        ServiceStarts.closeQuietly(running.get(i));
      }
    } finally {
      deleteTree(dir);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
