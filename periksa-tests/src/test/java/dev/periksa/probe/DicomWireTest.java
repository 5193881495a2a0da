package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DICOM upper layer and DIMSE encoding as PS3.8 and PS3.5 lay them out. Parsers only: that the
 * client talks to real archives is proven by DicomDimseExposureCheckIT (Orthanc, dcmqrscp).
 */
class DicomWireTest {

  @Test
  void anAssociationRequestFollowsPs38() {
    byte[] rq = DicomWire.associateRq("PERIKSA", "ANY-SCP", DimseClient.PROPOSED, 16384);
    ByteBuffer b = ByteBuffer.wrap(rq);
    assertEquals(1, b.get()); // A-ASSOCIATE-RQ
    assertEquals(0, b.get());
    assertEquals(rq.length - 6, b.getInt());
    assertEquals(1, b.getShort()); // protocol version
    String text = new String(rq, StandardCharsets.US_ASCII);
    assertEquals("ANY-SCP         PERIKSA         ", text.substring(10, 42));
    assertTrue(text.contains("1.2.840.10008.3.1.1.1"));
    for (String uid : DimseClient.PROPOSED) {
      assertTrue(text.contains(uid), uid);
    }
    assertEquals(
        DimseClient.PROPOSED.size() * 2, text.split("1\\.2\\.840\\.10008\\.1\\.2").length - 1);
  }

  @Test
  void theStandardsExampleCommandEncodesAsImplicitLittleEndian() {
    Map<Integer, Object> cmd = new LinkedHashMap<>();
    cmd.put(DicomWire.TAG_AFFECTED_SOP_CLASS, DicomWire.VERIFICATION);
    cmd.put(DicomWire.TAG_COMMAND_FIELD, DicomWire.C_ECHO_RQ);
    cmd.put(DicomWire.TAG_MESSAGE_ID, 1);
    cmd.put(DicomWire.TAG_DATA_SET_TYPE, DicomWire.NO_DATA_SET);
    byte[] c = DicomWire.command(cmd);
    // (0000,0000) UL 56; (0000,0002) UI "1.2.840.10008.1.1\0"; (0000,0100) US 0x0030; ...
    assertEquals(
        "0000000004000000380000000000020012000000312e322e3834302e31303030382e312e310000000001020000003000",
        HexFormat.of().formatHex(c, 0, 48));
    Map<Integer, byte[]> e = DicomWire.elements(c, false);
    assertEquals(0x0030, DicomWire.us(e, DicomWire.TAG_COMMAND_FIELD));
    assertEquals(1, DicomWire.us(e, DicomWire.TAG_MESSAGE_ID));
    assertEquals(0x0101, DicomWire.us(e, DicomWire.TAG_DATA_SET_TYPE));
    assertEquals(
        "1.2.840.10008.1.1",
        DicomWire.text(e, DicomWire.TAG_AFFECTED_SOP_CLASS, StandardCharsets.US_ASCII));
  }

  @Test
  void dataSetsRoundTripInBothTransferSyntaxes() {
    Map<Integer, String[]> q = new LinkedHashMap<>();
    q.put(0x00100020, new String[] {"LO", "P-1"});
    q.put(0x00080052, new String[] {"CS", "STUDY"});
    q.put(0x0020000D, new String[] {"UI", "1.2.3"});
    for (boolean explicit : List.of(false, true)) {
      Map<Integer, byte[]> e = DicomWire.elements(DicomWire.dataSet(q, explicit), explicit);
      assertEquals(List.of(0x00080052, 0x00100020, 0x0020000D), List.copyOf(e.keySet()));
      assertEquals("STUDY", DicomWire.text(e, 0x00080052, StandardCharsets.US_ASCII));
      assertEquals("P-1", DicomWire.text(e, 0x00100020, StandardCharsets.US_ASCII));
      assertEquals("1.2.3", DicomWire.text(e, 0x0020000D, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void messagesAreCutToThePeersMaximumAndSplitBack() {
    byte[] data = new byte[100];
    List<byte[]> pdus = DicomWire.pData(3, false, data, 64);
    assertEquals(2, pdus.size());
    List<DicomWire.Pdv> first =
        DicomWire.pdvs(java.util.Arrays.copyOfRange(pdus.get(0), 6, pdus.get(0).length));
    assertEquals(1, first.size());
    assertEquals(3, first.get(0).contextId());
    assertEquals(false, first.get(0).last());
    // The maximum length bounds the PDU's variable field: 64 = 4 (PDV length) + 2 (header) + 58.
    assertEquals(58, first.get(0).data().length);
    assertEquals(64, pdus.get(0).length - 6);
    assertEquals(
        true,
        DicomWire.pdvs(java.util.Arrays.copyOfRange(pdus.get(1), 6, pdus.get(1).length))
            .get(0)
            .last());
  }

  @Test
  void rejectionsAreWordedAsPs38() {
    assertEquals(
        "permanent: calling AE title not recognized", DicomWire.rejection(new byte[] {0, 1, 1, 3}));
    assertEquals(
        "permanent: called AE title not recognized", DicomWire.rejection(new byte[] {0, 1, 1, 7}));
    assertEquals("transient: temporary congestion", DicomWire.rejection(new byte[] {0, 2, 3, 1}));
  }

  @Test
  void malformedPartsAreNotDicom() {
    // A PDV longer than its PDU.
    assertThrows(DicomWire.NotDicom.class, () -> DicomWire.pdvs(new byte[] {0, 0, 0, 50, 1, 3}));
    // An element longer than its data set.
    assertThrows(
        DicomWire.NotDicom.class,
        () -> DicomWire.elements(new byte[] {0x10, 0, 0x10, 0, 100, 0, 0, 0, 'A', 'B'}, false));
    // An explicit element without a value representation.
    assertThrows(
        DicomWire.NotDicom.class,
        () -> DicomWire.elements(new byte[] {0x10, 0, 0x10, 0, 1, 2, 0, 0}, true));
    // An A-ASSOCIATE-AC cut before its fixed fields, and one whose item overruns it.
    assertThrows(DicomWire.NotDicom.class, () -> DicomWire.accepted(new byte[20]));
    byte[] ac = new byte[72];
    ac[68] = 0x21;
    ac[70] = 0x0f;
    assertThrows(DicomWire.NotDicom.class, () -> DicomWire.accepted(ac));
  }

  @Test
  void anAcceptanceNamesItsContextsAndMaximumLength() {
    ByteBuffer b = ByteBuffer.allocate(68 + 4 + 4 + 4 + 17 + 4 + 8);
    b.put(new byte[68]);
    byte[] ts = DicomWire.IMPLICIT_LE.getBytes(StandardCharsets.US_ASCII);
    b.put((byte) 0x21).put((byte) 0).putShort((short) (4 + 4 + ts.length));
    b.put(new byte[] {1, 0, 0, 0});
    b.put((byte) 0x40).put((byte) 0).putShort((short) ts.length).put(ts);
    b.put((byte) 0x50).put((byte) 0).putShort((short) 8);
    b.put((byte) 0x51).put((byte) 0).putShort((short) 4).putInt(32768);
    DicomWire.Accepted a = DicomWire.accepted(java.util.Arrays.copyOf(b.array(), b.position()));
    assertEquals(List.of(new DicomWire.Context(1, 0, DicomWire.IMPLICIT_LE)), a.contexts());
    assertEquals(32768, a.maxPdu());
  }
}
