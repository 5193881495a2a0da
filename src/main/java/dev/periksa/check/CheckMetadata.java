package dev.periksa.check;

import java.util.List;
import java.util.Objects;

/**
 * What a check is: a stable id such as {@code STO-1.search-cluster}, a title, the requirements it
 * verifies, the weaknesses (CWE) it looks for and the default remediation.
 */
public record CheckMetadata(
    String id, String title, List<String> requirementIds, List<Integer> cwe, String remediation) {

  public CheckMetadata {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    requirementIds = List.copyOf(requirementIds);
    cwe = List.copyOf(cwe);
    if (requirementIds.isEmpty()) {
      throw new IllegalArgumentException("check " + id + " verifies no requirement");
    }
    Objects.requireNonNull(remediation, "remediation");
  }
}
