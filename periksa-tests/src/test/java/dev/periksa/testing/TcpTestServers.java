package dev.periksa.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Raw TCP look-alikes for database checks: servers that speak, but not the product's protocol. */
public final class TcpTestServers {
  private TcpTestServers() {}

  /**
   * Greets every connection with {@code greeting}, then answers whatever it reads with the same
   * bytes, like a banner service or a line-based protocol that is not the one expected.
   */
  public static final class Babbling implements AutoCloseable {
    private final ServerSocket socket;

    public Babbling(String host, String greeting) throws IOException {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(host, 0));
      byte[] bytes = greeting.getBytes(StandardCharsets.US_ASCII);
      Thread t =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    Socket c = socket.accept();
                    Thread h = new Thread(() -> serve(c, bytes), "babbling-conn");
                    h.setDaemon(true);
                    h.start();
                  } catch (IOException e) {
                    return;
                  }
                }
              },
              "babbling-server");
      t.setDaemon(true);
      t.start();
    }

    private static void serve(Socket c, byte[] greeting) {
      try (c) {
        c.setSoTimeout(5_000);
        OutputStream out = c.getOutputStream();
        InputStream in = c.getInputStream();
        out.write(greeting);
        out.flush();
        byte[] buf = new byte[512];
        while (in.read(buf) >= 0) {
          out.write(greeting);
          out.flush();
        }
      } catch (IOException e) {
        // The client went away.
      }
    }

    /** The server's address in the given scheme, e.g. {@code postgresql://127.0.0.5:40123}. */
    public URI url(String scheme) {
      return URI.create(
          scheme + "://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
