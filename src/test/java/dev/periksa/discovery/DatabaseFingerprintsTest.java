package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The byte-level parts of the PostgreSQL and MySQL fingerprints. */
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

  @Test
  void aMySqlGreetingIsProtocolTenWithAVersionAndAFiller() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x0a);
    b.writeBytes("10.11.19-MariaDB-0+deb12u1".getBytes(StandardCharsets.US_ASCII));
    b.write(0);
    b.writeBytes(new byte[] {1, 0, 0, 0}); // connection id
    b.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII)); // challenge
    b.write(0); // filler
    b.writeBytes(new byte[] {(byte) 0xfe, (byte) 0xf7});
    assertTrue(MySqlFingerprint.greeting(b.toByteArray()));
    byte[] notTen = b.toByteArray();
    notTen[0] = 9;
    assertFalse(MySqlFingerprint.greeting(notTen));
    assertFalse(MySqlFingerprint.greeting("\nhello world, not a greeting".getBytes()));
  }

  @Test
  void aHostNotAllowedErrorIsStillMySql() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0xff);
    b.writeBytes(new byte[] {(byte) 0x6a, 0x04}); // 1130
    b.writeBytes(
        "Host '10.0.0.9' is not allowed to connect to this MariaDB server"
            .getBytes(StandardCharsets.US_ASCII));
    assertTrue(MySqlFingerprint.greetingError(b.toByteArray()));
  }
}
