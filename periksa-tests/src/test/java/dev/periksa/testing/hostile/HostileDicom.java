package dev.periksa.testing.hostile;

import dev.periksa.probe.DicomWire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The hostile lab's DICOM (DIMSE) behaviours. To anything that is not an A-ASSOCIATE-RQ they answer
 * an A-ABORT (the malformed one its malformed PDU), as a DICOM server would.
 */
final class HostileDicom {
  /** Most bytes the endless stream sends before it gives up. */
  static final long MAX_STREAM_BYTES = 64L * 1024 * 1024;

  private HostileDicom() {}

  static void serve(Behaviour b, Socket s, BooleanSupplier open) throws IOException {
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    byte[] h = in.readNBytes(6);
    if (h.length < 6) {
      return;
    }
    if (b == Behaviour.DICOM_MALFORMED_PDU) {
      out.write(malformedAccept());
      out.flush();
      return;
    }
    long len = ByteBuffer.wrap(h, 2, 4).getInt() & 0xffffffffL;
    if (h[0] != DicomWire.A_ASSOCIATE_RQ || h[1] != 0 || len < 68 || len > 65536) {
      out.write(DicomWire.abort());
      out.flush();
      return;
    }
    byte[] rq = in.readNBytes((int) len);
    out.write(acceptAll(rq));
    out.flush();
    if (b == Behaviour.DICOM_GARBAGE_AFTER_ACCEPT) {
      byte[] junk = new byte[4096];
      new SplittableRandom(13).nextBytes(junk);
      junk[0] = 0x04; // a P-DATA-TF type, then nonsense
      out.write(junk);
      out.flush();
      return;
    }
    endless(in, out, open);
  }

  /** Answers C-ECHO; answers a C-FIND with pending responses until the client goes away. */
  private static void endless(InputStream in, OutputStream out, BooleanSupplier open)
      throws IOException {
    int findId = -1;
    int findContext = 0;
    while (open.getAsBoolean()) {
      byte[] h = in.readNBytes(6);
      if (h.length < 6 || h[0] != DicomWire.P_DATA_TF) {
        return;
      }
      int len = ByteBuffer.wrap(h, 2, 4).getInt();
      if (len < 0 || len > 1 << 20) {
        return;
      }
      for (DicomWire.Pdv v : DicomWire.pdvs(in.readNBytes(len))) {
        if (v.command()) {
          Map<Integer, byte[]> c = DicomWire.elements(v.data(), false);
          int field = DicomWire.us(c, DicomWire.TAG_COMMAND_FIELD);
          int id = DicomWire.us(c, DicomWire.TAG_MESSAGE_ID);
          if (field == DicomWire.C_ECHO_RQ) {
            Map<Integer, Object> rsp = new LinkedHashMap<>();
            rsp.put(DicomWire.TAG_AFFECTED_SOP_CLASS, DicomWire.VERIFICATION);
            rsp.put(DicomWire.TAG_COMMAND_FIELD, DicomWire.C_ECHO_RSP);
            rsp.put(DicomWire.TAG_RESPONDED_TO, id);
            rsp.put(DicomWire.TAG_DATA_SET_TYPE, DicomWire.NO_DATA_SET);
            rsp.put(DicomWire.TAG_STATUS, 0);
            send(out, v.contextId(), true, DicomWire.command(rsp));
          } else if (field == DicomWire.C_FIND_RQ) {
            findId = id;
            findContext = v.contextId();
          }
        } else if (v.last() && findId >= 0) {
          stream(out, findContext, findId, open);
          return;
        }
      }
    }
  }

  private static void stream(OutputStream out, int context, int id, BooleanSupplier open)
      throws IOException {
    long sent = 0;
    for (int i = 0; open.getAsBoolean() && sent < MAX_STREAM_BYTES; i++) {
      Patients.Patient p = Patients.patient(i % HostileServer.PATIENTS);
      int space = p.name().lastIndexOf(' ');
      Map<Integer, String[]> ds = new LinkedHashMap<>();
      ds.put(0x00080052, new String[] {"CS", "STUDY"});
      ds.put(
          0x00100010,
          new String[] {"PN", p.name().substring(space + 1) + "^" + p.name().substring(0, space)});
      ds.put(0x00100020, new String[] {"LO", p.nik()});
      ds.put(0x00100030, new String[] {"DA", p.birthDate().replace("-", "")});
      ds.put(0x0020000D, new String[] {"UI", "1.2.826.0.1.3680043.9.7433.3." + (i + 1)});
      Map<Integer, Object> rsp = new LinkedHashMap<>();
      rsp.put(DicomWire.TAG_AFFECTED_SOP_CLASS, DicomWire.STUDY_ROOT_FIND);
      rsp.put(DicomWire.TAG_COMMAND_FIELD, DicomWire.C_FIND_RSP);
      rsp.put(DicomWire.TAG_RESPONDED_TO, id);
      rsp.put(DicomWire.TAG_DATA_SET_TYPE, 0x0000);
      rsp.put(DicomWire.TAG_STATUS, 0xFF00);
      sent += send(out, context, true, DicomWire.command(rsp));
      sent += send(out, context, false, DicomWire.dataSet(ds, false));
    }
  }

  private static int send(OutputStream out, int context, boolean command, byte[] data)
      throws IOException {
    int n = 0;
    for (byte[] pdu : DicomWire.pData(context, command, data, 16384)) {
      out.write(pdu);
      n += pdu.length;
    }
    out.flush();
    return n;
  }

  /** An A-ASSOCIATE-AC accepting every proposed context with implicit VR little endian. */
  static byte[] acceptAll(byte[] rq) {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.write(rq, 0, 68);
    item(v, 0x10, "1.2.840.10008.3.1.1.1".getBytes(StandardCharsets.US_ASCII));
    ByteBuffer b = ByteBuffer.wrap(rq, 68, rq.length - 68);
    while (b.remaining() >= 4) {
      int type = b.get() & 0xff;
      b.get();
      int len = b.getShort() & 0xffff;
      if (len > b.remaining()) {
        break;
      }
      byte[] item = new byte[len];
      b.get(item);
      if (type == 0x20 && len > 0) {
        ByteArrayOutputStream pc = new ByteArrayOutputStream();
        pc.writeBytes(new byte[] {item[0], 0, 0, 0});
        item(pc, 0x40, DicomWire.IMPLICIT_LE.getBytes(StandardCharsets.US_ASCII));
        item(v, 0x21, pc.toByteArray());
      }
    }
    ByteArrayOutputStream user = new ByteArrayOutputStream();
    item(user, 0x51, ByteBuffer.allocate(4).putInt(16384).array());
    item(v, 0x50, user.toByteArray());
    return pdu(DicomWire.A_ASSOCIATE_AC, v.toByteArray());
  }

  /** An A-ASSOCIATE-AC whose first item announces 4,000 bytes in a PDU of 80. */
  static byte[] malformedAccept() {
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    v.writeBytes(new byte[] {0, 1, 0, 0});
    v.writeBytes("ANY-SCP         PERIKSA         ".getBytes(StandardCharsets.US_ASCII));
    v.writeBytes(new byte[32]);
    v.writeBytes(new byte[] {0x10, 0, 0x0f, (byte) 0xa0});
    v.writeBytes(new byte[8]);
    return pdu(DicomWire.A_ASSOCIATE_AC, v.toByteArray());
  }

  private static void item(ByteArrayOutputStream out, int type, byte[] value) {
    out.write(type);
    out.write(0);
    out.write(value.length >> 8);
    out.write(value.length & 0xff);
    out.writeBytes(value);
  }

  private static byte[] pdu(int type, byte[] body) {
    return ByteBuffer.allocate(6 + body.length)
        .put((byte) type)
        .put((byte) 0)
        .putInt(body.length)
        .put(body)
        .array();
  }

  static List<Behaviour> all() {
    return List.of(
        Behaviour.DICOM_GARBAGE_AFTER_ACCEPT,
        Behaviour.DICOM_ENDLESS_PENDING,
        Behaviour.DICOM_MALFORMED_PDU);
  }
}
