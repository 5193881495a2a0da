package dev.periksa.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * TLS in front of a plain-TCP server that cannot bind one address or speak the lab's TLS itself:
 * accepts TLS 1.2/1.3 on one address and relays the decrypted bytes to the server unchanged (the
 * client's Host header and credentials pass through, so the server still decides who gets in).
 */
public final class TlsRelay implements AutoCloseable {
  private final SSLServerSocket server;
  private final InetSocketAddress upstream;
  private final ExecutorService pool;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  TlsRelay(String host, SSLContext tls, InetSocketAddress upstream) throws IOException {
    this(host, tls, upstream, false);
  }

  /**
   * A relay that completes a handshake only with a client that presents a certificate the context's
   * trust managers accept (mutual TLS): a stranger is refused before a byte reaches the server
   * behind it.
   */
  public static TlsRelay requiringClientCertificates(
      String host, SSLContext tls, InetSocketAddress upstream) throws IOException {
    return new TlsRelay(host, tls, upstream, true);
  }

  private TlsRelay(String host, SSLContext tls, InetSocketAddress upstream, boolean mutual)
      throws IOException {
    this.upstream = upstream;
    server =
        (SSLServerSocket)
            tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getByName(host));
    server.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
    server.setNeedClientAuth(mutual);
    pool =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "tls-relay-" + host);
              t.setDaemon(true);
              return t;
            });
    pool.execute(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        pool.execute(() -> relay(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket client) {
    try (client;
        Socket up = new Socket()) {
      open.add(client);
      open.add(up);
      up.connect(upstream, 5_000);
      pool.execute(() -> pump(up, client));
      pump(client, up);
    } catch (IOException e) {
      // A client that went away or a failed handshake: nothing to relay.
    } finally {
      open.remove(client);
    }
  }

  /** Copies until either side closes, then closes both. */
  private void pump(Socket from, Socket to) {
    byte[] buf = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) >= 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // The other direction closed the sockets.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already closed.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    open.forEach(TlsRelay::closeQuietly);
    pool.shutdownNow();
  }
}
