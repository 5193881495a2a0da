package dev.periksa.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Redis's replies, shaped as Redis documents and sends them. */
class RedisRepliesTest {
  private static final Resp.Reply PONG = new Resp.Simple("PONG");
  private static final Resp.Reply NOAUTH = new Resp.Err("NOAUTH Authentication required.");
  private static final Resp.Reply DENIED =
      new Resp.Err("DENIED Redis is running in protected mode because protected mode is enabled");
  private static final Resp.Reply UNKNOWN =
      new Resp.Err("ERR unknown command 'PERIKSA-1', with args beginning with: ");

  private static Resp.Bulk bulk(String s) {
    return new Resp.Bulk(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void infoKeyspaceGivesKeysPerDatabase() {
    Resp.Reply r =
        bulk(
            "# Keyspace\r\ndb0:keys=200,expires=0,avg_ttl=0\r\ndb3:keys=7,expires=1,avg_ttl=5\r\n");
    assertEquals(Map.of(0, 200L, 3, 7L), RedisReplies.keyspace(r));
    assertTrue(RedisReplies.keyspace(bulk("# Keyspace\r\n")).isEmpty());
    assertTrue(RedisReplies.keyspace(NOAUTH).isEmpty());
    assertTrue(RedisReplies.keyspace(bulk("dbx:keys=1\r\ndb1:keys=many\r\n")).isEmpty());
  }

  @Test
  void infoServerFieldsSkipSectionHeaders() {
    Map<String, String> f =
        RedisReplies.infoFields(
            bulk("# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n"));
    assertEquals("7.0.15", f.get("redis_version"));
    assertEquals(2, f.size());
  }

  @Test
  void onlyRedisOwnUnknownCommandErrorCounts() {
    assertTrue(RedisReplies.unknownCommand(UNKNOWN));
    assertFalse(RedisReplies.unknownCommand(PONG));
    assertFalse(RedisReplies.unknownCommand(NOAUTH));
  }

  @Test
  void refusalsAndAuthOutcomes() {
    assertEquals(Optional.of("NOAUTH"), RedisReplies.refusal(NOAUTH));
    assertEquals(Optional.of("DENIED"), RedisReplies.refusal(DENIED));
    assertTrue(RedisReplies.refusal(UNKNOWN).isEmpty());
    assertTrue(RedisReplies.refusal(PONG).isEmpty());
    assertTrue(RedisReplies.ok(new Resp.Simple("OK")));
    assertTrue(
        RedisReplies.wrongPassword(
            new Resp.Err("WRONGPASS invalid username-password pair or user is disabled.")));
    assertTrue(RedisReplies.wrongPassword(new Resp.Err("ERR invalid password")));
    // Older servers answer a wrong AUTH as they answer anything before a password.
    assertTrue(RedisReplies.wrongPassword(NOAUTH));
    assertFalse(RedisReplies.wrongPassword(PONG));
    assertTrue(
        RedisReplies.authTakesPasswordOnly(
            new Resp.Err("ERR wrong number of arguments for 'auth' command")));
    assertFalse(RedisReplies.authTakesPasswordOnly(new Resp.Err("ERR invalid password")));
  }

  @Test
  void discoveryWantsPongOrARefusalAndThenRedisOwnAnswerToAnInventedCommand() {
    assertTrue(RedisReplies.identifies(PONG, UNKNOWN));
    assertFalse(RedisReplies.identifies(PONG, PONG), "a server that answers +PONG to everything");
    assertTrue(RedisReplies.identifies(NOAUTH, NOAUTH));
    assertTrue(RedisReplies.identifies(NOAUTH, UNKNOWN));
    assertFalse(RedisReplies.identifies(NOAUTH, DENIED));
    assertFalse(RedisReplies.identifies(new Resp.Simple("OK"), UNKNOWN));
  }
}
