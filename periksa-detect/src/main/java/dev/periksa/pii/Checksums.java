package dev.periksa.pii;

import java.util.Map;

/**
 * Check digits and number ranges of payment cards (ISO/IEC 7812 Luhn, issuer ranges), IBANs (ISO
 * 13616 mod 97) and US Social Security numbers (SSA rules).
 */
final class Checksums {
  private Checksums() {}

  /** Luhn check over ASCII digits. */
  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /**
   * Whether the digits start with an issuer range of a card network and have a length that network
   * issues: Visa, Mastercard, American Express, Discover, JCB, Diners Club, UnionPay, Maestro and
   * Indonesia's GPN.
   */
  static boolean cardRange(CharSequence d) {
    int len = d.length();
    if (len < 12 || len > 19) {
      return false;
    }
    int p1 = d.charAt(0) - '0';
    int p2 = p1 * 10 + d.charAt(1) - '0';
    int p3 = p2 * 10 + d.charAt(2) - '0';
    int p4 = p3 * 10 + d.charAt(3) - '0';
    if (p1 == 4) {
      return len == 13 || len == 16 || len == 19;
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
      return len == 16;
    }
    if (p2 == 34 || p2 == 37) {
      return len == 15;
    }
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) {
      return len >= 16;
    }
    if (p4 >= 3528 && p4 <= 3589) {
      return len >= 16;
    }
    if (p2 == 36 || (p3 >= 300 && p3 <= 305) || p2 == 38 || p2 == 39) {
      return len >= 14;
    }
    if (p2 == 62) {
      return len >= 16;
    }
    if (p4 == 5018
        || p4 == 5020
        || p4 == 5038
        || p4 == 5893
        || p4 == 6304
        || p4 == 6759
        || (p4 >= 6761 && p4 <= 6763)) {
      return len >= 12;
    }
    return p4 == 9360 && len >= 16; // GPN, Indonesia's domestic debit network
  }

  /** IBAN length per country (SWIFT IBAN registry). */
  static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("AD", 24),
          Map.entry("AE", 23),
          Map.entry("AL", 28),
          Map.entry("AT", 20),
          Map.entry("AZ", 28),
          Map.entry("BA", 20),
          Map.entry("BE", 16),
          Map.entry("BG", 22),
          Map.entry("BH", 22),
          Map.entry("BR", 29),
          Map.entry("BY", 28),
          Map.entry("CH", 21),
          Map.entry("CR", 22),
          Map.entry("CY", 28),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("DO", 28),
          Map.entry("EE", 20),
          Map.entry("EG", 29),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FO", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("GE", 22),
          Map.entry("GI", 23),
          Map.entry("GL", 18),
          Map.entry("GR", 27),
          Map.entry("GT", 28),
          Map.entry("HR", 21),
          Map.entry("HU", 28),
          Map.entry("IE", 22),
          Map.entry("IL", 23),
          Map.entry("IQ", 23),
          Map.entry("IS", 26),
          Map.entry("IT", 27),
          Map.entry("JO", 30),
          Map.entry("KW", 30),
          Map.entry("KZ", 20),
          Map.entry("LB", 28),
          Map.entry("LC", 32),
          Map.entry("LI", 21),
          Map.entry("LT", 20),
          Map.entry("LU", 20),
          Map.entry("LV", 21),
          Map.entry("MC", 27),
          Map.entry("MD", 24),
          Map.entry("ME", 22),
          Map.entry("MK", 19),
          Map.entry("MR", 27),
          Map.entry("MT", 31),
          Map.entry("MU", 30),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PK", 24),
          Map.entry("PL", 28),
          Map.entry("PS", 29),
          Map.entry("PT", 25),
          Map.entry("QA", 29),
          Map.entry("RO", 24),
          Map.entry("RS", 22),
          Map.entry("SA", 24),
          Map.entry("SC", 31),
          Map.entry("SE", 24),
          Map.entry("SI", 19),
          Map.entry("SK", 24),
          Map.entry("SM", 27),
          Map.entry("ST", 25),
          Map.entry("SV", 28),
          Map.entry("TL", 23),
          Map.entry("TN", 24),
          Map.entry("TR", 26),
          Map.entry("UA", 29),
          Map.entry("VA", 22),
          Map.entry("VG", 24),
          Map.entry("XK", 20));

  /** ISO 13616 check: country length, then the rearranged number modulo 97 is 1. */
  static boolean iban(CharSequence compact) {
    if (compact.length() < 15) {
      return false;
    }
    Integer len = IBAN_LENGTHS.get(compact.subSequence(0, 2).toString());
    if (len == null || len != compact.length()) {
      return false;
    }
    int mod = 0;
    for (int k = 0; k < compact.length(); k++) {
      char c = compact.charAt((k + 4) % compact.length());
      if (c >= '0' && c <= '9') {
        mod = (mod * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        mod = (mod * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return mod == 1;
  }

  /**
   * Whether nine digits can be an SSN: the SSA never issues area 000, 666 or 900-999 (the last are
   * ITINs), group 00 or serial 0000.
   */
  static boolean ssn(CharSequence nine) {
    if (nine.length() != 9) {
      return false;
    }
    int area = num(nine, 0, 3);
    int group = num(nine, 3, 5);
    int serial = num(nine, 5, 9);
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
  }

  private static int num(CharSequence s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
