package dev.periksa.pii;

/**
 * Whether the scan takes its shortcuts: tests that a candidate cannot match before a regular
 * expression or a detector family is tried (a necessary condition each, never a guess), and the
 * direct path through overlap resolution when no spans overlap. The shortcuts change how fast a
 * text is scanned, never what is found; {@code PrefilterTest} scans the same texts with them and
 * without them (this switch, for tests only) and compares the findings.
 */
final class FastPath {
  private FastPath() {}

  /** On in production; a test turns it off to compare. */
  static volatile boolean on = true;
}
