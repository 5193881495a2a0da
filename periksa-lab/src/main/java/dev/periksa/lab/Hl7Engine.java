package dev.periksa.lab;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.preparser.PreParser;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.SocketFactory;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A real HL7 v2 integration engine: HAPI HL7v2's own MLLP server (the listener hospital systems
 * embed), bound to one loopback address on a port chosen at run time. It answers a patient query
 * ({@code QRY^A19}) with the demographics ({@code ADR^A19}) of the patient its directory gives for
 * the requested id, and any other message with an ACK, to whoever connects; or, hardened, only
 * through TLS that demands a client certificate ({@link TlsRelay#requiringClientCertificates}).
 */
public final class Hl7Engine implements AutoCloseable {
  /** Messages kept for a test to inspect; later ones are counted but not kept. */
  private static final int KEPT = 100;

  private static final int ATTEMPTS = 3;

  /** A patient as PID fields: NIK, medical record number, name, birth (yyyyMMdd), sex... */
  public record Patient(
      String nik,
      String mrn,
      String family,
      String given,
      String birth,
      String sex,
      String address,
      String phone) {}

  private final HapiContext context;
  private final HL7Service service;
  private final String facility;
  private final Function<String, Patient> directory;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private int plainPort;
  private TlsRelay relay;
  private URI url;

  private Hl7Engine(String bindHost, String facility, Function<String, Patient> directory)
      throws Exception {
    this.facility = facility;
    this.directory = directory;
    context = new DefaultHapiContext();
    context.setValidationContext(ValidationContextFactory.noValidation());
    // HAPI's default message-id generator keeps its counter in a file named id_file in the
    // working directory; the lab leaves nothing behind, so ids are counted in memory.
    context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
    context.setSocketFactory(new BoundTo(bindHost));
    service = listen(bindHost);
    url = URI.create("mllp://" + bindHost + ":" + plainPort);
  }

  /**
   * An engine answering anyone, in clear.
   *
   * @param facility the engine's facility (MSH-4) and its medical record numbers' authority
   * @param directory the patient for a requested id; never null (a lenient engine answers anyway)
   */
  public static Hl7Engine open(String host, String facility, Function<String, Patient> directory)
      throws Exception {
    return new Hl7Engine(host, facility, directory);
  }

  /**
   * The same engine behind TLS that demands a client certificate: the plain listener is on {@code
   * internalHost}, outside the target's scope; {@code host} speaks only mutual TLS ({@code
   * mllps://}).
   */
  public static Hl7Engine mutualTls(
      String host,
      String internalHost,
      SSLContext tls,
      String facility,
      Function<String, Patient> directory)
      throws Exception {
    Hl7Engine e = new Hl7Engine(internalHost, facility, directory);
    try {
      e.relay =
          TlsRelay.requiringClientCertificates(
              host, tls, new InetSocketAddress(internalHost, e.url.getPort()));
    } catch (IOException | RuntimeException ex) {
      e.close();
      throw ex;
    }
    e.url = URI.create("mllps://" + host + ":" + e.relay.port());
    return e;
  }

  /** Where a client reaches the engine: {@code mllp://host:port} or {@code mllps://host:port}. */
  public URI url() {
    return url;
  }

  /** The first messages the engine received, as HL7 text (synthetic data only in the lab). */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** Starts HAPI's listener on a free port of {@code host}; another port if that one was taken. */
  private HL7Service listen(String host) throws Exception {
    Throwable last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
        port = probe.getLocalPort();
      }
      HL7Service s = context.newServer(port, false);
      s.registerApplication(new Answering());
      s.startAndWait();
      if (s.isRunning() && s.getServiceExitedWithException() == null) {
        plainPort = port;
        return s;
      }
      last = s.getServiceExitedWithException();
      s.stopAndWait();
    }
    context.close();
    throw new IOException("the HL7 listener did not start on " + host, last);
  }

  private final class Answering implements ReceivingApplication<Message> {
    @Override
    public Message processMessage(Message in, Map<String, Object> metadata) throws HL7Exception {
      String text = in.encode();
      if (received.size() < KEPT) {
        received.add(text);
      }
      String[] f = PreParser.getFields(text, "MSH-9-1", "MSH-9-2", "MSH-10", "QRD-8-1");
      if ("QRY".equals(f[0]) && "A19".equals(f[1])) {
        return in.getParser().parse(adr(f[2], f[3] == null ? "" : f[3]));
      }
      try {
        return in.generateACK();
      } catch (IOException e) {
        throw new HL7Exception(e);
      }
    }

    @Override
    public boolean canProcess(Message message) {
      return true;
    }
  }

  /** The answer to a demographics query: the directory's patient for the requested id. */
  private String adr(String requestId, String requested) {
    Patient p = directory.apply(requested);
    String ts =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    return "MSH|^~\\&|SIMRS|"
        + facility
        + "|PERIKSA|PERIKSA-PROBE|"
        + ts
        + "||ADR^A19^ADR_A19|ADR"
        + ts
        + "|P|2.5\r"
        + "MSA|AA|"
        + requestId
        + "\r"
        + "QRD|"
        + ts
        + "|R|I|"
        + requestId
        + "|||1^RD|"
        + p.mrn()
        + "^^^^MR|DEM\r"
        + "PID|1||"
        + p.nik()
        + "^^^DUKCAPIL^NI~"
        + p.mrn()
        + "^^^"
        + facility
        + "^MR||"
        + p.family()
        + "^"
        + p.given()
        + "||"
        + p.birth()
        + "|"
        + p.sex()
        + "|||"
        + p.address()
        + "||"
        + p.phone()
        + "\r";
  }

  @Override
  public void close() throws IOException {
    try {
      if (relay != null) {
        relay.close();
      }
    } finally {
      service.stopAndWait();
      context.close();
    }
  }

  /** HAPI binds its listener to every interface; the lab's engines bind one loopback address. */
  private static final class BoundTo implements SocketFactory {
    private final String host;
    private final StandardSocketFactory standard = new StandardSocketFactory();

    BoundTo(String host) {
      this.host = host;
    }

    @Override
    public Socket createSocket() throws IOException {
      return standard.createSocket();
    }

    @Override
    public Socket createTlsSocket() throws IOException {
      return standard.createTlsSocket();
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new ServerSocket() {
        @Override
        public void bind(SocketAddress endpoint, int backlog) throws IOException {
          int port = endpoint instanceof InetSocketAddress a ? a.getPort() : 0;
          super.bind(new InetSocketAddress(host, port), backlog);
        }
      };
    }

    @Override
    public ServerSocket createTlsServerSocket() throws IOException {
      throw new IOException("TLS is the relay's: the listener itself is plain");
    }

    @Override
    public void configureNewAcceptedSocket(Socket socket) throws SocketException {
      standard.configureNewAcceptedSocket(socket);
    }
  }
}
