package dev.periksa.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A real socket speaking the Redis protocol (RESP2) with scripted replies: for replies of servers
 * that cannot run here (an older Redis, a compatible), each command answered by a function of its
 * arguments returning the raw reply ({@code "+PONG\r\n"}).
 */
public final class RespServer implements AutoCloseable {
  private final ServerSocket socket;

  public RespServer(String host, Function<List<String>, String> replies) throws IOException {
    this(host, 0, () -> replies);
  }

  /**
   * A server on a given port (0: chosen at bind time) whose every connection gets its own reply
   * function from {@code session}, so a connection can keep state (an AUTH that succeeded).
   */
  public RespServer(
      String host, int port, java.util.function.Supplier<Function<List<String>, String>> session)
      throws IOException {
    socket = new ServerSocket();
    socket.bind(new InetSocketAddress(host, port));
    Thread t =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try {
                  Socket c = socket.accept();
                  Function<List<String>, String> replies = session.get();
                  Thread h = new Thread(() -> serve(c, replies), "resp-conn");
                  h.setDaemon(true);
                  h.start();
                } catch (IOException e) {
                  return;
                }
              }
            },
            "resp-server");
    t.setDaemon(true);
    t.start();
  }

  private static void serve(Socket c, Function<List<String>, String> replies) {
    try (c) {
      c.setSoTimeout(10_000);
      InputStream in = new BufferedInputStream(c.getInputStream());
      OutputStream out = c.getOutputStream();
      while (true) {
        List<String> command = read(in);
        if (command == null) {
          return;
        }
        out.write(replies.apply(command).getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  /** One command: an array of bulk strings; null at the end of the stream. */
  private static List<String> read(InputStream in) throws IOException {
    String head = line(in);
    if (head == null || !head.startsWith("*")) {
      return null;
    }
    int n = Integer.parseInt(head.substring(1));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String len = line(in);
      if (len == null || !len.startsWith("$")) {
        return null;
      }
      byte[] b = in.readNBytes(Integer.parseInt(len.substring(1)));
      line(in);
      args.add(new String(b, StandardCharsets.UTF_8));
    }
    return args;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\r') {
        in.read();
        return b.toString();
      }
      b.append((char) c);
    }
    return b.length() == 0 ? null : b.toString();
  }

  public URI url() {
    return URI.create(
        "redis://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort());
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
