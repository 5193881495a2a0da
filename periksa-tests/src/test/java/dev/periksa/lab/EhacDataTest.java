package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.pii.Nik;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EhacDataTest {
  @Test
  void recordsAreDeterministic() {
    assertEquals(EhacData.traveller(12_345), EhacData.traveller(12_345));
    assertEquals(EhacData.hospital(7), EhacData.hospital(7));
  }

  @Test
  void everyNikIsStructurallyValidAndMatchesTheBirthDate() {
    for (int i = 0; i < 5_000; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      Object nik = t.get("nik");
      if (nik == null) {
        assertTrue(t.containsKey("no_paspor"), "a foreigner travels on a passport");
        continue;
      }
      assertTrue(Nik.isValid(nik.toString()), nik.toString());
      String birth = t.get("tgl_lahir").toString(); // yyyy-MM-dd
      int day = Integer.parseInt(nik.toString().substring(6, 8));
      int expected =
          Integer.parseInt(birth.substring(8, 10)) + ("P".equals(t.get("jenis_kelamin")) ? 40 : 0);
      assertEquals(expected, day);
    }
  }

  @Test
  void theDetectorsRecogniseTheLabData() throws Exception {
    PersonalDataScanner s = new PersonalDataScanner();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 500; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      Map<PiiType, Integer> c = s.count(s.scan(json.writeValueAsString(t)));
      assertEquals(t.containsKey("nik") ? 1 : 0, c.getOrDefault(PiiType.NIK, 0), t.toString());
      assertEquals(t.containsKey("no_paspor") ? 1 : 0, c.getOrDefault(PiiType.PASSPORT, 0));
      assertEquals(1, c.get(PiiType.PHONE), t.get("no_hp").toString());
      assertEquals(1, c.get(PiiType.TEST_RESULT));
    }
  }

  @Test
  void hospitalsAreTheNumberOfTheLeak() {
    assertEquals(226, EhacData.HOSPITALS);
  }
}
