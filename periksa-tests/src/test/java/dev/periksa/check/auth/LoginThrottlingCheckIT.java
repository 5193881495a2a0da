package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.lab.DedicatedEhacApi;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AUT-4 against the lab's legacy API, a dedicated hardened API (its 60 s lockout must not touch the
 * shared lab's traveller-c), and small real login servers that throttle in other ways.
 */
class LoginThrottlingCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(120))
        .run(new LoginThrottlingCheck(), TargetContext.of(p));
  }

  private static Evidence burst(CheckResult r) {
    return r.observations().stream()
        .filter(e -> e.title().startsWith("burst of wrong passwords"))
        .findFirst()
        .orElseThrow();
  }

  private static ApiSettings api(int budget) {
    return new ApiSettings(
        AuthProfiles.LOGIN,
        List.of("/api/v1/travellers"),
        null,
        List.of(),
        "guessed",
        budget,
        List.of(),
        null);
  }

  @Test
  void theLegacyApiFailsAfterThirtyPlainRefusals() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml").only("http"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(Severity.HIGH, r.severity());
    Evidence b = burst(r);
    assertEquals(30, b.facts().get("attempts"));
    assertEquals(Map.of("401", 30), b.facts().get("statuses"));
    assertEquals("traveller-c", b.facts().get("identity"));
    assertTrue(r.findings().get(0).title().contains("30 wrong passwords for traveller-c"));
    Leaks.assertNone(r, Leaks.labPasswords());
  }

  @Test
  void theHardenedApiStopsTheBurstWith429AndStaysLocked() throws Exception {
    try (DedicatedEhacApi api = DedicatedEhacApi.hardened("127.0.0.3")) {
      TargetProfile p = AuthProfiles.of(api, AuthProfiles.labApi("traveller-c", 30));
      CheckResult r = scan(p);
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(
          r.reason().contains("stopped guessing at attempt 6 (429, Retry-After 60)"), r.reason());
      Evidence b = burst(r);
      assertEquals(Map.of("401", 5, "429", 1), b.facts().get("statuses"));
      assertEquals("60", b.facts().get("retryAfter"));
      Leaks.assertNone(r, api.passwords().values());

      // Within the lockout, the next run finds the account locked and guesses nothing.
      CheckResult again = scan(p);
      assertEquals(Outcome.PASS, again.outcome(), again.reason());
      assertTrue(
          again.reason().contains("already locked out (429, Retry-After 60)"), again.reason());
      assertTrue(
          again.observations().stream().noneMatch(e -> e.title().startsWith("burst")),
          "no burst while locked");
    }
  }

  @Test
  void noDeclaredThrottleIdentityIsNotApplicable() throws Exception {
    try (DedicatedEhacApi api = DedicatedEhacApi.legacy("127.0.0.2")) {
      CheckResult r = scan(AuthProfiles.of(api, AuthProfiles.labApi(null, 30)));
      assertEquals(Outcome.NOT_APPLICABLE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("declares no api.throttleIdentity"), r.reason());
    }
  }

  @Test
  void aGrowingDelayPasses() throws Exception {
    try (LoginServer s =
        new LoginServer("127.0.0.5", "guessed", "right-pw-1", LoginServer.Mode.GROWING)) {
      CheckResult r =
          scan(
              AuthProfiles.of(
                  s.url(), api(30), List.of(AuthProfiles.identity("guessed", "right-pw-1"))));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("slowed down"), r.reason());
      Evidence b = burst(r);
      assertTrue((int) b.facts().get("attempts") < 30, b.facts().toString());
      @SuppressWarnings("unchecked")
      Map<String, Object> timing = (Map<String, Object>) b.facts().get("timing");
      assertTrue(((Number) timing.get("lastMedianMs")).longValue() >= 1000, timing.toString());
    }
  }

  @Test
  void aLockoutMessagePasses() throws Exception {
    try (LoginServer s =
        new LoginServer("127.0.0.5", "guessed", "right-pw-2", LoginServer.Mode.LOCK_MESSAGE)) {
      CheckResult r =
          scan(
              AuthProfiles.of(
                  s.url(), api(30), List.of(AuthProfiles.identity("guessed", "right-pw-2"))));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("lockout message at attempt 6 (403)"), r.reason());
    }
  }

  @Test
  void aFlatLoginFailsAndTheBurstNeverExceedsTheCeiling() throws Exception {
    try (LoginServer s =
        new LoginServer("127.0.0.5", "guessed", "right-pw-3", LoginServer.Mode.FLAT)) {
      // A profile made in code can ask for more than the loader allows: the check still stops at
      // 100.
      CheckResult r =
          scan(
              AuthProfiles.of(
                  s.url(), api(150), List.of(AuthProfiles.identity("guessed", "right-pw-3"))));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(ApiSettings.MAX_LOGIN_ATTEMPTS, burst(r).facts().get("attempts"));
      assertEquals(1 + ApiSettings.MAX_LOGIN_ATTEMPTS, s.logins());
      Leaks.assertNone(r, List.of("right-pw-3"));
    }
  }

  @Test
  void theBudgetOfTheProfileIsKept() throws Exception {
    try (LoginServer s =
        new LoginServer("127.0.0.5", "guessed", "right-pw-4", LoginServer.Mode.FLAT)) {
      CheckResult r =
          scan(
              AuthProfiles.of(
                  s.url(), api(12), List.of(AuthProfiles.identity("guessed", "right-pw-4"))));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(13, s.logins());
    }
  }

  @Test
  void aThrottleIdentityThatCannotLogInIsInconclusive() throws Exception {
    try (LoginServer s =
        new LoginServer("127.0.0.5", "guessed", "right-pw-5", LoginServer.Mode.FLAT)) {
      CheckResult r =
          scan(
              AuthProfiles.of(
                  s.url(), api(30), List.of(AuthProfiles.identity("guessed", "stale-password"))));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("cannot log in as guessed"), r.reason());
      assertEquals(1, s.logins(), "no burst without a working account");
    }
  }

  @Test
  void anApiThatIsDownIsInconclusive() throws Exception {
    CheckResult r =
        scan(
            AuthProfiles.of(
                TestServers.nothingListening("127.0.0.6"),
                api(30),
                List.of(AuthProfiles.identity("guessed", "whatever"))));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }
}
