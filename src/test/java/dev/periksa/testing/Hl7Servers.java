package dev.periksa.testing;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.preparser.PreParser;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.SocketFactory;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import dev.periksa.lab.TlsRelay;
import java.io.IOException;
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
import javax.net.ssl.SSLContext;

/**
 * Real HL7 v2 integration engines for the tests: HAPI's own MLLP server (the listener hospitals
 * embed), bound to one loopback address on a port chosen at run time. It answers a patient query
 * ({@code QRY^A19}) with the demographics of a synthetic patient ({@code ADR^A19}) and any other
 * message with an ACK, to whoever connects; or, hardened, only through TLS that demands a client
 * certificate.
 */
public final class Hl7Servers {
  private Hl7Servers() {}

  /** A running engine: its URL and the messages it received. */
  public static final class Running implements AutoCloseable {
    private final HapiContext context;
    private final HL7Service service;
    private final TlsRelay relay;
    private final URI url;
    public final List<String> received = new CopyOnWriteArrayList<>();

    private Running(HapiContext context, HL7Service service, TlsRelay relay, URI url) {
      this.context = context;
      this.service = service;
      this.relay = relay;
      this.url = url;
    }

    public URI url() {
      return url;
    }

    @Override
    public void close() throws IOException {
      if (relay != null) {
        relay.close();
      }
      service.stopAndWait();
      context.close();
    }
  }

  /** A synthetic patient, as PID fields: identifiers (with type codes), name, birth, address... */
  public record Patient(
      String nik,
      String mrn,
      String family,
      String given,
      String birth,
      String address,
      String phone) {}

  /** An engine answering anyone, in clear. */
  public static Running open(String host, Patient patient) throws Exception {
    return start(host, patient, null, null);
  }

  /**
   * The same engine behind TLS that demands a client certificate: the plain listener is on {@code
   * internalHost}, outside the target's scope; the target's address speaks only mutual TLS.
   */
  public static Running mutualTls(String host, String internalHost, Patient patient, SSLContext tls)
      throws Exception {
    return start(internalHost, patient, host, tls);
  }

  private static Running start(String bindHost, Patient patient, String tlsHost, SSLContext tls)
      throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getByName(bindHost))) {
      port = probe.getLocalPort();
    }
    HapiContext ctx = new DefaultHapiContext();
    ctx.setValidationContext(ValidationContextFactory.noValidation());
    ctx.setSocketFactory(new BoundTo(bindHost));
    HL7Service service = ctx.newServer(port, false);
    Running[] self = new Running[1];
    service.registerApplication(
        new ReceivingApplication<Message>() {
          @Override
          public Message processMessage(Message in, Map<String, Object> metadata)
              throws ca.uhn.hl7v2.HL7Exception {
            String text = in.encode();
            self[0].received.add(text);
            String[] f = PreParser.getFields(text, "MSH-9-1", "MSH-9-2", "MSH-10");
            if ("QRY".equals(f[0]) && "A19".equals(f[1])) {
              return in.getParser().parse(adr(f[2], patient));
            }
            try {
              return in.generateACK();
            } catch (IOException e) {
              throw new ca.uhn.hl7v2.HL7Exception(e);
            }
          }

          @Override
          public boolean canProcess(Message message) {
            return true;
          }
        });
    service.startAndWait();
    TlsRelay relay = null;
    URI url = URI.create("mllp://" + bindHost + ":" + port);
    if (tls != null) {
      relay =
          TlsRelay.requiringClientCertificates(tlsHost, tls, new InetSocketAddress(bindHost, port));
      url = URI.create("mllps://" + tlsHost + ":" + relay.port());
    }
    Running r = new Running(ctx, service, relay, url);
    self[0] = r;
    return r;
  }

  private static String adr(String requestId, Patient p) {
    String ts =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    return "MSH|^~\\&|SIMRS|RSUD-SEHAT|PERIKSA|PERIKSA-PROBE|"
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
        + "^^^RSUD-SEHAT^MR||"
        + p.family()
        + "^"
        + p.given()
        + "||"
        + p.birth()
        + "|F|||"
        + p.address()
        + "||"
        + p.phone()
        + "\r";
  }

  /** HAPI binds its listener to every interface; the tests' engines bind one loopback address. */
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
