package dev.periksa.probe;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request and its reply on the wire: the sockets it opened, the bytes that arrived, and its
 * whole-exchange deadline. When the deadline passes, every socket of the exchange is closed, which
 * ends whatever read, write or handshake was blocked on it.
 */
final class Exchange implements Closeable {
  final String host;
  final int port;
  final Duration deadline;
  private final ProbeLog log;
  private final Set<Closeable> held = ConcurrentHashMap.newKeySet();
  private final AtomicLong received = new AtomicLong();
  private final long started = System.nanoTime();
  private volatile boolean expired;
  private volatile boolean connected;
  private volatile boolean handshaken;
  private volatile boolean headers;
  private volatile long bodyBytes;
  private ScheduledFuture<?> timer;
  private HostLimits.Permit permit;

  Exchange(String host, int port, Duration deadline, ProbeLog log) {
    this.host = host;
    this.port = port;
    this.deadline = deadline;
    this.log = log;
  }

  /** The run's connection to the host this exchange holds until it closes. */
  synchronized void permit(HostLimits.Permit p) {
    this.permit = p;
  }

  String where() {
    return host + ":" + port;
  }

  /** Starts the deadline, once: when the first socket is made, not before. */
  synchronized void start() {
    if (timer == null) {
      timer = Deadlines.after(deadline, this::expire);
    }
  }

  private void expire() {
    expired = true;
    for (Closeable c : held) {
      ProbeLog.closeQuietly(c);
    }
  }

  /** Holds a socket (or client) of this exchange, to be closed by the deadline or at the end. */
  void adopt(Closeable c) {
    held.add(c);
    log.hold(c);
    if (expired) {
      ProbeLog.closeQuietly(c);
    }
  }

  boolean expired() {
    return expired;
  }

  void connected() {
    connected = true;
  }

  void handshaken() {
    handshaken = true;
  }

  void headersArrived() {
    headers = true;
  }

  void bodyBytes(long n) {
    bodyBytes = n;
  }

  long received() {
    return received.get();
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  /** What had arrived when the exchange stopped, for a reason a person reads. */
  String arrived(boolean tls) {
    if (!connected) {
      return "no connection was made";
    }
    if (tls && !handshaken) {
      return received() == 0
          ? "connected, but the TLS handshake got no answer"
          : "connected, but the TLS handshake did not finish (" + bytes(received()) + " arrived)";
    }
    if (!headers) {
      return received() == 0
          ? "connected, but nothing arrived"
          : "connected, but only "
              + bytes(received())
              + " arrived, not a complete status line"
              + " and headers";
    }
    return "the headers and " + bytes(bodyBytes) + " of the body arrived";
  }

  static String bytes(long n) {
    return n == 1 ? "1 byte" : String.format("%,d bytes", n);
  }

  /** Counts what arrives on a socket's input. */
  InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          received.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          received.addAndGet(n);
        }
        return n;
      }
    };
  }

  /** A plain socket whose input is counted and which this exchange holds. */
  Socket socket() {
    start();
    Socket s =
        new Socket() {
          private InputStream in;

          @Override
          public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
              in = counting(super.getInputStream());
            }
            return in;
          }
        };
    adopt(s);
    return s;
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.cancel(false);
    }
    for (Closeable c : held) {
      ProbeLog.closeQuietly(c);
      log.release(c);
    }
    held.clear();
    if (permit != null) {
      permit.close();
      permit = null;
    }
  }
}
