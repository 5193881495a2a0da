package dev.periksa.lab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The e-HAC app's session cache as the lab's key-value stores hold it: {@code session:<token>} to a
 * JSON value naming the logged-in traveller (from {@link EhacData}), as apps commonly cache a
 * user's profile next to the session token.
 */
final class EhacSessions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EhacSessions() {}

  /** The key of session {@code i}: a token that depends only on {@code i}. */
  static String key(int i) {
    SplittableRandom r = new SplittableRandom(0x5E551011L + i);
    return String.format("session:%016x", r.nextLong());
  }

  /** The cached value of session {@code i}: the traveller's name, NIK or passport, and phone. */
  static String value(int i) {
    Map<String, Object> t = EhacData.traveller(i);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id_ehac", t.get("id_ehac"));
    v.put("nama", t.get("nama"));
    if (t.get("nik") != null) {
      v.put("nik", t.get("nik"));
    } else {
      v.put("no_paspor", t.get("no_paspor"));
    }
    v.put("no_hp", t.get("no_hp"));
    v.put("login", "2021-08-" + String.format("%02d", 1 + i % 28) + "T08:00:00+07:00");
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
