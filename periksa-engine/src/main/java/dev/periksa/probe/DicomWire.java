package dev.periksa.probe;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DICOM upper layer (PS3.8) and the little of DIMSE (PS3.7) a probe needs, encoded and parsed
 * within a {@link TcpProbe.Session}'s byte cap: A-ASSOCIATE-RQ/AC/RJ, P-DATA-TF with command and
 * data set fragments, A-RELEASE, A-ABORT; commands and data sets in implicit or explicit VR little
 * endian. Anything that does not parse is {@link NotDicom}, never a guess.
 */
public final class DicomWire {
  public static final String VERIFICATION = "1.2.840.10008.1.1";
  public static final String STUDY_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.2.1";
  public static final String PATIENT_ROOT_FIND = "1.2.840.10008.5.1.4.1.2.1.1";
  public static final String IMPLICIT_LE = "1.2.840.10008.1.2";
  public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
  static final String IMPLEMENTATION_CLASS = "1.2.826.0.1.3680043.9.7433.1.1";
  static final String IMPLEMENTATION_VERSION = "PERIKSA_PROBE";

  public static final int A_ASSOCIATE_RQ = 1;
  public static final int A_ASSOCIATE_AC = 2;
  public static final int A_ASSOCIATE_RJ = 3;
  public static final int P_DATA_TF = 4;
  public static final int A_RELEASE_RQ = 5;
  public static final int A_RELEASE_RP = 6;
  public static final int A_ABORT = 7;

  public static final int C_FIND_RQ = 0x0020;
  public static final int C_FIND_RSP = 0x8020;
  public static final int C_ECHO_RQ = 0x0030;
  public static final int C_ECHO_RSP = 0x8030;
  public static final int C_CANCEL_RQ = 0x0FFF;
  public static final int NO_DATA_SET = 0x0101;

  public static final int TAG_AFFECTED_SOP_CLASS = 0x00000002;
  public static final int TAG_COMMAND_FIELD = 0x00000100;
  public static final int TAG_MESSAGE_ID = 0x00000110;
  public static final int TAG_RESPONDED_TO = 0x00000120;
  public static final int TAG_PRIORITY = 0x00000700;
  public static final int TAG_DATA_SET_TYPE = 0x00000800;
  public static final int TAG_STATUS = 0x00000900;

  private DicomWire() {}

  /** The reply does not follow the DICOM upper layer or DIMSE. */
  public static final class NotDicom extends ProbeException {
    private static final long serialVersionUID = 1L;

    public NotDicom(String message) {
      super(message);
    }
  }

  /** One PDU: its type and body (the 6-byte header stripped). */
  public record Pdu(int type, byte[] body) {}

  /** A presentation context the acceptor answered: result 0 is acceptance. */
  public record Context(int id, int result, String transferSyntax) {}

  /** What an A-ASSOCIATE-AC carried. */
  public record Accepted(String calledAe, List<Context> contexts, long maxPdu) {}

  /** One presentation data value: a fragment of a command or a data set. */
  public record Pdv(int contextId, boolean command, boolean last, byte[] data) {}

  /** An A-ASSOCIATE-RQ proposing each abstract syntax with both little-endian transfer syntaxes. */
  public static byte[] associateRq(
      String callingAe, String calledAe, List<String> abstractSyntaxes, int maxPdu) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    writeShort(v, 1); // protocol version
    writeShort(v, 0);
    v.writeBytes(aeTitle(calledAe));
    v.writeBytes(aeTitle(callingAe));
    v.writeBytes(new byte[32]);
    item(v, 0x10, ascii(APPLICATION_CONTEXT));
    int id = 1;
    for (String as : abstractSyntaxes) {
      ByteArrayOutputStream pc = new ByteArrayOutputStream();
      pc.write(id);
      pc.write(0);
      pc.write(0);
      pc.write(0);
      item(pc, 0x30, ascii(as));
      item(pc, 0x40, ascii(IMPLICIT_LE));
      item(pc, 0x40, ascii(EXPLICIT_LE));
      item(v, 0x20, pc.toByteArray());
      id += 2;
    }
    ByteArrayOutputStream user = new ByteArrayOutputStream();
    item(user, 0x51, ByteBuffer.allocate(4).putInt(maxPdu).array());
    item(user, 0x52, ascii(IMPLEMENTATION_CLASS));
    item(user, 0x55, ascii(IMPLEMENTATION_VERSION));
    item(v, 0x50, user.toByteArray());
    return pdu(A_ASSOCIATE_RQ, v.toByteArray());
  }

  /** The presentation context id the request gave the i-th abstract syntax. */
  public static int contextId(int index) {
    return 1 + 2 * index;
  }

  public static byte[] releaseRq() {
    return pdu(A_RELEASE_RQ, new byte[4]);
  }

  public static byte[] abort() {
    return pdu(A_ABORT, new byte[4]);
  }

  /**
   * Reads one PDU.
   *
   * @param maxBody larger announced bodies are refused unread
   */
  public static Pdu read(TcpProbe.Session s, int maxBody) {
    int type = s.read();
    if (type < 0) {
      throw new ProbeException("the peer closed the connection without a DICOM reply");
    }
    byte[] h = s.readExactly(5);
    if (type < A_ASSOCIATE_RQ || type > A_ABORT || h[0] != 0) {
      throw new NotDicom(
          String.format(
              "reply starts with 0x%02x 0x%02x, not a DICOM PDU header", type, h[0] & 0xff));
    }
    long length = ByteBuffer.wrap(h, 1, 4).getInt() & 0xffffffffL;
    if (length > maxBody) {
      throw new NotDicom(
          "a PDU announces " + length + " bytes, more than the " + maxBody + " allowed");
    }
    return new Pdu(type, s.readExactly((int) length));
  }

  /** Parses an A-ASSOCIATE-AC body. */
  public static Accepted accepted(byte[] body) {
    if (body.length < 68) {
      throw new NotDicom("A-ASSOCIATE-AC shorter than its fixed fields");
    }
    String called = new String(body, 4, 16, StandardCharsets.US_ASCII).strip();
    List<Context> contexts = new ArrayList<>();
    long maxPdu = 0;
    ByteBuffer b = ByteBuffer.wrap(body, 68, body.length - 68);
    while (b.hasRemaining()) {
      int[] it = itemHeader(b);
      byte[] v = new byte[it[1]];
      b.get(v);
      if (it[0] == 0x21) {
        if (v.length < 4) {
          throw new NotDicom("presentation context item too short");
        }
        String ts = null;
        ByteBuffer sub = ByteBuffer.wrap(v, 4, v.length - 4);
        while (sub.hasRemaining()) {
          int[] si = itemHeader(sub);
          byte[] sv = new byte[si[1]];
          sub.get(sv);
          if (si[0] == 0x40) {
            ts = uid(sv);
          }
        }
        contexts.add(new Context(v[0] & 0xff, v[2] & 0xff, ts));
      } else if (it[0] == 0x50) {
        ByteBuffer sub = ByteBuffer.wrap(v);
        while (sub.hasRemaining()) {
          int[] si = itemHeader(sub);
          byte[] sv = new byte[si[1]];
          sub.get(sv);
          if (si[0] == 0x51 && sv.length == 4) {
            maxPdu = ByteBuffer.wrap(sv).getInt() & 0xffffffffL;
          }
        }
      }
    }
    return new Accepted(called, contexts, maxPdu);
  }

  /** "permanent, service user: calling AE title not recognized" from an A-ASSOCIATE-RJ body. */
  public static String rejection(byte[] body) {
    if (body.length < 4) {
      throw new NotDicom("A-ASSOCIATE-RJ shorter than its fields");
    }
    int result = body[1] & 0xff;
    int source = body[2] & 0xff;
    int reason = body[3] & 0xff;
    String why =
        switch (source * 100 + reason) {
          case 101 -> "no reason given";
          case 102 -> "application context name not supported";
          case 103 -> "calling AE title not recognized";
          case 107 -> "called AE title not recognized";
          case 201 -> "no reason given (ACSE)";
          case 202 -> "protocol version not supported";
          case 301 -> "temporary congestion";
          case 302 -> "local limit exceeded";
          default -> "source " + source + ", reason " + reason;
        };
    return (result == 1 ? "permanent" : result == 2 ? "transient" : "result " + result)
        + ": "
        + why;
  }

  /** Splits a P-DATA-TF body into its presentation data values. */
  public static List<Pdv> pdvs(byte[] body) {
    List<Pdv> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(body);
    while (b.hasRemaining()) {
      if (b.remaining() < 6) {
        throw new NotDicom("P-DATA-TF ends in the middle of a PDV header");
      }
      long len = b.getInt() & 0xffffffffL;
      if (len < 2 || len > b.remaining()) {
        throw new NotDicom("a PDV announces " + len + " bytes, not what its PDU holds");
      }
      int pc = b.get() & 0xff;
      int ctl = b.get() & 0xff;
      byte[] data = new byte[(int) len - 2];
      b.get(data);
      out.add(new Pdv(pc, (ctl & 1) != 0, (ctl & 2) != 0, data));
    }
    return out;
  }

  /** P-DATA-TF PDUs carrying one message part, cut to the peer's maximum PDU length. */
  public static List<byte[]> pData(int contextId, boolean command, byte[] data, long peerMaxPdu) {
    int room = (int) Math.min(Math.max(peerMaxPdu == 0 ? 16384 : peerMaxPdu, 64), 1 << 20) - 6;
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    do {
      int n = Math.min(room, data.length - off);
      boolean last = off + n >= data.length;
      ByteBuffer pdv = ByteBuffer.allocate(6 + n);
      pdv.putInt(n + 2).put((byte) contextId).put((byte) ((command ? 1 : 0) | (last ? 2 : 0)));
      pdv.put(data, off, n);
      out.add(pdu(P_DATA_TF, pdv.array()));
      off += n;
    } while (off < data.length);
    return out;
  }

  /** A DIMSE command set (implicit VR little endian, group length first). */
  public static byte[] command(Map<Integer, Object> elements) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<Integer, Object> e : new java.util.TreeMap<>(elements).entrySet()) {
      byte[] v =
          e.getValue() instanceof String s
              ? pad(ascii(s), (byte) 0)
              : ByteBuffer.allocate(2)
                  .order(ByteOrder.LITTLE_ENDIAN)
                  .putShort(((Integer) e.getValue()).shortValue())
                  .array();
      implicitElement(body, e.getKey(), v);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    implicitElement(
        all,
        0x00000000,
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.size()).array());
    all.writeBytes(body.toByteArray());
    return all.toByteArray();
  }

  /** A query identifier: text elements (tag → value, empty for a return key) in ascending order. */
  public static byte[] dataSet(Map<Integer, String[]> elements, boolean explicit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<Integer, String[]> e : new java.util.TreeMap<>(elements).entrySet()) {
      String vr = e.getValue()[0];
      byte[] v = pad(e.getValue()[1].getBytes(StandardCharsets.ISO_8859_1), (byte) ' ');
      if (vr.equals("UI")) {
        v = pad(ascii(e.getValue()[1]), (byte) 0);
      }
      if (explicit) {
        writeTag(out, e.getKey());
        out.writeBytes(ascii(vr));
        writeShort(out, v.length, ByteOrder.LITTLE_ENDIAN);
        out.writeBytes(v);
      } else {
        implicitElement(out, e.getKey(), v);
      }
    }
    return out.toByteArray();
  }

  /**
   * The elements of a command or data set, tag → raw value. An undefined length (a sequence) ends
   * the reading: what came before it is kept, nothing after it is guessed at.
   */
  public static Map<Integer, byte[]> elements(byte[] data, boolean explicit) {
    Map<Integer, byte[]> out = new LinkedHashMap<>();
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (b.remaining() < 8) {
        throw new NotDicom("a data set ends in the middle of an element header");
      }
      int group = b.getShort() & 0xffff;
      int element = b.getShort() & 0xffff;
      int tag = (group << 16) | element;
      long len;
      if (explicit) {
        String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
        if (!vr.matches("[A-Z]{2}")) {
          throw new NotDicom("an element carries no value representation");
        }
        if (List.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV")
            .contains(vr)) {
          if (b.remaining() < 6) {
            throw new NotDicom("a data set ends in the middle of an element header");
          }
          b.getShort();
          len = b.getInt() & 0xffffffffL;
        } else {
          len = b.getShort() & 0xffff;
        }
      } else {
        len = b.getInt() & 0xffffffffL;
      }
      if (len == 0xffffffffL) {
        break;
      }
      if (len > b.remaining()) {
        throw new NotDicom("an element announces " + len + " bytes, more than its data set holds");
      }
      byte[] v = new byte[(int) len];
      b.get(v);
      out.put(tag, v);
    }
    return out;
  }

  /** An unsigned short value (US), or -1 when absent or not two bytes. */
  public static int us(Map<Integer, byte[]> elements, int tag) {
    byte[] v = elements.get(tag);
    if (v == null || v.length != 2) {
      return -1;
    }
    return (v[0] & 0xff) | (v[1] & 0xff) << 8;
  }

  /** A text value, padding stripped; null when absent. */
  public static String text(Map<Integer, byte[]> elements, int tag, Charset charset) {
    byte[] v = elements.get(tag);
    if (v == null) {
      return null;
    }
    String s = new String(v, charset);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
      end--;
    }
    return s.substring(0, end).stripLeading();
  }

  /** The character set a data set names in (0008,0005): UTF-8 for ISO_IR 192, else Latin-1. */
  public static Charset charset(Map<Integer, byte[]> elements) {
    String cs = text(elements, 0x00080005, StandardCharsets.US_ASCII);
    return cs != null && cs.contains("ISO_IR 192")
        ? StandardCharsets.UTF_8
        : StandardCharsets.ISO_8859_1;
  }

  private static byte[] pdu(int type, byte[] body) {
    ByteBuffer b = ByteBuffer.allocate(6 + body.length);
    b.put((byte) type).put((byte) 0).putInt(body.length).put(body);
    return b.array();
  }

  private static void item(ByteArrayOutputStream out, int type, byte[] value) {
    out.write(type);
    out.write(0);
    writeShort(out, value.length);
    out.writeBytes(value);
  }

  private static int[] itemHeader(ByteBuffer b) {
    if (b.remaining() < 4) {
      throw new NotDicom("an item ends in the middle of its header");
    }
    int type = b.get() & 0xff;
    b.get();
    int len = b.getShort() & 0xffff;
    if (len > b.remaining()) {
      throw new NotDicom("an item announces " + len + " bytes, more than its PDU holds");
    }
    return new int[] {type, len};
  }

  private static void implicitElement(ByteArrayOutputStream out, int tag, byte[] value) {
    writeTag(out, tag);
    out.writeBytes(
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value.length).array());
    out.writeBytes(value);
  }

  private static void writeTag(ByteArrayOutputStream out, int tag) {
    writeShort(out, tag >>> 16, ByteOrder.LITTLE_ENDIAN);
    writeShort(out, tag & 0xffff, ByteOrder.LITTLE_ENDIAN);
  }

  private static void writeShort(ByteArrayOutputStream out, int v) {
    writeShort(out, v, ByteOrder.BIG_ENDIAN);
  }

  private static void writeShort(ByteArrayOutputStream out, int v, ByteOrder order) {
    out.writeBytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
  }

  private static byte[] aeTitle(String ae) {
    byte[] b = new byte[16];
    java.util.Arrays.fill(b, (byte) ' ');
    byte[] a = ascii(ae);
    System.arraycopy(a, 0, b, 0, Math.min(16, a.length));
    return b;
  }

  private static byte[] pad(byte[] v, byte with) {
    if (v.length % 2 == 0) {
      return v;
    }
    byte[] p = java.util.Arrays.copyOf(v, v.length + 1);
    p[v.length] = with;
    return p;
  }

  private static String uid(byte[] v) {
    String s = new String(v, StandardCharsets.US_ASCII);
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == 0 || s.charAt(end - 1) == ' ')) {
      end--;
    }
    return s.substring(0, end);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
