package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How MySQL and MariaDB versions are named in findings. */
class MySqlExposureCheckTest {
  @Test
  void productAndVersionFromTheServersVersionString() {
    assertEquals("MariaDB 10.11.19", MySqlExposureCheck.product("10.11.19-MariaDB-0+deb12u1"));
    assertEquals("MariaDB 10.3.39", MySqlExposureCheck.product("5.5.5-10.3.39-MariaDB"));
    assertEquals("MySQL 8.0.36", MySqlExposureCheck.product("8.0.36"));
    assertEquals("MySQL 5.7.44", MySqlExposureCheck.product("5.7.44-log"));
  }
}
