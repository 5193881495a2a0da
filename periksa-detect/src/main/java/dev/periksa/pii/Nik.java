package dev.periksa.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;

/**
 * Structure of the Indonesian NIK: 2-digit province, 2-digit regency, 2-digit district, birth date
 * DDMMYY with 40 added to the day for women, and a serial from 0001.
 */
public final class Nik {
  /** Province codes in use (Dukcapil). */
  static final Set<Integer> PROVINCES =
      Set.of(
          11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63,
          64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96);

  private Nik() {}

  /** Whether sixteen digits have the structure of a NIK. */
  public static boolean isValid(CharSequence s) {
    if (s.length() != 16) {
      return false;
    }
    for (int i = 0; i < 16; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    int province = num(s, 0, 2);
    int regency = num(s, 2, 4);
    int district = num(s, 4, 6);
    int day = num(s, 6, 8);
    int month = num(s, 8, 10);
    int year = num(s, 10, 12);
    int serial = num(s, 12, 16);
    if (!PROVINCES.contains(province) || regency == 0 || district == 0 || serial == 0) {
      return false;
    }
    if (day > 40) {
      day -= 40;
    }
    try {
      // Any century will do for the calendar check; 2000 is a leap year like 1900 is not, so
      // 29 February is accepted for every YY, as Dukcapil issues it.
      LocalDate.of(2000 + year, month, day);
      return true;
    } catch (DateTimeException e) {
      return month == 2 && day == 29;
    }
  }

  private static int num(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
