package dev.periksa.check;

import dev.periksa.check.storage.SearchClusterExposureCheck;
import java.util.List;

/** Every check Periksa ships, so tests can cross-check checks, features and the catalogue. */
public final class Checks {
  private Checks() {}

  public static List<Check> all() {
    return List.of(new SearchClusterExposureCheck());
  }
}
