package dev.periksa.pii;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NikTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "3174051708900001", // Jakarta, man born 17 Aug 1990
        "3174055708900001", // the same date for a woman: day + 40
        "1101012902000123", // 29 February
        "9601013112990001", // highest province code, 31 December
        "3174056902960001", // 29 February for a woman: day 69
        "3174052902010001", // 29 February of 2001 or 1901: Dukcapil issues it for every YY
        "1901010101000001", // province 19 (Bangka Belitung)
        "3174054101850001" // day 41: a woman born on the 1st
      })
  void structurallyValid(String nik) {
    assertTrue(Nik.isValid(nik));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2074051708900001", // province 20 does not exist
        "3100051708900001", // regency 00
        "3174001708900001", // district 00
        "3174053208900001", // day 32
        "3174057208900001", // day 72 (32 + 40)
        "3174051713900001", // month 13
        "3174053002900001", // 30 February
        "3174051708900000", // serial 0000
        "317405170890000", // 15 digits
        "31740517089000011", // 17 digits
        "3174O51708900001", // letter O
        "2001010101900001", // province 20 does not exist (nor 10, 37, 50, 97)
        "9701010101900001",
        "3174054001900001", // day 40: neither a man's 40 nor a woman's 0
        "3174057002900001", // 30 February for a woman: day 70
        "3174050001900001" // day 00
      })
  void notANik(String s) {
    assertFalse(Nik.isValid(s));
  }
}
