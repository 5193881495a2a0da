package dev.periksa.check.auth;

import dev.periksa.lab.DedicatedEhacApi;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import dev.periksa.target.Scope;
import dev.periksa.target.Secret;
import dev.periksa.target.TargetProfile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Profiles of one HTTP API for the login checks' tests, shaped like the lab's. */
final class AuthProfiles {
  private AuthProfiles() {}

  /** The lab profiles' login form. */
  static final ApiSettings.Login LOGIN =
      new ApiSettings.Login("/api/v1/auth/login", "json", "username", "password", "token");

  /** The lab profiles' api section, with a given throttle identity and budget. */
  static ApiSettings labApi(String throttleIdentity, int maxLoginAttempts) {
    return new ApiSettings(
        LOGIN,
        List.of("/api/v1/hac/{id}", "/api/v1/travellers/{id}", "/api/v1/travellers"),
        "/api/v1/travellers/{id}",
        List.of("traveller-a", "traveller-b"),
        throttleIdentity,
        maxLoginAttempts,
        List.of("generic"),
        null);
  }

  /** A profile of a dedicated e-HAC API, as the lab's profiles describe the lab's. */
  static TargetProfile of(DedicatedEhacApi api, ApiSettings settings) {
    List<Identity> ids = new ArrayList<>();
    api.passwords()
        .forEach(
            (name, pw) ->
                ids.add(
                    new Identity(name, name, new Secret(pw), DedicatedEhacApi.owned().get(name))));
    return of(api.url(), settings, ids);
  }

  /** A profile with one http endpoint named "api" and the given identities. */
  static TargetProfile of(URI url, ApiSettings settings, List<Identity> identities) {
    return new TargetProfile(
        "api-test",
        "",
        new Scope(List.of(url.getHost())),
        50,
        5,
        List.of(new Endpoint("api", "http", url, null, List.of(), null, settings)),
        identities,
        List.of(),
        null,
        null);
  }

  /** One identity whose user name is its name. */
  static Identity identity(String name, String password, String... owns) {
    return new Identity(name, name, new Secret(password), List.of(owns));
  }
}
