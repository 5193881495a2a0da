package dev.periksa.discovery;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.TcpProbe;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonSerializationException;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * MongoDB: the legacy {@code isMaster} handshake over OP_QUERY, which every MongoDB answers before
 * authentication (servers that dropped OP_QUERY still take it for the handshake), with a document
 * holding {@code maxWireVersion}.
 */
final class MongoDbFingerprint implements Fingerprint {
  private static final int OP_REPLY = 1;
  private static final int OP_QUERY = 2004;

  /** Largest handshake reply read; a real one is well under 1 KiB. */
  private static final int MAX_REPLY = 64 * 1024;

  @Override
  public String kind() {
    return "mongodb";
  }

  @Override
  public String product() {
    return "MongoDB";
  }

  @Override
  public List<Integer> defaultPorts() {
    return List.of(27017, 27018, 27019);
  }

  @Override
  public Wire wire() {
    return Wire.TCP;
  }

  @Override
  public Optional<URI> identify(Probes probes, String host, int port) {
    try (TcpProbe.Session s = probes.tcp().open(host, port)) {
      s.send(isMaster());
      ByteBuffer header = ByteBuffer.wrap(s.readExactly(16)).order(ByteOrder.LITTLE_ENDIAN);
      int length = header.getInt();
      header.getInt(); // requestID
      header.getInt(); // responseTo
      int opCode = header.getInt();
      if (opCode != OP_REPLY || length < 16 + 20 + 5 || length > MAX_REPLY) {
        return Optional.empty();
      }
      ByteBuffer body = ByteBuffer.wrap(s.readExactly(length - 16)).order(ByteOrder.LITTLE_ENDIAN);
      body.position(20); // flags, cursorID, startingFrom, numberReturned
      byte[] doc = new byte[body.remaining()];
      body.get(doc);
      RawBsonDocument reply = new RawBsonDocument(doc);
      return reply.containsKey("maxWireVersion") && reply.get("maxWireVersion").isNumber()
          ? Optional.of(URI.create("mongodb://" + host + ":" + port))
          : Optional.empty();
    } catch (ProbeException | BsonSerializationException | BsonInvalidOperationException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      // A malformed document can fail in other ways inside the BSON reader: not MongoDB.
      return Optional.empty();
    }
  }

  /** OP_QUERY {@code {isMaster: 1}} on {@code admin.$cmd}. */
  static byte[] isMaster() {
    BasicOutputBuffer out = new BasicOutputBuffer();
    new BsonDocumentCodec()
        .encode(
            new BsonBinaryWriter(out),
            new BsonDocument("isMaster", new BsonInt32(1)),
            EncoderContext.builder().build());
    byte[] doc = out.toByteArray();
    byte[] ns = "admin.$cmd\0".getBytes(StandardCharsets.US_ASCII);
    int length = 16 + 4 + ns.length + 8 + doc.length;
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(length).putInt(1).putInt(0).putInt(OP_QUERY);
    b.putInt(0); // flags
    b.put(ns);
    b.putInt(0).putInt(-1); // skip, return one batch
    b.put(doc);
    return b.array();
  }
}
