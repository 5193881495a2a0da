package dev.periksa.probe;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A probe-only DICOM (DIMSE) service user over a {@link TcpProbe.Session}: one association, C-ECHO,
 * a bounded C-FIND, release. It never stores, moves or retrieves. Every PDU is capped at {@link
 * #MAX_PDU} (announced to the peer as its limit), the whole association at {@link #MAX_BYTES}, each
 * message at {@link #MAX_FRAGMENTS} PDUs; a C-FIND stops after the matches it asked for (C-CANCEL,
 * then A-ABORT if the peer goes on). Whatever breaks these limits, or does not parse, is a {@link
 * ProbeException}, within the session's deadline.
 */
public final class DimseClient implements AutoCloseable {
  /** Largest PDU body read, and the maximum length announced in the request. */
  public static final int MAX_PDU = 16384;

  /** Bytes one association may read in all (the session's own cap may be lower). */
  public static final int MAX_BYTES = 256 * 1024;

  /** PDUs one DIMSE message may span. */
  static final int MAX_FRAGMENTS = 64;

  /**
   * Responses read (and dropped) after a C-CANCEL, waiting for the final one, before the peer is
   * judged not to stop: responses already on their way when the cancel arrives are normal, a peer
   * that goes on past this many or past {@link #MAX_BYTES} does not honour the cancel.
   */
  static final int MAX_AFTER_CANCEL = 1000;

  /** The abstract syntaxes proposed, in presentation-context order (ids 1, 3, 5). */
  public static final List<String> PROPOSED =
      List.of(DicomWire.VERIFICATION, DicomWire.STUDY_ROOT_FIND, DicomWire.PATIENT_ROOT_FIND);

  /** The peer ended the association with an A-ABORT: a refusal, not a broken reply. */
  public static final class Aborted extends ProbeException {
    private static final long serialVersionUID = 1L;

    Aborted(String message) {
      super(message);
    }
  }

  private final TcpProbe.Session session;
  private final DicomWire.Accepted accepted;
  private int messageId = 1;
  private boolean open = true;

  private DimseClient(TcpProbe.Session session, DicomWire.Accepted accepted) {
    this.session = session;
    this.accepted = accepted;
  }

  /** What the peer said to an association request: accepted (a client) or refused (why). */
  public record Association(Optional<DimseClient> client, String refusal, long bytesRead) {
    public boolean accepted() {
      return client.isPresent();
    }
  }

  /** One C-FIND: the matches read (at most the number asked for) and how the query ended. */
  public record Find(
      List<Map<Integer, byte[]>> matches,
      List<Charset> charsets,
      int finalStatus,
      boolean cancelled,
      String ending) {}

  /**
   * Opens a connection and asks for an association. A rejection or an A-ABORT is a refusal (the
   * connection is closed); anything else that is not an A-ASSOCIATE-AC is a {@link ProbeException}.
   */
  public static Association associate(
      TcpProbe tcp, URI url, int defaultPort, String callingAe, String calledAe) {
    TcpProbe.Session s = tcp.open(url, defaultPort);
    boolean keep = false;
    try {
      s.send(DicomWire.associateRq(callingAe, calledAe, PROPOSED, MAX_PDU));
      DicomWire.Pdu p = DicomWire.read(s, MAX_PDU);
      switch (p.type()) {
        case DicomWire.A_ASSOCIATE_AC -> {
          DimseClient c = new DimseClient(s, DicomWire.accepted(p.body()));
          keep = true;
          return new Association(Optional.of(c), null, s.bytesRead());
        }
        case DicomWire.A_ASSOCIATE_RJ -> {
          return new Association(
              Optional.empty(), "A-ASSOCIATE-RJ, " + DicomWire.rejection(p.body()), s.bytesRead());
        }
        case DicomWire.A_ABORT -> {
          return new Association(
              Optional.empty(), "A-ABORT in answer to the request", s.bytesRead());
        }
        default ->
            throw new DicomWire.NotDicom(
                "answered an association request with PDU type " + p.type());
      }
    } finally {
      if (!keep) {
        s.close();
      }
    }
  }

  public DicomWire.Accepted accepted() {
    return accepted;
  }

  /** The accepted presentation context for an abstract syntax, if the peer accepted it. */
  public Optional<DicomWire.Context> context(String abstractSyntax) {
    int i = PROPOSED.indexOf(abstractSyntax);
    if (i < 0) {
      return Optional.empty();
    }
    int id = DicomWire.contextId(i);
    return accepted.contexts().stream()
        .filter(c -> c.id() == id && c.result() == 0 && c.transferSyntax() != null)
        .filter(
            c ->
                c.transferSyntax().equals(DicomWire.IMPLICIT_LE)
                    || c.transferSyntax().equals(DicomWire.EXPLICIT_LE))
        .findFirst();
  }

  public long bytesRead() {
    return session.bytesRead();
  }

  /** C-ECHO; the response's status (0 is success). */
  public int echo() {
    DicomWire.Context pc =
        context(DicomWire.VERIFICATION)
            .orElseThrow(() -> new ProbeException("the peer did not accept verification"));
    int id = messageId++;
    Map<Integer, Object> cmd = new LinkedHashMap<>();
    cmd.put(DicomWire.TAG_AFFECTED_SOP_CLASS, DicomWire.VERIFICATION);
    cmd.put(DicomWire.TAG_COMMAND_FIELD, DicomWire.C_ECHO_RQ);
    cmd.put(DicomWire.TAG_MESSAGE_ID, id);
    cmd.put(DicomWire.TAG_DATA_SET_TYPE, DicomWire.NO_DATA_SET);
    sendPart(pc.id(), true, DicomWire.command(cmd));
    Message m = readMessage(pc);
    expect(m, DicomWire.C_ECHO_RSP, id);
    return DicomWire.us(m.command(), DicomWire.TAG_STATUS);
  }

  /**
   * C-FIND with the given identifier; at most {@code maxMatches} pending responses are read, then
   * the query is cancelled. A peer that goes on sending matches is aborted.
   */
  public Find find(String sopClass, Map<Integer, String[]> identifier, int maxMatches) {
    DicomWire.Context pc =
        context(sopClass)
            .orElseThrow(() -> new ProbeException("the peer did not accept " + sopClass));
    boolean explicit = pc.transferSyntax().equals(DicomWire.EXPLICIT_LE);
    int id = messageId++;
    Map<Integer, Object> cmd = new LinkedHashMap<>();
    cmd.put(DicomWire.TAG_AFFECTED_SOP_CLASS, sopClass);
    cmd.put(DicomWire.TAG_COMMAND_FIELD, DicomWire.C_FIND_RQ);
    cmd.put(DicomWire.TAG_MESSAGE_ID, id);
    cmd.put(DicomWire.TAG_PRIORITY, 0);
    cmd.put(DicomWire.TAG_DATA_SET_TYPE, 0x0000);
    sendPart(pc.id(), true, DicomWire.command(cmd));
    sendPart(pc.id(), false, DicomWire.dataSet(identifier, explicit));
    List<Map<Integer, byte[]>> matches = new ArrayList<>();
    List<Charset> charsets = new ArrayList<>();
    boolean cancelled = false;
    int afterCancel = 0;
    while (true) {
      Message m = readMessage(pc);
      expect(m, DicomWire.C_FIND_RSP, id);
      int status = DicomWire.us(m.command(), DicomWire.TAG_STATUS);
      if (status != 0xFF00 && status != 0xFF01) {
        return new Find(
            matches,
            charsets,
            status,
            cancelled,
            cancelled ? "cancelled after " + matches.size() + " matches" : "complete");
      }
      if (cancelled) {
        if (++afterCancel > MAX_AFTER_CANCEL) {
          abort();
          throw new ProbeException(
              "went on sending matches after C-CANCEL (" + afterCancel + " more); aborted");
        }
        continue;
      }
      if (m.dataSet() == null) {
        throw new DicomWire.NotDicom("a pending C-FIND response carries no identifier");
      }
      Map<Integer, byte[]> ds = DicomWire.elements(m.dataSet(), explicit);
      matches.add(ds);
      charsets.add(DicomWire.charset(ds));
      if (matches.size() >= maxMatches) {
        Map<Integer, Object> cancel = new LinkedHashMap<>();
        cancel.put(DicomWire.TAG_COMMAND_FIELD, DicomWire.C_CANCEL_RQ);
        cancel.put(DicomWire.TAG_RESPONDED_TO, id);
        cancel.put(DicomWire.TAG_DATA_SET_TYPE, DicomWire.NO_DATA_SET);
        sendPart(pc.id(), true, DicomWire.command(cancel));
        cancelled = true;
      }
    }
  }

  /** A-RELEASE; a peer that does not answer it properly is simply disconnected. */
  public void release() {
    if (!open) {
      return;
    }
    try {
      session.send(DicomWire.releaseRq());
      for (int i = 0; i < 4; i++) {
        DicomWire.Pdu p = DicomWire.read(session, MAX_PDU);
        if (p.type() == DicomWire.A_RELEASE_RP || p.type() == DicomWire.A_ABORT) {
          break;
        }
      }
    } catch (ProbeException e) {
      // The association ends with the connection either way.
    } finally {
      open = false;
      session.close();
    }
  }

  /** A-ABORT and disconnect. */
  public void abort() {
    if (!open) {
      return;
    }
    try {
      session.send(DicomWire.abort());
    } catch (ProbeException e) {
      // Disconnecting is abort enough.
    } finally {
      open = false;
      session.close();
    }
  }

  @Override
  public void close() {
    abort();
  }

  private record Message(Map<Integer, byte[]> command, byte[] dataSet) {}

  private void sendPart(int contextId, boolean command, byte[] data) {
    for (byte[] pdu : DicomWire.pData(contextId, command, data, accepted.maxPdu())) {
      session.send(pdu);
    }
  }

  private Message readMessage(DicomWire.Context pc) {
    java.io.ByteArrayOutputStream command = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    boolean commandDone = false;
    boolean wantsData = false;
    for (int fragments = 0; fragments < MAX_FRAGMENTS; fragments++) {
      if (session.bytesRead() > MAX_BYTES) {
        throw new ProbeException("the association sent more than " + MAX_BYTES + " bytes");
      }
      DicomWire.Pdu p = DicomWire.read(session, MAX_PDU);
      if (p.type() == DicomWire.A_ABORT) {
        open = false;
        session.close();
        throw new Aborted("the peer aborted the association (A-ABORT)");
      }
      if (p.type() != DicomWire.P_DATA_TF) {
        throw new DicomWire.NotDicom("sent PDU type " + p.type() + " in the middle of a message");
      }
      for (DicomWire.Pdv v : DicomWire.pdvs(p.body())) {
        if (v.contextId() != pc.id()) {
          throw new DicomWire.NotDicom("answered on a presentation context it was not asked on");
        }
        if (v.command()) {
          if (commandDone) {
            throw new DicomWire.NotDicom("sent a second command inside one message");
          }
          command.writeBytes(v.data());
          if (v.last()) {
            commandDone = true;
            Map<Integer, byte[]> c = DicomWire.elements(command.toByteArray(), false);
            int type = DicomWire.us(c, DicomWire.TAG_DATA_SET_TYPE);
            if (type < 0) {
              throw new DicomWire.NotDicom("a DIMSE command without a data set type");
            }
            wantsData = type != DicomWire.NO_DATA_SET;
            if (!wantsData) {
              return new Message(c, null);
            }
          }
        } else {
          if (!commandDone) {
            throw new DicomWire.NotDicom("sent a data set before its command");
          }
          data.writeBytes(v.data());
          if (v.last()) {
            return new Message(
                DicomWire.elements(command.toByteArray(), false), data.toByteArray());
          }
        }
      }
    }
    throw new DicomWire.NotDicom("a DIMSE message spans more than " + MAX_FRAGMENTS + " PDUs");
  }

  private static void expect(Message m, int field, int id) {
    int f = DicomWire.us(m.command(), DicomWire.TAG_COMMAND_FIELD);
    int to = DicomWire.us(m.command(), DicomWire.TAG_RESPONDED_TO);
    if (f != field || to != id) {
      throw new DicomWire.NotDicom(
          String.format(
              "expected command 0x%04x answering message %d, got 0x%04x answering %d",
              field, id, f, to));
    }
    if (DicomWire.us(m.command(), DicomWire.TAG_STATUS) < 0) {
      throw new DicomWire.NotDicom("a DIMSE response without a status");
    }
  }
}
