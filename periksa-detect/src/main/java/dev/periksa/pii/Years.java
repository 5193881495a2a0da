package dev.periksa.pii;

import java.time.LocalDate;

/**
 * Whether a year lies in the future, the check a birth date's year passes. {@code LocalDate.now()}
 * loads the time-zone database and searches the class path for zone providers (some 20 ms in a
 * fresh JVM) only to learn a year that UTC's clock gives without them; the JVM's own zone is
 * consulted only for a year where the two can disagree (UTC's year and the next, in the hours
 * around New Year). Same answer as {@code y > LocalDate.now().getYear()}.
 */
final class Years {
  private Years() {}

  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** Whether year y is after the current year in the JVM's time zone. */
  static boolean future(int y) {
    // Every time zone is within a day of UTC, so its year is UTC's year, the one before or the
    // one after.
    int utc =
        LocalDate.ofEpochDay(Math.floorDiv(System.currentTimeMillis(), MILLIS_PER_DAY)).getYear();
    if (y < utc) {
      return false;
    }
    if (y > utc + 1) {
      return true;
    }
    return y > LocalDate.now().getYear();
  }
}
