package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.Json;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import dev.periksa.target.Identity;
import dev.periksa.target.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How the authorization checks read records, ids and masked values out of API replies. */
class ApiRecordsTest {

  private static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void neighboursKeepTheWidthOfTheId() {
    assertEquals(Optional.of("EHAC-00000100"), ApiRecords.neighbour("EHAC-00000101", -1));
    assertEquals(Optional.of("EHAC-00000102"), ApiRecords.neighbour("EHAC-00000101", 1));
    assertEquals(Optional.of("1000"), ApiRecords.neighbour("999", 1));
    assertEquals(Optional.empty(), ApiRecords.neighbour("0", -1));
    assertEquals(Optional.empty(), ApiRecords.neighbour("a1b2-c", 1));
  }

  @Test
  void anIdShapeMatchesIdsOfTheSameFormOnly() {
    var shape = ApiRecords.idShape(List.of("EHAC-00000101")).orElseThrow();
    assertTrue(shape.matcher("EHAC-00000001").matches());
    assertFalse(shape.matcher("EHAC-0000001").matches());
    assertFalse(shape.matcher("RS-0001").matches());
    assertFalse(shape.matcher("2021-03-04").matches());
    assertTrue(ApiRecords.idShape(List.of("abc")).isEmpty());
  }

  @Test
  void recordsComeFromArraysListFieldsOrTheObjectItself() throws Exception {
    assertEquals(2, ApiRecords.records(json("[{\"a\":1},{\"a\":2}]")).size());
    assertEquals(1, ApiRecords.records(json("{\"data\":[{\"a\":1}],\"page\":1}")).size());
    assertEquals(1, ApiRecords.records(json("{\"a\":1}")).size());
    assertEquals(0, ApiRecords.records(json("{}")).size());
    assertTrue(ApiRecords.isList(json("{\"items\":[]}")));
    assertFalse(ApiRecords.isList(json("{\"a\":[]}")));
  }

  @Test
  void emptyRepliesAreRecognised() throws Exception {
    for (String s : List.of("{}", "[]", "null", "{\"data\":null}", "{\"data\":{},\"x\":\"\"}")) {
      assertTrue(ApiRecords.empty(json(s)), s);
    }
    assertFalse(ApiRecords.empty(json("{\"error\":\"forbidden\"}")));
  }

  @Test
  void aRecordOfTheSameShapeSharesHalfItsFieldNames() throws Exception {
    JsonNode known = json("{\"id\":1,\"nama\":\"x\",\"nik\":\"y\",\"hasil\":\"z\"}");
    assertTrue(ApiRecords.sameShape(json("{\"id\":2,\"nama\":\"q\",\"no_paspor\":\"r\"}"), known));
    assertFalse(ApiRecords.sameShape(json("{\"id\":2,\"error\":\"no\"}"), known));
  }

  @Test
  void anotherIdentitysIdsComeFirstThenNeighboursAndNeverMoreThanEight() {
    List<String> many =
        IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("R-%03d", i * 10)).toList();
    Identity a = new Identity("a", "a", new Secret("x"), many);
    Identity b =
        new Identity(
            "b", "b", new Secret("x"), List.of("R-999", "R-998", "R-997", "R-996", "R-995"));
    assertEquals(
        List.of("R-999", "R-998", "R-997", "R-996", "R-009", "R-011", "R-019", "R-021"),
        ObjectLevelAuthorizationCheck.foreignIds(a, b));
    Identity lab = new Identity("a", "a", new Secret("x"), AuthTesting.A_OWNS);
    assertEquals(
        List.of("EHAC-00000100", "EHAC-00000106"),
        ObjectLevelAuthorizationCheck.foreignIds(lab, null));
  }

  /** Masked identity numbers, phones and a travel decision are not data in clear to the scanner. */
  @Test
  void maskedValuesAreNotIdentityNumbers() {
    PersonalDataScanner scanner = new PersonalDataScanner();
    String masked =
        "{\"nik\":\"3174********0001\",\"ktp\":\"3174••••••••0001\",\"no_paspor\":\"B*****67\","
            + "\"passport\":\"XXXXXX67\",\"no_hp\":\"+628*******12\",\"status_perjalanan\":\"DIIZINKAN\","
            + "\"jenis_tes\":\"RT-PCR\"}";
    Map<PiiType, Integer> counts = ApiRecords.personalData(scanner, masked);
    assertEquals(Map.of(), counts, masked);
    String clear =
        "{\"nik\":\"3174014501900001\",\"no_paspor\":\"B1234567\",\"hasil_tes\":\"NEGATIF\"}";
    assertEquals(
        Map.of(PiiType.NIK, 1, PiiType.PASSPORT, 1, PiiType.TEST_RESULT, 1),
        ApiRecords.personalData(scanner, clear));
  }
}
