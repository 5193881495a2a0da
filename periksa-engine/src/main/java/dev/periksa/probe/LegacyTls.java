package dev.periksa.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Vector;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A TLS client for servers the JDK will not talk to: TLS 1.0 and 1.1, and the older suites (CBC
 * with SHA-1, static RSA, 3DES), through BouncyCastle's own TLS protocol engine, so the JVM's
 * security settings stay strict for everything else. For the probe only: the certificate is not
 * judged here (TLS-2 judges it), and what is learned is what an attacker on such a server sees.
 */
final class LegacyTls {
  private LegacyTls() {}

  /** Suites offered, in order of preference; those the crypto cannot do are left out. */
  private static final int[] SUITES = {
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_DHE_RSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
    CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
    CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
    CipherSuite.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_CAMELLIA_128_CBC_SHA,
    CipherSuite.TLS_RSA_WITH_CAMELLIA_256_CBC_SHA
  };

  /**
   * Runs a TLS 1.0 to 1.2 handshake over a connected socket and returns a socket whose streams are
   * the protocol's; closing it closes the connection.
   */
  static Socket layer(Socket plain, String host, int port) throws IOException {
    BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    TlsClientProtocol protocol =
        new TlsClientProtocol(plain.getInputStream(), plain.getOutputStream());
    DefaultTlsClient client =
        new DefaultTlsClient(crypto) {
          @Override
          protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.TLSv12.downTo(ProtocolVersion.TLSv10);
          }

          @Override
          protected int[] getSupportedCipherSuites() {
            return TlsUtils.getSupportedCipherSuites(getCrypto(), SUITES);
          }

          @Override
          @SuppressWarnings("rawtypes")
          protected Vector getSNIServerNames() {
            if (TlsHello.isIpLiteral(host)) {
              return null;
            }
            Vector<ServerName> names = new Vector<>();
            names.add(new ServerName(NameType.host_name, host.getBytes(StandardCharsets.US_ASCII)));
            return names;
          }

          @Override
          public TlsAuthentication getAuthentication() {
            return new ServerOnlyTlsAuthentication() {
              @Override
              public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
                // Judged by TLS-2, never trusted for anything here.
              }
            };
          }
        };
    protocol.connect(client);
    return new Layered(plain, protocol);
  }

  /** The plain socket, carrying the protocol's streams. */
  private static final class Layered extends Socket {
    private final Socket plain;
    private final TlsClientProtocol protocol;

    Layered(Socket plain, TlsClientProtocol protocol) {
      this.plain = plain;
      this.protocol = protocol;
    }

    @Override
    public InputStream getInputStream() {
      return protocol.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
      return protocol.getOutputStream();
    }

    @Override
    public synchronized void close() throws IOException {
      try {
        protocol.close();
      } finally {
        plain.close();
      }
    }

    @Override
    public boolean isClosed() {
      return plain.isClosed() || protocol.isClosed();
    }

    @Override
    public boolean isConnected() {
      return plain.isConnected();
    }

    @Override
    public boolean isBound() {
      return plain.isBound();
    }

    @Override
    public InetAddress getInetAddress() {
      return plain.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
      return plain.getLocalAddress();
    }

    @Override
    public int getPort() {
      return plain.getPort();
    }

    @Override
    public int getLocalPort() {
      return plain.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
      return plain.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
      return plain.getLocalSocketAddress();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
      plain.setSoTimeout(timeout);
    }

    @Override
    public synchronized int getSoTimeout() throws SocketException {
      return plain.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
      plain.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
      return plain.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
      plain.setSoLinger(on, linger);
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
      plain.setKeepAlive(on);
    }

    @Override
    public void shutdownInput() throws IOException {
      plain.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
      plain.shutdownOutput();
    }

    @Override
    public boolean isInputShutdown() {
      return plain.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
      return plain.isOutputShutdown();
    }
  }
}
