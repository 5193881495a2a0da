package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StoreUrlsTest {

  @Test
  void pathsAndQueriesJoinTheEndpointsOwn() {
    assertEquals(
        "http://127.0.0.2:9000/b/?max-keys=200",
        StoreUrls.at(URI.create("http://127.0.0.2:9000"), "/b/", "max-keys=200").toString());
    assertEquals(
        "http://127.0.0.1:10000/devstoreaccount1/c?restype=container",
        StoreUrls.at(
                URI.create("http://127.0.0.1:10000/devstoreaccount1/"), "/c", "restype=container")
            .toString());
    assertEquals(
        "http://127.0.0.1:9000/.json?ns=demo&shallow=true",
        StoreUrls.at(URI.create("http://127.0.0.1:9000/?ns=demo"), "/.json", "shallow=true")
            .toString());
  }

  @Test
  void keysKeepTheirSlashesAndEncodeTheRest() {
    assertEquals("exports/2021%2007/a%2Bb%C3%A9.csv", StoreUrls.key("exports/2021 07/a+bé.csv"));
    assertEquals("europe%2Ffrance%2Fparis.jpg", StoreUrls.segment("europe/france/paris.jpg"));
  }

  @Test
  void inventedNamesAreFresh() {
    String a = StoreUrls.invented("periksa-");
    assertTrue(a.matches("periksa-[0-9a-f]{12}"), a);
    assertNotEquals(a, StoreUrls.invented("periksa-"));
  }
}
