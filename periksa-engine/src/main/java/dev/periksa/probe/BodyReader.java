package dev.periksa.probe;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.http.ConnectionClosedException;
import org.apache.http.MalformedChunkCodingException;

/**
 * Reads a reply body within bounds: at most the body cap, decoded from gzip or deflate with the
 * inflated bytes counted (so a decompression bomb costs a few hundred kilobytes of work, not
 * gigabytes), and says how much was read and why it stopped.
 */
final class BodyReader {
  /** Inflated bytes per compressed byte beyond which a body is treated as a decompression bomb. */
  static final int MAX_RATIO = 200;

  /** The ratio is judged only once this much has been inflated. */
  static final int RATIO_FROM = 64 * 1024;

  private BodyReader() {}

  /**
   * What was read.
   *
   * @param bytes the (decoded) body, never more than the cap
   * @param reading complete, truncated or unreadable, and why
   * @param partial whether more of the body existed than was read
   * @param stalled whether reading stopped on silence or on the exchange's deadline
   */
  record Body(byte[] bytes, Reading reading, boolean partial, boolean stalled) {}

  static Body read(InputStream wire, String contentEncoding, long announced, int cap, Exchange ex) {
    Counting raw = new Counting(wire);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String encoding =
        contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
    boolean decoding = false;
    InputStream in = raw;
    try {
      switch (encoding) {
        case "", "identity" -> {}
        case "gzip", "x-gzip" -> {
          in = new GZIPInputStream(raw, 512);
          decoding = true;
        }
        case "deflate" -> {
          in = deflate(raw);
          decoding = true;
        }
        default -> {
          drain(raw, out, cap, ex);
          return new Body(
              out.toByteArray(),
              Reading.unreadable(
                  "the body is encoded as '" + encoding + "', which the probe does not decode"),
              true,
              false);
        }
      }
      byte[] buf = new byte[8192];
      while (true) {
        int want = Math.min(buf.length, cap + 1 - out.size());
        int n = in.read(buf, 0, want);
        if (n < 0) {
          ex.bodyBytes(raw.count);
          return new Body(out.toByteArray(), Reading.COMPLETE, false, false);
        }
        out.write(buf, 0, n);
        ex.bodyBytes(raw.count);
        if (out.size() > cap) {
          byte[] kept = java.util.Arrays.copyOf(out.toByteArray(), cap);
          return new Body(
              kept,
              Reading.truncated(
                  "the body is longer than the "
                      + kib(cap)
                      + " cap"
                      + (announced > 0 ? " (" + Exchange.bytes(announced) + " announced)" : "")
                      + "; only the first "
                      + kib(cap)
                      + " were read"),
              true,
              false);
        }
        if (decoding && out.size() >= RATIO_FROM && out.size() > raw.count * (long) MAX_RATIO) {
          return new Body(
              out.toByteArray(),
              Reading.unreadable(
                  String.format(
                      "the %s body inflates more than %d to 1 (%s from %s): a decompression bomb;"
                          + " reading stopped",
                      encoding, MAX_RATIO, Exchange.bytes(out.size()), Exchange.bytes(raw.count))),
              true,
              false);
        }
      }
    } catch (IOException | RuntimeException e) {
      ex.bodyBytes(raw.count);
      return failed(e, out, raw.count, announced, ex, encoding);
    }
  }

  private static Body failed(
      Exception e,
      ByteArrayOutputStream out,
      long wire,
      long announced,
      Exchange ex,
      String encoding) {
    String got = Exchange.bytes(wire) + " of the body";
    String why;
    boolean stalled = false;
    if (ex.expired()) {
      why =
          "the exchange passed its "
              + seconds(ex.deadline.toMillis())
              + " deadline: the headers and "
              + got
              + " arrived, then reading stopped";
      stalled = true;
    } else if (has(e, SocketTimeoutException.class)) {
      why = "the headers and " + got + " arrived, then nothing more within the idle timeout";
      stalled = true;
    } else if (has(e, ConnectionClosedException.class) && announced > 0) {
      why =
          "the connection closed after "
              + Exchange.bytes(wire)
              + " of the "
              + Exchange.bytes(announced)
              + " announced";
    } else if (has(e, MalformedChunkCodingException.class)) {
      why = "the chunked body is malformed after " + got;
    } else if (has(e, ZipException.class)
        || e instanceof java.io.EOFException && !encoding.isEmpty()) {
      why = "the " + encoding + " data is corrupt or cut after " + got;
    } else if (has(e, ConnectionClosedException.class)) {
      why = "the connection closed mid-body after " + got;
    } else if (has(e, SocketException.class)) {
      why = "the connection broke after " + got + " (" + ProbeErrors.plain(e) + ")";
    } else {
      why = "reading the body failed after " + got + " (" + ProbeErrors.plain(e) + ")";
    }
    return new Body(out.toByteArray(), Reading.unreadable(why), true, stalled);
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /** Reads raw bytes up to the cap, for a body the probe cannot decode. */
  private static void drain(InputStream in, ByteArrayOutputStream out, int cap, Exchange ex)
      throws IOException {
    byte[] buf = new byte[8192];
    while (out.size() < cap) {
      int n = in.read(buf, 0, Math.min(buf.length, cap - out.size()));
      if (n < 0) {
        return;
      }
      out.write(buf, 0, n);
    }
  }

  /** HTTP's "deflate" is meant to be zlib-wrapped; some servers send it raw. */
  private static InputStream deflate(Counting raw) throws IOException {
    java.io.PushbackInputStream p = new java.io.PushbackInputStream(raw, 2);
    int b0 = p.read();
    int b1 = p.read();
    if (b1 >= 0) {
      p.unread(b1);
    }
    if (b0 >= 0) {
      p.unread(b0);
    }
    boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
    return new InflaterInputStream(p, new Inflater(!zlib), 512);
  }

  static String kib(long n) {
    return n % 1024 == 0 ? (n / 1024) + " KiB" : Exchange.bytes(n);
  }

  static String seconds(long millis) {
    return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format("%.1f s", millis / 1000.0);
  }

  /** Counts bytes read from the wire. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
