package dev.periksa.check.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.lab.EhacData;
import dev.periksa.pii.Nik;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.PiiType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryTest {
  @Test
  void theCanaryIsAStructurallyValidNikTheScannerRecognises() {
    assertTrue(Nik.isValid(Canary.NIK));
    PersonalDataScanner scanner = new PersonalDataScanner();
    assertEquals(
        Map.of(PiiType.NIK, 1), scanner.count(scanner.scan("{\"nik\":\"" + Canary.NIK + "\"}")));
  }

  @Test
  void itIsShownOnlyMasked() {
    assertEquals("3174••••••••9999", Canary.masked());
    assertEquals(
        "bad id 3174••••••••9999 (3174••••••••9999)",
        Canary.hide("bad id " + Canary.NIK + " (" + Canary.NIK + ")"));
    assertFalse(Canary.in(Canary.hide(Canary.NIK)));
    assertFalse(Canary.in("3174********9999"), "a masked echo is not the canary");
  }

  /**
   * The lab's generator gives districts 01-25 and serials 0001-3000, so it cannot make district 99
   * with serial 9999 at any record count; every record a default lab holds is checked as well.
   */
  @Test
  void theLabDataNeverHoldsTheCanary() {
    assertEquals("99", Canary.NIK.substring(4, 6));
    assertEquals("9999", Canary.NIK.substring(12));
    for (int i = 0; i < 20_000; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      assertFalse(Canary.NIK.equals(t.get("nik")), "traveller " + i);
      String nik = (String) t.get("nik");
      if (nik != null) {
        assertTrue(Integer.parseInt(nik.substring(4, 6)) <= 25, nik.substring(0, 4));
        assertTrue(Integer.parseInt(nik.substring(12)) <= 3000, nik.substring(0, 4));
      }
    }
  }
}
