package dev.periksa.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.apache.http.conn.ConnectTimeoutException;
import org.apache.http.conn.scheme.SchemeLayeredSocketFactory;
import org.apache.http.conn.scheme.SchemeSocketFactory;
import org.apache.http.params.HttpConnectionParams;
import org.apache.http.params.HttpParams;

/**
 * The HTTP client's sockets for one {@link Exchange}: counted, held by the exchange (so its
 * deadline can close them), announced to {@link Connections}, and for {@code https} a TLS layer
 * that does not judge the certificate (that is the TLS checks' question; a storage check must see
 * what an attacker sees behind a bad certificate).
 */
class ExchangeSockets implements SchemeSocketFactory {
  private static final SSLSocketFactory TRUST_ALL = trustAll();

  final Exchange exchange;
  private final boolean tls;

  private ExchangeSockets(Exchange exchange, boolean tls) {
    this.exchange = exchange;
    this.tls = tls;
  }

  /** Plain sockets: a scheme whose factory is layered would be planned as a secure route. */
  static SchemeSocketFactory plain(Exchange exchange) {
    return new ExchangeSockets(exchange, false);
  }

  static SchemeSocketFactory tls(Exchange exchange) {
    return new Tls(exchange, false);
  }

  /** TLS 1.0 to 1.2 with the older suites, for a server the JDK's TLS cannot talk to. */
  static SchemeSocketFactory legacyTls(Exchange exchange) {
    return new Tls(exchange, true);
  }

  /** TLS over the exchange's plain socket. */
  private static final class Tls extends ExchangeSockets implements SchemeLayeredSocketFactory {
    private final boolean legacy;

    Tls(Exchange exchange, boolean legacy) {
      super(exchange, true);
      this.legacy = legacy;
    }

    @Override
    Socket layer(Socket socket, String target, int port) throws IOException {
      if (!legacy) {
        return super.layer(socket, target, port);
      }
      Socket s = LegacyTls.layer(socket, target, port);
      exchange.adopt(s);
      exchange.handshaken();
      return s;
    }

    @Override
    public Socket createLayeredSocket(Socket socket, String target, int port, HttpParams params)
        throws IOException {
      return layer(socket, target, port);
    }
  }

  @Override
  public Socket createSocket(HttpParams params) {
    return exchange.socket();
  }

  @Override
  public Socket connectSocket(
      Socket sock, InetSocketAddress remote, InetSocketAddress local, HttpParams params)
      throws IOException {
    Socket s = sock != null ? sock : exchange.socket();
    Connections.opening(remote.getHostString(), remote.getPort());
    if (local != null) {
      s.bind(local);
    }
    s.setSoTimeout(HttpConnectionParams.getSoTimeout(params));
    try {
      s.connect(remote, HttpConnectionParams.getConnectionTimeout(params));
    } catch (SocketTimeoutException e) {
      throw new ConnectTimeoutException(exchange.where() + " did not accept a connection in time");
    }
    exchange.connected();
    return tls ? layer(s, remote.getHostString(), remote.getPort()) : s;
  }

  Socket layer(Socket socket, String target, int port) throws IOException {
    SSLSocket s = (SSLSocket) TRUST_ALL.createSocket(socket, target, port, true);
    exchange.adopt(s);
    s.startHandshake();
    exchange.handshaken();
    return s;
  }

  @Override
  public boolean isSecure(Socket sock) {
    return tls;
  }

  private static SSLSocketFactory trustAll() {
    try {
      SSLContext c = SSLContext.getInstance("TLS");
      c.init(null, new TrustManager[] {new AcceptAnyServer()}, new SecureRandom());
      return c.getSocketFactory();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no TLS", e);
    }
  }
}
