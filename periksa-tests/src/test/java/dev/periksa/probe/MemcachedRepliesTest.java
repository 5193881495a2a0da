package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Memcached's replies, worded as memcached's protocol.txt and sources word them. */
class MemcachedRepliesTest {

  private static MemcachedWire.BinaryReply binary(int opcode, int status) {
    return new MemcachedWire.BinaryReply(opcode, status, new byte[0], new byte[0], new byte[0]);
  }

  @Test
  void theVersionLine() {
    assertEquals(Optional.of("1.6.21"), MemcachedReplies.version("VERSION 1.6.21"));
    assertTrue(MemcachedReplies.version("VERSION").isEmpty());
    assertTrue(MemcachedReplies.version("ERROR").isEmpty());
    assertTrue(MemcachedReplies.version(null).isEmpty());
  }

  @Test
  void errorsAreMemcachedsOwnWordsExactly() {
    assertTrue(MemcachedReplies.unknownCommand("ERROR"));
    assertFalse(MemcachedReplies.unknownCommand("ERROR unknown"));
    assertFalse(MemcachedReplies.unknownCommand("CLIENT_ERROR bad command line format"));
    assertTrue(MemcachedReplies.unauthenticated("CLIENT_ERROR unauthenticated"));
    assertFalse(MemcachedReplies.unauthenticated("CLIENT_ERROR unauthenticated, or so"));
  }

  @Test
  void theBinaryProtocol() {
    assertTrue(MemcachedReplies.binaryVersion(binary(MemcachedWire.OP_VERSION, 0)));
    assertFalse(MemcachedReplies.binaryVersion(binary(MemcachedWire.OP_VERSION, 0x20)));
    assertFalse(MemcachedReplies.binaryVersion(binary(MemcachedWire.OP_STAT, 0)));
    assertTrue(
        MemcachedReplies.binaryAuthRequired(
            binary(MemcachedWire.OP_STAT, MemcachedWire.STATUS_AUTH_ERROR)));
    assertFalse(MemcachedReplies.binaryAuthRequired(binary(MemcachedWire.OP_STAT, 0)));
  }
}
