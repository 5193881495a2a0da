package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.SSN;
import static dev.periksa.pii.PiiType.TEST_RESULT;
import static dev.periksa.pii.gate.GateBits.field;
import static dev.periksa.pii.gate.GateValues.pad;

import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;

/** Format {@code letter}: referral letters, health certificates, discharge summaries. */
final class GateLetters {
  private GateLetters() {}

  /** Surat Rujukan from a puskesmas or clinic to a hospital. */
  static void rujukan(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility from = r.pick(GateVocab.PRIMARY);
    Facility to = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, day, 1, 88);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    Staff sender = GatePeople.doctor(r, day, false);
    Staff receiver = GatePeople.doctor(r, day, true);
    int w = 14 + 2 * r.below(3);
    GateBits.letterhead(r, g, from);
    g.nl().line("                         SURAT RUJUKAN");
    g.line(
        "              Nomor: "
            + r.between(400, 445)
            + "/"
            + r.between(10, 999)
            + "/"
            + from.code()
            + "/"
            + GateBits.roman(day)
            + "/"
            + day.getYear());
    g.nl().line("Kepada Yth.");
    if (r.chance(0.7)) {
      receiver.put(g);
      g.nl();
    } else {
      g.line("TS Dokter Spesialis");
    }
    g.line(r.pick(GateBits.POLI) + " " + to.name());
    g.line("di tempat").nl();
    g.line("Dengan hormat,");
    g.line("Mohon pemeriksaan dan penanganan lebih lanjut terhadap pasien:");
    field(g, "Nama", w);
    GatePeople.titled(g, GatePeople.title(r, p, day), r.chance(0.3) ? p.upper() : p.full());
    g.nl();
    if (r.chance(0.75)) {
      field(g, "NIK", w);
      g.v(NIK, p.nik).nl();
    }
    if (r.chance(0.7)) {
      field(g, r.pick("No. Kartu JKN", "No. BPJS", "No. Peserta"), w);
      g.v(BPJS, p.bpjs).nl();
    }
    switch (r.below(3)) {
      case 0:
        field(g, "Tgl. Lahir", w);
        g.v(BIRTH_DATE, GateValues.dateId(r, p.birth)).t(" (" + p.age(day) + " th)").nl();
        break;
      case 1:
        field(g, "Tempat/Tgl. Lahir", w);
        g.t(p.birthPlace + ", ").v(BIRTH_DATE, GateValues.dateId(r, p.birth)).nl();
        break;
      default:
        field(g, "Umur", w);
        g.line(p.age(day) + " tahun");
        break;
    }
    field(g, "Jenis Kelamin", w);
    g.line(GateBits.sexId(p));
    field(g, "Alamat", w);
    g.v(ADDRESS, GatePeople.addressRun(r, p, 0.6)).line(", " + p.areaId());
    if (r.chance(0.6)) {
      field(g, r.pick("No. HP", "Telepon", "No. Telp/HP"), w);
      g.v(PHONE, GateValues.phone(r, p.mobile)).nl();
    }
    field(g, "No. RM", w);
    g.v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, from.mrnStyle(), day)).nl();
    if (r.chance(0.4)) {
      GatePerson fam = GatePeople.indonesian(r, day, 20, 70, !p.female);
      field(g, "Penanggung jawab", w);
      GatePeople.titled(g, fam.female ? "Ny." : "Tn.", fam.full());
      g.t(
              " ("
                  + (p.age(day) < 18 ? (fam.female ? "ibu" : "ayah") : GateBits.relationId(fam))
                  + "), HP ")
          .v(PHONE, GateValues.phone(r, fam.mobile))
          .nl();
    }
    g.nl();
    field(g, "Anamnesa", w);
    g.line(GateValues.cap(dx.complaintId()));
    field(g, "Pemeriksaan fisik", w);
    g.line(GateBits.vitalsId(r));
    if (r.chance(0.7)) {
      field(g, "Pemeriksaan penunjang", w);
      Qual q = r.pick(GateVocab.QUALS);
      if (r.chance(0.5)) {
        g.t("Hasil ");
      }
      g.v(TEST_RESULT, GateBits.proseId(r, q, GateBits.positive(r)));
      g.line("; " + GateBits.numericProse(r, false));
    }
    field(g, r.pick("Diagnosa", "Diagnosa kerja", "Dx"), w);
    GateBits.diagnosis(r, g, dx, false);
    g.nl();
    field(g, "Terapi sementara", w);
    g.line(
        r.pick(
            "IVFD RL 20 tpm, parasetamol 3x500 mg",
            "Oksigen 3 lpm, nebulisasi salbutamol",
            "Ranitidin inj. 50 mg, ondansetron 4 mg",
            "Belum diberikan terapi"));
    if (r.chance(0.3)) {
      g.line("Catatan: " + GateBits.generalId(r));
    }
    g.nl().line("Demikian atas bantuan dan kerja samanya kami ucapkan terima kasih.").nl();
    g.line(from.town() + ", " + GateValues.longId(day));
    g.line("Dokter Pemeriksa,").nl().nl();
    sender.put(g);
    g.nl();
    if (from.name().startsWith("Puskesmas")) {
      GatePerson sp = GatePeople.indonesian(r, day, 30, 55, sender.female());
      g.line("NIP. " + GateValues.nip(r, sp.birth, sender.female()));
    } else {
      g.line("SIP. 503/" + r.between(1000, 9999) + "/DPMPTSP/" + (day.getYear() - r.below(4)));
    }
  }

  /** Surat Keterangan Sehat from a clinic. */
  static void sehat(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.chance(0.5) ? r.pick(GateVocab.PRIMARY) : r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, day, 17, 45);
    Staff doc = GatePeople.doctor(r, day, false);
    int w = 22;
    GateBits.letterhead(r, g, f);
    g.nl().line("SURAT KETERANGAN SEHAT");
    g.line(
            "No: "
                + r.between(1, 999)
                + "/SKS/"
                + f.code()
                + "/"
                + GateBits.roman(day)
                + "/"
                + day.getYear())
        .nl();
    g.t("Yang bertanda tangan di bawah ini, ");
    doc.put(g);
    g.line(", dokter pada " + f.name() + ", menerangkan bahwa:");
    field(g, "Nama", w);
    GatePeople.titled(g, r.chance(0.5) ? (p.female ? "Sdri." : "Sdr.") : "", p.full());
    g.nl();
    field(g, "Tempat, tanggal lahir", w);
    g.t(p.birthPlace + ", ").v(BIRTH_DATE, GateValues.dateId(r, p.birth)).nl();
    if (r.chance(0.6)) {
      field(g, "NIK", w);
      g.v(NIK, p.nik).nl();
    }
    field(g, "Jenis kelamin", w);
    g.line(GateBits.sexId(p));
    field(g, "Pekerjaan", w);
    g.line(r.pick("Karyawan swasta", "Mahasiswa", "Wiraswasta", "Guru honorer", "Belum bekerja"));
    field(g, "Alamat", w);
    g.v(ADDRESS, GatePeople.addressRun(r, p, 0.5)).line(", " + p.areaId());
    if (r.chance(0.4)) {
      field(g, "No. HP", w);
      g.v(PHONE, GateValues.phone(r, p.mobile)).nl();
    }
    g.nl()
        .line(
            "Telah dilakukan pemeriksaan kesehatan pada tanggal "
                + GateValues.longId(day)
                + " dengan hasil:");
    g.line(
        "Tinggi badan "
            + r.between(148, 182)
            + " cm, berat badan "
            + r.between(42, 92)
            + " kg, tekanan darah "
            + r.between(100, 135)
            + "/"
            + r.between(65, 88)
            + " mmHg.");
    int tests = r.between(0, 2);
    for (int i = 0; i < tests; i++) {
      Qual q = GateVocab.QUALS.get(new int[] {13, 1, 5, 6}[r.below(4)]);
      g.t(r.pick("Hasil ", "Pemeriksaan ", "- "))
          .v(TEST_RESULT, GateBits.proseId(r, q, false))
          .line(".");
    }
    g.nl().t("Berdasarkan hasil pemeriksaan tersebut, yang bersangkutan dinyatakan SEHAT untuk ");
    g.line(
        r.pick(
            "melamar pekerjaan di PT Sumber Makmur Abadi.",
            "pendaftaran mahasiswa baru.",
            "persyaratan pernikahan.",
            "pendaftaran CPNS tahun " + day.getYear() + ".",
            "keperluan perjalanan dinas."));
    g.line(
            "Surat keterangan ini berlaku "
                + r.pick("1 (satu)", "3 (tiga)")
                + " bulan sejak "
                + "tanggal dikeluarkan.")
        .nl();
    g.line(f.town() + ", " + GateValues.dateId(r, day));
    g.line("Dokter pemeriksa,").nl().nl();
    doc.put(g);
    g.nl();
  }

  /** Resume Medis / Ringkasan Pulang. */
  static void resume(GateRng r, GateText g) {
    LocalDate out = GateValues.day(r);
    LocalDate in = out.minusDays(r.between(2, 9));
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, out, 0, 90);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    Staff dpjp = GatePeople.doctor(r, out, true);
    int w = 14;
    GateBits.letterhead(r, g, f);
    g.line(r.pick("RESUME MEDIS", "RINGKASAN PULANG", "RESUME MEDIS / RINGKASAN PULANG"));
    g.line("------------------------------------------");
    field(g, "Nama Pasien", w);
    GatePeople.titled(
        g, r.chance(0.5) ? GatePeople.title(r, p, out) : "", r.chance(0.5) ? p.upper() : p.full());
    g.nl();
    field(g, "No. RM", w);
    g.v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), out)).nl();
    field(g, "Tgl. Lahir", w);
    g.v(BIRTH_DATE, r.chance(0.5) ? GateValues.dmy(p.birth, "/") : GateValues.dateId(r, p.birth));
    g.line("   Jenis Kelamin: " + (p.female ? "P" : "L"));
    if (r.chance(0.6)) {
      field(g, "Alamat", w);
      g.v(ADDRESS, GatePeople.addressRun(r, p, 0.7)).line(", " + p.areaId());
    }
    field(g, "Ruang", w);
    g.line(
        r.pick(GateBits.WARDS)
            + " "
            + r.between(1, 4)
            + "0"
            + r.between(1, 9)
            + " / Kelas "
            + r.pick("I", "II", "III", "VIP"));
    field(g, "Tgl. Masuk", w);
    g.line(GateValues.dmy(in, "/") + "   Tgl. Keluar: " + GateValues.dmy(out, "/"));
    field(g, "Cara Bayar", w);
    if (r.chance(0.65)) {
      g.t("JKN (No. Kartu ").v(BPJS, p.bpjs).line(")");
    } else {
      g.line(r.pick("Umum", "Asuransi swasta"));
    }
    field(g, "DPJP", w);
    dpjp.put(g);
    g.nl().nl();
    g.line("Keluhan utama: " + GateValues.cap(dx.complaintId()) + ".");
    g.line("Pemeriksaan fisik saat masuk: " + GateBits.vitalsId(r) + ".");
    g.line("Pemeriksaan penunjang:");
    g.line("- " + GateBits.numericProse(r, false) + "; " + GateBits.numericProse(r, false));
    int n = r.between(1, 2);
    for (int i = 0; i < n; i++) {
      g.t("- ").v(TEST_RESULT, GateBits.proseId(r, r.pick(GateVocab.QUALS), GateBits.positive(r)));
      g.nl();
    }
    g.t("Diagnosis utama   : ");
    GateBits.diagnosis(r, g, dx, false);
    g.nl();
    if (r.chance(0.5)) {
      g.t("Diagnosis sekunder: ");
      GateBits.diagnosis(r, g, GateBits.other(r, dx), false);
      g.nl();
    }
    g.line("Tindakan (ICD-9-CM): " + r.pick(GateBits.PROCEDURES));
    g.line(
        "Kondisi saat pulang: "
            + r.pick("Membaik", "Perbaikan", "Sembuh", "Pulang atas permintaan sendiri"));
    g.line(
        "Kontrol: " + r.pick(GateBits.POLI) + " tanggal " + GateValues.dmy(out.plusDays(7), "-"));
    if (r.chance(0.3)) {
      g.line("Catatan: " + GateBits.generalId(r));
    }
    g.nl().line(f.town() + ", " + GateValues.longId(out));
    g.line("Dokter Penanggung Jawab Pelayanan,").nl().nl();
    dpjp.put(g);
    g.nl();
  }

  /** Surat keterangan hasil pemeriksaan (swab) from a lab. */
  static void hasilSwab(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.LABS);
    boolean foreign = r.chance(0.2);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, day, 18, 70) : GatePeople.indonesian(r, day, 5, 80);
    Qual q = GateVocab.QUALS.get(r.chance(0.6) ? 0 : 1);
    boolean pos = GateBits.positive(r);
    Staff pj = GatePeople.pathologist(r, day);
    int w = 24;
    GateBits.letterhead(r, g, f);
    g.line("SURAT KETERANGAN HASIL PEMERIKSAAN " + GateValues.up(q.tableId()));
    g.line("No. " + GateValues.labNo(r, day)).nl();
    field(g, "Nama", w);
    g.v(NAME, p.upper()).nl();
    if (foreign) {
      field(g, "No. Paspor", w);
      g.v(PASSPORT, GateValues.passport(r, p.country.code())).line(" (" + p.country.code() + ")");
    } else if (r.chance(0.8)) {
      field(g, r.chance(0.8) ? "NIK" : "NIK / No. Paspor", w);
      g.v(NIK, p.nik);
      if (r.chance(0.2)) {
        g.t(" / ").v(PASSPORT, GateValues.passportId(r));
      }
      g.nl();
    }
    field(g, "Tanggal lahir", w);
    g.v(BIRTH_DATE, GateValues.dateId(r, p.birth)).nl();
    field(g, "Alamat", w);
    g.v(ADDRESS, GatePeople.addressRun(r, p, 0.5)).line(", " + p.areaId());
    field(g, "Pengambilan sampel", w);
    g.line(
        GateValues.dmy(day, "-")
            + " "
            + GateValues.hm(r)
            + " WIB ("
            + r.pick("nasofaring", "nasofaring dan orofaring")
            + ")");
    field(g, "Hasil keluar", w);
    g.line(GateValues.dmy(day.plusDays(r.below(2)), "-") + " " + GateValues.hm(r) + " WIB");
    field(g, "Jenis pemeriksaan", w);
    g.line(q.tableId() + " (" + q.method() + ")");
    field(g, "Hasil", w);
    g.v(TEST_RESULT, GateBits.outcome(r, q, pos, false)).nl();
    field(g, "Nilai rujukan", w);
    g.line(GateBits.reference(r, q, false));
    if (q == GateVocab.QUALS.get(0) && pos) {
      field(g, "CT value (gen N/ORF1ab)", w);
      g.line(r.between(18, 34) + "," + r.below(10) + " / " + r.between(18, 34) + "," + r.below(10));
    }
    g.nl().line("Catatan: " + GateBits.generalId(r));
    g.line("Alat: " + r.pick(GateVocab.ANALYSERS) + " " + GateValues.serial(r)).nl();
    g.line(f.town() + ", " + GateValues.longId(day));
    g.line("Penanggung jawab laboratorium,").nl();
    pj.put(g);
    g.nl();
  }

  /** English referral letter from an international patient service. */
  static void referralEn(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    boolean foreign = r.chance(0.7);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, day, 18, 80) : GatePeople.indonesian(r, day, 18, 80);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    Staff doc = GatePeople.doctor(r, day, true);
    GatePerson recv = GatePeople.foreigner(r, day, 35, 65);
    g.line(f.name() + " \u2014 International Patient Services");
    g.line(
        f.street()
            + ", "
            + f.area()
            + " | Tel "
            + f.phone()
            + " | "
            + r.pick("ips", "international", "info")
            + "@"
            + f.domain());
    g.nl().line(GateValues.longEn(day));
    g.line(
            "Our ref: IPS/"
                + day.getYear()
                + "/"
                + pad(day.getMonthValue(), 2)
                + pad(day.getDayOfMonth(), 2)
                + "/"
                + pad(r.between(1, 300), 3))
        .nl();
    boolean named = r.chance(0.6);
    if (named) {
      g.t("Dr. ").v(NAME, recv.full()).nl();
    } else {
      g.line("The Attending Physician");
    }
    g.line(
        r.pick(
            "Gleneagles Hospital, Singapore",
            "Royal Perth Hospital, Australia",
            "Pantai Hospital Kuala Lumpur",
            "St Thomas' Hospital, London",
            "Charit\u00e9, Berlin"));
    g.nl()
        .t("Re: " + GatePeople.titleEn(p) + " ")
        .v(NAME, p.full())
        .t(", born ")
        .v(BIRTH_DATE, GateValues.dateEn(r, p.birth));
    if (p.foreign()) {
      g.t(", passport ")
          .v(PASSPORT, GateValues.passport(r, p.country.code()))
          .t(" (" + p.country.nationality() + ")");
    } else {
      g.t(", NIK ").v(NIK, p.nik);
    }
    g.nl().nl();
    if (named) {
      g.t("Dear Dr. ").v(NAME, recv.family).line(",");
    } else {
      g.line("Dear Colleague,");
    }
    g.t("Thank you for seeing " + GatePeople.titleEn(p) + " ")
        .v(NAME, p.family.isEmpty() ? p.given : p.family);
    g.line(
        ", who presented to our emergency department on "
            + GateValues.longEn(day.minusDays(r.between(1, 6)))
            + " with "
            + dx.complaintEn()
            + ".");
    g.t("On examination: " + GateBits.vitalsEn(r) + ". ");
    g.v(TEST_RESULT, GateBits.proseEn(r, r.pick(GateVocab.QUALS), GateBits.positive(r))).t("; ");
    g.line(GateBits.numericProse(r, true) + ".");
    g.t("Our working diagnosis is " + dx.en() + " (ICD-10 ").v(DIAGNOSIS, dx.code()).line(").");
    g.line(
        (p.female ? "She" : "He")
            + " wishes to continue treatment at home and we would be grateful for your follow-up.");
    g.t((p.female ? "She" : "He") + " can be reached on ").v(PHONE, GatePeople.phoneOf(r, p));
    if (r.chance(0.6)) {
      g.t(" or by e-mail at ").v(EMAIL, p.email);
    }
    g.line(".");
    if (r.chance(0.5)) {
      g.t("While in Indonesia " + (p.female ? "she" : "he") + " stays at ")
          .v(ADDRESS, GatePeople.addressRun(r, p, 0.3))
          .line(", " + p.areaEn() + ".");
    }
    if (p.foreign() && p.country.code().equals("US") && r.chance(0.6)) {
      g.t("For billing with the US insurer the patient provided SSN ")
          .v(SSN, GateValues.ssn(r))
          .line(".");
    }
    g.line("Please do not hesitate to contact our international desk on " + f.phone() + ".");
    g.nl().line("Yours sincerely,").nl();
    doc.put(g);
    g.nl().line(f.name());
  }

  /** English discharge summary. */
  static void dischargeEn(GateRng r, GateText g) {
    LocalDate out = GateValues.day(r);
    LocalDate in = out.minusDays(r.between(2, 10));
    Facility f = r.pick(GateVocab.HOSPITALS);
    boolean foreign = r.chance(0.4);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, out, 18, 80) : GatePeople.indonesian(r, out, 1, 85);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    Staff doc = GatePeople.doctor(r, out, true);
    int w = 20;
    g.line(GateValues.up(f.name()));
    g.line(f.street() + ", " + f.area() + " \u2022 " + f.phone());
    g.nl().line("DISCHARGE SUMMARY").nl();
    field(g, "Patient name", w);
    g.v(NAME, r.chance(0.4) ? p.upper() : p.full()).nl();
    field(g, "MRN", w);
    g.v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), out)).nl();
    field(g, "Date of birth", w);
    g.v(BIRTH_DATE, GateValues.dateEn(r, p.birth))
        .t("   Sex: " + (p.female ? "Female" : "Male"))
        .nl();
    if (p.foreign()) {
      field(g, "Passport", w);
      g.v(PASSPORT, GateValues.passport(r, p.country.code()))
          .t(" (" + p.country.nationality() + ")")
          .nl();
    } else if (r.chance(0.5)) {
      field(g, "National ID (NIK)", w);
      g.v(NIK, p.nik).nl();
    }
    field(g, "Admitted", w);
    g.line(GateValues.iso(in) + "    Discharged: " + GateValues.iso(out));
    field(g, "Attending physician", w);
    doc.put(g);
    g.nl().nl();
    g.t("Principal diagnosis: ");
    GateBits.diagnosis(r, g, dx, true);
    g.nl();
    if (r.chance(0.5)) {
      g.t("Secondary diagnosis: ");
      GateBits.diagnosis(r, g, GateBits.other(r, dx), true);
      g.nl();
    }
    g.line("Presenting complaint: " + GateValues.cap(dx.complaintEn()) + ".");
    g.line("Investigations:");
    g.line("  " + GateBits.numericProse(r, true) + ", " + GateBits.numericProse(r, true) + ".");
    int n = r.between(1, 2);
    for (int i = 0; i < n; i++) {
      g.t("  ")
          .v(TEST_RESULT, GateBits.proseEn(r, r.pick(GateVocab.QUALS), GateBits.positive(r)))
          .line(".");
    }
    if (r.chance(0.35)) {
      g.line("  Note: " + GateBits.generalEn(r));
    }
    g.line("Procedures (ICD-9-CM): " + r.pick(GateBits.PROCEDURES_EN));
    g.line("Condition at discharge: " + r.pick("improved", "stable", "recovered"));
    g.line("Follow-up: outpatient clinic on " + GateValues.longEn(out.plusDays(7)) + ".");
    if (r.chance(0.5)) {
      g.t("Contact: ").v(PHONE, GatePeople.phoneOf(r, p));
      if (r.chance(0.5)) {
        g.t(", ").v(EMAIL, p.email);
      }
      g.nl();
    }
    if (r.chance(0.4)) {
      g.t("Home address: ").v(ADDRESS, GatePeople.addressRun(r, p, 0.5)).line(", " + p.areaEn());
    }
    g.nl().line("Electronically signed by");
    doc.put(g);
    g.t(" on " + GateValues.longEn(out)).nl();
  }
}
