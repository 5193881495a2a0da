package dev.periksa.probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Memcached's two wire protocols, read within a {@link TcpProbe.Session}'s byte cap: text lines
 * ({@code version}, {@code stats}) and the binary protocol, which a SASL-enabled server speaks
 * exclusively.
 */
public final class MemcachedWire {
  public static final int OP_GET = 0x00;
  public static final int OP_SET = 0x01;
  public static final int OP_VERSION = 0x0b;
  public static final int OP_STAT = 0x10;
  public static final int OP_SASL_LIST_MECHS = 0x20;
  public static final int OP_SASL_AUTH = 0x21;

  public static final int STATUS_OK = 0x00;
  public static final int STATUS_AUTH_ERROR = 0x20;

  /**
   * Three text {@code version} commands: their 27 bytes fill a 24-byte binary header, so a
   * binary-only (SASL) server reads a bad magic byte and closes at once instead of waiting for
   * more, while a text server answers three {@code VERSION} lines.
   */
  public static final String TEXT_GREETING = "version\r\n".repeat(3);

  /** Longest text line read before the reply is judged not to be memcached. */
  static final int MAX_LINE = 8192;

  /** Largest binary body accepted; stats and version bodies are far smaller. */
  static final int MAX_BODY = 1 << 20;

  private static final int REQUEST_MAGIC = 0x80;
  private static final int RESPONSE_MAGIC = 0x81;

  private MemcachedWire() {}

  /** One binary-protocol response. */
  public record BinaryReply(int opcode, int status, byte[] key, byte[] extras, byte[] value) {
    public String keyText() {
      return new String(key, StandardCharsets.UTF_8);
    }

    public String valueText() {
      return new String(value, StandardCharsets.UTF_8);
    }
  }

  /** The reply was not memcached's. */
  public static final class NotMemcached extends ProbeException {
    private static final long serialVersionUID = 1L;

    public NotMemcached(String message) {
      super(message);
    }
  }

  /** A binary-protocol request. */
  public static byte[] binary(int opcode, byte[] extras, byte[] key, byte[] value) {
    ByteBuffer b = ByteBuffer.allocate(24 + extras.length + key.length + value.length);
    b.put((byte) REQUEST_MAGIC);
    b.put((byte) opcode);
    b.putShort((short) key.length);
    b.put((byte) extras.length);
    b.put((byte) 0); // data type
    b.putShort((short) 0); // vbucket
    b.putInt(extras.length + key.length + value.length);
    b.putInt(0); // opaque
    b.putLong(0); // cas
    b.put(extras).put(key).put(value);
    return b.array();
  }

  /** A binary request without extras, key or value. */
  public static byte[] binary(int opcode) {
    return binary(opcode, new byte[0], new byte[0], new byte[0]);
  }

  /** SASL PLAIN authentication: the mechanism is the key, {@code \0user\0password} the value. */
  public static byte[] saslPlain(String user, String password) {
    return binary(
        OP_SASL_AUTH,
        new byte[0],
        "PLAIN".getBytes(StandardCharsets.US_ASCII),
        ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Reads one binary response. */
  public static BinaryReply readBinary(TcpProbe.Session s) {
    byte[] h = s.readExactly(24);
    ByteBuffer b = ByteBuffer.wrap(h);
    int magic = b.get() & 0xff;
    if (magic != RESPONSE_MAGIC) {
      throw new NotMemcached("binary reply starts with " + magic + ", not memcached's 0x81");
    }
    int opcode = b.get() & 0xff;
    int keyLength = b.getShort() & 0xffff;
    int extrasLength = b.get() & 0xff;
    b.get(); // data type
    int status = b.getShort() & 0xffff;
    long body = b.getInt() & 0xffffffffL;
    if (body > MAX_BODY || keyLength + extrasLength > body) {
      throw new NotMemcached("binary reply announces an implausible body of " + body + " bytes");
    }
    byte[] all = s.readExactly((int) body);
    byte[] extras = java.util.Arrays.copyOfRange(all, 0, extrasLength);
    byte[] key = java.util.Arrays.copyOfRange(all, extrasLength, extrasLength + keyLength);
    byte[] value = java.util.Arrays.copyOfRange(all, extrasLength + keyLength, all.length);
    return new BinaryReply(opcode, status, key, extras, value);
  }

  /**
   * Reads one text line (CRLF stripped), or null when the server closed the connection before
   * sending a byte: a binary-only server does that to text.
   */
  public static String readLineOrClosed(TcpProbe.Session s) {
    int c = s.read();
    if (c < 0) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    while (c != '\n') {
      if (c < 0) {
        throw new NotMemcached("reply line cut short");
      }
      if (b.length() >= MAX_LINE) {
        throw new NotMemcached("reply line longer than " + MAX_LINE + " bytes");
      }
      b.append((char) c);
      c = s.read();
    }
    int n = b.length();
    return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
  }

  /** Reads one text line; the connection closing first is an error. */
  public static String readLine(TcpProbe.Session s) {
    String line = readLineOrClosed(s);
    if (line == null) {
      throw new ProbeException("the server closed the connection without a reply");
    }
    return line;
  }
}
