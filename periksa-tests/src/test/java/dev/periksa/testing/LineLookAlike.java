package dev.periksa.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A TCP look-alike that answers every line it receives with the same reply, as a honeypot that
 * copied one banner (Redis's {@code +PONG}, memcached's {@code VERSION}) would. Real server, real
 * socket; only its replies are canned.
 */
public final class LineLookAlike implements AutoCloseable {
  private final ServerSocket socket;

  public LineLookAlike(String host, String reply) throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(host, 0));
    byte[] answer = reply.getBytes(StandardCharsets.UTF_8);
    Thread t =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket c = socket.accept();
                  Thread h = new Thread(() -> serve(c, answer), "look-alike-conn");
                  h.setDaemon(true);
                  h.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "line-look-alike");
    t.setDaemon(true);
    t.start();
  }

  private static void serve(Socket c, byte[] answer) {
    try (c;
        InputStream in = c.getInputStream();
        OutputStream out = c.getOutputStream()) {
      int b;
      while ((b = in.read()) >= 0) {
        if (b == '\n') {
          out.write(answer);
          out.flush();
        }
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  /** The address as a URL of the given scheme. */
  public URI url(String scheme) {
    return URI.create(
        scheme + "://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
