package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.gate.GateText.val;

import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import java.time.LocalDate;
import java.time.Period;

/** Format {@code vclaim-json}: BPJS V-Claim style responses. */
final class GateVclaim {
  private GateVclaim() {}

  private static void meta(GateJson j, String message) {
    j.open("metaData").s("code", "200").s("message", message).close();
  }

  private static String umur(LocalDate birth, LocalDate at) {
    Period p = Period.between(birth, at);
    return p.getYears() + " tahun ," + p.getMonths() + " bulan ," + p.getDays() + " hari";
  }

  private static String[] jenis(GateRng r) {
    return r.pick(
            "PBI (APBN)|21",
            "PBI (APBD)|22",
            "PEKERJA MANDIRI|13",
            "PNS DAERAH|4",
            "PEGAWAI SWASTA|14",
            "BUKAN PEKERJA|15")
        .split("\\|");
  }

  private static void peserta(
      GateRng r, GateJson j, GatePerson p, Facility prov, LocalDate d, String mrn) {
    j.open("peserta");
    j.open("cob")
        .raw("nmAsuransi", "null")
        .raw("noAsuransi", "null")
        .raw("tglTAT", "null")
        .raw("tglTMT", "null")
        .close();
    String kelas = r.pick("1", "2", "3");
    j.open("hakKelas")
        .s("keterangan", "KELAS " + "I".repeat(Integer.parseInt(kelas)))
        .s("kode", kelas)
        .close();
    j.open("informasi")
        .raw("dinsos", "null")
        .raw("noSKTM", "null")
        .raw("prolanisPRB", "null")
        .close();
    String[] jp = jenis(r);
    j.open("jenisPeserta").s("keterangan", jp[0]).s("kode", jp[1]).close();
    j.open("mr");
    if (mrn == null) {
      j.raw("noMR", "null");
    } else {
      j.s("noMR", MEDICAL_RECORD_NUMBER, mrn);
    }
    if (r.chance(0.7)) {
      j.s("noTelepon", PHONE, "0" + p.mobile);
    } else {
      j.raw("noTelepon", "null");
    }
    j.close();
    j.s("nama", NAME, p.upper());
    j.s("nik", NIK, p.nik);
    j.s("noKartu", BPJS, p.bpjs);
    j.s("pisa", r.pick("1", "2", "3", "4"));
    j.open("provUmum")
        .s("kdProvider", prov.ppk())
        .s("nmProvider", GateValues.up(prov.name()))
        .close();
    j.s("sex", p.female ? "P" : "L");
    j.open("statusPeserta").s("keterangan", "AKTIF").s("kode", "0").close();
    j.s("tglCetakKartu", GateValues.iso(d.minusDays(r.between(30, 3000))));
    j.s("tglLahir", BIRTH_DATE, GateValues.iso(p.birth));
    j.s("tglTAT", "2099-12-31");
    j.s("tglTMT", GateValues.iso(d.minusDays(r.between(100, 3600))));
    j.open("umur")
        .s("umurSaatPelayanan", umur(p.birth, d))
        .s("umurSekarang", umur(p.birth, d.plusDays(r.below(20))))
        .close();
    j.close();
  }

  /** Peserta lookup by NIK or card number. */
  static void peserta(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    Facility prov = r.pick(GateVocab.PRIMARY);
    Facility rs = r.pick(GateVocab.HOSPITALS);
    GateJson j = new GateJson(g, r.chance(0.4));
    j.open(null);
    meta(j, "OK");
    j.open("response");
    peserta(r, j, p, prov, d, r.chance(0.7) ? GateValues.mrn(r, rs.mrnStyle(), d) : null);
    j.close().close();
  }

  /** SEP created: SEP number (not a card number), diagnosis "code - name". */
  static void sep(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    Facility rs = r.pick(GateVocab.HOSPITALS);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    boolean ri = r.chance(0.4);
    GateJson j = new GateJson(g, r.chance(0.4));
    j.open(null);
    meta(j, "Sukses");
    j.open("response").open("sep");
    j.s(
        "catatan",
        r.pick(
            "",
            "pasien rujukan puskesmas",
            "kontrol pasca rawat inap",
            "KLL - laporan polisi terlampir"));
    j.parts("diagnosa", val(DIAGNOSIS, dx.code()), " - " + dx.en());
    j.open("informasi")
        .raw("Dinsos", "null")
        .raw("prolanisPRB", "null")
        .raw("noSKTM", "null")
        .close();
    j.s("jnsPelayanan", ri ? "Rawat Inap" : "Rawat Jalan");
    j.s("kelasRawat", r.pick("1", "2", "3"));
    j.s("noSep", GateValues.sep(r, rs.ppk(), d));
    j.s("penjamin", "-");
    j.open("peserta");
    j.s("asuransi", "-").s("hakKelas", "Kelas " + r.between(1, 3)).s("jnsPeserta", jenis(r)[0]);
    j.s("kelamin", p.female ? "Perempuan" : "Laki-Laki");
    j.s("nama", NAME, p.upper());
    j.s("noKartu", BPJS, p.bpjs);
    j.s("noMr", MEDICAL_RECORD_NUMBER, GateValues.mrn(r, rs.mrnStyle(), d));
    j.s("tglLahir", BIRTH_DATE, GateValues.iso(p.birth));
    j.close();
    j.s("poli", ri ? "" : r.pick("PENYAKIT DALAM", "ANAK", "OBGYN", "PARU", "SARAF"));
    j.s("poliEksekutif", "0");
    j.s("tglSep", GateValues.iso(d));
    if (r.chance(0.3)) {
      GatePerson dpjp = GatePeople.indonesian(r, d, 30, 65);
      j.open("dpjp")
          .s("kdDPJP", r.digits(6))
          .parts(
              "nmDPJP", "dr. ", val(NAME, dpjp.full()), r.pick(", Sp.PD", ", Sp.A", ", Sp.OG", ""))
          .close();
    }
    j.close().close().close();
  }

  /** Referral lookup: diagnosis object with kode and nama. */
  static void rujukan(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    Facility prov = r.pick(GateVocab.PRIMARY);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    GateJson j = new GateJson(g, r.chance(0.4));
    j.open(null);
    meta(j, "OK");
    j.open("response").open("rujukan");
    j.open("diagnosa").s("kode", DIAGNOSIS, dx.code()).s("nama", dx.en()).close();
    j.s("keluhan", dx.complaintId());
    j.s("noKunjungan", GateValues.kunjungan(r, prov.ppk(), d));
    j.open("pelayanan").s("kode", "2").s("nama", "Rawat Jalan").close();
    peserta(r, j, p, prov, d, null);
    String[] poli =
        r.pick("INT|PENYAKIT DALAM", "ANA|ANAK", "OBG|OBGYN", "PAR|PARU", "JAN|JANTUNG")
            .split("\\|");
    j.open("poliRujukan").s("kode", poli[0]).s("nama", poli[1]).close();
    j.open("provPerujuk").s("kode", prov.ppk()).s("nama", GateValues.up(prov.name())).close();
    j.s("tglKunjungan", GateValues.iso(d));
    j.close().close().close();
  }

  /** Service history: a list of SEPs of one participant. */
  static void histori(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    Facility rs = r.pick(GateVocab.HOSPITALS);
    GateJson j = new GateJson(g, r.chance(0.4));
    j.open(null);
    meta(j, "OK");
    j.open("response").arr("histori");
    int n = r.between(1, 4);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    String name = p.upper();
    for (int i = 0; i < n; i++) {
      LocalDate s = d.minusDays(r.between(1, 300));
      j.open(null);
      j.parts("diagnosa", val(DIAGNOSIS, dx.code()), " - " + dx.en());
      j.s("jnsPelayanan", r.pick("1", "2"));
      j.s("kelasRawat", r.pick("1", "2", "3"));
      j.s("namaPeserta", NAME, name);
      j.s("noKartu", BPJS, p.bpjs);
      j.s("noSep", GateValues.sep(r, rs.ppk(), s));
      j.s("noRujukan", GateValues.kunjungan(r, r.pick(GateVocab.PRIMARY).ppk(), s));
      j.s("poli", r.pick("PENYAKIT DALAM", "ANAK", "PARU", "", "SARAF"));
      j.s("ppkPelayanan", GateValues.up(rs.name()));
      j.s("tglPlgSep", GateValues.iso(s.plusDays(r.between(0, 5))));
      j.s("tglSep", GateValues.iso(s));
      j.close();
      dx = r.chance(0.5) ? dx : GateBits.other(r, dx);
    }
    j.end().close().close();
  }
}
