package dev.periksa.pii.corpus;

import dev.periksa.pii.PiiType;

/**
 * One true value in a corpus sample.
 *
 * @param type what it is
 * @param start index of its first character in the sample text
 * @param end index after its last character
 */
public record Label(PiiType type, int start, int end) {}
