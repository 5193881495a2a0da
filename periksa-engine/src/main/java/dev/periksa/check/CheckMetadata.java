package dev.periksa.check;

import java.util.List;
import java.util.Objects;

/**
 * What a check is: a stable id such as {@code STO-1.search-cluster}, a title, the product it knows
 * (as features name it, e.g. "MongoDB"), the requirements it verifies, the endpoint kinds it
 * probes, the weaknesses (CWE) it looks for, the default remediation, and whether it is advisory:
 * an advisory check's findings are shown everywhere but never decide a verdict or an exit code.
 */
public record CheckMetadata(
    String id,
    String title,
    String product,
    List<String> requirementIds,
    List<String> kinds,
    List<Integer> cwe,
    String remediation,
    boolean advisory) {

  /** A check whose outcome counts toward the verdict. */
  public CheckMetadata(
      String id,
      String title,
      String product,
      List<String> requirementIds,
      List<String> kinds,
      List<Integer> cwe,
      String remediation) {
    this(id, title, product, requirementIds, kinds, cwe, remediation, false);
  }

  public CheckMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(product, "product");
    requirementIds = List.copyOf(requirementIds);
    kinds = List.copyOf(kinds);
    cwe = List.copyOf(cwe);
    if (requirementIds.isEmpty()) {
      throw new IllegalArgumentException("check " + id + " verifies no requirement");
    }
    Objects.requireNonNull(remediation, "remediation");
  }
}
