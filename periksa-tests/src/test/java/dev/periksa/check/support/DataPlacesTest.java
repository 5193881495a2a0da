package dev.periksa.check.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How data-like a link looks: the order in which PII-1 and PII-2 read a page's links. */
class DataPlacesTest {

  private static List<String> order(String... paths) {
    return DataPlaces.ranked(
            java.util.Arrays.stream(paths).map(p -> URI.create("http://127.0.0.1:1" + p)).toList())
        .stream()
        .map(URI::getPath)
        .toList();
  }

  @Test
  void dataFilesComeBeforeListingsAndListingsBeforeReadMesAndPages() {
    assertEquals(
        List.of("/ekspor/pasien.csv", "/api/v1/pasien", "/ekspor/", "/about", "/README.txt"),
        order("/README.txt", "/about", "/ekspor/", "/api/v1/pasien", "/ekspor/pasien.csv"));
  }

  @Test
  void documentOrderIsKeptAmongEquals() {
    assertEquals(List.of("/b.json", "/a.json"), order("/b.json", "/a.json"));
  }

  @Test
  void readMesAndPagesScoreBelowZeroAndDataWordsAbove() {
    assertTrue(DataPlaces.score("/README.md") < 0);
    assertTrue(DataPlaces.score("/index.html") < 0);
    assertTrue(DataPlaces.score("/laporan/") > 0);
    assertTrue(DataPlaces.score("/unduh/hasil_lab.xlsx") > DataPlaces.score("/unduh/"));
  }
}
