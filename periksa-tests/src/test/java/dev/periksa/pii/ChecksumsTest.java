package dev.periksa.pii;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111111111111111", // Visa
        "4222222222222", // Visa, 13 digits
        "5500000000000004", // Mastercard 55
        "2221000000000009", // Mastercard 2-series
        "378282246310005", // American Express
        "6011111111111117", // Discover
        "3530111333300000", // JCB
        "30569309025904", // Diners Club
        "6200000000000005" // UnionPay
      })
  void cardsOfRealRangesPass(String card) {
    assertTrue(Checksums.luhn(card), card);
    assertTrue(Checksums.cardRange(card), card);
  }

  @Test
  void luhnAloneIsNotACard() {
    assertTrue(Checksums.luhn("1234567812345670"));
    assertFalse(Checksums.cardRange("1234567812345670"), "no network issues 12...");
    assertFalse(Checksums.cardRange("378282246310005" + "0"), "Amex is 15 digits");
    assertFalse(Checksums.luhn("4111111111111112"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89370400440532013000",
        "GB82WEST12345698765432",
        "NL91ABNA0417164300",
        "FR1420041010050500013M02606",
        "CH9300762011623852957",
        "SA0380000000608010167519"
      })
  void ibansFromTheRegistryPass(String iban) {
    assertTrue(Checksums.iban(iban), iban);
  }

  @Test
  void ibansWithAWrongDigitOrLengthFail() {
    assertFalse(Checksums.iban("DE89370400440532013001"), "one digit changed");
    assertFalse(Checksums.iban("DE8937040044053201300"), "DE is 22 characters");
    assertFalse(Checksums.iban("XX89370400440532013000"), "no such country");
  }

  @Test
  void ssnsTheSsaNeverIssuesFail() {
    assertTrue(Checksums.ssn("536228791"));
    assertFalse(Checksums.ssn("000228791"), "area 000");
    assertFalse(Checksums.ssn("666228791"), "area 666");
    assertFalse(Checksums.ssn("912708791"), "area 9xx: an ITIN");
    assertFalse(Checksums.ssn("536008791"), "group 00");
    assertFalse(Checksums.ssn("536220000"), "serial 0000");
  }
}
