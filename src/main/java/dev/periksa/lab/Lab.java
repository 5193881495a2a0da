package dev.periksa.lab;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo targets, real servers on loopback addresses of their own:
 *
 * <ul>
 *   <li>the <em>legacy</em> e-HAC twin: an OpenSearch node answering anyone over plain HTTP, as the
 *       2021 cluster did;
 *   <li>the <em>hardened</em> twin: the same data, reachable only through an authenticating HTTPS
 *       front; the cluster behind it listens on an internal address outside the twin's scope.
 * </ul>
 *
 * Both twins share one OpenSearch node (bound on the legacy and the internal address) so the lab
 * starts once; ports are chosen at bind time.
 */
public final class Lab implements AutoCloseable {

  /** Variable names the lab's target profiles use. */
  public static final String LEGACY_HOST = "PERIKSA_LAB_LEGACY_HOST";

  public static final String LEGACY_SEARCH = "PERIKSA_LAB_LEGACY_SEARCH";
  public static final String HARDENED_HOST = "PERIKSA_LAB_HARDENED_HOST";
  public static final String HARDENED_SEARCH = "PERIKSA_LAB_HARDENED_SEARCH";
  public static final String HARDENED_USER = "PERIKSA_LAB_HARDENED_USER";
  public static final String HARDENED_PASSWORD = "PERIKSA_LAB_HARDENED_PASSWORD";

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
  private final SearchNode search;
  private final AuthenticatingFront front;
  private final String password;
  private final Path caPem;

  private Lab(
      Options options,
      Path dir,
      SearchNode search,
      AuthenticatingFront front,
      String password,
      Path caPem) {
    this.options = options;
    this.dir = dir;
    this.search = search;
    this.front = front;
    this.password = password;
    this.caPem = caPem;
  }

  /** Starts both twins and loads the data; progress goes to the consumer. */
  public static Lab start(Options options, Consumer<String> progress) throws Exception {
    Path dir = Files.createTempDirectory("periksa-lab-");
    SearchNode search = null;
    try {
      long t0 = System.nanoTime();
      progress.accept(
          "Starting OpenSearch 2.19.6 (legacy twin "
              + options.legacyHost()
              + ", internal store "
              + options.internalHost()
              + ") ...");
      search =
          SearchNode.start(
              dir.resolve("opensearch"),
              "ehac-legacy",
              List.of(options.legacyHost(), options.internalHost()),
              options.internalHost());
      progress.accept(String.format("  OpenSearch up in %.1f s", secondsSince(t0)));

      long t1 = System.nanoTime();
      progress.accept(
          String.format(
              "Loading %,d synthetic e-HAC travellers and %d hospitals ...",
              options.records(), EhacData.HOSPITALS));
      EhacLoader.load(search.client(), options.records(), progress);
      progress.accept(String.format("  loaded in %.1f s", secondsSince(t1)));

      LabCertificates certs = new LabCertificates();
      Path caPem = dir.resolve("lab-ca.pem");
      certs.writeCaPem(caPem);
      String password = randomPassword();
      URI internal =
          URI.create(
              "http://" + options.internalHost() + ":" + search.httpPort(options.internalHost()));
      AuthenticatingFront front =
          new AuthenticatingFront(
              options.hardenedHost(),
              certs.serverContext("hardened.ehac.lab", options.hardenedHost()),
              internal,
              "ehac-reader",
              password);
      Lab lab = new Lab(options, dir, search, front, password, caPem);
      progress.accept("Lab ready in " + String.format("%.1f s", secondsSince(t0)) + ":");
      progress.accept(
          "  legacy   e-HAC twin  " + lab.legacySearchUrl() + "  (open search cluster)");
      progress.accept(
          "  hardened e-HAC twin  "
              + lab.hardenedSearchUrl()
              + "  (HTTPS + authentication; lab CA "
              + caPem
              + ")");
      return lab;
    } catch (Exception | Error e) {
      if (search != null) {
        search.close();
      }
      deleteTree(dir);
      throw e;
    }
  }

  public Options options() {
    return options;
  }

  public URI legacySearchUrl() {
    return URI.create(
        "http://" + options.legacyHost() + ":" + search.httpPort(options.legacyHost()));
  }

  public URI hardenedSearchUrl() {
    return URI.create("https://" + options.hardenedHost() + ":" + front.port());
  }

  /** The lab CA certificate (PEM) that signed the hardened twin's certificate. */
  public Path caCertificate() {
    return caPem;
  }

  /**
   * Values for the {@code ${VAR}}s in the lab's target profiles. Holds the hardened twin's
   * throwaway password: hand it to the profile loader, never print it.
   */
  public Map<String, String> variables() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_HOST, options.legacyHost());
    v.put(LEGACY_SEARCH, legacySearchUrl().toString());
    v.put(HARDENED_HOST, options.hardenedHost());
    v.put(HARDENED_SEARCH, hardenedSearchUrl().toString());
    v.put(HARDENED_USER, "ehac-reader");
    v.put(HARDENED_PASSWORD, password);
    return v;
  }

  @Override
  public void close() throws IOException {
    try {
      front.close();
    } finally {
      try {
        search.close();
      } finally {
        deleteTree(dir);
      }
    }
  }

  private static String randomPassword() {
    byte[] b = new byte[18];
    new SecureRandom().nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
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
