package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BANK_ACCOUNT;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.NPWP;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PAYMENT_CARD;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.TEST_RESULT;
import static dev.periksa.pii.gate.GateValues.pad;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import java.time.LocalDate;

/** Format {@code chat}: WhatsApp exports between clinic staff (and sometimes families). */
final class GateChat {
  private GateChat() {}

  /** A chat participant as their contact is saved: prefix, labelled name, role suffix. */
  private record Sender(String prefix, String name, PiiType type, String suffix) {
    void put(GateText g) {
      g.t(prefix).maybe(type, name).t(suffix);
    }
  }

  /** A chat export's clock and line style. */
  private static final class Chat {
    final GateRng r;
    final GateText g;
    final LocalDate day;
    final int style;
    int minute;
    int second;

    Chat(GateRng r, GateText g, LocalDate day, int style) {
      this.r = r;
      this.g = g;
      this.day = day;
      this.style = style;
      this.minute = r.between(6 * 60, 20 * 60);
    }

    /** Starts a message line: timestamp, sender, colon. */
    GateText from(Sender s) {
      int step = r.between(5, 540);
      second += step;
      minute += second / 60;
      second %= 60;
      int h = minute / 60 % 24;
      int m = minute % 60;
      String dd = pad(day.getDayOfMonth(), 2);
      String mm = pad(day.getMonthValue(), 2);
      String yy = pad(day.getYear() % 100, 2);
      switch (style) {
        case 0:
          g.t(dd + "/" + mm + "/" + yy + " " + pad(h, 2) + "." + pad(m, 2) + " - ");
          break;
        case 1:
          g.t(
              "["
                  + dd
                  + "/"
                  + mm
                  + "/"
                  + yy
                  + " "
                  + pad(h, 2)
                  + "."
                  + pad(m, 2)
                  + "."
                  + pad(second, 2)
                  + "] ");
          break;
        default:
          int h12 = h % 12 == 0 ? 12 : h % 12;
          g.t(
              day.getMonthValue()
                  + "/"
                  + day.getDayOfMonth()
                  + "/"
                  + yy
                  + ", "
                  + h12
                  + ":"
                  + pad(m, 2)
                  + " "
                  + (h < 12 ? "AM" : "PM")
                  + " - ");
          break;
      }
      s.put(g);
      return g.t(": ");
    }

    void system(String text) {
      minute += r.between(0, 3);
      int h = minute / 60 % 24;
      String dd = pad(day.getDayOfMonth(), 2);
      String mm = pad(day.getMonthValue(), 2);
      String yy = pad(day.getYear() % 100, 2);
      if (style == 2) {
        int h12 = h % 12 == 0 ? 12 : h % 12;
        g.line(
            day.getMonthValue()
                + "/"
                + day.getDayOfMonth()
                + "/"
                + yy
                + ", "
                + h12
                + ":"
                + pad(minute % 60, 2)
                + " "
                + (h < 12 ? "AM" : "PM")
                + " - "
                + text);
      } else if (style == 1) {
        g.line(
            "["
                + dd
                + "/"
                + mm
                + "/"
                + yy
                + " "
                + pad(h, 2)
                + "."
                + pad(minute % 60, 2)
                + "."
                + pad(second, 2)
                + "] "
                + text);
      } else {
        g.line(
            dd + "/" + mm + "/" + yy + " " + pad(h, 2) + "." + pad(minute % 60, 2) + " - " + text);
      }
    }
  }

  private static Sender staff(GateRng r, Staff s, String role, boolean doctor) {
    String prefix =
        doctor ? r.pick("dr. ", "Dr ", "dr ") : r.pick("", "", "Bu ", "Mbak ", "Ns. ", "Kak ");
    if (!doctor && !s.female() && !prefix.isEmpty()) {
      prefix = r.pick("Pak ", "Mas ", "Bang ");
    }
    return new Sender(prefix, GatePeople.nick(s), NAME, role.isEmpty() ? "" : " " + role);
  }

  /** Emergency department staff reporting a new patient to the doctor on call. */
  static void igd(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    Chat c = new Chat(r, g, d, r.below(2));
    Staff ns = GatePeople.nurse(r, d);
    Staff dr = GatePeople.doctor(r, d, r.chance(0.5));
    Staff an = GatePeople.analyst(r, d);
    Sender nurse = staff(r, ns, r.pick("IGD", "Perawat IGD", ""), false);
    Sender doc = staff(r, dr, r.pick("", "PD", "Jaga"), true);
    Sender lab = staff(r, an, "Lab", false);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    String mrn = GateValues.mrn(r, f.mrnStyle(), d);
    c.system(
        "Pesan dan panggilan dienkripsi secara end-to-end. Tidak seorang pun di luar chat ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya.");
    c.from(nurse)
        .t(
            r.pick("Selamat pagi dok", "Izin lapor dok", "Dok, maaf mengganggu")
                + ", pasien baru an. ");
    GatePeople.titled(g, GatePeople.title(r, p, d), p.full());
    g.t(", " + p.age(d) + " th, RM ").v(MEDICAL_RECORD_NUMBER, mrn);
    g.line(
        ", masuk IGD jam "
            + GateValues.hm(r).replace(':', '.')
            + " dgn keluhan "
            + dx.complaintId());
    c.from(doc).line(r.pick("TTV?", "Ttv gmn?", "Vital sign?"));
    c.from(nurse).line(GateBits.vitalsId(r));
    if (r.chance(0.8)) {
      c.from(lab)
          .t("Hasil lab an. ")
          .v(NAME, p.upper())
          .t(": ")
          .v(TEST_RESULT, GateBits.proseId(r, r.pick(GateVocab.QUALS), GateBits.positive(r)))
          .line(", " + GateBits.numericProse(r, false));
    }
    c.from(doc)
        .t(r.pick("Ok rawat inap ya. ", "Advis: observasi dulu. ", "Acc ranap. ") + "Dx ")
        .v(DIAGNOSIS, dx.code())
        .line(
            " "
                + GateValues.low(dx.id())
                + ". "
                + r.pick(
                    "Konsul Sp.PD besok pagi",
                    "Cek DL ulang 6 jam lagi",
                    "Jgn lupa informed consent"));
    if (r.chance(0.6)) {
      GatePerson fam = GatePeople.indonesian(r, d, 20, 75);
      c.from(nurse)
          .t(
              "Baik dok. Keluarga pasien ("
                  + (fam.female
                      ? r.pick("istri", "anak", "ibu", "adik", "kakak")
                      : r.pick("suami", "anak", "ayah", "adik", "kakak"))
                  + ") ");
      GatePeople.titled(
          g, fam.female ? r.pick("Ibu", "Ny.", "Bu") : r.pick("Bpk.", "Tn.", "Pak"), fam.full());
      g.t(" bisa dihubungi di ").v(PHONE, GateValues.phone(r, fam.mobile)).nl();
    }
    if (r.chance(0.5)) {
      c.from(nurse).line("<Media tidak disertakan>");
    }
    if (r.chance(0.6)) {
      c.from(nurse).t("NIK ").v(NIK, p.nik);
      if (r.chance(0.7)) {
        g.t(", BPJS ").v(BPJS, p.bpjs).t(" aktif kelas " + r.between(1, 3));
      }
      g.nl();
    }
    if (r.chance(0.4)) {
      c.from(nurse)
          .t("Alamat pasien ")
          .v(PiiType.ADDRESS, GatePeople.addressRun(r, p, 0.6))
          .line(
              " kel "
                  + GateValues.low(p.kelurahan)
                  + ", rujukan dari "
                  + r.pick(GateVocab.PRIMARY).name());
    }
    if (r.chance(0.3)) {
      c.from(nurse)
          .t("Tgl lahir pasien ")
          .v(BIRTH_DATE, GateValues.dmy(p.birth, r.pick("-", "/", ".")))
          .line(" ya dok, utk resep");
    }
    c.from(doc).line(r.pick("Sip, makasih", "Ok \u2713", "Siap", "Makasih infonya"));
    if (r.chance(0.3)) {
      c.system(
          r.pick(
              "Pesan ini telah dihapus",
              "Anda mengubah nama grup menjadi \"IGD " + f.code() + "\"",
              "Anda keluar"));
    }
  }

  /** English coordination chat of an international patient desk. */
  static void intlEn(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    Chat c = new Chat(r, g, d, 2);
    Staff co = GatePeople.admin(r, d);
    Staff dr = GatePeople.doctor(r, d, true);
    Sender coord = staff(r, co, r.pick("IPS", "Intl Desk", ""), false);
    Sender doc = staff(r, dr, "", true);
    boolean foreign = r.chance(0.75);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, d, 18, 85) : GatePeople.indonesian(r, d, 18, 85);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    c.system(
        "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.");
    c.from(coord).t("Morning team, " + GatePeople.titleEn(p) + " ").v(NAME, p.full());
    if (foreign) {
      g.t(" (" + p.country.nationality() + ", passport ")
          .v(PASSPORT, GateValues.passport(r, p.country.code()))
          .t(")");
    }
    g.t(" is coming in at " + r.between(8, 16) + ":00 for follow-up. DOB ")
        .v(BIRTH_DATE, GateValues.dateEn(r, p.birth))
        .nl();
    c.from(doc)
        .line(
            r.pick(
                "Noted. Did the repeat test come back?",
                "Ok. Any lab results yet?",
                "Thanks. Labs?"));
    c.from(coord)
        .t(r.pick("Yes: ", "Just in: ", "Lab says "))
        .v(TEST_RESULT, GateBits.proseEn(r, r.pick(GateVocab.QUALS), GateBits.positive(r)))
        .nl();
    c.from(doc)
        .t("Put ")
        .v(DIAGNOSIS, dx.code())
        .line(" on the guarantee of payment request please.");
    c.from(coord)
        .line(
            "Will do. GOP request "
                + r.pick("GOP", "LOG")
                + "-"
                + r.digits(7)
                + " sent to the insurer's claims@ mailbox, policy "
                + r.pick("GH", "IP")
                + "-"
                + r.digits(8)
                + ".");
    if (r.chance(0.7)) {
      GatePerson sp =
          foreign ? GatePeople.foreigner(r, d, 18, 85) : GatePeople.indonesian(r, d, 18, 85);
      c.from(coord)
          .t(
              (p.female ? "Her" : "His")
                  + " "
                  + r.pick("partner", "wife", "husband", "daughter")
                  + " ")
          .v(NAME, sp.full());
      g.t(" can be reached at ").v(PHONE, GatePeople.phoneOf(r, sp));
      if (r.chance(0.5)) {
        g.t(" / ").v(EMAIL, sp.email);
      }
      g.nl();
    }
    if (r.chance(0.5)) {
      c.from(coord)
          .t((p.female ? "She" : "He") + " is staying at ")
          .v(ADDRESS, GatePeople.addressRun(r, p, 0.2))
          .line(", " + p.place.town() + ".");
    }
    if (r.chance(0.3)) {
      c.from(doc).line(GateBits.generalEn(r));
    }
    c.from(doc).line(r.pick("Great, thanks.", "See you at the clinic.", "\u2713"));
  }

  /** Admissions and a patient's family: refunds, bank accounts, NPWP, cards. */
  static void refund(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    Chat c = new Chat(r, g, d, r.below(2));
    Staff ad = GatePeople.admin(r, d);
    Sender admin = staff(r, ad, r.pick("Admisi", "Kasir", "Casemix"), false);
    GatePerson p = GatePeople.indonesian(r, d, 0, 85);
    GatePerson fam = GatePeople.indonesian(r, d, 25, 70);
    String famPhone = GateValues.phone(fam.mobile, r.chance(0.5) ? 5 : 7);
    Sender family =
        r.chance(0.5)
            ? new Sender("", famPhone, PHONE, "")
            : new Sender(
                fam.female ? "Bu " : "Pak ",
                fam.given.split(" ")[0].equals("I") || fam.given.split(" ")[0].equals("Ni")
                    ? fam.full()
                    : fam.given,
                NAME,
                "");
    c.from(admin)
        .t(
            "Selamat siang, kami dari "
                + r.pick("admisi", "kasir", "keuangan")
                + " "
                + f.name()
                + ". Untuk refund kelebihan deposit an. ");
    GatePeople.titled(g, GatePeople.title(r, p, d), p.full());
    g.line(" mohon dikirim nomor rekening ya.");
    String[] acct = GateValues.bankAccount(r);
    c.from(family)
        .t(r.pick("Ini ", "Baik, ", "") + acct[0] + " ")
        .v(BANK_ACCOUNT, acct[1])
        .t(" a.n. ")
        .v(NAME, fam.full())
        .nl();
    if (r.chance(0.5)) {
      c.from(family)
          .t("NPWP saya ")
          .v(NPWP, r.chance(0.8) ? GateValues.npwpPerson(r) : GateValues.npwp16(r))
          .line(" kalau perlu utk kuitansi");
    }
    c.from(admin)
        .line(
            "Baik, diproses "
                + r.between(3, 14)
                + " hari kerja. No. invoice "
                + GateValues.invoice(r, d)
                + ", SEP "
                + GateValues.sep(r, f.ppk(), d)
                + ".");
    if (r.chance(0.5)) {
      c.from(admin)
          .line(
              "Kartu yang dipakai saat bayar deposit "
                  + GateValues.cardMasked(r)
                  + " ya "
                  + r.pick("bu", "pak")
                  + "?");
    } else {
      c.from(family)
          .t("Waktu bayar deposit pakai kartu ")
          .v(PAYMENT_CARD, GateValues.cardWritten(r, GateValues.card(r)))
          .line(" sus");
    }
    if (r.chance(0.5)) {
      c.from(family).line("<Media tidak disertakan>");
      c.from(family).t("Itu foto KTP, NIK ").v(NIK, fam.nik).nl();
    }
    if (r.chance(0.5)) {
      c.from(family).line("Sekalian mau tanya hasil lab kemarin sudah keluar?");
      c.from(admin)
          .t("Sudah " + r.pick("bu", "pak") + ", ")
          .v(TEST_RESULT, GateBits.proseId(r, r.pick(GateVocab.QUALS), GateBits.positive(r)))
          .line(". Detail bisa diambil di loket lab atau email ke lab@" + f.domain());
    }
    c.from(admin).line("Info lebih lanjut hubungi " + f.phone() + " (jam kerja). Terima kasih.");
  }
}
