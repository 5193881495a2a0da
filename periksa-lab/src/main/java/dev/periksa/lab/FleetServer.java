package dev.periksa.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Every socket of the fleet lab on one selector thread: a minimal HTTP/1.1 responder (requests with
 * Content-Length or chunked bodies, replies with Content-Length, keep-alive unless the client asks
 * to close). A thousand targets cost a thousand listening channels and one thread, not a thousand
 * servers with pools of their own, so the fleet's footprint stays far below what it is meant to
 * measure: the scanner.
 *
 * <p>A delayed reply is put on a queue the loop wakes up for, never slept on; while it waits, that
 * connection reads no further request, so replies keep their order. A target without a handler
 * accepts and reads, and never answers.
 */
final class FleetServer implements AutoCloseable {

  /** A parsed request. Header names are lower-case; the query is decoded, last value wins. */
  record Request(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      byte[] body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  /** A reply; {@code delayMillis} holds it back that long after the request was read. */
  record Reply(
      int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {
    Reply delayed(long millis) {
      return new Reply(status, contentType, body, headers, millis);
    }
  }

  /** What a target answers. */
  interface Handler {
    Reply answer(Request r);
  }

  /** Largest request head (request line and headers) read; a longer one is refused with 431. */
  static final int MAX_HEAD = 16 * 1024;

  /** Largest request body read; a longer one is refused with 413. */
  static final int MAX_BODY = 64 * 1024;

  private final Selector selector;
  private final List<ServerSocketChannel> listeners = new ArrayList<>();
  private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
  private Thread loop;
  private volatile boolean running = true;

  FleetServer() throws IOException {
    selector = Selector.open();
  }

  /**
   * Listens on {@code host} at a port chosen at bind time; {@code handler} null for a target that
   * accepts and never answers. Only before {@link #start()}.
   */
  int listen(String host, Handler handler) throws IOException {
    if (loop != null) {
      throw new IllegalStateException("listen before start");
    }
    ServerSocketChannel ch = ServerSocketChannel.open();
    try {
      ch.bind(new InetSocketAddress(host, 0), 64);
      ch.configureBlocking(false);
      ch.register(selector, SelectionKey.OP_ACCEPT, handler == null ? SILENT : handler);
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    listeners.add(ch);
    return ((InetSocketAddress) ch.getLocalAddress()).getPort();
  }

  /** Starts the loop thread (a daemon: the fleet never keeps the JVM alive). */
  void start() {
    loop = new Thread(this::run, "fleet-lab-io");
    loop.setDaemon(true);
    loop.start();
  }

  /** A handler standing for "never answers". */
  private static final Handler SILENT = r -> null;

  private void run() {
    try {
      while (running) {
        long wait = 0;
        Due first = due.peek();
        if (first != null) {
          wait = Math.max(1, (first.at - System.nanoTime()) / 1_000_000 + 1);
        }
        selector.select(wait);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey k = it.next();
          it.remove();
          try {
            if (!k.isValid()) {
              continue;
            }
            if (k.isAcceptable()) {
              accept(k);
            } else {
              Conn c = (Conn) k.attachment();
              if (k.isWritable()) {
                c.flush();
              }
              if (k.isValid() && k.isReadable()) {
                c.read();
              }
            }
          } catch (IOException | RuntimeException e) {
            if (k.attachment() instanceof Conn c) {
              c.close();
            }
          }
        }
        long now = System.nanoTime();
        while (!due.isEmpty() && due.peek().at <= now) {
          Due d = due.poll();
          try {
            d.conn.release(d.bytes, d.close);
          } catch (IOException | RuntimeException e) {
            d.conn.close();
          }
        }
      }
    } catch (IOException | ClosedSelectorException e) {
      // Closed: the fleet is stopping.
    }
  }

  private void accept(SelectionKey k) throws IOException {
    SocketChannel ch = ((ServerSocketChannel) k.channel()).accept();
    if (ch == null) {
      return;
    }
    ch.configureBlocking(false);
    Handler h = (Handler) k.attachment();
    Conn c = new Conn(ch, h == SILENT ? null : h);
    c.key = ch.register(selector, SelectionKey.OP_READ, c);
  }

  /** A reply held back until {@code at} (System.nanoTime). */
  private record Due(long at, Conn conn, ByteBuffer bytes, boolean close) {}

  /** One accepted connection: what it has sent and not yet been answered, what waits to go out. */
  private final class Conn {
    final SocketChannel ch;
    final Handler handler;
    SelectionKey key;
    ByteBuffer in = ByteBuffer.allocate(1024);
    final ArrayDeque<ByteBuffer> out = new ArrayDeque<>(2);
    boolean waiting;
    boolean closeAfterWrite;

    Conn(SocketChannel ch, Handler handler) {
      this.ch = ch;
      this.handler = handler;
    }

    void read() throws IOException {
      if (!in.hasRemaining()) {
        if (handler == null) {
          in.clear(); // never answered: what it sends is dropped
        } else if (in.capacity() < MAX_HEAD + MAX_BODY) {
          ByteBuffer bigger = ByteBuffer.allocate(Math.min(in.capacity() * 4, MAX_HEAD + MAX_BODY));
          in.flip();
          bigger.put(in);
          in = bigger;
        }
      }
      int n = ch.read(in);
      if (n < 0) {
        close();
        return;
      }
      if (handler == null) {
        in.clear();
        return;
      }
      serve();
    }

    /** Answers every complete request read, in order, until one is held back. */
    void serve() throws IOException {
      while (!waiting && !closeAfterWrite && ch.isOpen()) {
        Parsed p = parse(in);
        if (p == null) {
          if (!in.hasRemaining() && in.capacity() >= MAX_HEAD + MAX_BODY) {
            send(error(413, "request too large"), true);
          }
          return;
        }
        if (p.error != null) {
          send(p.error, true);
          return;
        }
        Reply r;
        try {
          r = handler.answer(p.request);
        } catch (RuntimeException e) {
          r = error(500, "internal error");
        }
        boolean close = !p.keepAlive;
        ByteBuffer bytes = encode(r, "HEAD".equals(p.request.method), close);
        if (r.delayMillis > 0) {
          waiting = true;
          due.add(new Due(System.nanoTime() + r.delayMillis * 1_000_000L, this, bytes, close));
          return;
        }
        queue(bytes, close);
      }
    }

    void release(ByteBuffer bytes, boolean close) throws IOException {
      if (!ch.isOpen()) {
        return;
      }
      waiting = false;
      queue(bytes, close);
      serve();
    }

    void send(Reply r, boolean close) throws IOException {
      queue(encode(r, false, close), close);
    }

    void queue(ByteBuffer bytes, boolean close) throws IOException {
      out.add(bytes);
      closeAfterWrite |= close;
      flush();
    }

    void flush() throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer b = out.peek();
        ch.write(b);
        if (b.hasRemaining()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          return;
        }
        out.poll();
      }
      if (closeAfterWrite) {
        close();
        return;
      }
      if (key.isValid()) {
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    void close() {
      try {
        ch.close();
      } catch (IOException e) {
        // Gone already.
      }
    }
  }

  /** A complete request, or the error reply for one that cannot be served. */
  private record Parsed(Request request, boolean keepAlive, Reply error) {}

  /**
   * Takes one complete request off the front of {@code in} (in write mode, kept so), or returns
   * null while it is incomplete.
   */
  static Parsed parse(ByteBuffer in) {
    int len = in.position();
    byte[] a = in.array();
    int headEnd = -1;
    for (int i = 3; i < len; i++) {
      if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
        headEnd = i + 1;
        break;
      }
    }
    if (headEnd < 0) {
      return len >= MAX_HEAD ? new Parsed(null, false, error(431, "header too large")) : null;
    }
    String head = new String(a, 0, headEnd - 4, StandardCharsets.ISO_8859_1);
    String[] lines = head.split("\r\n");
    String[] start = lines[0].split(" ");
    if (start.length != 3 || !start[2].startsWith("HTTP/1.")) {
      return new Parsed(null, false, error(400, "bad request line"));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] body;
    int end;
    String te = headers.get("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayBody chunked = chunked(a, headEnd, len);
      if (chunked == null) {
        return null;
      }
      if (chunked.body == null) {
        return new Parsed(null, false, error(400, "bad chunked body"));
      }
      body = chunked.body;
      end = chunked.end;
    } else {
      int cl;
      try {
        cl = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      } catch (NumberFormatException e) {
        return new Parsed(null, false, error(400, "bad content-length"));
      }
      if (cl < 0 || cl > MAX_BODY) {
        return new Parsed(null, false, error(413, "body too large"));
      }
      if (len < headEnd + cl) {
        return null;
      }
      body = java.util.Arrays.copyOfRange(a, headEnd, headEnd + cl);
      end = headEnd + cl;
    }
    // Drop the request from the buffer, keeping what follows (a pipelined request).
    System.arraycopy(a, end, a, 0, len - end);
    in.position(len - end);

    String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
    boolean keepAlive =
        start[2].equals("HTTP/1.1")
            ? !connection.contains("close")
            : connection.contains("keep-alive");
    String target = start[1];
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Map<String, String> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String kv : target.substring(q + 1).split("&")) {
        if (kv.isEmpty()) {
          continue;
        }
        int eq = kv.indexOf('=');
        try {
          query.put(
              URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
              eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          return new Parsed(null, false, error(400, "bad query"));
        }
      }
    }
    return new Parsed(new Request(start[0], path, query, headers, body), keepAlive, null);
  }

  private record ByteArrayBody(byte[] body, int end) {}

  /** A chunked body from {@code from}; null while incomplete, a null body when malformed. */
  private static ByteArrayBody chunked(byte[] a, int from, int len) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    int p = from;
    while (true) {
      int eol = -1;
      for (int i = p; i + 1 < len; i++) {
        if (a[i] == '\r' && a[i + 1] == '\n') {
          eol = i;
          break;
        }
      }
      if (eol < 0) {
        return null;
      }
      String size = new String(a, p, eol - p, StandardCharsets.ISO_8859_1);
      int semi = size.indexOf(';');
      int n;
      try {
        n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
      } catch (NumberFormatException e) {
        return new ByteArrayBody(null, 0);
      }
      if (n < 0 || body.size() + n > MAX_BODY) {
        return new ByteArrayBody(null, 0);
      }
      p = eol + 2;
      if (n == 0) {
        // Trailers are not expected; the body ends with an empty line.
        if (len < p + 2) {
          return null;
        }
        return new ByteArrayBody(body.toByteArray(), p + 2);
      }
      if (len < p + n + 2) {
        return null;
      }
      body.write(a, p, n);
      p += n + 2;
    }
  }

  /** A plain-text error reply of the responder itself (not of the product it stands for). */
  static Reply error(int status, String text) {
    return new Reply(
        status, "text/plain", (text + "\n").getBytes(StandardCharsets.UTF_8), Map.of(), 0);
  }

  private static ByteBuffer encode(Reply r, boolean head, boolean close) {
    StringBuilder b =
        new StringBuilder("HTTP/1.1 ")
            .append(r.status)
            .append(' ')
            .append(reason(r.status))
            .append("\r\n");
    if (r.contentType != null) {
      b.append("Content-Type: ").append(r.contentType).append("\r\n");
    }
    for (Map.Entry<String, String> h : r.headers.entrySet()) {
      b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    b.append("Content-Length: ").append(r.body.length).append("\r\n");
    b.append("Connection: ").append(close ? "close" : "keep-alive").append("\r\n\r\n");
    byte[] h = b.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer buf = ByteBuffer.allocate(h.length + (head ? 0 : r.body.length));
    buf.put(h);
    if (!head) {
      buf.put(r.body);
    }
    return buf.flip();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Payload Too Large";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      default -> "Status";
    };
  }

  /** Listening channels. */
  int listeners() {
    return listeners.size();
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    if (loop != null) {
      try {
        loop.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (SelectionKey k : selector.keys()) {
      try {
        k.channel().close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
    for (ServerSocketChannel ch : listeners) {
      ch.close();
    }
    selector.close();
  }
}
