package dev.periksa.check.registry;

import dev.periksa.check.Check;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every check on the class path. Checks register for {@link ServiceLoader} (the checks module's
 * {@code META-INF/services/dev.periksa.check.Check}, one line per check, in the order outputs list
 * them), so the engine knows the contract only, never a check. Features name a check by requirement
 * and product (a Scenario Outline row), and tests cross-check checks, features and the catalogue
 * through this list.
 */
public final class Checks {
  private Checks() {}

  /**
   * A fresh instance of every check, in registration order.
   *
   * @throws IllegalStateException when no check is on the class path
   */
  public static List<Check> all() {
    List<Check> found =
        ServiceLoader.load(Check.class, Checks.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "no check on the class path: periksa-checks (META-INF/services/"
              + Check.class.getName()
              + ") is missing");
    }
    return found;
  }

  /** Every check that verifies a requirement for one product, as a feature names them. */
  public static List<Check> findAll(String requirement, String product) {
    return all().stream()
        .filter(c -> c.metadata().requirementIds().contains(requirement))
        .filter(c -> c.metadata().product().equalsIgnoreCase(product))
        .toList();
  }

  /** The check that verifies a requirement for one product, as a feature names them. */
  public static Optional<Check> find(String requirement, String product) {
    return all().stream()
        .filter(c -> c.metadata().requirementIds().contains(requirement))
        .filter(c -> c.metadata().product().equalsIgnoreCase(product))
        .findFirst();
  }
}
