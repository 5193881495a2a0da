package dev.periksa.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One real Orthanc PACS process (Debian's {@code orthanc} with the {@code orthanc-dicomweb}
 * plugin), with a generated configuration and a storage folder of its own.
 *
 * <p>Orthanc 1.10 cannot bind one address: it listens on every address at its HTTP port. So that a
 * twin's PACS is not reachable as the other twin's, a Lua filter admits only requests whose Host
 * header names one of the allowed addresses (others get 403), and only local clients are accepted
 * ({@code RemoteAccessAllowed: false}). The DICOM (DIMSE) port is off unless the settings turn it
 * on ({@link #dimse}); it, too, listens on every address, and nothing in Orthanc 1.10 can tell by
 * which address an association came in, so its protection is the AE-title policy alone.
 */
final class OrthancServer implements AutoCloseable {
  /** Where the DICOMweb plugin serves QIDO-RS, WADO-RS and STOW-RS. */
  static final String DICOMWEB_ROOT = "/dicom-web";

  private static final List<Path> BINARIES =
      List.of(Path.of("/usr/sbin/Orthanc"), Path.of("/usr/bin/Orthanc"));
  private static final List<Path> PLUGINS =
      List.of(
          Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so"),
          Path.of("/usr/lib/orthanc/libOrthancDicomWeb.so"));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The AE title the lab's archives answer as on their DICOM port. */
  static final String AE_TITLE = "ORTHANC";

  /** A peer the archive knows: its AE title and the address it must associate from. */
  record Modality(String name, String aeTitle, String host, int port) {}

  private final Process process;
  private final int port;
  private final Path log;

  private OrthancServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static Optional<Path> binary() {
    return BINARIES.stream().filter(Files::isExecutable).findFirst();
  }

  static Optional<Path> dicomWebPlugin() {
    return PLUGINS.stream().filter(Files::isRegularFile).findFirst();
  }

  /** A port free on every address right now (Orthanc binds them all). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("0.0.0.0", 0));
      return s.getLocalPort();
    }
  }

  /**
   * Starts Orthanc and waits until it answers.
   *
   * @param allowedHosts Host header values ({@code addr:port}) the server answers
   * @param ready where to ask whether it is up (one of the allowed hosts)
   * @param user with {@code password}, the one registered user; null for no authentication
   */
  static OrthancServer start(
      Path binary,
      Path plugin,
      Path dir,
      String name,
      int port,
      List<String> allowedHosts,
      URI ready,
      String user,
      String password)
      throws IOException, InterruptedException {
    return start(binary, plugin, dir, name, port, allowedHosts, ready, user, password, Map.of());
  }

  /**
   * As above, with settings that replace the generated ones (such as the DICOM port's: {@code
   * DicomServerEnabled}, {@code DicomPort}, {@code DicomAet}, {@code DicomCheckCalledAet}, {@code
   * DicomAlwaysAllowFind}, {@code DicomModalities}).
   */
  static OrthancServer start(
      Path binary,
      Path plugin,
      Path dir,
      String name,
      int port,
      List<String> allowedHosts,
      URI ready,
      String user,
      String password,
      Map<String, Object> settings)
      throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("storage"));
    Path lua = dir.resolve("host-filter.lua");
    Files.writeString(
        lua,
        "-- Orthanc listens on every address; answer only as the twin this instance belongs to.\n"
            + "function IncomingHttpRequestFilter(method, uri, ip, username, httpHeaders)\n"
            + "  local host = httpHeaders['host']\n"
            + "  return "
            + allowedHosts.stream()
                .map(h -> "host == '" + h + "'")
                .collect(Collectors.joining(" or "))
            + "\n"
            + "end\n");
    Map<String, Object> cfg = new LinkedHashMap<>();
    cfg.put("Name", name);
    cfg.put("StorageDirectory", dir.resolve("storage").toString());
    cfg.put("IndexDirectory", dir.resolve("storage").toString());
    cfg.put("HttpServerEnabled", true);
    cfg.put("HttpPort", port);
    cfg.put("RemoteAccessAllowed", false);
    cfg.put("HttpThreadsCount", 8);
    // Orthanc closes idle keep-alive connections after 1 s, which a client may just have reused
    // for a POST it cannot retry; one request per connection avoids that race.
    cfg.put("KeepAlive", false);
    cfg.put("HttpCompressionEnabled", false);
    cfg.put("DicomServerEnabled", false);
    cfg.put("WebDavEnabled", false);
    cfg.put("OrthancExplorerEnabled", false);
    cfg.put("MetricsEnabled", false);
    cfg.put("SaveJobs", false);
    cfg.put("ConcurrentJobs", 1);
    cfg.put("DeidentifyLogs", true);
    cfg.put("ExecuteLuaEnabled", false);
    cfg.put("LuaScripts", List.of(lua.toString()));
    cfg.put("Plugins", List.of(plugin.toString()));
    cfg.put("DicomWeb", Map.of("Enable", true, "Root", DICOMWEB_ROOT + "/", "EnableWado", false));
    cfg.put("AuthenticationEnabled", user != null);
    if (user != null) {
      cfg.put("RegisteredUsers", Map.of(user, password));
    }
    cfg.putAll(settings);
    Path config = dir.resolve("orthanc.json");
    // The configuration holds the throwaway password: readable by its owner only.
    Files.deleteIfExists(config);
    Files.createFile(
        config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(config, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(cfg));

    Path log = dir.resolve("orthanc.log");
    Process p =
        new ProcessBuilder(binary.toString(), config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    OrthancServer server = new OrthancServer(p, port, log);
    try {
      server.awaitReady(ready, user, password);
      if (Boolean.TRUE.equals(cfg.get("DicomServerEnabled"))) {
        server.awaitDicom(ready.getHost(), (Integer) cfg.get("DicomPort"));
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  int port() {
    return port;
  }

  /**
   * Settings that turn the DICOM (DIMSE) port on, answering as {@link #AE_TITLE}.
   *
   * @param open whether any calling AE title may associate, to any called AE title, and echo, find,
   *     get, move and store; otherwise only the {@code known} modalities, each from its own
   *     address, to {@link #AE_TITLE}
   */
  static Map<String, Object> dimse(int dicomPort, boolean open, List<Modality> known) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("DicomServerEnabled", true);
    s.put("DicomAet", AE_TITLE);
    s.put("DicomPort", dicomPort);
    s.put("DicomCheckCalledAet", !open);
    s.put("DicomCheckModalityHost", !open);
    for (String o : List.of("Echo", "Find", "FindWorklist", "Get", "Move", "Store")) {
      s.put("DicomAlwaysAllow" + o, open);
    }
    Map<String, Object> modalities = new LinkedHashMap<>();
    for (Modality m : known) {
      modalities.put(m.name(), List.of(m.aeTitle(), m.host(), m.port()));
    }
    s.put("DicomModalities", modalities);
    return s;
  }

  private void awaitReady(URI ready, String user, String password)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Orthanc stopped while starting: " + tail());
      }
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(ready.resolve("/system")).timeout(Duration.ofSeconds(2));
        authorize(b, user, password);
        if (client.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    throw new IOException("Orthanc did not answer within 30 s: " + tail());
  }

  /** Waits until the DICOM port accepts connections (Orthanc opens it after its HTTP port). */
  private void awaitDicom(String host, int dicomPort) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Orthanc stopped while opening its DICOM port: " + tail());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, dicomPort), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IOException("Orthanc's DICOM port did not open within 15 s: " + tail());
  }

  static void authorize(HttpRequest.Builder b, String user, String password) {
    if (user != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** The last lines Orthanc wrote, for an error message (its logs are de-identified). */
  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 4), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
