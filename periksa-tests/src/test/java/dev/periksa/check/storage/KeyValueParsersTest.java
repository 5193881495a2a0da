package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.probe.Resp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the Redis and Memcached checks read and send on their own: SCAN pages, RESP commands, key
 * names (the products' replies: {@code RedisRepliesTest}, {@code MemcachedRepliesTest}).
 */
class KeyValueParsersTest {

  private static Resp.Bulk bulk(String s) {
    return new Resp.Bulk(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void scanPagesAreCursorThenKeys() {
    Resp.Reply page =
        new Resp.Multi(List.of(bulk("17"), new Resp.Multi(List.of(bulk("session:a"), bulk("k")))));
    assertEquals(List.of("session:a", "k"), RedisExposureCheck.scannedKeys(page));
    assertTrue(RedisExposureCheck.scannedKeys(new Resp.Multi(null)).isEmpty());
    assertTrue(RedisExposureCheck.scannedKeys(new Resp.Simple("PONG")).isEmpty());
  }

  @Test
  void aRespCommandIsAnArrayOfBulkStrings() {
    assertEquals(
        "*2\r\n$4\r\nAUTH\r\n$3\r\nabc\r\n",
        new String(Resp.command("AUTH", "abc"), StandardCharsets.US_ASCII));
  }

  @Test
  void memcachedKeysThatCouldCarryACommandAreNeverSentBack() {
    assertTrue(MemcachedExposureCheck.isKey("session:0123abcd"));
    assertFalse(MemcachedExposureCheck.isKey("a b"));
    assertFalse(MemcachedExposureCheck.isKey("a\r\nflush_all"));
    assertFalse(MemcachedExposureCheck.isKey(""));
    assertFalse(MemcachedExposureCheck.isKey("x".repeat(251)));
  }
}
