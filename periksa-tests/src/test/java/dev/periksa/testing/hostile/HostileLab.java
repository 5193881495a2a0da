package dev.periksa.testing.hostile;

import dev.periksa.testing.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Every {@link Behaviour} on a server of its own, on one loopback address, plus the target profile
 * a new user would write for each: the server declared as every kind of endpoint Periksa knows, so
 * every check meets every behaviour.
 *
 * <p>{@code main} runs the lab for a scan from the command line (see {@code
 * bench/hostile-scan.sh}): it writes one profile per server into a folder and keeps serving until
 * its standard input closes.
 */
public final class HostileLab implements AutoCloseable {
  private final Map<Behaviour, HostileServer> servers = new EnumMap<>(Behaviour.class);

  /**
   * @param host the loopback address every server listens on
   * @param tricklePeriod the gap between the bytes of a trickle
   */
  public HostileLab(String host, Duration tricklePeriod) throws IOException {
    SSLContext tls;
    try {
      tls =
          TestCertificates.leaf("hostile.invalid")
              .ip(host)
              .issuedBy(TestCertificates.ca("Hostile Lab CA"))
              .build()
              .serverContext();
    } catch (GeneralSecurityException e) {
      throw new IOException("could not make the lab's certificate", e);
    }
    try {
      for (Behaviour b : Behaviour.values()) {
        servers.put(b, new HostileServer(host, b, tricklePeriod, tls));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public HostileServer server(Behaviour b) {
    return servers.get(b);
  }

  public List<HostileServer> servers() {
    return List.copyOf(servers.values());
  }

  /** Connections accepted by every server so far. */
  public int connections() {
    return servers.values().stream().mapToInt(HostileServer::connections).sum();
  }

  /**
   * The profile a new user would write for one server: every endpoint kind at its address, an API
   * with a login, personal-data paths, records and a search, and three identities.
   */
  public static String profileYaml(HostileServer s, int timeoutSeconds) {
    String http = s.url().toString();
    String tcp = "//" + s.host() + ":" + s.port();
    StringBuilder y = new StringBuilder();
    y.append("name: \"hostile ").append(s.behaviour().title()).append("\"\n");
    y.append("description: A hostile server of Periksa's test lab (")
        .append(s.behaviour().name())
        .append(").\n");
    y.append("scope:\n  hosts: [\"").append(s.host()).append("\"]\n");
    y.append("rateLimit: 50\n");
    y.append("timeoutSeconds: ").append(timeoutSeconds).append('\n');
    y.append("endpoints:\n");
    for (String kind :
        List.of("search", "solr", "kibana", "couchdb", "fhir", "dicomweb", "firebase", "web")) {
      y.append("  - {name: ").append(kind).append(", kind: ").append(kind);
      y.append(", url: \"").append(http).append("\"}\n");
    }
    for (String kind : List.of("s3", "gcs", "azure-blob")) {
      y.append("  - {name: ")
          .append(kind)
          .append(", kind: ")
          .append(kind)
          .append(", url: \"")
          .append(http)
          .append("\", resources: [rekam-medis]}\n");
    }
    y.append("  - name: api\n    kind: http\n    url: \"").append(http).append("\"\n");
    y.append(
        """
            api:
              login: {path: /api/login, format: json, username: username, password: password, token: token}
              personalData: ["/api/patients/{id}", "/api/patients"]
              record: "/api/patients/{id}"
              search: {path: /api/patients/search, field: nik}
              identities: [perawat-a, perawat-b]
              throttleIdentity: perawat-c
              maxLoginAttempts: 10
        """);
    Map<String, String> schemes =
        Map.of(
            "mongodb", "mongodb:",
            "redis", "redis:",
            "postgresql", "postgresql:",
            "mysql", "mysql:",
            "memcached", "memcached:",
            "hl7", "mllp:",
            "dicom", "dicom:");
    for (String kind :
        List.of("mongodb", "redis", "postgresql", "mysql", "memcached", "hl7", "dicom")) {
      y.append("  - {name: ")
          .append(kind)
          .append(", kind: ")
          .append(kind)
          .append(", url: \"")
          .append(schemes.get(kind))
          .append(tcp)
          .append("\"}\n");
    }
    y.append("identities:\n");
    for (String who : List.of("perawat-a", "perawat-b", "perawat-c")) {
      y.append("  - {name: ")
          .append(who)
          .append(", username: ")
          .append(who)
          .append(", password: \"synthetic-")
          .append(who)
          .append("\", owns: [\"")
          .append(who.endsWith("a") ? "1001" : who.endsWith("b") ? "2001" : "3001")
          .append("\"]}\n");
    }
    return y.toString();
  }

  /** Writes one profile per server into {@code dir}; the files, in behaviour order. */
  public List<Path> writeProfiles(Path dir, int timeoutSeconds) throws IOException {
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    for (HostileServer s : servers.values()) {
      Path f =
          dir.resolve(s.behaviour().name().toLowerCase(Locale.ROOT).replace('_', '-') + ".yaml");
      Files.writeString(f, profileYaml(s, timeoutSeconds), StandardCharsets.UTF_8);
      out.add(f);
    }
    return out;
  }

  @Override
  public void close() {
    for (HostileServer s : servers.values()) {
      s.close();
    }
  }

  /**
   * {@code HostileLab --profiles DIR [--host 127.0.0.1] [--timeout 10] [--trickle-ms 5000]}: serves
   * until standard input closes; prints {@code ready} when the profiles are written.
   */
  public static void main(String[] args) throws IOException {
    Path dir = null;
    String host = "127.0.0.1";
    int timeout = 10;
    long trickle = 5000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--profiles" -> dir = Path.of(args[++i]);
        case "--host" -> host = args[++i];
        case "--timeout" -> timeout = Integer.parseInt(args[++i]);
        case "--trickle-ms" -> trickle = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (dir == null) {
      throw new IllegalArgumentException("--profiles DIR is required");
    }
    try (HostileLab lab = new HostileLab(host, Duration.ofMillis(trickle))) {
      for (Path p : lab.writeProfiles(dir, timeout)) {
        System.out.println("profile " + p);
      }
      System.out.println("ready");
      System.out.flush();
      try {
        while (System.in.read() >= 0) {
          // Serve until the caller closes our input.
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
