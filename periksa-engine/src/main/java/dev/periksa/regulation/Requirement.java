package dev.periksa.regulation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A requirement Periksa certifies, e.g. STO-1, with the clauses it serves.
 *
 * @param id requirement id, also its Gherkin tag
 * @param area storage, authentication, transport, personal-data, dast or governance
 * @param title the requirement in words a regulator reads
 * @param clauses ids of the clauses it serves
 * @param titleId the title in Indonesian (the English one where none is given)
 */
public record Requirement(
    String id,
    String area,
    String title,
    List<String> clauses,
    @JsonProperty("title_id") String titleId) {
  @JsonCreator
  public Requirement {
    clauses = List.copyOf(clauses);
    titleId = titleId == null || titleId.isBlank() ? title : titleId;
  }

  public Requirement(String id, String area, String title, List<String> clauses) {
    this(id, area, title, clauses, null);
  }

  /** The title in a language of the report: {@code id} (Indonesian) or English. */
  public String title(String lang) {
    return "id".equals(lang) ? titleId : title;
  }
}
