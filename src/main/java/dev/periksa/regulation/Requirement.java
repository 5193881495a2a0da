package dev.periksa.regulation;

import java.util.List;

/**
 * A requirement Periksa certifies, e.g. STO-1, with the clauses it serves.
 *
 * @param id requirement id, also its Gherkin tag
 * @param area storage, authentication, transport, personal-data, dast or governance
 * @param title the requirement in words a regulator reads
 * @param clauses ids of the clauses it serves
 */
public record Requirement(String id, String area, String title, List<String> clauses) {
  public Requirement {
    clauses = List.copyOf(clauses);
  }
}
