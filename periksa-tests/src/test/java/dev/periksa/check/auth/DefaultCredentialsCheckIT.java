package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.lab.DedicatedEhacApi;
import dev.periksa.lab.EhacData;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Identity;
import dev.periksa.target.Secret;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AUT-2 against the lab's real e-HAC API twins, dedicated copies of it, and look-alikes. */
class DefaultCredentialsCheckIT {

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new DefaultCredentialsCheck(), TargetContext.of(p));
  }

  @Test
  void theLegacyApiFailsCriticalOnAdminAdminReportedMasked() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-legacy.yaml").only("http"));
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(1, r.findings().size(), r.reason());
    Finding f = r.findings().get(0);
    assertEquals(Severity.CRITICAL, f.severity(), f.title());
    assertTrue(f.title().contains("admin/••••••"), f.title());
    assertTrue(f.title().contains("/api/v1/travellers"), f.title());
    Evidence read =
        f.evidence().stream()
            .filter(e -> e.title().equals("read with the default login's session"))
            .findFirst()
            .orElseThrow();
    assertEquals(200, read.status());
    assertEquals(401, read.facts().get("withoutSession"));
    assertEquals(20, read.facts().get("records"));
    assertTrue(read.personalData().getOrDefault("NIK", 0) >= 1, read.personalData().toString());
    Evidence summary =
        r.observations().stream()
            .filter(e -> e.title().equals("default logins tried"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("admin/••••••"), summary.facts().get("worked"));
    assertEquals(11, summary.facts().get("tried"));

    String json = Leaks.assertNone(r, Leaks.labPasswords());
    for (int i = 0; i < 40; i++) {
      for (String v : EhacData.sensitiveValues(EhacData.traveller(i))) {
        assertFalse(json.contains(v), "raw value of traveller " + i + " in the evidence");
      }
    }
  }

  @Test
  void theHardenedApiRefusesEveryDefault() throws Exception {
    CheckResult r = scan(SharedLab.profile("ehac-hardened.yaml").only("http"));
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(r.reason().contains("refused all 11 default logins (401 ×11)"), r.reason());
    Leaks.assertNone(r, Leaks.labPasswords());
  }

  @Test
  void aLoginThatLocksBeforeEveryDefaultWasTriedLeavesTheRestUnproven() throws Exception {
    try (DedicatedEhacApi api = DedicatedEhacApi.hardened("127.0.0.3")) {
      TargetProfile p = AuthProfiles.of(api, AuthProfiles.labApi("traveller-c", 30));
      // Someone else's guesses have locked "admin" already: the first default gets 429.
      TargetContext ctx = TargetContext.of(p);
      ApiClient client = new ApiClient(ctx, p.endpoints().get(0));
      for (int i = 0; i < 5; i++) {
        assertEquals(401, client.login("admin", "not-it-" + i).response().status());
      }
      CheckResult r = scan(p);
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("429, Retry-After 60"), r.reason());
      assertTrue(r.reason().contains("11 defaults were not tried and are unproven"), r.reason());
      assertTrue(r.reason().contains("admin/••••••"), r.reason());
      Leaks.assertNone(r, api.passwords().values());
    }
  }

  @Test
  void theThrottleIdentityIsNeverSentADefault() throws Exception {
    // The legacy API really accepts admin/admin; with "admin" set aside, no admin pair is sent.
    try (DedicatedEhacApi api = DedicatedEhacApi.legacy("127.0.0.2")) {
      List<Identity> ids = new ArrayList<>(AuthProfiles.of(api, null).identities());
      ids.add(new Identity("guard", "admin", new Secret("x-unused"), List.of()));
      ApiSettings s =
          new ApiSettings(
              AuthProfiles.LOGIN,
              List.of("/api/v1/travellers"),
              null,
              List.of("traveller-a"),
              "guard",
              30,
              List.of(),
              null);
      CheckResult r = scan(AuthProfiles.of(api.url(), s, ids));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("refused all 9 default logins"), r.reason());
      assertTrue(r.reason().contains("2 pairs of the throttle identity not sent"), r.reason());
    }
  }

  @Test
  void aWorkingDefaultWithNothingDeclaredToReadIsStillHigh() throws Exception {
    try (DedicatedEhacApi api = DedicatedEhacApi.legacy("127.0.0.2")) {
      ApiSettings s =
          new ApiSettings(
              AuthProfiles.LOGIN, List.of(), null, List.of(), null, 30, List.of("generic"), null);
      CheckResult r = scan(AuthProfiles.of(api, s));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(Severity.HIGH, r.severity());
      Leaks.assertNone(r, api.passwords().values());
    }
  }

  @Test
  void aLoginThatAnswers200WithoutATokenOrCookieToEveryoneIsNotALogin() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 200, "{\"status\":\"ok\",\"message\":\"welcome\"}")) {
      CheckResult r = scan(AuthProfiles.of(s.url(), AuthProfiles.labApi(null, 30), List.of()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("without a token or cookie"), r.reason());
    }
  }

  @Test
  void aLoginThatGivesATokenToAnInventedUserIsNotAFinding() throws Exception {
    try (TestServers.Running s =
        TestServers.paths(
            "127.0.0.5",
            Map.of("/api/v1/auth/login", new TestServers.Reply(200, "{\"token\":\"opaque-1\"}")),
            new TestServers.Reply(401, "{\"error\":\"unauthorized\"}"))) {
      CheckResult r = scan(AuthProfiles.of(s.url(), AuthProfiles.labApi(null, 30), List.of()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("invented user"), r.reason());
    }
  }

  @Test
  void aLoginPathThatIsNotALoginIsInconclusive() throws Exception {
    try (TestServers.Running s =
        TestServers.catchAll("127.0.0.5", 404, "{\"error\":\"not_found\"}")) {
      CheckResult r = scan(AuthProfiles.of(s.url(), AuthProfiles.labApi(null, 30), List.of()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("did not answer like a login (404"), r.reason());
    }
  }

  @Test
  void anApiThatIsDownIsInconclusive() throws Exception {
    CheckResult r =
        scan(
            AuthProfiles.of(
                TestServers.nothingListening("127.0.0.6"),
                AuthProfiles.labApi(null, 30),
                List.of()));
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("connection refused"), r.reason());
  }

  @Test
  void anHttpEndpointWithoutALoginIsNotApplicable() throws Exception {
    try (TestServers.Running s = TestServers.catchAll("127.0.0.5", 200, "{}")) {
      CheckResult r = scan(Profiles.of("no-login", "http", s.url()));
      assertEquals(Outcome.NOT_APPLICABLE, r.outcome(), r.reason());
    }
  }
}
