package dev.periksa.probe;

import java.util.Optional;

/**
 * Memcached's replies as discovery and the Memcached check read them: the text protocol's {@code
 * VERSION} line, its error for an unknown command, the refusal of a server with an authentication
 * file, and the binary protocol's version and SASL refusal. Next to {@link MemcachedWire}, whose
 * binary replies it reads.
 */
public final class MemcachedReplies {
  private MemcachedReplies() {}

  /** The refusal of a server started with an authentication file, exactly as memcached words it. */
  public static final String UNAUTHENTICATED = "CLIENT_ERROR unauthenticated";

  /** The version a text {@code VERSION x} line names. */
  public static Optional<String> version(String line) {
    if (line == null || !line.startsWith("VERSION ")) {
      return Optional.empty();
    }
    return Optional.of(line.substring("VERSION ".length()).strip());
  }

  /** The text protocol's answer to a command name it does not know: {@code ERROR}, alone. */
  public static boolean unknownCommand(String line) {
    return "ERROR".equals(line);
  }

  /** A server with an authentication file refusing a stranger's first command. */
  public static boolean unauthenticated(String line) {
    return UNAUTHENTICATED.equals(line);
  }

  /** The binary protocol's successful version reply. */
  public static boolean binaryVersion(MemcachedWire.BinaryReply r) {
    return r.opcode() == MemcachedWire.OP_VERSION && r.status() == MemcachedWire.STATUS_OK;
  }

  /** The binary protocol refusing {@code stat} until SASL authentication. */
  public static boolean binaryAuthRequired(MemcachedWire.BinaryReply r) {
    return r.opcode() == MemcachedWire.OP_STAT && r.status() == MemcachedWire.STATUS_AUTH_ERROR;
  }
}
