package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.probe.Resp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Redis and Memcached reply parsers, on replies shaped as the products document them. */
class KeyValueParsersTest {

  private static Resp.Bulk bulk(String s) {
    return new Resp.Bulk(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void infoKeyspaceGivesKeysPerDatabase() {
    Resp.Reply r =
        bulk(
            "# Keyspace\r\ndb0:keys=200,expires=0,avg_ttl=0\r\ndb3:keys=7,expires=1,avg_ttl=5\r\n");
    assertEquals(Map.of(0, 200L, 3, 7L), RedisExposureCheck.keyspace(r));
    assertTrue(RedisExposureCheck.keyspace(bulk("# Keyspace\r\n")).isEmpty());
    assertTrue(
        RedisExposureCheck.keyspace(new Resp.Err("NOAUTH Authentication required.")).isEmpty());
    assertTrue(RedisExposureCheck.keyspace(bulk("dbx:keys=1\r\ndb1:keys=many\r\n")).isEmpty());
  }

  @Test
  void infoServerFieldsSkipSectionHeaders() {
    Map<String, String> f =
        RedisExposureCheck.infoFields(
            bulk("# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n"));
    assertEquals("7.0.15", f.get("redis_version"));
    assertEquals(2, f.size());
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
  void onlyRedisOwnUnknownCommandErrorCounts() {
    assertTrue(
        RedisExposureCheck.isUnknownCommand(
            new Resp.Err("ERR unknown command 'PERIKSA-1', with args beginning with: ")));
    assertFalse(RedisExposureCheck.isUnknownCommand(new Resp.Simple("PONG")));
    assertFalse(
        RedisExposureCheck.isUnknownCommand(new Resp.Err("NOAUTH Authentication required.")));
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
