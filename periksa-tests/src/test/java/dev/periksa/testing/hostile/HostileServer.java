package dev.periksa.testing.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One hostile server: a real socket on a loopback address, on a port chosen at run time, that
 * answers every connection with one {@link Behaviour}. Bounded: a stalled or endless reply ends
 * after {@link #MAX_LIFETIME} or when the server closes, whichever comes first, and an endless body
 * stops after {@link #MAX_ENDLESS_BYTES}.
 */
public final class HostileServer implements AutoCloseable {
  /** Longest any one connection is held open. */
  static final Duration MAX_LIFETIME = Duration.ofSeconds(90);

  /** Most bytes an endless body sends before the server gives up. */
  static final long MAX_ENDLESS_BYTES = 512L * 1024 * 1024;

  /** Patients in the personal-data lists (about 1.5 MB of JSON). */
  public static final int PATIENTS = 9_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile byte[] patientList;
  private static volatile byte[] fhirBundle;
  private static volatile byte[] gzipMember;

  private final Behaviour behaviour;
  private final Duration tricklePeriod;
  private final SSLContext tls;
  private final ServerSocket server;
  private final Thread acceptor;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile boolean closed;

  /**
   * @param host a loopback address
   * @param tricklePeriod the gap between bytes of a trickle, shorter than the client's timeout
   * @param tls the server context for {@link Behaviour#TLS_THEN_BINARY}, else unused
   */
  public HostileServer(String host, Behaviour behaviour, Duration tricklePeriod, SSLContext tls)
      throws IOException {
    if (!InetAddress.getByName(host).isLoopbackAddress()) {
      throw new IllegalArgumentException("the hostile lab listens on loopback only: " + host);
    }
    this.behaviour = behaviour;
    this.tricklePeriod = tricklePeriod;
    this.tls = tls;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(host, 0), 64);
    this.acceptor = new Thread(this::acceptLoop, "hostile-" + behaviour.name().toLowerCase());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public Behaviour behaviour() {
    return behaviour;
  }

  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The base URL a profile declares: {@code https://} for the TLS behaviours. */
  public URI url() {
    return URI.create((behaviour.tls() ? "https" : "http") + "://" + host() + ":" + port());
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Request lines read so far ({@code GET /path}), for tests. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      connections.incrementAndGet();
      open.add(s);
      Thread t =
          new Thread(
              () -> {
                try {
                  s.setSoTimeout((int) MAX_LIFETIME.toMillis());
                  serve(s);
                } catch (IOException | RuntimeException e) {
                  // The client went away or gave up: what a hostile server expects.
                } finally {
                  open.remove(s);
                  closeQuietly(s);
                }
              },
              "hostile-" + behaviour.name().toLowerCase() + "-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) throws IOException {
    switch (behaviour) {
      case SILENCE -> {
        hold(s);
        return;
      }
      case TLS_GARBAGE -> {
        s.getInputStream().read(new byte[512]);
        byte[] junk = new byte[4096];
        new SplittableRandom(7).nextBytes(junk);
        junk[0] = 0x17; // looks like a record type, then nonsense
        s.getOutputStream().write(junk);
        s.getOutputStream().flush();
        return;
      }
      case TLS_THEN_BINARY -> {
        SSLSocket ssl =
            (SSLSocket) tls.getSocketFactory().createSocket(s, host(), s.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        readRequest(ssl.getInputStream());
        byte[] junk = new byte[2048];
        new SplittableRandom(11).nextBytes(junk);
        ssl.getOutputStream().write(junk);
        ssl.getOutputStream().flush();
        ssl.close();
        return;
      }
      case DICOM_GARBAGE_AFTER_ACCEPT, DICOM_ENDLESS_PENDING, DICOM_MALFORMED_PDU -> {
        HostileDicom.serve(behaviour, s, this::stillOpen);
        return;
      }
      case MLLP_NO_END_BLOCK, MLLP_ENDLESS_FRAME, MLLP_GARBAGE_FRAME -> {
        HostileMllp.serve(behaviour, s, this::stillOpen, () -> hold(s));
        return;
      }
      default -> {}
    }
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    String path = readRequest(in);
    if (path == null) {
      return;
    }
    switch (behaviour) {
      case TRICKLE -> {
        byte[] reply =
            head(200, "text/html", Map.of("Content-Length", "64"))
                .concat("<html><body>")
                .getBytes(StandardCharsets.US_ASCII);
        long until = System.nanoTime() + MAX_LIFETIME.toNanos();
        for (byte b : reply) {
          if (closed || System.nanoTime() > until) {
            return;
          }
          out.write(b);
          out.flush();
          sleep(tricklePeriod);
        }
        hold(s);
      }
      case STALL_AFTER_HEADERS -> {
        out.write(
            head(200, "application/json", Map.of("Content-Length", "4096"))
                .getBytes(StandardCharsets.US_ASCII));
        out.write(
            "{\"took\":3,\"timed_out\":false,\"hits\":{\"total\":1,"
                .substring(0, 46)
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        hold(s);
      }
      case ENDLESS_BODY -> {
        out.write(
            head(200, "text/plain; charset=utf-8", Map.of("Transfer-Encoding", "chunked"))
                .getBytes(StandardCharsets.US_ASCII));
        byte[] line =
            "status ok; queue depth nominal; nothing to see here; keep reading\n"
                .repeat(128)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] chunk =
            (Integer.toHexString(line.length)
                    + "\r\n"
                    + new String(line, StandardCharsets.US_ASCII)
                    + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        long until = System.nanoTime() + MAX_LIFETIME.toNanos();
        while (!closed && sent < MAX_ENDLESS_BYTES && System.nanoTime() < until) {
          out.write(chunk);
          sent += chunk.length;
        }
      }
      case GZIP_BOMB -> {
        byte[] member = gzipMember();
        out.write(
            head(
                    200,
                    "text/html",
                    Map.of("Content-Encoding", "gzip", "Transfer-Encoding", "chunked"))
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunkHead =
            (Integer.toHexString(member.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        // 4,096 members of 16 MiB of zeros each: 64 GiB once inflated.
        long until = System.nanoTime() + MAX_LIFETIME.toNanos();
        for (int i = 0; i < 4096 && !closed && System.nanoTime() < until; i++) {
          out.write(chunkHead);
          out.write(member);
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      case HUGE_CONTENT_LENGTH -> {
        out.write(
            head(200, "text/html", Map.of("Content-Length", "9000000000"))
                .getBytes(StandardCharsets.US_ASCII));
        out.write("<html><head><title>Portal</title></head><body>".getBytes());
        out.write("x".repeat(73).getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      case REDIRECT_LOOP -> {
        String next = path.startsWith("/loop-a") ? "/loop-b" : "/loop-a";
        out.write(
            head(302, "text/plain", Map.of("Location", next, "Content-Length", "0"))
                .getBytes(StandardCharsets.US_ASCII));
      }
      case REDIRECT_OUT_OF_SCOPE -> {
        out.write(
            head(
                    302,
                    "text/plain",
                    Map.of("Location", "http://192.0.2.1" + path, "Content-Length", "0"))
                .getBytes(StandardCharsets.US_ASCII));
      }
      case TCP_RESET -> {
        s.setSoLinger(true, 0);
        s.close();
      }
      case MALFORMED_JSON ->
          reply(
              out,
              200,
              "application/json; charset=utf-8",
              "{\n  \"name\" : \"node-1\",\n  \"cluster_name\" : \"rekam-medis\",\n  \"version\" :"
                  + " {\n    \"number\" : \"7.10.2\",,\n    \"distribution\" : \"opensearch\"\n"
                  + "  \"tagline\" : \"You Know, for Search\"\n");
      case DEEP_JSON -> {
        int depth = 100_000;
        reply(out, 200, "application/json", "[".repeat(depth) + "]".repeat(depth));
      }
      case CATCH_ALL_BANNER ->
          reply(
              out,
              200,
              "application/json; charset=UTF-8",
              "{\n  \"name\" : \"es-node\",\n  \"cluster_name\" : \"rekam-medis\",\n  \"version\" :"
                  + " {\n    \"number\" : \"7.10.2\",\n    \"build_flavor\" : \"default\"\n  },\n"
                  + "  \"tagline\" : \"You Know, for Search\"\n}\n");
      case UNAUTHORIZED_LOOKALIKE ->
          reply(
              out,
              401,
              "application/json; charset=UTF-8",
              Map.of("WWW-Authenticate", "Basic realm=\"security\" charset=\"UTF-8\""),
              "{\"error\":{\"root_cause\":[{\"type\":\"security_exception\",\"reason\":\"missing"
                  + " authentication credentials for REST request\"}],\"type\":\"security_exception\"},"
                  + "\"status\":401}");
      case FORBIDDEN_LOOKALIKE ->
          reply(
              out,
              403,
              "application/xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                  + "<Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>");
      case PERSONAL_DATA_LIST -> reply(out, 200, "application/json", patientList());
      case FHIR_BUNDLE_LIST -> reply(out, 200, "application/fhir+json", fhirBundle());
      default -> throw new IllegalStateException(behaviour.name());
    }
    out.flush();
  }

  /** Reads a request head; the path, or null when the client sent nothing usable. */
  private String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    while (head.size() < 64 * 1024) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.write(c);
      state =
          switch (state) {
            case 0, 2 -> c == '\r' ? state + 1 : 0;
            case 1 -> c == '\n' ? 2 : 0;
            case 3 -> c == '\n' ? 4 : 0;
            default -> 0;
          };
      if (state == 4) {
        break;
      }
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int eol = text.indexOf("\r\n");
    String line = eol < 0 ? text : text.substring(0, eol);
    if (line.isBlank()) {
      return null;
    }
    requests.add(line.length() > 200 ? line.substring(0, 200) : line);
    String[] parts = line.split(" ");
    return parts.length > 1 ? parts[1] : "/";
  }

  private static String head(int status, String contentType, Map<String, String> headers) {
    StringBuilder b = new StringBuilder("HTTP/1.1 " + status + " " + reason(status) + "\r\n");
    b.append("Content-Type: ").append(contentType).append("\r\n");
    b.append("Connection: close\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    return b.append("\r\n").toString();
  }

  private static void reply(OutputStream out, int status, String type, String body)
      throws IOException {
    reply(out, status, type, Map.of(), body);
  }

  private static void reply(
      OutputStream out, int status, String type, Map<String, String> headers, String body)
      throws IOException {
    reply(out, status, type, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(OutputStream out, int status, String type, byte[] body)
      throws IOException {
    reply(out, status, type, Map.of(), body);
  }

  private static void reply(
      OutputStream out, int status, String type, Map<String, String> headers, byte[] body)
      throws IOException {
    Map<String, String> hs = new LinkedHashMap<>(headers);
    hs.put("Content-Length", Integer.toString(body.length));
    out.write(head(status, type, hs).getBytes(StandardCharsets.US_ASCII));
    out.write(body);
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 302 -> "Found";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      default -> "Status";
    };
  }

  private boolean stillOpen() {
    return !closed;
  }

  /** Keeps a connection open, sending nothing, until the client or the server closes. */
  private void hold(Socket s) {
    long until = System.nanoTime() + MAX_LIFETIME.toNanos();
    try {
      s.setSoTimeout(200);
      InputStream in = s.getInputStream();
      byte[] sink = new byte[1024];
      while (!closed && System.nanoTime() < until) {
        try {
          if (in.read(sink) < 0) {
            return;
          }
        } catch (java.net.SocketTimeoutException e) {
          // Still there; keep holding.
        }
      }
    } catch (IOException e) {
      // The client closed.
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** About 1.5 MB of patient records, as a hospital system's list endpoint would serve them. */
  public static byte[] patientList() {
    if (patientList == null) {
      synchronized (HostileServer.class) {
        if (patientList == null) {
          List<Object> rows = new ArrayList<>();
          for (int i = 0; i < PATIENTS; i++) {
            rows.add(Patients.record(i));
          }
          try {
            patientList = JSON.writeValueAsBytes(rows);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return patientList;
  }

  /** A FHIR searchset of Observations whose subject references carry the patient's name. */
  public static byte[] fhirBundle() {
    if (fhirBundle == null) {
      synchronized (HostileServer.class) {
        if (fhirBundle == null) {
          List<Object> entries = new ArrayList<>();
          for (int i = 0; i < PATIENTS; i++) {
            Patients.Patient p = Patients.patient(i);
            Map<String, Object> obs = new LinkedHashMap<>();
            obs.put("resourceType", "Observation");
            obs.put("id", "obs-" + i);
            obs.put("status", "final");
            obs.put(
                "code",
                Map.of(
                    "coding",
                    List.of(
                        Map.of(
                            "system", "http://loinc.org",
                            "code", "94500-6",
                            "display", "SARS-CoV-2 RNA Resp Ql NAA+probe"))));
            obs.put("subject", Map.of("reference", "Patient/" + (10_000 + i), "display", p.name()));
            obs.put(
                "performer",
                List.of(Map.of("reference", "Practitioner/7", "display", "dr. Lukas Tangkudung")));
            obs.put("valueString", "Positive");
            entries.add(
                Map.of(
                    "fullUrl",
                    "http://hospital.invalid/fhir/Observation/obs-" + i,
                    "resource",
                    obs));
          }
          Map<String, Object> bundle = new LinkedHashMap<>();
          bundle.put("resourceType", "Bundle");
          bundle.put("type", "searchset");
          bundle.put("total", PATIENTS);
          bundle.put("entry", entries);
          try {
            fhirBundle = JSON.writeValueAsBytes(bundle);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return fhirBundle;
  }

  /** One gzip member holding 16 MiB of zeros (about 16 KB); members concatenate. */
  static byte[] gzipMember() {
    if (gzipMember == null) {
      synchronized (HostileServer.class) {
        if (gzipMember == null) {
          ByteArrayOutputStream b = new ByteArrayOutputStream();
          try (GZIPOutputStream gz =
              new GZIPOutputStream(b) {
                {
                  def.setLevel(Deflater.BEST_COMPRESSION);
                }
              }) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 16; i++) {
              gz.write(zeros);
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          gzipMember = b.toByteArray();
        }
      }
    }
    return gzipMember;
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (Socket s : open) {
      closeQuietly(s);
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Already gone.
    }
  }
}
