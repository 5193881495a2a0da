package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.periksa.check.Check;
import dev.periksa.check.CheckResult;
import dev.periksa.check.CheckRunner;
import dev.periksa.check.TargetContext;
import dev.periksa.json.Json;
import dev.periksa.lab.EhacData;
import dev.periksa.report.ResultModel;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import dev.periksa.target.Scope;
import dev.periksa.target.Secret;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Profiles and assertions shared by the authorization checks' integration tests. */
final class AuthTesting {
  private AuthTesting() {}

  static final ApiSettings.Login LOGIN =
      new ApiSettings.Login("/api/v1/auth/login", "json", "username", "password", "token");

  static CheckResult scan(Check check, TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(60)).run(check, TargetContext.of(p));
  }

  /** traveller-a's records as the lab declares them. */
  static final List<String> A_OWNS =
      List.of("EHAC-00000101", "EHAC-00000102", "EHAC-00000103", "EHAC-00000104", "EHAC-00000105");

  static final List<String> B_OWNS =
      List.of("EHAC-00000201", "EHAC-00000202", "EHAC-00000203", "EHAC-00000204", "EHAC-00000205");

  /** A profile with one API endpoint and two identities, scoped to the endpoint's host. */
  static TargetProfile api(
      String name, URI url, String passwordA, List<String> personalData, String record) {
    ApiSettings settings =
        new ApiSettings(
            LOGIN,
            personalData,
            record,
            List.of("traveller-a", "traveller-b"),
            null,
            ApiSettings.DEFAULT_MAX_LOGIN_ATTEMPTS,
            List.of(),
            null);
    Endpoint e = new Endpoint("api", "http", url, null, List.of(), null, settings);
    return new TargetProfile(
        name,
        "",
        new Scope(List.of(url.getHost())),
        50,
        3,
        List.of(e),
        List.of(
            new Identity("traveller-a", "traveller-a", new Secret(passwordA), A_OWNS),
            new Identity("traveller-b", "traveller-b", new Secret("not-used-here"), B_OWNS)),
        List.of(),
        null,
        null);
  }

  static URI legacyApi() {
    return URI.create(SharedLab.get().variables().get("PERIKSA_LAB_LEGACY_API"));
  }

  static URI hardenedApi() {
    return URI.create(SharedLab.get().variables().get("PERIKSA_LAB_HARDENED_API"));
  }

  /**
   * The serialised result holds no password of the lab's identities, no token (not even a masked
   * one), and no raw NIK, phone, passport or name of the lab's travellers.
   */
  static void assertNothingSecretOrRaw(CheckResult r) throws Exception {
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    List<String> secrets = new ArrayList<>();
    for (Map.Entry<String, String> v : SharedLab.get().variables().entrySet()) {
      if (v.getKey().startsWith("PERIKSA_LAB_API_PASSWORD_") || v.getKey().endsWith("_PASSWORD")) {
        secrets.add(v.getValue());
      }
    }
    assertFalse(secrets.isEmpty(), "the lab's passwords must be known to this test");
    for (String s : secrets) {
      assertFalse(json.contains(s), "a password of the lab appears in the result");
    }
    assertFalse(json.contains("eyJ"), "a token (or its masked stub) appears in the result");
    assertFalse(json.toLowerCase().contains("bearer ey"), "a bearer token appears");
    assertEquals(List.of(), new RawValueScanner(1000).findIn("result", json));
    for (int i = 0; i < 1000; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      assertFalse(json.contains("\"" + t.get("nama") + "\""), "name of traveller " + i);
    }
  }
}
