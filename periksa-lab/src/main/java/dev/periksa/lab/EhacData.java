package dev.periksa.lab;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic e-HAC data: travellers with a structurally valid NIK and/or passport,
 * phone, birth date, address, COVID test and hospital, and the hospitals they were tested at.
 * Record {@code i} depends only on {@code i}, so a test can regenerate any value that must never
 * appear in an output. Every value is invented; none belongs to a real person.
 */
public final class EhacData {

  /** Number of hospitals in the e-HAC data (226 in the 2021 leak). */
  public static final int HOSPITALS = 226;

  public static final String TRAVELLERS_INDEX = "ehac-travellers";
  public static final String HOSPITALS_INDEX = "ehac-hospitals";

  private static final long SEED = 0x65484143L; // "eHAC"

  private static final String[] FIRST_M = {
    "Budi",
    "Agus",
    "Andi",
    "Dedi",
    "Eko",
    "Hendra",
    "Joko",
    "Rudi",
    "Slamet",
    "Wahyu",
    "Yusuf",
    "Arif",
    "Bambang",
    "Dimas",
    "Fajar",
    "Gilang",
    "Hadi",
    "Irfan",
    "Kurniawan",
    "Made",
    "Putu",
    "Rizky",
    "Teguh",
    "Wayan",
    "Yoga"
  };
  private static final String[] FIRST_F = {
    "Siti", "Dewi", "Sri", "Ani", "Rina", "Wulan", "Indah", "Putri", "Ratna", "Yuni", "Fitri",
    "Ayu", "Diah", "Endang", "Kartika", "Lestari", "Maya", "Nur", "Novi", "Ketut", "Rahma", "Sari",
    "Tuti", "Utami", "Winda"
  };
  private static final String[] LAST = {
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Setiawan",
    "Pratama",
    "Kusuma",
    "Siregar",
    "Nasution",
    "Harahap",
    "Simanjuntak",
    "Gunawan",
    "Halim",
    "Susanto",
    "Wibowo",
    "Rahayu",
    "Lubis",
    "Purba",
    "Tanjung",
    "Hasibuan",
    "Sitompul",
    "Manurung",
    "Sinaga",
    "Utomo"
  };
  private static final String[] STREETS = {
    "Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Pahlawan",
    "Jl. Ahmad Yani", "Jl. Imam Bonjol", "Jl. Hayam Wuruk", "Jl. Veteran", "Jl. Kartini"
  };

  /** Cities with their province code, so the NIK and the address agree. */
  private static final String[][] CITIES = {
    {"Jakarta Selatan", "31"}, {"Jakarta Pusat", "31"}, {"Bandung", "32"}, {"Bekasi", "32"},
    {"Semarang", "33"}, {"Surakarta", "33"}, {"Yogyakarta", "34"}, {"Surabaya", "35"},
    {"Malang", "35"}, {"Tangerang", "36"}, {"Denpasar", "51"}, {"Medan", "12"},
    {"Padang", "13"}, {"Palembang", "16"}, {"Banda Aceh", "11"}, {"Pontianak", "61"},
    {"Balikpapan", "64"}, {"Makassar", "73"}, {"Manado", "71"}, {"Jayapura", "91"}
  };

  private static final String[] OPERATORS = {
    "11", "12", "13", "21", "22", "52", "53", "55", "56", "57", "58", "77", "78", "81", "95", "96",
    "97", "98", "99"
  };
  private static final String[] COUNTRIES = {
    "Malaysia",
    "Singapura",
    "Australia",
    "Jepang",
    "Belanda",
    "Amerika Serikat",
    "Tiongkok",
    "India"
  };
  private static final String[] PORTS = {"CGK", "DPS", "SUB", "KNO", "UPG", "YIA", "BPN", "PLM"};
  private static final String[] HOSPITAL_PREFIX = {
    "RSUD", "RS", "RSU", "RS Islam", "RS Siloam", "RS Mitra", "RSIA", "RS Bhayangkara"
  };

  private EhacData() {}

  /** A traveller record. */
  public static Map<String, Object> traveller(int i) {
    SplittableRandom r = new SplittableRandom(SEED ^ (0x9E3779B97F4A7C15L * (i + 1L)));
    boolean female = r.nextBoolean();
    boolean citizen = r.nextInt(100) < 85;
    String first = pick(r, female ? FIRST_F : FIRST_M);
    String name = first + " " + pick(r, LAST);
    LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(365 * 55));
    String[] city = CITIES[r.nextInt(CITIES.length)];

    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id_ehac", travellerId(i));
    d.put("nama", name);
    d.put("jenis_kelamin", female ? "P" : "L");
    d.put("tgl_lahir", birth.toString());
    if (citizen) {
      d.put("kewarganegaraan", "WNI");
      d.put("nik", nik(r, city[1], birth, female));
      if (r.nextInt(100) < 35) {
        d.put("no_paspor", passport(r, false));
      }
    } else {
      d.put("kewarganegaraan", pick(r, COUNTRIES));
      d.put("no_paspor", passport(r, true));
    }
    d.put("no_hp", phone(r));
    d.put("alamat", pick(r, STREETS) + " No. " + (1 + r.nextInt(200)) + ", " + city[0]);
    boolean pcr = r.nextInt(100) < 60;
    d.put("jenis_tes", pcr ? "RT-PCR" : "Rapid Antigen");
    d.put("hasil_tes", r.nextInt(100) < 9 ? "POSITIF" : "NEGATIF");
    LocalDate tested = LocalDate.of(2021, 1, 1).plusDays(r.nextInt(240));
    d.put("tgl_tes", tested.toString());
    int h = r.nextInt(HOSPITALS);
    d.put("rs_id", hospitalId(h));
    d.put("rs_nama", hospitalName(h));
    d.put("bandara_asal", pick(r, PORTS));
    d.put("tgl_kedatangan", tested.plusDays(1 + r.nextInt(2)).toString());
    return d;
  }

  /** A hospital record: organisational data, nothing personal. */
  public static Map<String, Object> hospital(int h) {
    SplittableRandom r = new SplittableRandom(SEED * 31 + h);
    String[] city = CITIES[r.nextInt(CITIES.length)];
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("rs_id", hospitalId(h));
    d.put("rs_nama", hospitalName(h));
    d.put("kota", city[0]);
    d.put("kode_provinsi", city[1]);
    d.put("rujukan_covid", r.nextInt(100) < 70);
    d.put("kapasitas_tt", 50 + r.nextInt(500));
    return d;
  }

  /** The e-HAC id of traveller {@code i}: {@code EHAC-00000001} for the first. */
  public static String travellerId(int i) {
    return String.format("EHAC-%08d", i + 1);
  }

  /** The personal values of a traveller that must never leave the lab unmasked. */
  public static List<String> sensitiveValues(Map<String, Object> traveller) {
    return java.util.stream.Stream.of("nik", "no_paspor", "no_hp")
        .map(traveller::get)
        .filter(java.util.Objects::nonNull)
        .map(Object::toString)
        .toList();
  }

  static String hospitalId(int h) {
    return String.format("RS-%04d", h + 1);
  }

  static String hospitalName(int h) {
    SplittableRandom r = new SplittableRandom(SEED * 17 + h);
    return pick(r, HOSPITAL_PREFIX) + " " + pick(r, LAST) + " " + CITIES[h % CITIES.length][0];
  }

  private static String nik(SplittableRandom r, String province, LocalDate birth, boolean female) {
    int day = birth.getDayOfMonth() + (female ? 40 : 0);
    return String.format(
        "%s%02d%02d%02d%02d%02d%04d",
        province,
        1 + r.nextInt(30),
        1 + r.nextInt(25),
        day,
        birth.getMonthValue(),
        birth.getYear() % 100,
        1 + r.nextInt(3000));
  }

  private static String passport(SplittableRandom r, boolean foreign) {
    String letters =
        foreign
            ? "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26))
            : String.valueOf("ABCX".charAt(r.nextInt(4)));
    return letters + String.format("%07d", r.nextInt(10_000_000));
  }

  private static String phone(SplittableRandom r) {
    StringBuilder b = new StringBuilder(r.nextBoolean() ? "+628" : "08").append(pick(r, OPERATORS));
    int digits = 7 + r.nextInt(2);
    for (int k = 0; k < digits; k++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static String pick(SplittableRandom r, String[] from) {
    return from[r.nextInt(from.length)];
  }
}
