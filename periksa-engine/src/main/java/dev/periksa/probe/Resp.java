package dev.periksa.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Redis serialization protocol (RESP2): commands are written as arrays of bulk strings, replies
 * are read within a {@link TcpProbe.Session}'s byte cap. Anything that is not RESP is a {@link
 * NotResp}, so a check can tell "not Redis" from "no reply".
 */
public final class Resp {
  /** Most elements read from one array reply; a larger announcement is refused, not read. */
  public static final int MAX_ARRAY = 10_000;

  /** Most nesting of arrays within arrays that a reply may have. */
  static final int MAX_DEPTH = 8;

  private Resp() {}

  /** One reply. */
  public sealed interface Reply permits Simple, Err, Int, Bulk, Multi {}

  /** A simple string such as {@code +PONG}. */
  public record Simple(String text) implements Reply {}

  /** An error such as {@code -NOAUTH Authentication required.} (without the dash). */
  public record Err(String text) implements Reply {
    /** The error's first word, e.g. NOAUTH, WRONGPASS, ERR. */
    public String code() {
      int sp = text.indexOf(' ');
      return sp < 0 ? text : text.substring(0, sp);
    }
  }

  /** An integer reply. */
  public record Int(long value) implements Reply {}

  /** A bulk string; {@code bytes} is null for the nil bulk string. */
  public record Bulk(byte[] bytes) implements Reply {
    public String text() {
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bulk b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bulk[" + (bytes == null ? "nil" : bytes.length + " bytes") + "]";
    }
  }

  /** An array; {@code items} is null for the nil array. */
  public record Multi(List<Reply> items) implements Reply {}

  /** The reply did not follow RESP: whatever answered is not speaking Redis. */
  public static final class NotResp extends ProbeException {
    private static final long serialVersionUID = 1L;

    public NotResp(String message) {
      super(message);
    }
  }

  /** A command as a RESP array of bulk strings. */
  public static byte[] command(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "*" + args.length + "\r\n");
    for (String a : args) {
      byte[] b = a.getBytes(StandardCharsets.UTF_8);
      write(out, "$" + b.length + "\r\n");
      out.write(b, 0, b.length);
      write(out, "\r\n");
    }
    return out.toByteArray();
  }

  /** Sends one command and reads its reply. */
  public static Reply call(TcpProbe.Session s, String... args) {
    s.send(command(args));
    return read(s);
  }

  /** Reads one reply. */
  public static Reply read(TcpProbe.Session s) {
    return read(s, 0);
  }

  private static Reply read(TcpProbe.Session s, int depth) {
    int type = s.read();
    if (type < 0) {
      throw new ProbeException("the server closed the connection without a reply");
    }
    String line = line(s);
    switch (type) {
      case '+':
        return new Simple(line);
      case '-':
        return new Err(line);
      case ':':
        return new Int(number(line));
      case '$':
        {
          long n = number(line);
          if (n == -1) {
            return new Bulk(null);
          }
          if (n < 0 || n > Integer.MAX_VALUE - 2) {
            throw new NotResp("bulk length " + n + " is not RESP");
          }
          byte[] b = s.readExactly((int) n);
          if (s.read() != '\r' || s.read() != '\n') {
            throw new NotResp("bulk string not followed by CRLF");
          }
          return new Bulk(b);
        }
      case '*':
        {
          long n = number(line);
          if (n == -1) {
            return new Multi(null);
          }
          if (n < 0 || n > MAX_ARRAY) {
            throw new NotResp("array of " + n + " elements refused (cap " + MAX_ARRAY + ")");
          }
          if (depth >= MAX_DEPTH) {
            throw new NotResp("arrays nested deeper than " + MAX_DEPTH);
          }
          List<Reply> items = new ArrayList<>((int) n);
          for (int i = 0; i < n; i++) {
            items.add(read(s, depth + 1));
          }
          return new Multi(items);
        }
      default:
        throw new NotResp(
            "reply starts with "
                + (type > 0x20 && type < 0x7f ? "'" + (char) type + "' " : "")
                + String.format("(0x%02x)", type)
                + ", not a RESP type");
    }
  }

  /** The rest of a header line; a RESP header never holds more than a short line. */
  private static String line(TcpProbe.Session s) {
    StringBuilder b = new StringBuilder();
    while (true) {
      int c = s.read();
      if (c < 0) {
        throw new NotResp("reply line cut short");
      }
      if (c == '\r') {
        if (s.read() != '\n') {
          throw new NotResp("CR not followed by LF");
        }
        return b.toString();
      }
      if (c == '\n' || b.length() > 4096) {
        throw new NotResp("reply line does not end in CRLF");
      }
      b.append((char) c);
    }
  }

  private static long number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new NotResp("'" + (s.length() > 20 ? s.substring(0, 20) : s) + "' is not a number");
    }
  }

  private static void write(ByteArrayOutputStream out, String ascii) {
    byte[] b = ascii.getBytes(StandardCharsets.US_ASCII);
    out.write(b, 0, b.length);
  }
}
