package dev.periksa.testing;

import dev.periksa.target.Endpoint;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import java.net.URI;
import java.util.List;

/** Profiles built in code for tests that aim at one ad-hoc server. */
public final class Profiles {
  private Profiles() {}

  public static TargetProfile search(String name, URI url) {
    return new TargetProfile(
        name,
        "",
        new Scope(List.of(url.getHost())),
        50,
        3,
        List.of(new Endpoint("search", "search", url, null)),
        List.of(),
        null);
  }
}
