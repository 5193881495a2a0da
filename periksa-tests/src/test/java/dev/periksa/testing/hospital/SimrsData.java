package dev.periksa.testing.hospital;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic patients of a hospital information system (SIMRS): medical record number, name, NIK,
 * birth date, address, mobile number, lab results, diagnoses and a vaccination register, under the
 * field names an Indonesian SIMRS uses. Patient {@code i} depends only on the seed and {@code i},
 * so a test can regenerate every value that must never reach an output. Every value is invented;
 * none belongs to a real person.
 */
public final class SimrsData {
  /** The seed of the lab's data ("SIMRS"). */
  public static final long SEED = 0x53494d5253L;

  private static final String[] GIVEN_M = {
    "Asep",
    "Ujang",
    "Cecep",
    "Dadang",
    "Engkus",
    "Yayat",
    "Rahmat",
    "Jajang",
    "Iwan",
    "Ade",
    "Komarudin",
    "Nandang",
    "Dede",
    "Aceng",
    "Odih",
    "Tatang"
  };
  private static final String[] GIVEN_F = {
    "Euis", "Neneng", "Iis", "Entin", "Ikah", "Nining", "Imas", "Cucu", "Enok", "Yeti", "Oom",
    "Titin", "Elis", "Nenden", "Popon", "Atikah"
  };
  private static final String[] MIDDLE = {"Nur", "Siti", "Muhamad", "Dewi", "Abdul", "Sri"};
  private static final String[] FAMILY = {
    "Suryadi", "Permana", "Kusnadi", "Sudrajat", "Nurjanah", "Rukmana", "Firmansyah", "Sobari",
    "Supriatna", "Hermawan", "Kurniasih", "Mulyana", "Juhana", "Sukmara", "Darmawan", "Rohaeti"
  };
  private static final String[] STREETS = {
    "Jalan Cihampelas", "Jalan Pasirkaliki", "Gang Sukaluyu", "Jalan Cikutra Barat",
    "Jalan Babakan Siliwangi", "Gang Rereng Wulung", "Jalan Sekeloa Tengah", "Jalan Cigadung Raya"
  };
  private static final String[] KELURAHAN = {
    "Sukaluyu", "Cikutra", "Lebakgede", "Sadang Serang", "Cigadung", "Dago", "Pasteur", "Sukajadi"
  };
  private static final String[] CITIES = {
    "Kota Bandung", "Kabupaten Bandung", "Kota Cimahi", "Kabupaten Sumedang", "Kabupaten Garut"
  };

  /** Regency codes of Jawa Barat (32) the patients' NIKs come from, with one Jakarta code. */
  private static final String[] AREAS = {"3273", "3204", "3277", "3211", "3205", "3174"};

  private static final String[][] DIAGNOSES = {
    {"E11.9", "Diabetes melitus tipe 2 tanpa komplikasi"},
    {"I10", "Hipertensi esensial (primer)"},
    {"A15.0", "Tuberkulosis paru, terkonfirmasi bakteriologis"},
    {"J18.9", "Pneumonia, tidak spesifik"},
    {"A91", "Demam berdarah dengue"},
    {"B20", "Penyakit HIV"},
    {"O80", "Persalinan spontan tunggal"},
    {"K35.8", "Apendisitis akut"}
  };
  private static final String[][] TESTS = {
    {"Anti-HIV", "REAKTIF", "NON-REAKTIF"},
    {"HBsAg", "REAKTIF", "NON-REAKTIF"},
    {"NS1 Dengue", "POSITIF", "NEGATIF"},
    {"TCM MTB (GeneXpert)", "POSITIF", "NEGATIF"},
    {"Swab PCR SARS-CoV-2", "POSITIF", "NEGATIF"}
  };
  private static final String[] VACCINES = {
    "BCG", "Hepatitis B", "DPT-HB-Hib", "Polio (bOPV)", "Campak-Rubela", "COVID-19 (Sinovac)"
  };

  private SimrsData() {}

  /** One patient of the register. */
  public record Patient(
      String noRm,
      String nama,
      String nik,
      LocalDate tglLahir,
      boolean perempuan,
      String alamat,
      String street,
      String noHp,
      String golonganDarah,
      String icd10,
      String diagnosa,
      String pemeriksaan,
      String hasil,
      LocalDate tglPeriksa,
      List<Map<String, Object>> vaksinasi) {

    /** The phone's digits after the country code ("81…"), as any form of it contains them. */
    public String phoneDigits() {
      return noHp.substring(3);
    }

    /** The NIK masked as a system that hides it shows it: the first 4 and last 4 digits. */
    public String nikMasked() {
      return nik.substring(0, 4) + "********" + nik.substring(12);
    }

    /** The record as the SIMRS API and stores hold it (field order as in the exports). */
    public Map<String, Object> asMap(boolean maskNik) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("no_rm", noRm);
      m.put("nama_pasien", nama);
      m.put("nik", maskNik ? nikMasked() : nik);
      m.put("tgl_lahir", tglLahir.toString());
      m.put("jenis_kelamin", perempuan ? "P" : "L");
      m.put("alamat", alamat);
      m.put("no_hp", noHp);
      m.put("golongan_darah", golonganDarah);
      m.put("diagnosa", Map.of("icd10", icd10, "keterangan", diagnosa));
      m.put(
          "hasil_lab",
          List.of(
              Map.of(
                  "pemeriksaan",
                  pemeriksaan,
                  "hasil",
                  hasil,
                  "tgl_periksa",
                  tglPeriksa.toString())));
      return m;
    }
  }

  /** Patient {@code i} (0-based) of the register. */
  public static Patient patient(int i) {
    SplittableRandom r = new SplittableRandom(SEED * 31 + i);
    boolean female = r.nextBoolean();
    String given = female ? pick(r, GIVEN_F) : pick(r, GIVEN_M);
    String name =
        r.nextInt(3) == 0
            ? given + " " + pick(r, MIDDLE) + " " + pick(r, FAMILY)
            : given + " " + pick(r, FAMILY);
    LocalDate born = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(365 * 70));
    String area = pick(r, AREAS);
    String nik =
        area
            + String.format("%02d", 1 + r.nextInt(30))
            + String.format("%02d", born.getDayOfMonth() + (female ? 40 : 0))
            + String.format("%02d", born.getMonthValue())
            + String.format("%02d", born.getYear() % 100)
            + String.format("%04d", 1 + r.nextInt(999));
    String street = pick(r, STREETS) + " No. " + (1 + r.nextInt(180));
    String alamat =
        street
            + " RT "
            + String.format("%03d", 1 + r.nextInt(12))
            + "/RW "
            + String.format("%03d", 1 + r.nextInt(9))
            + ", Kel. "
            + pick(r, KELURAHAN)
            + ", "
            + pick(r, CITIES);
    String phone = "+628" + (1 + r.nextInt(3)) + String.format("%09d", r.nextInt(1_000_000_000));
    String[] dx = DIAGNOSES[r.nextInt(DIAGNOSES.length)];
    String[] test = TESTS[r.nextInt(TESTS.length)];
    boolean positive = r.nextInt(4) == 0;
    LocalDate examined = LocalDate.of(2026, 11, 1).plusDays(r.nextInt(30));
    List<Map<String, Object>> vaccines = new ArrayList<>();
    int doses = 1 + r.nextInt(3);
    for (int d = 0; d < doses; d++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("vaksin", pick(r, VACCINES));
      v.put("dosis", d + 1);
      v.put("tgl_vaksin", born.plusYears(d).plusDays(r.nextInt(300)).toString());
      vaccines.add(v);
    }
    return new Patient(
        noRm(i),
        name,
        nik,
        born,
        female,
        alamat,
        street,
        phone,
        new String[] {"A", "B", "AB", "O"}[r.nextInt(4)],
        dx[0],
        dx[1],
        test[0],
        positive ? test[1] : test[2],
        examined,
        List.copyOf(vaccines));
  }

  /** The medical record number of patient {@code i}: {@code RM-} and six digits. */
  public static String noRm(int i) {
    return String.format("RM-%06d", 104_200 + i * 7);
  }

  /** The first {@code n} patients. */
  public static List<Patient> patients(int n) {
    List<Patient> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(patient(i));
    }
    return out;
  }

  /** The monthly patient export: a {@code ;}-separated CSV with a header, as SIMRS writes it. */
  public static String patientCsv(List<Patient> ps) {
    StringBuilder b = new StringBuilder("no_rm;nama_pasien;nik;tgl_lahir;alamat;no_hp\r\n");
    for (Patient p : ps) {
      b.append(String.join(";", p.noRm(), p.nama(), p.nik(), p.tglLahir().toString()))
          .append(';')
          .append(p.alamat())
          .append(';')
          .append(p.noHp())
          .append("\r\n");
    }
    return b.toString();
  }

  /** The monthly lab results export. */
  public static String labResultsCsv(List<Patient> ps) {
    StringBuilder b =
        new StringBuilder("no_rm;nama_pasien;nik;tgl_periksa;pemeriksaan;hasil;diagnosa_icd10\r\n");
    for (Patient p : ps) {
      b.append(
              String.join(
                  ";",
                  p.noRm(),
                  p.nama(),
                  p.nik(),
                  p.tglPeriksa().toString(),
                  p.pemeriksaan(),
                  p.hasil(),
                  p.icd10()))
          .append("\r\n");
    }
    return b.toString();
  }

  private static String pick(SplittableRandom r, String[] a) {
    return a[r.nextInt(a.length)];
  }
}
