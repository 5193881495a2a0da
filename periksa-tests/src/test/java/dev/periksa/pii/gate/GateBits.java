package dev.periksa.pii.gate;

import dev.periksa.pii.PiiType;
import java.time.LocalDate;
import java.util.List;

/** Pieces several templates share: letterheads, test outcomes, vital signs, field labels. */
final class GateBits {
  private GateBits() {}

  static final String[] ROMAN = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
  };

  static final List<String> PROCEDURES =
      List.of(
          "99.04 Transfusi packed red cells",
          "89.52 Elektrokardiogram",
          "87.44 Foto toraks rutin",
          "93.96 Terapi oksigen",
          "39.95 Hemodialisis",
          "47.01 Apendektomi laparoskopik",
          "73.59 Pertolongan persalinan normal",
          "99.18 Injeksi elektrolit",
          "88.38 CT scan kepala");

  static final List<String> PROCEDURES_EN =
      List.of(
          "99.04 Transfusion of packed cells",
          "89.52 Electrocardiogram",
          "87.44 Routine chest x-ray",
          "93.96 Oxygen therapy",
          "39.95 Haemodialysis",
          "47.01 Laparoscopic appendectomy",
          "88.38 CT scan of head");

  static final List<String> WARDS =
      List.of(
          "Melati",
          "Anggrek",
          "Cendana",
          "Flamboyan",
          "Wijaya Kusuma",
          "Dahlia",
          "Seruni",
          "Teratai",
          "ICU",
          "HCU",
          "Bougenville");

  static final List<String> POLI =
      List.of(
          "Poli Penyakit Dalam",
          "Poli Anak",
          "Poli Paru",
          "Poli Jantung",
          "Poli Saraf",
          "Poli Kebidanan dan Kandungan",
          "Poli Bedah",
          "Poli THT");

  static String roman(LocalDate d) {
    return ROMAN[d.getMonthValue() - 1];
  }

  /** Writes "label<padding>: ". */
  static void field(GateText g, String label, int width) {
    StringBuilder b = new StringBuilder(label);
    while (b.length() < width) {
      b.append(' ');
    }
    g.t(b + ": ");
  }

  static void letterhead(GateRng r, GateText g, GateVocab.Facility f) {
    if (f.name().startsWith("Puskesmas") || f.name().startsWith("RSUD")) {
      g.line(
          "PEMERINTAH "
              + (f.town().equals("Bogor") ? "KABUPATEN " : "KOTA ")
              + GateValues.up(f.town()));
      g.line("DINAS KESEHATAN");
    }
    g.line(GateValues.up(f.name()));
    g.line(f.street() + ", " + f.area());
    g.t("Telp. " + f.phone());
    if (r.chance(0.5)) {
      g.t(" Fax. " + f.fax());
    }
    g.line(" | Email: " + GatePeople.roleEmail(r, f) + " | www." + f.domain());
    g.line(
        r.pick(
            "==============================================================",
            "--------------------------------------------------------------",
            "______________________________________________________________"));
  }

  /** A test and its outcome written together: one TEST_RESULT span. */
  static String proseId(GateRng r, GateVocab.Qual q, boolean pos) {
    String out = pos ? q.posId() : q.negId();
    switch (r.below(3)) {
      case 0:
        return GateValues.cap(q.id()) + ": " + GateValues.up(out);
      case 1:
        return q.id() + " " + out;
      default:
        return GateValues.cap(q.id()) + " " + out;
    }
  }

  static String proseEn(GateRng r, GateVocab.Qual q, boolean pos) {
    String out = pos ? q.posEn() : q.negEn();
    switch (r.below(3)) {
      case 0:
        return q.en() + ": " + GateValues.up(out);
      case 1:
        return q.en() + " " + out;
      default:
        return GateValues.cap(q.en()) + " " + out;
    }
  }

  /** An outcome standing alone, as in a result cell or field. */
  static String outcome(GateRng r, GateVocab.Qual q, boolean pos, boolean en) {
    String out = en ? (pos ? q.posEn() : q.negEn()) : (pos ? q.posId() : q.negId());
    return r.chance(0.5) ? GateValues.up(out) : GateValues.title(out);
  }

  /** The reference value of a qualitative test: never labelled. */
  static String reference(GateRng r, GateVocab.Qual q, boolean en) {
    String ref = en ? q.negEn() : q.negId();
    return r.chance(0.5) ? GateValues.up(ref) : GateValues.title(ref);
  }

  static boolean positive(GateRng r) {
    return r.chance(0.35);
  }

  static String vitalsId(GateRng r) {
    return "TD "
        + r.between(90, 170)
        + "/"
        + r.between(60, 100)
        + " mmHg, N "
        + r.between(62, 118)
        + "x/mnt, RR "
        + r.between(16, 28)
        + "x/mnt, S "
        + r.between(36, 39)
        + ","
        + r.below(10)
        + " \u00b0C, SpO2 "
        + r.between(91, 99)
        + "%";
  }

  static String vitalsEn(GateRng r) {
    return "BP "
        + r.between(90, 170)
        + "/"
        + r.between(60, 100)
        + " mmHg, HR "
        + r.between(62, 118)
        + " bpm, RR "
        + r.between(16, 28)
        + "/min, T "
        + r.between(36, 39)
        + "."
        + r.below(10)
        + " \u00b0C, SpO2 "
        + r.between(91, 99)
        + "%";
  }

  /** A numeric lab value in words for prose, never labelled. */
  static String numericProse(GateRng r, boolean en) {
    GateVocab.Num n = r.pick(GateVocab.NUMS);
    int v = r.between(n.lo10(), n.hi10());
    return (en ? n.en() : n.id())
        + " "
        + GateValues.measure(v, n.decimals(), en ? '.' : ',')
        + " "
        + n.unit();
  }

  /** A sentence about tests in general: it holds no person's result. */
  static String generalId(GateRng r) {
    return r.pick(
        "Hasil negatif pada pemeriksaan antigen tidak menyingkirkan infeksi; bila klinis mendukung, ulangi dengan RT-PCR.",
        "Pemeriksaan NS1 setelah hari ke-5 demam dapat memberikan hasil negatif palsu.",
        "Hasil reaktif pada skrining wajib dikonfirmasi dengan metode lain sesuai pedoman.",
        "Kontrol positif dan kontrol negatif pada run ini memenuhi syarat.",
        "Sensitivitas tes cepat antigen 85%, spesifisitas 98%; kemungkinan positif palsu rendah.");
  }

  static String generalEn(GateRng r) {
    return r.pick(
        "A negative antigen result does not rule out infection; repeat with RT-PCR if clinically indicated.",
        "NS1 testing after day 5 of fever may give a false negative result.",
        "Reactive screening results must be confirmed by a second method.",
        "Positive and negative controls for this run were within limits.",
        "The assay has a false positive rate below 2% in low-prevalence settings.");
  }

  /** Writes a diagnosis with its code labelled, in one of several ways. */
  static void diagnosis(GateRng r, GateText g, GateVocab.Diagnosis d, boolean en) {
    String desc = en ? d.en() : d.id();
    switch (r.below(4)) {
      case 0:
        g.t(desc + " (").v(PiiType.DIAGNOSIS, d.code()).t(")");
        break;
      case 1:
        g.v(PiiType.DIAGNOSIS, d.code()).t(" - " + desc);
        break;
      case 2:
        g.t(desc + ", ICD-10: ").v(PiiType.DIAGNOSIS, d.code());
        break;
      default:
        g.v(PiiType.DIAGNOSIS, d.code()).t(" " + desc);
        break;
    }
  }

  /** A second diagnosis different from the first. */
  static GateVocab.Diagnosis other(GateRng r, GateVocab.Diagnosis d) {
    GateVocab.Diagnosis o = r.pick(GateVocab.DIAGNOSES);
    if (!o.code().equals(d.code())) {
      return o;
    }
    return GateVocab.DIAGNOSES.get(d.code().equals("I10") ? 10 : 9);
  }

  static String relationId(GatePerson fam) {
    return fam.female ? "istri" : "suami";
  }

  static String sexId(GatePerson p) {
    return p.female ? "Perempuan" : "Laki-laki";
  }
}
