package dev.periksa.testing.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic patients of a hospital system that is not e-HAC: names, street addresses, NIKs, phones
 * and birth dates under field names of several conventions. Deterministic, so a test knows every
 * raw value (a canary) that must never reach an output. Every value is invented.
 */
public final class Patients {
  private static final String[] GIVEN = {
    "Margaretha", "Yohanes", "Theresia", "Bonifasius", "Kristina", "Fransiskus", "Veronika",
    "Ignatius", "Scholastika", "Aloysius", "Bernadeta", "Leonardus", "Petronela", "Wilhelmus"
  };
  private static final String[] FAMILY = {
    "Tumbelaka",
    "Pangemanan",
    "Wuisan",
    "Lumentut",
    "Rondonuwu",
    "Sumampouw",
    "Tambuwun",
    "Kalangi",
    "Mandagi",
    "Sondakh",
    "Waworuntu",
    "Karundeng"
  };
  private static final String[] STREETS = {
    "Jalan Cempaka Putih Raya",
    "Jalan Kenari Dalam",
    "Gang Melati Sari",
    "Jalan Flamboyan Indah",
    "Jalan Teratai Merah",
    "Jalan Anggrek Bulan"
  };
  private static final String[] CITIES = {"Manado", "Tomohon", "Bitung", "Kotamobagu"};

  /** One patient. */
  public record Patient(
      String name, String address, String nik, String phone, String birthDate, String mrn) {}

  private Patients() {}

  public static Patient patient(int i) {
    SplittableRandom r = new SplittableRandom(0x686f7374L * 31 + i);
    String name =
        GIVEN[r.nextInt(GIVEN.length)]
            + " "
            + GIVEN[r.nextInt(GIVEN.length)]
            + " "
            + FAMILY[r.nextInt(FAMILY.length)];
    String address =
        STREETS[r.nextInt(STREETS.length)]
            + " No. "
            + (10 + r.nextInt(190))
            + " RT 0"
            + (1 + r.nextInt(9))
            + " RW 0"
            + (1 + r.nextInt(9))
            + ", "
            + CITIES[r.nextInt(CITIES.length)];
    int day = 1 + r.nextInt(28);
    int month = 1 + r.nextInt(12);
    int year = 50 + r.nextInt(50);
    boolean woman = r.nextBoolean();
    // North Sulawesi (71), Manado (71.71), a district, then DDMMYY (+40 for women), a serial.
    String nik =
        String.format(
            "7171%02d%02d%02d%02d%04d",
            1 + r.nextInt(9), day + (woman ? 40 : 0), month, year, 1 + r.nextInt(9000));
    String phone = "0813" + String.format("%08d", r.nextInt(100_000_000));
    String birth = String.format("19%02d-%02d-%02d", year, month, day);
    String mrn = String.format("RM-%07d", 1_000_000 + i);
    return new Patient(name, address, nik, phone, birth, mrn);
  }

  /** Patient {@code i} as a JSON object, its field names in one of four conventions. */
  public static Map<String, Object> record(int i) {
    Patient p = patient(i);
    Map<String, Object> m = new LinkedHashMap<>();
    switch (i % 4) {
      case 0 -> {
        m.put("no_rm", p.mrn());
        m.put("nama", p.name());
        m.put("alamat", p.address());
        m.put("nik", p.nik());
        m.put("no_telp", p.phone());
        m.put("tgl_lahir", p.birthDate());
      }
      case 1 -> {
        m.put("mrn", p.mrn());
        m.put("patient_name", p.name());
        m.put("address", p.address());
        m.put("national_id", p.nik());
        m.put("phone", p.phone());
        m.put("birth_date", p.birthDate());
        m.put("access_token", token(i));
      }
      case 2 -> {
        m.put("id", i);
        m.put("namaLengkap", p.name());
        m.put("alamatDomisili", p.address());
        m.put("nomorKtp", p.nik());
        m.put("hp", p.phone());
        m.put("tanggalLahir", p.birthDate());
      }
      default -> {
        m.put("id", i);
        m.put("pasien", Map.of("nama", p.name(), "nik", p.nik()));
        m.put("alamat", Map.of("jalan", p.address(), "kota", "Manado"));
        m.put("kontak", List.of(Map.of("jenis", "hp", "nilai", p.phone())));
      }
    }
    m.put("diagnosa", "U07.1");
    return m;
  }

  /** A session token a careless API hands out with its records (a JWT, unsigned, invented). */
  public static String token(int i) {
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
    String claims =
        b64.encodeToString(
            ("{\"sub\":\"pasien-" + i + "\",\"role\":\"perawat\",\"iat\":1700000000}").getBytes());
    return header + "." + claims + ".c2lnbmF0dXJlLW9mLXBhc2llbi" + Integer.toString(i, 36);
  }

  /** The raw values of the first {@code n} patients: none may appear in any output. */
  public static List<String> canaries(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Patient p = patient(i);
      out.add(p.name());
      out.add(p.name().substring(p.name().indexOf(' ') + 1));
      out.add(p.address());
      out.add(p.address().substring(0, p.address().indexOf(" RT ")));
      out.add(p.nik());
      out.add(p.phone());
      if (i % 4 == 1) {
        out.add(token(i));
      }
    }
    return out;
  }
}
