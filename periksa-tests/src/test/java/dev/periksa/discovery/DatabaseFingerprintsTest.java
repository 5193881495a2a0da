package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The byte-level parts of the PostgreSQL fingerprint (MySQL's greeting: {@code
 * dev.periksa.product.MySqlGreetingTest}).
 */
class DatabaseFingerprintsTest {

  private static byte[] fields(String... kv) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (String f : kv) {
      b.writeBytes(f.getBytes(StandardCharsets.UTF_8));
      b.write(0);
    }
    b.write(0);
    return b.toByteArray();
  }

  @Test
  void aPostgresErrorResponseNeedsSeverityCodeAndMessage() {
    assertTrue(
        PostgresFingerprint.errorFields(
            fields("SFATAL", "VFATAL", "C28000", "Mrole \"x\" does not exist", "Rauth")));
    assertFalse(PostgresFingerprint.errorFields(fields("SFATAL", "Mno code")));
    assertFalse(PostgresFingerprint.errorFields(fields("SFATAL", "Cbad", "Mmessage")));
    assertFalse(PostgresFingerprint.errorFields("garbage without terminator".getBytes()));
  }
}
