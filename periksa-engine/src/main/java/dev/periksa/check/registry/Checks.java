package dev.periksa.check.registry;

import dev.periksa.check.Check;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Requirement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every check on the class path. Checks register for {@link ServiceLoader} (each check class
 * carries {@code @AutoService(Check.class)}, which writes its {@code META-INF/services} line when
 * it is compiled), so the engine knows the contract only, never a check, and a new check is one
 * class. They are listed in the order of {@link #ORDER}. Features name a check by requirement and
 * product (a Scenario Outline row), and tests cross-check checks, features and the catalogue
 * through this list.
 */
public final class Checks {
  private Checks() {}

  /**
   * The catalogue's order of a check's first requirement; within it, checks that probe endpoints
   * before those that only read what is attested (what a probe sees, then what is declared); then
   * the id.
   */
  private static final Comparator<Check> ORDER =
      Comparator.<Check>comparingInt(c -> rank(c.metadata().requirementIds().get(0)))
          .thenComparing(c -> c.metadata().kinds().isEmpty())
          .thenComparing(c -> c.metadata().id());

  private static int rank(String requirement) {
    List<Requirement> all = Catalogue.standard().requirements();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(requirement)) {
        return i;
      }
    }
    return all.size();
  }

  /**
   * A fresh instance of every check, in the order of {@link #ORDER}.
   *
   * @throws IllegalStateException when no check is on the class path
   */
  public static List<Check> all() {
    List<Check> found =
        ServiceLoader.load(Check.class, Checks.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(ORDER)
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
