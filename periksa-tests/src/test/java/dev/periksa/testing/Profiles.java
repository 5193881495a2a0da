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
    return of(name, "search", url);
  }

  /** A profile with one endpoint of the given kind, scoped to its host. */
  public static TargetProfile of(String name, String kind, URI url) {
    return of(name, new Endpoint(kind, kind, url, null));
  }

  /** A profile with the given endpoints, scoped to the first one's host. */
  public static TargetProfile of(String name, Endpoint... endpoints) {
    return new TargetProfile(
        name,
        "",
        new Scope(
            java.util.Arrays.stream(endpoints).map(e -> e.url().getHost()).distinct().toList()),
        50,
        3,
        List.of(endpoints),
        List.of(),
        List.of(),
        null,
        null);
  }
}
