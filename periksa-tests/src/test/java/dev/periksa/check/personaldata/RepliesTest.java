package dev.periksa.check.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RepliesTest {
  @Test
  void aCsvRowBecomesARecordKeyedByItsHeaderQuotedCommasIncluded() throws Exception {
    String csv =
        "id_ehac,nama,no_paspor,alamat\n"
            + "EHAC-00000001,Budi Santoso,B1234567,\"Jl. Merdeka No. 5, Bandung\"\n"
            + "EHAC-00000002,Siti Rahayu,,\"Jl. Sudirman \"\"Blok A\"\", Medan\"\n";
    JsonNode row = Json.MAPPER.readTree(Replies.csvFirstRow(csv).orElseThrow());
    assertEquals("B1234567", row.get("no_paspor").asText());
    assertEquals("Jl. Merdeka No. 5, Bandung", row.get("alamat").asText());
    assertEquals(Optional.empty(), Replies.csvFirstRow("just one line, of text"));
    assertEquals(Optional.empty(), Replies.csvFirstRow("a,b\n1,2,3\n"));
    assertEquals(Optional.empty(), Replies.csvFirstRow("<html>\n<body>x</body>\n"));
  }

  @Test
  void aCutNeverSplitsANumber() {
    String text = "error for 3174990101909999 and more";
    String cut = Replies.cut(text, 15);
    assertEquals("error for …", cut);
    assertEquals(text, Replies.cut(text, 100));
  }

  @Test
  void theFirstRecordOfCommonListShapes() throws Exception {
    assertEquals(
        "{\"a\":1}",
        Replies.firstRecord(Json.MAPPER.readTree("{\"data\":[{\"a\":1},{\"a\":2}]}"))
            .orElseThrow());
    assertEquals(
        "{\"a\":1}",
        Replies.firstRecord(Json.MAPPER.readTree("{\"hits\":{\"hits\":[{\"_source\":{\"a\":1}}]}}"))
            .orElseThrow());
    assertTrue(Replies.firstRecord(Json.MAPPER.readTree("{\"data\":[]}")).isEmpty());
  }
}
