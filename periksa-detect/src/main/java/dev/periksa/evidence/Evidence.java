package dev.periksa.evidence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One observation, redacted: what was asked, what came back (status, facts, masked samples of at
 * most {@link Redactor#MAX_SAMPLE_CHARS} each) and the SHA-256 of the raw reply. Raw bytes are
 * never kept; build it with {@link Redactor#capture}, which picks one record per sample and counts
 * what it holds. Whatever is handed in, title, request, facts and samples pass the redactor here.
 *
 * @param title what was observed, e.g. "index listing"
 * @param request method and URL, without credentials
 * @param status HTTP status or protocol reply code, 0 when there was no reply
 * @param facts JSON-friendly values already free of personal data (counts, index names, versions)
 * @param personalData counts of personal-data matches by type
 * @param samples masked excerpts of the reply
 * @param sha256 hex SHA-256 of the raw reply bytes, or empty when there were none
 * @param bytes size of the raw reply read (capped)
 */
public record Evidence(
    String title,
    String request,
    int status,
    Map<String, Object> facts,
    Map<String, Integer> personalData,
    List<String> samples,
    String sha256,
    long bytes) {

  public Evidence {
    Objects.requireNonNull(title, "title");
    // The one redaction boundary: whoever builds evidence, nothing raw is kept.
    Redactor r = Redactor.standard();
    title = r.redact(title);
    request = request == null ? "" : r.redact(request);
    facts =
        facts == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r.redactValues(facts)));
    personalData =
        personalData == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(personalData));
    samples = samples == null ? List.of() : samples.stream().map(r::mask).toList();
    sha256 = sha256 == null ? "" : sha256;
  }
}
