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
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.report.ResultModel;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import dev.periksa.target.Scope;
import dev.periksa.target.Secret;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * AUT-3 against real servers: the lab's legacy and hardened e-HAC APIs, a strict HS256 API with a
 * weak or a strong secret, one that issues tokens without exp, and servers that refuse everything,
 * answer everything, or are not there.
 */
class TokenVerificationCheckIT {
  /** Any compact JWT (or its first two parts) in clear; "eyJ•••" masks do not match. */
  private static final Pattern JWT_IN_CLEAR = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}");

  private static CheckResult scan(TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60))
        .run(new TokenVerificationCheck(), TargetContext.of(p.only("http")));
  }

  private static Finding finding(CheckResult r, String titlePart) {
    return r.findings().stream()
        .filter(f -> f.title().contains(titlePart))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no finding '"
                        + titlePart
                        + "' in "
                        + r.findings().stream().map(Finding::title).toList()));
  }

  private static String json(CheckResult r) throws Exception {
    return Json.MAPPER.writeValueAsString(ResultModel.check(r));
  }

  /** Nothing secret in the serialised result: tokens, the secret, the identities' passwords. */
  private static void assertNothingSecret(CheckResult r, TargetProfile p, String... secrets)
      throws Exception {
    String json = json(r);
    assertFalse(JWT_IN_CLEAR.matcher(json).find(), "a token in clear: " + json);
    for (String s : secrets) {
      assertFalse(json.contains(s), "a secret in clear");
    }
    for (Identity id : p.identities()) {
      for (Secret secret : java.util.Arrays.asList(id.password(), id.token())) {
        if (secret != null) {
          assertFalse(json.contains(secret.reveal()), id.name() + "'s secret in clear");
        }
      }
    }
  }

  @Test
  void theLegacyApiFailsOnEveryForgeryAndTheCrackedSecretIsMasked() throws Exception {
    TargetProfile p = SharedLab.profile("ehac-legacy.yaml");
    CheckResult r = scan(p);
    assertEquals(Outcome.FAIL, r.outcome(), r.reason());
    assertEquals(
        6, r.findings().size(), r.findings().stream().map(Finding::title).toList().toString());

    Finding none = finding(r, "unsigned token (alg: none)");
    Finding tampered = finding(r, "tampered token (sub changed to traveller-b");
    Finding confusion = finding(r, "key confusion");
    Finding cracked = finding(r, "signing secret is in a public wordlist");
    Finding expired = finding(r, "expired an hour ago");
    Finding noExp = finding(r, "without 'exp'");

    assertTrue(tampered.title().endsWith("of another identity"), tampered.title());
    assertTrue(
        tampered.location().endsWith("/api/v1/travellers/EHAC-00000201"), tampered.location());
    assertTrue(confusion.title().contains("X.509 PEM"), confusion.title());
    assertTrue(cracked.title().contains("y••• (19 characters)"), cracked.title());
    assertEquals(Severity.HIGH, cracked.severity());
    for (Finding f : List.of(none, tampered, confusion, expired, noExp)) {
      // Records of the legacy build hold identity numbers and test results unmasked.
      assertEquals(Severity.CRITICAL, f.severity(), f.title());
      assertEquals(2, f.evidence().size());
      Evidence refusal = f.evidence().get(0);
      assertEquals(401, refusal.status(), "signal one: a stranger is refused");
      Evidence served = f.evidence().get(1);
      assertEquals(200, served.status());
      assertEquals("eyJ•••", served.facts().get("token"));
      assertTrue(
          served.personalData().getOrDefault("NIK", 0)
                  + served.personalData().getOrDefault("PASSPORT", 0)
              >= 1,
          served.personalData().toString());
    }
    Evidence dict = cracked.evidence().get(0);
    assertEquals(JwtDictionary.shipped().size(), dict.facts().get("wordlistSize"));
    assertEquals("y••• (19 characters)", dict.facts().get("secret"));

    assertNothingSecret(r, p, "your-256-bit-secret");
    String json = json(r);
    for (int i = 95; i < 210; i++) {
      for (String v : EhacData.sensitiveValues(EhacData.traveller(i))) {
        assertFalse(json.contains(v), "raw value of traveller " + i + " in the result");
      }
    }
  }

  @Test
  void theHardenedApiPassesAndSaysWhatCouldNotBeTested() throws Exception {
    TargetProfile p = SharedLab.profile("ehac-hardened.yaml");
    CheckResult r = scan(p);
    assertEquals(Outcome.PASS, r.outcome(), r.reason());
    assertTrue(
        r.reason().contains("alg none refused (none → 401, None → 401, NONE → 401)"), r.reason());
    assertTrue(r.reason().contains("tampered claim refused"), r.reason());
    assertTrue(
        r.reason().contains("key confusion refused for every encoding of 1 published key"),
        r.reason());
    assertTrue(
        r.reason().contains("offline dictionary not applicable (the token is signed with RS256"),
        r.reason());
    assertTrue(r.reason().contains("expired token not testable"), r.reason());
    assertTrue(r.reason().contains("token without exp not testable"), r.reason());
    Evidence subTests =
        r.observations().stream()
            .filter(e -> e.title().equals("sub-tests"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Map.of(
            "alg none", "refused",
            "tampered claim", "refused",
            "key confusion", "refused",
            "offline dictionary", "not applicable",
            "expired token", "not testable",
            "token without exp", "not testable"),
        subTests.facts());
    Evidence captured =
        r.observations().stream()
            .filter(e -> e.title().equals("token issued to traveller-a"))
            .findFirst()
            .orElseThrow();
    assertEquals("RS256", captured.facts().get("alg"));
    assertEquals(900L, ((Number) captured.facts().get("lifetimeSeconds")).longValue());
    assertNothingSecret(r, p);
  }

  @Test
  void aStrictApiWithAWeakSecretFailsOnlyForTheSecret() throws Exception {
    try (StrictJwtApi api = new StrictJwtApi("127.0.0.5", "changeme", true)) {
      TargetProfile p = api.profile("weak secret");
      CheckResult r = scan(p);
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(1, r.findings().size(), r.findings().toString());
      assertEquals(Severity.HIGH, r.severity());
      assertTrue(
          r.findings().get(0).title().contains("c••• (8 characters)"), r.findings().get(0).title());
      // With the secret known, expiry was tested with valid signatures, and enforced.
      assertTrue(r.reason().contains("expired token refused (401)"), r.reason());
      assertTrue(r.reason().contains("token without exp refused (401)"), r.reason());
      assertTrue(
          r.reason().contains("key confusion not applicable (no public key published"), r.reason());
      assertNothingSecret(r, p, "changeme");
    }
  }

  @Test
  void aStrictApiWithAStrongSecretPasses() throws Exception {
    try (StrictJwtApi api =
        new StrictJwtApi("127.0.0.5", "k7$Qv!9zR2m#Xw4pL8sT1bN6yH3dF0gJ", true)) {
      CheckResult r = scan(api.profile("strong secret"));
      assertEquals(Outcome.PASS, r.outcome(), r.reason());
      assertTrue(r.reason().contains("offline dictionary the HS256 secret is none of"), r.reason());
      assertTrue(r.reason().contains("expired token not testable"), r.reason());
      assertTrue(
          r.reason().contains("tampered claim refused (sub changed to bob → 401)"), r.reason());
    }
  }

  @Test
  void tokensIssuedWithoutExpFail() throws Exception {
    try (StrictJwtApi api =
        new StrictJwtApi("127.0.0.5", "k7$Qv!9zR2m#Xw4pL8sT1bN6yH3dF0gJ", false)) {
      CheckResult r = scan(api.profile("no exp"));
      assertEquals(Outcome.FAIL, r.outcome(), r.reason());
      assertEquals(1, r.findings().size());
      assertEquals(Severity.MEDIUM, r.severity());
      assertTrue(r.findings().get(0).title().contains("issues tokens without 'exp'"));
    }
  }

  @Test
  void aServerThatRefusesEverythingIsNotAFailure() throws Exception {
    try (StrictJwtApi shape =
            new StrictJwtApi("127.0.0.5", "unused-secret-unused-secret-12345", true);
        TestServers.Running s =
            TestServers.catchAll("127.0.0.5", 401, "{\"error\":\"unauthorized\"}")) {
      CheckResult r = scan(withUrl(shape.profile("always 401"), s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("alice could not log in (401)"), r.reason());
    }
  }

  @Test
  void aServerThatServesEverythingIsNotAFailure() throws Exception {
    // A look-alike that hands out a JWT-shaped token and answers every path with the same 200.
    String token = JwtDictionaryTest.signed("HS256", "secret");
    try (StrictJwtApi shape =
            new StrictJwtApi("127.0.0.5", "unused-secret-unused-secret-12345", true);
        TestServers.Running s =
            TestServers.catchAll(
                "127.0.0.5", 200, "{\"token\":\"" + token + "\",\"id\":\"R-1\"}")) {
      CheckResult r = scan(withUrl(shape.profile("always 200"), s.url()));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("answers a stranger 200"), r.reason());
      assertTrue(r.findings().isEmpty());
    }
  }

  @Test
  void anApiThatIsDownIsInconclusive() throws Exception {
    try (StrictJwtApi shape =
        new StrictJwtApi("127.0.0.6", "unused-secret-unused-secret-12345", true)) {
      URI down = TestServers.nothingListening("127.0.0.6");
      CheckResult r = scan(withUrl(shape.profile("down"), down));
      assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
      assertTrue(r.reason().contains("connection refused"), r.reason());
    }
  }

  @Test
  void anIdentityThatCannotLogInIsInconclusive() throws Exception {
    // The legacy build never locks an account, so a wrong password costs nothing here.
    TargetProfile lab = SharedLab.profile("ehac-legacy.yaml");
    List<Identity> wrong =
        lab.identities().stream()
            .map(
                i -> new Identity(i.name(), i.username(), new Secret("not-the-password"), i.owns()))
            .toList();
    TargetProfile p =
        new TargetProfile(
            lab.name(),
            lab.description(),
            lab.scope(),
            lab.rateLimit(),
            lab.timeoutSeconds(),
            lab.endpoints(),
            wrong,
            lab.skipped(),
            null,
            null);
    CheckResult r = scan(p);
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), r.reason());
    assertTrue(r.reason().contains("traveller-a could not log in (401)"), r.reason());
  }

  /** The same profile with its API endpoint moved to another URL (and the scope with it). */
  private static TargetProfile withUrl(TargetProfile p, URI url) {
    Endpoint e = p.endpoints().get(0);
    return new TargetProfile(
        p.name(),
        p.description(),
        new Scope(List.of(url.getHost())),
        p.rateLimit(),
        p.timeoutSeconds(),
        List.of(new Endpoint(e.name(), e.kind(), url, null, List.of(), null, e.api())),
        p.identities(),
        List.of(),
        null,
        null);
  }
}
