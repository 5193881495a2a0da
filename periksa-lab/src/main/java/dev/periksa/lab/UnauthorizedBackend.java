package dev.periksa.lab;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A mongo-java-server backend as a MongoDB with access control enabled looks to a client that has
 * not logged in: the handshake commands answer, everything else gets error 13 (Unauthorized), the
 * reply a real {@code mongod --auth} sends. mongo-java-server has no authentication of its own;
 * this decorates its real backend, which still answers the wire protocol.
 */
final class UnauthorizedBackend implements MongoBackend {
  /** What {@code mongod --auth} answers before authentication. */
  static final Set<String> HANDSHAKE =
      Set.of("hello", "ismaster", "isMaster", "buildinfo", "buildInfo", "ping");

  private final MongoBackend inner;

  UnauthorizedBackend(MongoBackend inner) {
    this.inner = inner;
  }

  static Document unauthorized(String command) {
    Document d = new Document();
    d.put("ok", 0.0);
    d.put("errmsg", "command " + command + " requires authentication");
    d.put("code", 13);
    d.put("codeName", "Unauthorized");
    return d;
  }

  @Override
  public Document handleMessage(MongoMessage message) {
    String command = message.getDocument().keySet().stream().findFirst().orElse("");
    return HANDSHAKE.contains(command) ? inner.handleMessage(message) : unauthorized(command);
  }

  @Override
  public Document handleCommand(Channel channel, String database, String command, Document query) {
    return HANDSHAKE.contains(command)
        ? inner.handleCommand(channel, database, command, query)
        : unauthorized(command);
  }

  @Override
  public QueryResult handleQuery(MongoQuery query) {
    throw new MongoServerError(13, "Unauthorized", "find requires authentication");
  }

  @Override
  public void handleClose(Channel channel) {
    inner.handleClose(channel);
  }

  @Override
  public void dropDatabase(String database) {
    throw new MongoServerError(13, "Unauthorized", "dropDatabase requires authentication");
  }

  @Override
  public Collection<Document> getCurrentOperations(MongoQuery query) {
    throw new MongoServerError(13, "Unauthorized", "currentOp requires authentication");
  }

  @Override
  public Document getServerStatus() {
    return unauthorized("serverStatus");
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public void closeCursors(List<Long> cursorIds) {
    inner.closeCursors(cursorIds);
  }

  @Override
  public Clock getClock() {
    return inner.getClock();
  }

  @Override
  public void enableOplog() {
    inner.enableOplog();
  }

  @Override
  public void disableOplog() {
    inner.disableOplog();
  }

  @Override
  public MongoDatabase resolveDatabase(String database) {
    return inner.resolveDatabase(database);
  }

  @Override
  public MongoBackend version(MongoVersion version) {
    inner.version(version);
    return this;
  }
}
