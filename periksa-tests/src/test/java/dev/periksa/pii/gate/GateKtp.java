package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;

import dev.periksa.pii.PiiType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Format {@code ktp-ocr}: identity and family cards as OCR reads them. */
final class GateKtp {
  private GateKtp() {}

  private static final String[] RELIGIONS = {
    "ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDDHA", "KONGHUCU"
  };
  private static final String[] JOBS = {
    "KARYAWAN SWASTA",
    "WIRASWASTA",
    "PELAJAR/MAHASISWA",
    "MENGURUS RUMAH TANGGA",
    "PEGAWAI NEGERI SIPIL",
    "PETANI/PEKEBUN",
    "BURUH HARIAN LEPAS",
    "GURU",
    "PEDAGANG",
    "BELUM/TIDAK BEKERJA",
    "PERAWAT"
  };

  /** A label as OCR may misread it. */
  private static String noisy(GateRng r, String label, String... misreads) {
    return r.chance(0.2) && misreads.length > 0 ? misreads[r.below(misreads.length)] : label;
  }

  private static String colon(GateRng r) {
    return r.pick(" : ", " : ", ": ", " :", " ", " ; ", " :  ");
  }

  /** One KTP as lines of (label, type, value), written with OCR noise. */
  private static final class Card {
    final List<Object[]> lines = new ArrayList<>();
    String religion;
    String job;

    void add(String label, PiiType type, String value) {
      lines.add(new Object[] {label, type, value});
    }

    void addHead(String text) {
      lines.add(new Object[] {null, null, text});
    }
  }

  private static Card card(GateRng r, GatePerson p, LocalDate issued) {
    Card c = new Card();
    c.addHead("PROVINSI " + p.place.province());
    c.addHead(p.place.regency().replace("KOTA ADM. ", "KOTA "));
    c.add(noisy(r, "NIK", "NlK", "N I K", "NIK."), NIK, p.nik);
    c.add(noisy(r, "Nama", "Narna", "Nama."), NAME, p.upper());
    c.add(
        noisy(r, "Tempat/Tgl Lahir", "Tempat/Tgi Lahir", "TempatTgl Lahir", "Tempat/TglLahir"),
        null,
        null);
    c.add(
        noisy(r, "Jenis Kelamin", "Jenis Kelamln", "Jenis kelamin"),
        null,
        (p.female ? "PEREMPUAN" : "LAKI-LAKI")
            + r.pick("   Gol. Darah : ", "  Gol Darah: ", " Gol. Darah ")
            + r.pick("A", "B", "AB", "O", "-"));
    c.add(noisy(r, "Alamat", "Alarnat", "Alamat."), ADDRESS, GateValues.up(p.street));
    c.add(noisy(r, "RT/RW", "RTRW", "RT/ RW"), null, p.rt + "/" + p.rw);
    c.add(noisy(r, "Kel/Desa", "KelDesa", "Kel/Oesa"), null, p.kelurahan);
    c.add(noisy(r, "Kecamatan", "Kecarnatan", "Kecamatan."), null, p.kecamatan);
    c.religion = r.pick(RELIGIONS);
    c.job = r.pick(JOBS);
    c.add("Agama", null, c.religion);
    c.add(
        noisy(r, "Status Perkawinan", "Status Perkawlnan"),
        null,
        r.pick("KAWIN", "BELUM KAWIN", "CERAI MATI"));
    c.add("Pekerjaan", null, c.job);
    c.add(noisy(r, "Kewarganegaraan", "Kewarganegaraan:"), null, "WNI");
    c.add(
        "Berlaku Hingga",
        null,
        r.chance(0.8) ? "SEUMUR HIDUP" : GateValues.dmy(issued.plusYears(5), "-"));
    c.addHead(GateValues.up(p.place.town()));
    c.addHead(GateValues.dmy(issued, "-"));
    return c;
  }

  /** Writes the card; newline is "\n" for text or "\\n" inside a JSON string. */
  private static void write(GateRng r, GateText g, GatePerson p, Card c, String nl) {
    for (Object[] l : c.lines) {
      if (l[0] == null) {
        g.t((String) l[2]).t(nl);
        continue;
      }
      String label = (String) l[0];
      g.t(label + colon(r));
      if (label.startsWith("Tempat") || label.startsWith("TempatTgl")) {
        g.t(GateValues.up(p.birthPlace) + r.pick(", ", ",", " , "))
            .v(BIRTH_DATE, GateValues.dmy(p.birth, "-"));
      } else {
        g.maybe((PiiType) l[1], (String) l[2]);
      }
      if (r.chance(0.05)) {
        g.t(r.pick(" |", " ~", " ."));
      }
      g.t(nl);
    }
  }

  /** Raw OCR text of a KTP. */
  static void ktpText(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 17, 85);
    LocalDate issued = d.minusDays(r.between(30, 4000));
    if (r.chance(0.3)) {
      g.line(
          r.pick(
              "--- OCR result (tesseract 5.3, lang=ind) ---",
              "[ocr] page 1/1",
              "HASIL PINDAI KTP"));
    }
    write(r, g, p, card(r, p, issued), "\n");
  }

  /** An OCR API's JSON response: parsed fields and the raw text. */
  static void ktpJson(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson p = GatePeople.indonesian(r, d, 17, 85);
    LocalDate issued = d.minusDays(r.between(30, 4000));
    Card c = card(r, p, issued);
    GateJson j = new GateJson(g, r.chance(0.5));
    j.open(null).raw("status", "200").s("message", "success").s("request_id", GateValues.uuid(r));
    j.open("data");
    j.s("nik", NIK, p.nik);
    j.s("nama", NAME, p.upper());
    j.s("tempat_lahir", GateValues.up(p.birthPlace));
    j.s("tgl_lahir", BIRTH_DATE, GateValues.dmy(p.birth, "-"));
    j.s("jenis_kelamin", p.female ? "PEREMPUAN" : "LAKI-LAKI");
    j.s("alamat", ADDRESS, GateValues.up(p.street));
    j.s("rt_rw", p.rt + "/" + p.rw);
    j.s("kel_desa", p.kelurahan);
    j.s("kecamatan", p.kecamatan);
    j.s("kabupaten_kota", p.place.regency());
    j.s("provinsi", p.place.province());
    j.s("agama", c.religion);
    j.s("pekerjaan", c.job);
    j.s("berlaku_hingga", "SEUMUR HIDUP");
    j.s("tgl_terbit", GateValues.dmy(issued, "-"));
    j.close();
    j.open("confidence")
        .raw("nik", "0.9" + r.digits(1))
        .raw("nama", "0.9" + r.digits(1))
        .raw("alamat", "0.8" + r.digits(1))
        .close();
    if (r.chance(0.7)) {
      j.str("raw_text", t -> write(r, t, p, c, "\\n"));
    }
    j.close();
  }

  /** OCR text of a family card (Kartu Keluarga): its number is not a NIK. */
  static void kk(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    GatePerson head = GatePeople.indonesian(r, d, 28, 70, false);
    LocalDate issued = d.minusDays(r.between(30, 4000));
    List<GatePerson> members = new ArrayList<>();
    members.add(head);
    members.add(GatePeople.indonesian(r, d, 24, Math.max(25, head.age(d)), true));
    int kids = r.between(0, 3);
    for (int i = 0; i < kids; i++) {
      members.add(GatePeople.indonesian(r, d, 0, 20));
    }
    String sep = r.pick(" | ", "  ", "   ");
    g.line("KARTU KELUARGA");
    g.line("No. " + GateValues.kk(head.place, head.district, issued, r));
    g.t("Nama Kepala Keluarga" + colon(r)).v(NAME, head.upper()).nl();
    g.t("Alamat" + colon(r)).v(ADDRESS, GateValues.up(head.street)).nl();
    g.line("RT/RW" + colon(r) + head.rt + "/" + head.rw);
    g.line("Desa/Kelurahan" + colon(r) + head.kelurahan);
    g.line("Kecamatan" + colon(r) + head.kecamatan);
    g.line("Kabupaten/Kota" + colon(r) + head.place.regency());
    g.line("Kode Pos" + colon(r) + head.postcode);
    g.line("Provinsi" + colon(r) + head.place.province());
    g.nl();
    g.line(
        String.join(
            sep,
            "No",
            "Nama Lengkap",
            "NIK",
            "Jenis Kelamin",
            "Tempat Lahir",
            "Tanggal Lahir",
            "Agama",
            "Pendidikan",
            "Jenis Pekerjaan"));
    String religion = r.pick(RELIGIONS);
    for (int i = 0; i < members.size(); i++) {
      GatePerson m = members.get(i);
      String nik = GateValues.nik(head.place, head.district, m.birth, m.female, r.between(1, 400));
      int age = m.age(d);
      String school =
          age < 7
              ? "TIDAK/BELUM SEKOLAH"
              : age < 18
                  ? r.pick("BELUM TAMAT SD/SEDERAJAT", "TAMAT SD/SEDERAJAT", "SLTP/SEDERAJAT")
                  : r.pick("SLTA/SEDERAJAT", "DIPLOMA IV/STRATA I", "TAMAT SD/SEDERAJAT");
      String job =
          age < 18 ? (age < 6 ? "BELUM/TIDAK BEKERJA" : "PELAJAR/MAHASISWA") : r.pick(JOBS);
      g.t((i + 1) + sep)
          .v(NAME, m.upper())
          .t(sep)
          .v(NIK, nik)
          .t(
              sep
                  + (m.female ? "PEREMPUAN" : "LAKI-LAKI")
                  + sep
                  + GateValues.up(m.birthPlace)
                  + sep);
      g.v(BIRTH_DATE, GateValues.dmy(m.birth, "-")).line(sep + religion + sep + school + sep + job);
    }
    g.nl();
    g.line(
        String.join(
            sep,
            "No",
            "Status Perkawinan",
            "Status Hubungan Dalam Keluarga",
            "Kewarganegaraan",
            "No. Paspor",
            "No. KITAP",
            "Nama Ayah",
            "Nama Ibu"));
    for (int i = 0; i < members.size(); i++) {
      GatePerson father = GatePeople.indonesian(r, d, 45, 95, false);
      GatePerson mother = GatePeople.indonesian(r, d, 45, 95, true);
      String rel = i == 0 ? "KEPALA KELUARGA" : i == 1 ? "ISTRI" : "ANAK";
      g.t((i + 1) + sep + (i < 2 ? "KAWIN" : "BELUM KAWIN") + sep + rel + sep + "WNI" + sep);
      if (r.chance(0.1)) {
        g.v(PASSPORT, GateValues.passportId(r));
      } else {
        g.t("-");
      }
      g.t(sep + "-" + sep);
      if (i >= 2) {
        g.v(NAME, members.get(0).upper()).t(sep).v(NAME, members.get(1).upper()).nl();
      } else {
        g.v(NAME, father.upper()).t(sep).v(NAME, mother.upper()).nl();
      }
    }
    g.nl().line("Dikeluarkan Tanggal" + colon(r) + GateValues.dmy(issued, "-"));
    g.line(
        "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL "
            + head.place.regency().replace("KOTA ADM. ", "KOTA "));
    GatePerson kadis = GatePeople.indonesian(r, d, 40, 58);
    g.t(r.pick("Dr. H. ", "Drs. ", "H. ", ""))
        .v(NAME, GateValues.up(kadis.full()))
        .line(r.pick(", M.Si", ", S.H., M.H.", ", M.AP", ""));
    g.line("NIP. " + GateValues.nip(r, kadis.birth, kadis.female));
  }
}
