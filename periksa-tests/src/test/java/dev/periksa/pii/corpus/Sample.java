package dev.periksa.pii.corpus;

import java.util.List;

/**
 * One labelled text of the corpus.
 *
 * @param id stable name: template and index, e.g. {@code csv-0042}
 * @param format {@code json}, {@code csv}, {@code text}, {@code hl7} or {@code sql}
 * @param text what a scanner reads
 * @param labels every true value in it; anything not labelled is not personal data of a detected
 *     type
 */
public record Sample(String id, String format, String text, List<Label> labels) {}
