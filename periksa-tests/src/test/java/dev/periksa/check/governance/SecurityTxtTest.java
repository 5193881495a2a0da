package dev.periksa.check.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9116 parsing, on the RFC's own example shapes. */
class SecurityTxtTest {
  static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  @Test
  void aCurrentFileWithAContactIsValid() {
    SecurityTxt t =
        SecurityTxt.parse(
            "# comment\nContact: mailto:security@example.com\nContact: tel:+1-201-555-0123\n"
                + "Expires: 2027-01-01T00:00:00.000Z\nPreferred-Languages: en, id\n",
            NOW);
    assertTrue(t.valid(), t.problems().toString());
    assertEquals(2, t.contacts().size());
  }

  @Test
  void expiredMissingOrRepeatedFieldsAreProblems() {
    assertEquals(
        List.of("expired on 2021-12-31T16:59:59Z"),
        SecurityTxt.parse("Contact: mailto:a@b.c\nExpires: 2021-12-31T23:59:59+07:00\n", NOW)
            .problems());
    assertEquals(
        List.of("no Contact field"),
        SecurityTxt.parse("Expires: 2027-01-01T00:00:00Z\n", NOW).problems());
    assertEquals(
        List.of("no Expires field"), SecurityTxt.parse("Contact: https://x.y/z\n", NOW).problems());
    assertFalse(
        SecurityTxt.parse(
                "Contact: mailto:a@b.c\nExpires: 2027-01-01T00:00:00Z\nExpires: 2027-02-01T00:00:00Z\n",
                NOW)
            .valid());
    assertEquals(
        List.of("Expires is not an RFC 3339 date-time"),
        SecurityTxt.parse("Contact: mailto:a@b.c\nExpires: next year\n", NOW).problems());
  }

  @Test
  void aSignedFileIsReadInsideItsSignature() {
    SecurityTxt t =
        SecurityTxt.parse(
            "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@b.c\n"
                + "Expires: 2027-01-01T00:00:00Z\n-----BEGIN PGP SIGNATURE-----\n\nabc=\n"
                + "-----END PGP SIGNATURE-----\n",
            NOW);
    assertTrue(t.valid(), t.problems().toString());
  }

  @Test
  void anHtmlPageHasNoFields() {
    assertTrue(
        SecurityTxt.parse("<html><body>Contact us: call</body></html>", NOW).fields().isEmpty());
  }
}
