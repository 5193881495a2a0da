package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.support.DefaultCredentials;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultCredentialsTest {

  @Test
  void redisShipsAShortListWithTheSampleConfigPassword() {
    List<DefaultCredentials.Credential> redis = DefaultCredentials.of("redis");
    assertTrue(
        redis.size() >= 3 && redis.size() <= RedisExposureCheck.MAX_DEFAULTS, redis.toString());
    assertTrue(redis.stream().anyMatch(c -> c.password().equals("foobared")));
    assertTrue(redis.stream().allMatch(c -> c.user().equals("default")));
  }

  @Test
  void aCredentialNeverPrintsItsPassword() {
    DefaultCredentials.Credential c = new DefaultCredentials.Credential("default", "foobared");
    assertEquals("default/••••••", c.masked());
    assertFalse(c.toString().contains("foobared"));
  }

  @Test
  void anUnknownProductHasNone() {
    assertTrue(DefaultCredentials.of("no-such-product").isEmpty());
  }
}
