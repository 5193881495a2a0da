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
 * Raw TCP for protocols that are not HTTP (Redis, Memcached, database handshakes, TLS hellos): only
 * to hosts in scope, spaced by the per-host rate limit, with a connect and idle timeout, a deadline
 * for the whole session, and a cap on the bytes read from one session. Sessions are held in the
 * check's {@link ProbeLog}, so a check that ends leaves none open. Checks that hand a URL to a
 * driver call {@link #admit} first.
 */
public final class TcpProbe {
  private final Scope scope;
  private final HostRateLimiter limiter;
  private final HostHealth health;
  private final Duration timeout;
  private final int maxBytes;
  private final ProbeLog log;

  public TcpProbe(Scope scope, HostRateLimiter limiter, Duration timeout, int maxBytes) {
    this(scope, limiter, new HostHealth(), timeout, maxBytes, ProbeLog.detached());
  }

  public TcpProbe(
      Scope scope,
      HostRateLimiter limiter,
      HostHealth health,
      Duration timeout,
      int maxBytes,
      ProbeLog log) {
    this.scope = scope;
    this.limiter = limiter;
    this.health = health;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
    this.log = log;
  }

  /** The same probe recording into another check's log. */
  public TcpProbe withLog(ProbeLog log) {
    return new TcpProbe(scope, limiter, health, timeout, maxBytes, log);
  }

  /** The same probe with another timeout (at most this one's). */
  public TcpProbe withTimeout(Duration t) {
    Duration capped = t.compareTo(timeout) < 0 ? t : timeout;
    return new TcpProbe(scope, limiter, health, capped, maxBytes, log);
  }

  /** Connect, idle and whole-session timeout. */
  public Duration timeout() {
    return timeout;
  }

  public HostHealth health() {
    return health;
  }

  /** The check's log: a driver's client is held here so the check's end closes it. */
  public ProbeLog log() {
    return log;
  }

  /**
   * Clears one connection a driver is about to make: in scope, not given up, within the rate limit.
   *
   * @throws OutOfScopeException when the host is not in the profile's scope
   */
  public void admit(String host) {
    admit(host, -1);
  }

  /** As {@link #admit(String)}, for a known port (checked against the run's stalled services). */
  public void admit(String host, int port) {
    if (host == null || !scope.allows(host)) {
      throw new OutOfScopeException("not sent: " + host + " is outside the target's scope");
    }
    if (port > 0) {
      health.check(host, port);
      Connections.opening(host, port);
    }
    limiter.acquire(host);
  }

  /** Notes that a driver found a service silent or out of time, for the run's memory. */
  public void stalled(String host, int port, String what) {
    health.stalled(host, port, what);
  }

  /** Opens a session to an endpoint URL's host and port. */
  public Session open(URI url, int defaultPort) {
    return open(url.getHost(), url.getPort() > 0 ? url.getPort() : defaultPort);
  }

  public Session open(String host, int port) {
    admit(host, port);
    Exchange ex = new Exchange(host, port, timeout, log);
    ex.permit(limiter.connection(host));
    Socket s = ex.socket();
    try {
      s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      ex.connected();
      s.setSoTimeout((int) timeout.toMillis());
      return new Session(ex, s);
    } catch (IOException e) {
      ex.close();
      throw fail(ex, e);
    }
  }

  private ProbeException fail(Exchange ex, IOException e) {
    ProbeException pe =
        ex.expired()
            ? new ProbeException(
                ex.where()
                    + " did not finish within the "
                    + BodyReader.seconds(timeout.toMillis())
                    + " allowed for one session ("
                    + (ex.received() == 0
                        ? "nothing arrived"
                        : Exchange.bytes(ex.received()) + " arrived")
                    + ")",
                e,
                true)
            : ProbeErrors.describe(
                ex.where(),
                timeout,
                e,
                ex.received() == 0 ? "nothing arrived" : Exchange.bytes(ex.received()) + " arrived",
                ex.received());
    if (pe.stalled()) {
      health.stalled(ex.host, ex.port, pe.getMessage());
    }
    return pe;
  }

  /** One connection; every read counts against the session's byte cap. */
  public final class Session implements AutoCloseable {
    private final Exchange ex;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long read;

    private Session(Exchange ex, Socket socket) throws IOException {
      this.ex = ex;
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /**
     * The connected socket, for a TLS layer (JSSE) over it; it stays under the session's deadline
     * and is closed with the session.
     */
    public Socket socket() {
      return socket;
    }

    /** Holds a socket layered over this one (TLS) under the session's deadline. */
    public void hold(Socket layered) {
      ex.adopt(layered);
    }

    /** Turns an I/O failure on this session into a reason a person reads. */
    public ProbeException describe(IOException e) {
      return fail(ex, e);
    }

    public void send(byte[] bytes) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        throw fail(ex, e);
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
          throw new ProbeException(ex.where() + " sent more than " + maxBytes + " bytes");
        }
        return b;
      } catch (IOException e) {
        throw fail(ex, e);
      }
    }

    /** Reads exactly n bytes. */
    public byte[] readExactly(int n) {
      if (n < 0 || read + n > maxBytes) {
        throw new ProbeException(ex.where() + " announced " + n + " bytes, over the cap");
      }
      byte[] b = new byte[n];
      int off = 0;
      try {
        while (off < n) {
          int k = in.read(b, off, n - off);
          if (k < 0) {
            throw new ProbeException(
                ex.where()
                    + " closed the connection mid-reply ("
                    + off
                    + " of "
                    + n
                    + " announced bytes)");
          }
          off += k;
        }
      } catch (IOException e) {
        throw fail(ex, e);
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
            throw new ProbeException(ex.where() + " closed the connection without a reply");
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
      ex.close();
    }
  }
}
