package dev.periksa.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Apache Solr 9.10.1 for both twins: the legacy twin's Solr answers anyone on the legacy address;
 * the hardened twin's listens only in TLS on the hardened address and its BasicAuth plugin ({@code
 * security.json}, {@code blockUnknown}) refuses every request without the reader's credentials.
 * Both hold the cores {@value #TRAVELLERS_CORE} (a few hundred synthetic travellers) and {@value
 * #HOSPITALS_CORE}.
 *
 * <p>Solr runs unmodified, in a JVM of its own started from {@code target/solr-lib} (Maven copies
 * Solr and its Jetty 10 there at {@code package}): Solr 9 needs Jetty 10, which cannot share a
 * class path with the Jetty 12 other lab servers use, and Solr's test framework (its embedded
 * runner) puts randomizedtesting on the class path, which makes OpenSearch refuse to start outside
 * a test runner. One Jetty serves both nodes, each on its own connector with its own Solr home.
 */
final class SolrLab implements LabService {

  /** Variable names the lab's target profiles use. */
  static final String LEGACY_SOLR = "PERIKSA_LAB_LEGACY_SOLR";

  static final String HARDENED_SOLR = "PERIKSA_LAB_HARDENED_SOLR";

  static final String TRAVELLERS_CORE = "ehac_travellers";
  static final String HOSPITALS_CORE = "ehac_hospitals";

  /** Travellers in each Solr: a smaller share than the search cluster holds. */
  static final int MAX_TRAVELLERS = 500;

  /** Where Solr's libraries are, when not in {@code solr-lib} beside Periksa's own classes. */
  static final String LIB_PROPERTY = "periksa.solr.lib";

  private static final String VERSION = "9.10.1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
  private static final List<String> RESOURCES =
      List.of("jetty-solr.xml", "solr.xml", "solrconfig.xml", "schema.xml", "log4j2.xml");

  private Process process;
  private URI legacy;
  private URI hardened;
  private int travellers;

  @Override
  public String name() {
    return "Apache Solr " + VERSION + " (its own JVM)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    Path lib = libraries();
    Path dir = Files.createDirectories(ctx.dir().resolve("solr"));
    for (String r : RESOURCES) {
      copyResource(r, dir.resolve(r));
    }
    home(dir.resolve("legacy"));
    Path hardenedHome = home(dir.resolve("hardened"));
    Files.writeString(
        hardenedHome.resolve("security.json"),
        securityJson(LabContext.HARDENED_USER, ctx.secret("hardened")));
    String storePassword = ctx.secret("solr-keystore");
    KeyStore ks =
        ctx.serverKeyStore("hardened.ehac.lab", ctx.hardenedHost(), storePassword.toCharArray());
    try (OutputStream out = Files.newOutputStream(dir.resolve("hardened.p12"))) {
      ks.store(out, storePassword.toCharArray());
    }
    Path boot = bootClass(dir.resolve("boot"));

    for (int attempt = 1; ; attempt++) {
      int legacyPort = freePort(ctx.legacyHost());
      int hardenedPort = freePort(ctx.hardenedHost());
      Properties p = new Properties();
      p.setProperty("legacy.host", ctx.legacyHost());
      p.setProperty("legacy.port", Integer.toString(legacyPort));
      p.setProperty("legacy.home", dir.resolve("legacy").toString());
      p.setProperty("hardened.host", ctx.hardenedHost());
      p.setProperty("hardened.port", Integer.toString(hardenedPort));
      p.setProperty("hardened.home", hardenedHome.toString());
      p.setProperty("hardened.keystore", dir.resolve("hardened.p12").toString());
      p.setProperty("hardened.keystore.password", storePassword);
      Path props = privateFile(dir.resolve("solr.properties"));
      try (OutputStream out = Files.newOutputStream(props)) {
        p.store(out, "the lab's Solr; holds a throwaway key store password");
      }
      legacy = URI.create("http://" + ctx.legacyHost() + ":" + legacyPort + "/solr");
      hardened = URI.create("https://" + ctx.hardenedHost() + ":" + hardenedPort + "/solr");
      process = launch(dir, lib, boot, props);
      try {
        awaitReady(ctx, dir.resolve("solr-jvm.log"));
        break;
      } catch (PortTaken e) {
        // Another process took a port between our check and Solr's bind: try fresh ones.
        stop();
        if (attempt == 3) {
          throw new IllegalStateException("Solr could not bind its ports: " + e.getMessage());
        }
      }
    }

    travellers = Math.min(MAX_TRAVELLERS, ctx.records());
    HttpClient open = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpClient tls =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(trusting(ctx.caCertificate()))
            .build();
    String auth = basic(LabContext.HARDENED_USER, ctx.secret("hardened"));
    for (URI base : List.of(legacy, hardened)) {
      HttpClient client = base == legacy ? open : tls;
      String credentials = base == legacy ? null : auth;
      load(client, base, credentials, TRAVELLERS_CORE, travellers, EhacData::traveller, "id_ehac");
      load(
          client,
          base,
          credentials,
          HOSPITALS_CORE,
          EhacData.HOSPITALS,
          EhacData::hospital,
          "rs_id");
    }
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY_SOLR, legacy.toString());
    v.put(HARDENED_SOLR, hardened.toString());
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   solr     "
            + legacy
            + "  (open Solr "
            + VERSION
            + ": "
            + TRAVELLERS_CORE
            + " with "
            + travellers
            + " travellers, "
            + HOSPITALS_CORE
            + ")",
        "hardened solr     " + hardened + "  (HTTPS + Solr BasicAuth plugin)");
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  private void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    process = null;
  }

  /** Solr's libraries, or Unavailable when the build has not put them in place. */
  static Path libraries() throws Unavailable {
    String configured = System.getProperty(LIB_PROPERTY);
    Path lib;
    if (configured != null && !configured.isBlank()) {
      lib = Path.of(configured);
    } else {
      Path here;
      try {
        here = Path.of(SolrLab.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      } catch (URISyntaxException | SecurityException | NullPointerException e) {
        throw new Unavailable("cannot tell where Periksa's classes are, to find Solr beside them");
      }
      // target/classes or target/periksa.jar: either way solr-lib is beside it.
      lib = here.toAbsolutePath().getParent().resolve("solr-lib");
    }
    boolean complete;
    try (Stream<Path> s = Files.list(lib)) {
      List<String> names = s.map(f -> f.getFileName().toString()).toList();
      complete =
          names.stream().anyMatch(n -> n.startsWith("solr-core-"))
              && names.stream().anyMatch(n -> n.startsWith("jetty-xml-"));
    } catch (IOException e) {
      complete = false;
    }
    if (!complete) {
      throw new Unavailable(
          "Solr's libraries are not in "
              + lib
              + " (build with `mvn package`, which copies them there, or set -D"
              + LIB_PROPERTY
              + ")");
    }
    return lib;
  }

  private Process launch(Path dir, Path lib, Path boot, Path props) throws IOException {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin.toString());
    // A small heap, the serial collector and the C1 compiler: quick to start, light on 2 cores.
    cmd.addAll(
        List.of(
            "-Xms64m",
            "-Xmx320m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            "-Dsolr.log.dir=" + dir,
            "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml"),
            "-cp",
            boot + java.io.File.pathSeparator + lib.resolve("*"),
            SolrChild.class.getName(),
            props.toString(),
            dir.resolve("jetty-solr.xml").toString()));
    return new ProcessBuilder(cmd)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("solr-jvm.log").toFile())
        .start();
  }

  /** Waits until both nodes answer with their cores loaded, or the JVM dies. */
  private void awaitReady(LabContext ctx, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpClient tls =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .sslContext(trusting(ctx.caCertificate()))
            .build();
    String auth = basic(LabContext.HARDENED_USER, ctx.secret("hardened"));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    boolean legacyUp = false;
    boolean hardenedUp = false;
    while (!(legacyUp && hardenedUp)) {
      if (!process.isAlive()) {
        String tail = tail(log);
        if (tail.contains("Address already in use") || tail.contains("BindException")) {
          throw new PortTaken(tail);
        }
        throw new IllegalStateException(
            "Solr's JVM ended (exit " + process.exitValue() + "): " + tail);
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException(
            "Solr did not answer within " + START_TIMEOUT.toSeconds() + " s: " + tail(log));
      }
      legacyUp = legacyUp || coresLoaded(client, legacy, null);
      hardenedUp = hardenedUp || coresLoaded(tls, hardened, auth);
      if (!(legacyUp && hardenedUp)) {
        Thread.sleep(250);
      }
    }
  }

  private static boolean coresLoaded(HttpClient client, URI base, String auth)
      throws InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(base + "/admin/cores?action=STATUS&wt=json"))
            .timeout(Duration.ofSeconds(5));
    if (auth != null) {
      req.header("Authorization", auth);
    }
    try {
      HttpResponse<byte[]> r = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        return false;
      }
      var status = JSON.readTree(r.body()).path("status");
      return status.has(TRAVELLERS_CORE) && status.has(HOSPITALS_CORE);
    } catch (IOException e) {
      return false;
    }
  }

  private static void load(
      HttpClient client,
      URI base,
      String auth,
      String core,
      int count,
      IntFunction<Map<String, Object>> record,
      String idField)
      throws IOException, InterruptedException {
    List<Map<String, Object>> docs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, Object> d = new LinkedHashMap<>();
      Map<String, Object> r = record.apply(i);
      d.put("id", r.get(idField));
      d.putAll(r);
      docs.add(d);
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(base + "/" + core + "/update?commit=true&wt=json"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(docs)));
    if (auth != null) {
      req.header("Authorization", auth);
    }
    HttpResponse<String> r = client.send(req.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "loading " + core + " into " + base + " failed: HTTP " + r.statusCode());
    }
  }

  /** A Solr home with the two cores, each with the lab's configuration. */
  private static Path home(Path home) throws IOException {
    Path dir = home.getParent();
    Files.createDirectories(home);
    Files.copy(dir.resolve("solr.xml"), home.resolve("solr.xml"));
    for (String core : List.of(TRAVELLERS_CORE, HOSPITALS_CORE)) {
      Path conf = Files.createDirectories(home.resolve(core).resolve("conf"));
      Files.writeString(home.resolve(core).resolve("core.properties"), "name=" + core + "\n");
      Files.copy(dir.resolve("solrconfig.xml"), conf.resolve("solrconfig.xml"));
      Files.copy(dir.resolve("schema.xml"), conf.resolve("schema.xml"));
    }
    return home;
  }

  /**
   * Solr's BasicAuth plugin with one user, stored as Solr stores it (salted SHA-256, twice), and
   * rule-based authorization giving that user everything; {@code blockUnknown} refuses strangers.
   */
  static String securityJson(String user, String password) throws IOException {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    sha.update(salt);
    byte[] once = sha.digest(password.getBytes(StandardCharsets.UTF_8));
    byte[] twice = sha.digest(once);
    Base64.Encoder b64 = Base64.getEncoder();
    Map<String, Object> authentication = new LinkedHashMap<>();
    authentication.put("class", "solr.BasicAuthPlugin");
    authentication.put("blockUnknown", true);
    authentication.put("forwardCredentials", false);
    authentication.put(
        "credentials", Map.of(user, b64.encodeToString(twice) + " " + b64.encodeToString(salt)));
    Map<String, Object> authorization = new LinkedHashMap<>();
    authorization.put("class", "solr.RuleBasedAuthorizationPlugin");
    authorization.put("user-role", Map.of(user, "admin"));
    authorization.put("permissions", List.of(Map.of("name", "all", "role", "admin")));
    Map<String, Object> security = new LinkedHashMap<>();
    security.put("authentication", authentication);
    security.put("authorization", authorization);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(security);
  }

  /** The child's main class alone, so the child's class path holds nothing else of Periksa's. */
  private static Path bootClass(Path boot) throws IOException {
    String name = SolrChild.class.getName().replace('.', '/') + ".class";
    Path target = boot.resolve(name);
    Files.createDirectories(target.getParent());
    try (InputStream in = SolrLab.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing " + name);
      }
      Files.copy(in, target);
    }
    return boot;
  }

  private static void copyResource(String name, Path target) throws IOException {
    try (InputStream in = SolrLab.class.getResourceAsStream("/lab/solr/" + name)) {
      if (in == null) {
        throw new IOException("missing resource lab/solr/" + name);
      }
      Files.copy(in, target);
    }
  }

  private static Path privateFile(Path file) throws IOException {
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      // A file system without POSIX permissions: the file lives in the lab's own temp folder.
      Files.createFile(file);
    }
    return file;
  }

  private static int freePort(String host) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, 0));
      return s.getLocalPort();
    }
  }

  private static SSLContext trusting(Path caPem) throws IOException, GeneralSecurityException {
    X509Certificate ca;
    try (InputStream in = Files.newInputStream(caPem)) {
      ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("lab-ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The last lines of the child's output, for an error message. */
  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    } catch (IOException e) {
      return "(no output)";
    }
  }

  /** Solr could not bind a port chosen for it. */
  private static final class PortTaken extends Exception {
    private static final long serialVersionUID = 1L;

    PortTaken(String message) {
      super(message);
    }
  }
}
