package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.auth.CredentialTransportCheck.SetCookie;
import dev.periksa.check.support.DefaultCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules of the login checks that need no server: lists, the slowdown rule, cookie parsing. */
class LoginRulesTest {

  @Test
  void theGenericListIsShortAndNamesEachUserAtMostTwice() {
    List<DefaultCredentials.Credential> generic =
        DefaultCredentials.of(DefaultCredentialsCheck.GENERIC);
    assertTrue(generic.size() >= 8 && generic.size() <= 15, generic.toString());
    Map<String, Long> perUser =
        generic.stream()
            .collect(
                Collectors.groupingBy(DefaultCredentials.Credential::user, Collectors.counting()));
    perUser.forEach((u, n) -> assertTrue(n <= 2, u + " appears " + n + " times"));
    assertEquals("admin", generic.get(0).user());
    assertEquals("admin", generic.get(0).password());
    assertEquals(generic.size(), generic.stream().distinct().count(), "no pair twice");
  }

  private static List<Long> times(long first, int n, Function<Integer, Long> after) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i < 5 ? first : after.apply(i));
    }
    return out;
  }

  @Test
  void aSlowdownNeedsTenRepliesThreeTimesSlowerAndASecond() {
    assertFalse(LoginThrottlingCheck.slowed(times(10, 9, i -> 5_000L)), "too few replies");
    assertTrue(LoginThrottlingCheck.slowed(times(10, 10, i -> 1_200L)));
    // Three times slower but still fast: jitter, not a throttle.
    assertFalse(LoginThrottlingCheck.slowed(times(10, 10, i -> 400L)));
    // Slow from the start (a costly hash): not growing.
    assertFalse(LoginThrottlingCheck.slowed(times(900, 10, i -> 1_100L)));
    // One slow reply among fast ones does not move the median.
    assertFalse(
        LoginThrottlingCheck.slowed(times(10, 10, i -> i == 9 ? 30_000L : 10L)), "one spike");
  }

  @Test
  void aLockoutMessageIsRecognisedAndAPlainRefusalIsNot() {
    assertTrue(LoginThrottlingCheck.lockout(bytes("{\"error\":\"Account locked\"}")));
    assertTrue(LoginThrottlingCheck.lockout(bytes("Too many attempts, try again in 60 s")));
    assertTrue(LoginThrottlingCheck.lockout(bytes("{\"pesan\":\"Akun terkunci\"}")));
    assertFalse(LoginThrottlingCheck.lockout(bytes("{\"error\":\"invalid_credentials\"}")));
    assertFalse(LoginThrottlingCheck.lockout(null));
  }

  @Test
  void cookieAttributesAreReadWithoutTheValue() {
    SetCookie bare = SetCookie.parse("EHAC_SESSION=eyJabc.def.ghi; Path=/");
    assertEquals("EHAC_SESSION", bare.name());
    assertEquals(List.of("Secure", "HttpOnly", "SameSite"), bare.missing());
    assertEquals(List.of("path=/"), bare.attributes());
    assertFalse(bare.toString().contains("eyJ"));

    SetCookie hardened =
        SetCookie.parse("EHAC_SESSION=x1; Path=/; Secure; HttpOnly; SameSite=Strict");
    assertTrue(hardened.missing().isEmpty());
    assertEquals("Strict", hardened.sameSite());

    SetCookie none = SetCookie.parse("sid=x2; secure; httponly; samesite=None");
    assertEquals(List.of("SameSite (set to None)"), none.missing());

    assertTrue(SetCookie.parse("sid=; Max-Age=0").deletes());
    assertTrue(SetCookie.parse("sid=x3; Expires=Thu, 01 Jan 1970 00:00:00 GMT").deletes());
    assertFalse(SetCookie.parse("sid=x4; Path=/").deletes());
    assertNull(SetCookie.parse("garbage"));
  }

  @Test
  void theMedianIsRobust() {
    assertEquals(3, LoginProbes.median(List.of(1L, 3L, 100L)));
    assertEquals(2, LoginProbes.median(List.of(1L, 3L)));
    assertEquals(0, LoginProbes.median(List.of()));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
