package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.RespServer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * STO-3 for Redis servers older than the Debian one, by their documented replies over a real
 * socket: a Redis 5 with {@code requirepass} (no users: {@code AUTH user password} is a wrong
 * number of arguments, a wrong password {@code -ERR invalid password}), and a server that answers a
 * wrong {@code AUTH} with {@code -NOAUTH}, as it answers everything before a password. Both refuse
 * a stranger: PASS, not INCONCLUSIVE.
 */
class RedisOlderServersIT {
  private static final String NOAUTH = "-NOAUTH Authentication required.\r\n";

  private static CheckResult scan(RespServer s) {
    return new CheckRunner(Duration.ofSeconds(30))
        .run(new RedisExposureCheck(), TargetContext.of(Profiles.of("redis", "redis", s.url())));
  }

  private static String unknown(List<String> c) {
    return "-ERR unknown command `" + c.get(0) + "`, with args beginning with: \r\n";
  }

  @Test
  void aRedis5WithAPasswordPasses() throws Exception {
    try (RespServer s =
        new RespServer(
            "127.0.0.5",
            c ->
                switch (c.get(0).toUpperCase(Locale.ROOT)) {
                  case "PING", "INFO" -> NOAUTH;
                  case "AUTH" ->
                      c.size() == 2
                          ? "-ERR invalid password\r\n"
                          : "-ERR wrong number of arguments for 'auth' command\r\n";
                  default -> unknown(c);
                })) {
      CheckResult r = scan(s);
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("requires authentication (NOAUTH)"), r.reason());
    }
  }

  @Test
  void aServerThatAnswersAWrongPasswordWithNoauthPasses() throws Exception {
    try (RespServer s =
        new RespServer(
            "127.0.0.5",
            c ->
                c.get(0).equalsIgnoreCase("PING") || c.get(0).equalsIgnoreCase("AUTH")
                    ? NOAUTH
                    : unknown(c))) {
      CheckResult r = scan(s);
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
    }
  }

  @Test
  void anAuthThatIsAnsweredOddlyStaysInconclusive() throws Exception {
    try (RespServer s =
        new RespServer(
            "127.0.0.5",
            c ->
                c.get(0).equalsIgnoreCase("PING")
                    ? NOAUTH
                    : c.get(0).equalsIgnoreCase("AUTH") ? "+QUEUED\r\n" : unknown(c))) {
      CheckResult r = scan(s);
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    }
  }
}
