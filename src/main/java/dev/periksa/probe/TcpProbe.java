package dev.periksa.probe;

import dev.periksa.target.Scope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw TCP for protocols that are not HTTP (Redis, Memcached, database handshakes): only to hosts in
 * scope, spaced by the per-host rate limit, with connect and read timeouts and a cap on the bytes
 * read from one session. Checks that hand a URL to a driver call {@link #admit} first.
 */
public final class TcpProbe {
  private final Scope scope;
  private final HostRateLimiter limiter;
  private final Duration timeout;
  private final int maxBytes;

  public TcpProbe(Scope scope, HostRateLimiter limiter, Duration timeout, int maxBytes) {
    this.scope = scope;
    this.limiter = limiter;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Clears one connection a driver is about to make: in scope, and within the rate limit.
   *
   * @throws OutOfScopeException when the host is not in the profile's scope
   */
  public void admit(String host) {
    if (!scope.allows(host)) {
      throw new OutOfScopeException("not sent: " + host + " is outside the target's scope");
    }
    limiter.acquire(host);
  }

  /** Opens a session to an endpoint URL's host and port. */
  public Session open(URI url, int defaultPort) {
    return open(url.getHost(), url.getPort() > 0 ? url.getPort() : defaultPort);
  }

  public Session open(String host, int port) {
    admit(host);
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      s.setSoTimeout((int) timeout.toMillis());
      return new Session(host, port, s);
    } catch (IOException e) {
      closeQuietly(s);
      throw ProbeErrors.describe(host, port, timeout, e);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Nothing to do.
    }
  }

  /** One connection; every read counts against the session's byte cap. */
  public final class Session implements AutoCloseable {
    private final String host;
    private final int port;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long read;

    private Session(String host, int port, Socket socket) throws IOException {
      this.host = host;
      this.port = port;
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    public void send(byte[] bytes) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        throw ProbeErrors.describe(host, port, timeout, e);
      }
    }

    public void send(String ascii) {
      send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads one byte; -1 at end of stream. */
    public int read() {
      try {
        int b = in.read();
        if (b >= 0 && ++read > maxBytes) {
          throw new ProbeException(host + ":" + port + " sent more than " + maxBytes + " bytes");
        }
        return b;
      } catch (IOException e) {
        throw ProbeErrors.describe(host, port, timeout, e);
      }
    }

    /** Reads exactly n bytes. */
    public byte[] readExactly(int n) {
      if (n < 0 || read + n > maxBytes) {
        throw new ProbeException(host + ":" + port + " announced " + n + " bytes, over the cap");
      }
      byte[] b = new byte[n];
      int off = 0;
      try {
        while (off < n) {
          int k = in.read(b, off, n - off);
          if (k < 0) {
            throw new ProbeException(host + ":" + port + " closed the connection mid-reply");
          }
          off += k;
        }
      } catch (IOException e) {
        throw ProbeErrors.describe(host, port, timeout, e);
      }
      read += n;
      return b;
    }

    /** Reads a line ending in LF (CR LF included in the count, stripped from the result). */
    public String readLine() {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      while (true) {
        int c = read();
        if (c < 0) {
          if (b.size() == 0) {
            throw new ProbeException(host + ":" + port + " closed the connection without a reply");
          }
          break;
        }
        if (c == '\n') {
          break;
        }
        b.write(c);
      }
      String s = b.toString(StandardCharsets.UTF_8);
      return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Whatever the peer sends within {@code wait}, at most {@code max} bytes; empty when it sends
     * nothing in time or closes. Never throws for a quiet peer: used to learn who speaks first.
     */
    public byte[] peek(Duration wait, int max) {
      try {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        byte[] b = new byte[Math.min(max, maxBytes)];
        int n = in.read(b);
        if (n <= 0) {
          return new byte[0];
        }
        read += n;
        return java.util.Arrays.copyOf(b, n);
      } catch (java.net.SocketTimeoutException e) {
        return new byte[0];
      } catch (IOException e) {
        return new byte[0];
      } finally {
        try {
          socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException e) {
          // The socket is gone; the next read says so.
        }
      }
    }

    /** Bytes read so far in this session. */
    public long bytesRead() {
      return read;
    }

    @Override
    public void close() {
      closeQuietly(socket);
    }
  }
}
