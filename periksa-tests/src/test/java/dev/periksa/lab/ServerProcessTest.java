package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerProcessTest {

  @Test
  void aMissingBinaryIsUnavailableNamingItsPackage() {
    LabService.Unavailable e =
        assertThrows(
            LabService.Unavailable.class,
            () -> ServerProcess.require("periksa-no-such-server", "periksa-pkg"));
    assertEquals(
        "periksa-no-such-server is not installed (apt-get install periksa-pkg)", e.getMessage());
  }

  @Test
  void aFreePortIsOnTheAskedAddress() throws Exception {
    int port = ServerProcess.freePort("127.0.0.5");
    assertTrue(port > 0 && port < 65536);
  }
}
