package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A MySQL or MariaDB server's first packet, and how its version is named in findings. */
class MySqlGreetingTest {

  @Test
  void aGreetingIsProtocolTenWithAVersionAndAFiller() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x0a);
    b.writeBytes("10.11.19-MariaDB-0+deb12u1".getBytes(StandardCharsets.US_ASCII));
    b.write(0);
    b.writeBytes(new byte[] {1, 0, 0, 0}); // connection id
    b.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII)); // challenge
    b.write(0); // filler
    b.writeBytes(new byte[] {(byte) 0xfe, (byte) 0xf7});
    MySqlGreeting g = MySqlGreeting.parse(b.toByteArray()).orElseThrow();
    assertEquals("10.11.19-MariaDB-0+deb12u1", g.version());
    assertEquals("MariaDB 10.11.19", g.product());
    byte[] notTen = b.toByteArray();
    notTen[0] = 9;
    assertTrue(MySqlGreeting.parse(notTen).isEmpty());
    assertTrue(MySqlGreeting.parse("\nhello world, not a greeting".getBytes()).isEmpty());
    assertTrue(MySqlGreeting.parse(new byte[0]).isEmpty());
  }

  @Test
  void aHostNotAllowedErrorIsStillMySql() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0xff);
    b.writeBytes(new byte[] {(byte) 0x6a, 0x04}); // 1130
    b.writeBytes(
        "Host '10.0.0.9' is not allowed to connect to this MariaDB server"
            .getBytes(StandardCharsets.US_ASCII));
    assertTrue(MySqlGreeting.refusal(b.toByteArray()));
    byte[] otherCode = b.toByteArray();
    otherCode[1] = 0x15; // 1045, access denied: a login's answer, not a greeting's
    assertFalse(MySqlGreeting.refusal(otherCode));
  }

  @Test
  void productAndVersionFromTheServersVersionString() {
    assertEquals("MariaDB 10.11.19", MySqlGreeting.product("10.11.19-MariaDB-0+deb12u1"));
    assertEquals("MariaDB 10.3.39", MySqlGreeting.product("5.5.5-10.3.39-MariaDB"));
    assertEquals("MySQL 8.0.36", MySqlGreeting.product("8.0.36"));
    assertEquals("MySQL 5.7.44", MySqlGreeting.product("5.7.44-log"));
  }
}
