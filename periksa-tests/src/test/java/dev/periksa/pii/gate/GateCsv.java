package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.TEST_RESULT;
import static dev.periksa.pii.gate.GateText.val;

import dev.periksa.pii.gate.GateText.V;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Num;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Format {@code csv}: comma and semicolon files with comment lines around the header. */
final class GateCsv {
  private GateCsv() {}

  /** A cell: the value quoted (always when it holds the separator or a space) or bare. */
  private static Object[] cell(GateRng r, V v, String sep, double quote) {
    boolean q = v.value().contains(sep) || v.value().contains(",") || r.chance(quote);
    return q ? new Object[] {"\"", v, "\""} : new Object[] {v};
  }

  private static String header(List<String> cols, String sep, boolean quoted) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      if (i > 0) {
        b.append(sep);
      }
      b.append(quoted ? "\"" + cols.get(i) + "\"" : cols.get(i));
    }
    return b.toString();
  }

  /** Patient export, comma-separated. */
  static void patients(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    String sep = r.chance(0.7) ? "," : ";";
    boolean quotedHeader = r.chance(0.7);
    boolean withMail = r.chance(0.3);
    g.line("# Ekspor data pasien " + f.name());
    g.line(
        "# dibuat "
            + GateValues.iso(d)
            + " "
            + GateValues.hms(r)
            + " oleh u"
            + r.digits(5)
            + " ("
            + GatePeople.roleEmail(r, f)
            + ")");
    List<String> cols =
        new ArrayList<>(
            List.of("no_rm", "nama", "nik", "tgl_lahir", "jk", "alamat", "no_hp", "no_bpjs"));
    if (withMail) {
      cols.add("email");
    }
    cols.add("tgl_daftar");
    g.line(header(cols, sep, quotedHeader));
    if (r.chance(0.6)) {
      g.line(
          "# tgl_lahir dalam format "
              + (r.chance(0.5) ? "YYYY-MM-DD" : "DD-MM-YYYY")
              + "; alamat tanpa kelurahan");
    }
    int n = r.between(2, 8);
    boolean iso = r.chance(0.5);
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, d, 0, 90);
      List<Object> row = new ArrayList<>();
      row.add(cell(r, val(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), d)), sep, 0.2));
      row.add(cell(r, val(NAME, r.chance(0.5) ? p.upper() : p.full()), sep, 0.7));
      row.add(cell(r, val(NIK, p.nik), sep, 0.3));
      row.add(
          cell(
              r,
              val(BIRTH_DATE, iso ? GateValues.iso(p.birth) : GateValues.dmy(p.birth, "-")),
              sep,
              0.1));
      row.add(p.female ? "P" : "L");
      row.add(cell(r, val(ADDRESS, GatePeople.addressRun(r, p, 0.6)), sep, 0.8));
      row.add(cell(r, val(PHONE, GateValues.phone(r, p.mobile)), sep, 0.2));
      row.add(r.chance(0.8) ? cell(r, val(BPJS, p.bpjs), sep, 0.2) : "");
      if (withMail) {
        row.add(r.chance(0.7) ? cell(r, val(EMAIL, p.email), sep, 0.2) : "");
      }
      row.add(GateValues.iso(d.minusDays(r.below(365))));
      g.join(sep, row.toArray()).nl();
    }
    g.line("# total " + n + " baris");
  }

  /** Daily lab results, semicolon-separated, decimal commas, reference column. */
  static void labResults(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.chance(0.5) ? r.pick(GateVocab.LABS) : r.pick(GateVocab.HOSPITALS);
    String sep = r.chance(0.75) ? ";" : ",";
    g.line("# Laporan hasil laboratorium harian " + GateValues.dmy(d, "/"));
    g.line("# " + f.name() + " - " + f.phone());
    List<String> cols =
        List.of(
            "no_lab",
            "no_rm",
            "nama_pasien",
            "pemeriksaan",
            "hasil",
            "satuan",
            "nilai_rujukan",
            "tgl_sampel");
    g.line(header(cols, sep, r.chance(0.7)));
    g.line("# hasil kualitatif: lihat kolom nilai_rujukan");
    int patients = r.between(1, 4);
    for (int i = 0; i < patients; i++) {
      GatePerson p = GatePeople.indonesian(r, d, 0, 90);
      String lab = GateValues.labNo(r, d);
      String mrn = GateValues.mrn(r, f.mrnStyle(), d);
      String time = GateValues.dmy(d, "/") + " " + GateValues.hm(r);
      int rows = r.between(1, 4);
      List<Qual> quals = new ArrayList<>(GateVocab.QUALS);
      List<Num> nums = new ArrayList<>(GateVocab.NUMS);
      for (int k = 0; k < rows; k++) {
        List<Object> row = new ArrayList<>();
        row.add(lab);
        row.add(cell(r, val(MEDICAL_RECORD_NUMBER, mrn), sep, 0.1));
        row.add(new Object[] {"\"", val(NAME, p.full()), "\""});
        if (r.chance(0.5)) {
          Qual q = quals.remove(r.below(quals.size()));
          boolean pos = GateBits.positive(r);
          row.add("\"" + q.tableId() + "\"");
          row.add(cell(r, val(TEST_RESULT, GateBits.outcome(r, q, pos, false)), sep, 0.5));
          row.add("-");
          row.add("\"" + GateBits.reference(r, q, false) + "\"");
        } else {
          Num n = nums.remove(r.below(nums.size()));
          String v =
              GateValues.measure(
                  r.between(n.lo10(), n.hi10()), n.decimals(), sep.equals(";") ? ',' : '.');
          row.add("\"" + n.id() + "\"");
          row.add(sep.equals(",") && v.contains(",") ? "\"" + v + "\"" : v);
          row.add(n.unit());
          row.add("\"" + (sep.equals(";") ? n.ref().replace('.', ',') : n.ref()) + "\"");
        }
        row.add(time);
        g.join(sep, row.toArray()).nl();
      }
    }
    g.line("# akhir laporan; diekspor oleh sistem LIS");
  }

  /** Online orders: kode_produk values that look like phone numbers, buyers' data. */
  static void orders(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    String sep = r.chance(0.6) ? "," : ";";
    g.line("# export pesanan layanan online " + f.name());
    g.line("# periode " + GateValues.iso(d.minusDays(7)) + " s.d. " + GateValues.iso(d));
    List<String> cols =
        List.of(
            "order_id",
            "tanggal",
            "kode_produk",
            "nama_produk",
            "qty",
            "harga",
            "nama_pembeli",
            "no_hp_pembeli",
            "email_pembeli",
            "alamat_kirim",
            "id_transaksi");
    g.line(header(cols, sep, r.chance(0.5)));
    g.line("# harga dalam rupiah");
    int n = r.between(2, 7);
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, d, 18, 75);
      LocalDate od = d.minusDays(r.below(7));
      List<Object> row = new ArrayList<>();
      row.add(GateValues.order(r, od));
      row.add(GateValues.iso(od));
      row.add(GateValues.productCode(r));
      row.add("\"" + r.pick(GateVocab.PRODUCTS) + "\"");
      row.add(Integer.toString(r.between(1, 3)));
      row.add(Integer.toString(r.between(25, 2500) * 1000));
      row.add(new Object[] {"\"", val(NAME, p.full()), "\""});
      row.add(cell(r, val(PHONE, GateValues.phone(r, p.mobile)), sep, 0.3));
      row.add(r.chance(0.8) ? cell(r, val(EMAIL, p.email), sep, 0.2) : "");
      row.add(
          r.chance(0.5)
              ? new Object[] {
                "\"", val(ADDRESS, GatePeople.addressRun(r, p, 0.5)), ", " + p.areaId() + "\""
              }
              : "\"Ambil di " + f.name() + "\"");
      row.add(GateValues.trx16(r, od));
      g.join(sep, row.toArray()).nl();
    }
    g.line("# " + n + " pesanan; pertanyaan ke cs@" + f.domain());
  }

  /** English vaccination register of an international clinic. */
  static void vaccinationEn(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    String sep = ",";
    g.line("# Vaccination register - " + f.name() + " International Clinic");
    g.line("# generated " + GateValues.iso(d) + "T" + GateValues.hms(r) + "+07:00");
    List<String> cols =
        List.of(
            "patient_name",
            "date_of_birth",
            "passport_no",
            "nationality",
            "phone",
            "email",
            "vaccine",
            "dose",
            "date_given",
            "batch_no",
            "hbsag_screen");
    g.line(header(cols, sep, r.chance(0.8)));
    g.line("# hbsag_screen is blank when not tested");
    int n = r.between(2, 6);
    for (int i = 0; i < n; i++) {
      boolean foreign = r.chance(0.7);
      GatePerson p =
          foreign ? GatePeople.foreigner(r, d, 1, 80) : GatePeople.indonesian(r, d, 1, 80);
      List<Object> row = new ArrayList<>();
      row.add(new Object[] {"\"", val(NAME, p.full()), "\""});
      row.add(
          cell(
              r,
              val(
                  BIRTH_DATE,
                  r.chance(0.6) ? GateValues.iso(p.birth) : GateValues.dmy(p.birth, "/")),
              sep,
              0.1));
      row.add(
          cell(
              r,
              val(
                  PASSPORT,
                  foreign ? GateValues.passport(r, p.country.code()) : GateValues.passportId(r)),
              sep,
              0.2));
      row.add(foreign ? p.country.code() : "ID");
      row.add(new Object[] {"\"", val(PHONE, GatePeople.phoneOf(r, p)), "\""});
      row.add(r.chance(0.7) ? cell(r, val(EMAIL, p.email), sep, 0.1) : "");
      String vaccine =
          r.pick(
              "Hepatitis B",
              "Influenza (Southern Hemisphere)",
              "Typhoid Vi",
              "Japanese Encephalitis",
              "Rabies PrEP",
              "Tetanus-diphtheria");
      row.add("\"" + vaccine + "\"");
      row.add(Integer.toString(r.between(1, 3)));
      row.add(GateValues.iso(d.minusDays(r.below(60))));
      row.add(r.letters(2, "ABCDEFGHJKLMNPRSTUVWXYZ") + r.digits(5));
      if (vaccine.startsWith("Hepatitis") && r.chance(0.8)) {
        GateVocab.Qual q = GateVocab.QUALS.get(5);
        row.add(cell(r, val(TEST_RESULT, GateBits.outcome(r, q, r.chance(0.1), true)), sep, 0.3));
      } else {
        row.add("");
      }
      g.join(sep, row.toArray()).nl();
    }
    g.line("# end of export (" + n + " rows) - queries to vaccine@" + f.domain());
  }
}
