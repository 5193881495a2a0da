package dev.periksa.check.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.lab.EhacData;
import java.util.List;
import java.util.Map;

/** The lab's synthetic travellers as the files and records the stand-in servers serve. */
final class Travellers {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COLUMNS =
      List.of("nik", "nama", "no_paspor", "no_hp", "tgl_lahir", "jenis_tes", "hasil_tes");

  private Travellers() {}

  /** A CSV export of travellers [first, first + n) with a header row. */
  static String csv(int first, int n) {
    StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (int i = first; i < first + n; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      b.append(
              String.join(
                  ",",
                  COLUMNS.stream().map(c -> t.get(c) == null ? "" : t.get(c).toString()).toList()))
          .append('\n');
    }
    return b.toString();
  }

  /** One traveller as JSON. */
  static String json(int i) {
    try {
      return JSON.writeValueAsString(EhacData.traveller(i));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
