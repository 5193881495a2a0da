package dev.periksa.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * One HL7 v2 message over MLLP (the Minimal Lower Layer Protocol: {@code 0x0B} message {@code 0x1C
 * 0x0D}), in clear or over TLS, through the target's TCP probe (scope, rate limit, deadline): one
 * connection, one message sent, at most one framed reply read, capped in bytes. Over TLS the probe
 * presents no client certificate; a server that demands one refuses the stranger during the
 * handshake, which is told apart from any other failure.
 */
public final class Mllp {
  private Mllp() {}

  static final int START = 0x0b;
  static final int END = 0x1c;
  static final int CR = 0x0d;

  /** Most bytes of a reply read. */
  public static final int MAX_REPLY_BYTES = 64 * 1024;

  /**
   * What came back.
   *
   * @param message the framed reply (empty when the server closed without answering)
   * @param tls whether the exchange ran over TLS
   * @param tlsProtocol the TLS version negotiated, or null in clear
   * @param bytesSent bytes of the framed message sent
   * @param bytesRead bytes read (the frame included)
   */
  public record Reply(
      String message, boolean tls, String tlsProtocol, long bytesSent, long bytesRead) {
    /** Whether the server closed the connection without a byte of reply. */
    public boolean closedWithoutReply() {
      return message.isEmpty();
    }
  }

  /** The TLS handshake failed because the server wants a client certificate the probe lacks. */
  public static final class ClientCertificateRequired extends ProbeException {
    private static final long serialVersionUID = 1L;

    ClientCertificateRequired(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Sends {@code message} (segments separated by CR) and reads one framed reply.
   *
   * @throws ClientCertificateRequired when a TLS server refuses a client without a certificate
   * @throws ProbeException when the exchange fails in any other way (no reply in time, a reply
   *     without its end block within the cap, a broken connection)
   */
  public static Reply exchange(TcpProbe tcp, String host, int port, boolean tls, String message) {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    byte[] framed = new byte[body.length + 3];
    framed[0] = START;
    System.arraycopy(body, 0, framed, 1, body.length);
    framed[framed.length - 2] = END;
    framed[framed.length - 1] = CR;
    try (TcpProbe.Session session = tcp.open(host, port)) {
      Socket socket = session.socket();
      String protocol = null;
      if (tls) {
        SSLSocket s = handshake(session, host, port);
        socket = s;
        protocol = s.getSession().getProtocol();
      }
      try {
        if (tls) {
          refusedAfterHandshake(socket);
        }
        OutputStream out = socket.getOutputStream();
        out.write(framed);
        out.flush();
        byte[] reply = readFrame(socket.getInputStream(), host + ":" + port);
        return new Reply(
            new String(reply, StandardCharsets.UTF_8),
            tls,
            protocol,
            framed.length,
            reply.length == 0 ? 0 : reply.length + 3);
      } catch (SocketTimeoutException e) {
        throw new ProbeException(
            host + ":" + port + " sent no complete reply within the timeout", e, true);
      } catch (SSLException e) {
        // A TLS 1.3 server refuses a missing client certificate after the client's side of the
        // handshake is done: the refusal arrives with the first read.
        if (certificateRefusal(e)) {
          throw new ClientCertificateRequired(
              host + ":" + port + " refused the connection without a client certificate", e);
        }
        throw session.describe(e);
      } catch (IOException e) {
        throw session.describe(e);
      }
    }
  }

  private static SSLSocket handshake(TcpProbe.Session session, String host, int port) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      // Only to speak to the interface: TLS-2 judges its certificate.
      ctx.init(null, new TrustManager[] {new AcceptAnyServer()}, new SecureRandom());
      SSLSocket s =
          (SSLSocket) ctx.getSocketFactory().createSocket(session.socket(), host, port, true);
      session.hold(s);
      SSLParameters p = s.getSSLParameters();
      p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      s.setSSLParameters(p);
      s.startHandshake();
      return s;
    } catch (SSLException e) {
      if (certificateRefusal(e)) {
        throw new ClientCertificateRequired(
            host + ":" + port + " refused the TLS handshake without a client certificate", e);
      }
      throw session.describe(e);
    } catch (IOException e) {
      throw session.describe(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new ProbeException("no TLS client available: " + e.getMessage(), e);
    }
  }

  /**
   * Over TLS 1.3 a server judges the client's (empty) certificate after the client has finished its
   * side of the handshake, and says so with an alert: a short read before the message is sent
   * surfaces it (an HL7 interface never speaks first, so a quiet wait means it took the client).
   */
  private static void refusedAfterHandshake(Socket s) throws IOException {
    int before = s.getSoTimeout();
    try {
      s.setSoTimeout(1000);
      s.getInputStream().read();
    } catch (SocketTimeoutException quiet) {
      // Accepted: it waits for the message.
    } finally {
      if (!s.isClosed()) {
        s.setSoTimeout(before);
      }
    }
  }

  /** A TLS alert that says the server wants a client certificate the probe did not present. */
  private static boolean certificateRefusal(SSLException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("certificate_required") || m.contains("bad_certificate");
  }

  /**
   * One MLLP frame (bytes before its start block are skipped); empty only when the peer closed
   * without sending a byte.
   */
  static byte[] readFrame(InputStream in, String where) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int skipped = 0;
    int c;
    while ((c = in.read()) != START) {
      if (c < 0 && skipped == 0) {
        return new byte[0];
      }
      if (c < 0) {
        throw new ProbeException(
            where + " answered " + skipped + " bytes that are not an MLLP frame, then closed");
      }
      if (++skipped > MAX_REPLY_BYTES) {
        throw new ProbeException(where + " sent " + skipped + " bytes without an MLLP start block");
      }
    }
    while (true) {
      c = in.read();
      if (c < 0) {
        throw new ProbeException(
            where + " closed the connection mid-reply (" + b.size() + " bytes, no MLLP end block)");
      }
      if (c == END) {
        int cr = in.read();
        if (cr == CR || cr < 0) {
          return b.toByteArray();
        }
        b.write(c);
        b.write(cr);
      } else {
        b.write(c);
      }
      if (b.size() > MAX_REPLY_BYTES) {
        throw new ProbeException(
            where + " sent more than " + MAX_REPLY_BYTES + " bytes without an MLLP end block");
      }
    }
  }

  /** The segments of a reply (split on CR or LF), for a reader that needs no parser. */
  public static List<String> segments(String message) {
    return List.of(message.split("[\r\n]+"));
  }
}
