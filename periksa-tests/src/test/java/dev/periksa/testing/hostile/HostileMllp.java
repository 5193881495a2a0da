package dev.periksa.testing.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The hostile lab's HL7 v2 over MLLP behaviours. Each reads one framed message first, as an
 * interface engine would; to anything that does not open with an MLLP start block it closes the
 * connection without a word (an engine waiting for a frame gives up on bytes it cannot frame).
 */
final class HostileMllp {
  static final int START = 0x0b;
  static final int END = 0x1c;
  static final int CR = 0x0d;

  /** Most bytes the endless frame sends before it gives up. */
  static final long MAX_STREAM_BYTES = 64L * 1024 * 1024;

  private HostileMllp() {}

  static void serve(Behaviour b, Socket s, BooleanSupplier open, Runnable hold) throws IOException {
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    if (!readFrame(in)) {
      return;
    }
    switch (b) {
      case MLLP_NO_END_BLOCK -> {
        // A whole answer with the patient in it, then neither end block nor close.
        out.write(START);
        out.write(answer(0).getBytes(StandardCharsets.UTF_8));
        out.flush();
        hold.run();
      }
      case MLLP_ENDLESS_FRAME -> {
        out.write(START);
        out.write(
            ("MSH|^~\\&|RIS|RSUD|PERIKSA|PERIKSA|20261207000000||ADR^A19|H"
                    + System.nanoTime()
                    + "|P|2.5\r")
                .getBytes(StandardCharsets.UTF_8));
        long sent = 0;
        int i = 0;
        while (open.getAsBoolean() && sent < MAX_STREAM_BYTES) {
          byte[] seg = pid(i++ % HostileServer.PATIENTS).getBytes(StandardCharsets.UTF_8);
          out.write(seg);
          sent += seg.length;
        }
        out.flush();
      }
      case MLLP_GARBAGE_FRAME -> {
        // A well-formed frame around bytes that are not HL7 (no MSH, not text).
        byte[] junk = new byte[2048];
        new SplittableRandom(17).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
          if (junk[i] == START || junk[i] == END) {
            junk[i] = 0x7f;
          }
        }
        out.write(START);
        out.write(junk);
        out.write(END);
        out.write(CR);
        out.flush();
      }
      default -> throw new IllegalStateException(b.name());
    }
  }

  /** Reads one MLLP frame (bounded); false when the peer did not open with a start block. */
  private static boolean readFrame(InputStream in) throws IOException {
    if (in.read() != START) {
      return false;
    }
    int c;
    int n = 0;
    while ((c = in.read()) >= 0 && n++ < 1 << 20) {
      if (c == END) {
        in.read(); // the CR after the end block
        return true;
      }
    }
    return false;
  }

  /** An ADR^A19 with one patient of {@link Patients}. */
  private static String answer(int i) {
    return "MSH|^~\\&|RIS|RSUD|PERIKSA|PERIKSA|20261207000000||ADR^A19|H1|P|2.5\r"
        + "MSA|AA|Q1\r"
        + "QRD|20261207000000|R|I|Q1|||1^RD|PERIKSA-SYNTHETIC-000001|DEM\r"
        + pid(i);
  }

  private static String pid(int i) {
    Patients.Patient p = Patients.patient(i);
    int space = p.name().lastIndexOf(' ');
    return "PID|1||"
        + p.nik()
        + "^^^DUKCAPIL^NNIDN~"
        + p.mrn()
        + "^^^RSUD^MR||"
        + p.name().substring(space + 1)
        + "^"
        + p.name().substring(0, space)
        + "||"
        + p.birthDate().replace("-", "")
        + "|F|||"
        + p.address()
        + "||"
        + p.phone()
        + "\r";
  }
}
