package dev.periksa.check.personaldata;

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
import java.util.regex.Pattern;

/** Profiles and leak assertions shared by the personal-data checks' integration tests. */
final class PiiTesting {
  private PiiTesting() {}

  static final ApiSettings.Login LOGIN =
      new ApiSettings.Login("/api/v1/auth/login", "json", "username", "password", "token");

  /** The record traveller-a owns first, as the lab declares it. */
  static final String A_FIRST = "EHAC-00000101";

  private static final RawValueScanner RAW = new RawValueScanner(20_000);
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*");

  static CheckResult scan(Check check, TargetProfile p) {
    return new CheckRunner(Duration.ofSeconds(120)).run(check, TargetContext.of(p));
  }

  /** An api section like the lab's, with or without the search. */
  static ApiSettings api(ApiSettings.Search search) {
    return new ApiSettings(
        LOGIN,
        List.of("/api/v1/hac/{id}", "/api/v1/travellers/{id}", "/api/v1/travellers"),
        "/api/v1/travellers/{id}",
        List.of("traveller-a"),
        null,
        ApiSettings.DEFAULT_MAX_LOGIN_ATTEMPTS,
        List.of(),
        null,
        search);
  }

  /** A profile with one HTTP API endpoint at {@code url} and traveller-a as its identity. */
  static TargetProfile apiProfile(String name, URI url, String password, ApiSettings api) {
    return new TargetProfile(
        name,
        "",
        new Scope(List.of(url.getHost())),
        50,
        3,
        List.of(new Endpoint("api", "http", url, null, List.of(), null, api)),
        List.of(new Identity("traveller-a", "traveller-a", new Secret(password), List.of(A_FIRST))),
        List.of(),
        null,
        null);
  }

  static URI labUrl(String variable) {
    return URI.create(SharedLab.get().variables().get(variable));
  }

  static String labPassword() {
    return SharedLab.get().variables().get("PERIKSA_LAB_API_PASSWORD_A");
  }

  /**
   * The result as results.json carries it holds no raw NIK, phone, passport or name of the lab's
   * travellers, no lab password, no token and no unmasked canary; returns the JSON.
   */
  static String assertNothingRaw(CheckResult r) throws Exception {
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    assertEquals(List.of(), RAW.findIn("result", json));
    assertFalse(json.contains(Canary.NIK), "the canary appears unmasked");
    assertFalse(JWT.matcher(json).find(), "a token appears in the result");
    List<String> secrets = new ArrayList<>();
    for (Map.Entry<String, String> v : SharedLab.get().variables().entrySet()) {
      if (v.getKey().contains("PASSWORD") && v.getValue().length() >= 8) {
        secrets.add(v.getValue());
      }
    }
    for (String s : secrets) {
      assertFalse(json.contains(s), "a password of the lab appears in the result");
    }
    for (int i = 0; i < 1000; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      assertFalse(json.contains("\"" + t.get("nama") + "\""), "name of traveller " + i);
    }
    return json;
  }
}
