package dev.periksa.pii;

/**
 * One piece of personal data found in a text.
 *
 * @param type what it is
 * @param start index of its first character in the scanned text
 * @param end index after its last character
 * @param confidence 0..1, how sure the detector is
 */
public record PiiMatch(PiiType type, int start, int end, double confidence) {
  public PiiMatch {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  public boolean overlaps(PiiMatch o) {
    return start < o.end && o.start < end;
  }
}
