package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BANK_ACCOUNT;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.IBAN;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.NPWP;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.TEST_RESULT;

import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;

/** Format {@code email}: messages with headers; role mailboxes are institutional. */
final class GateEmail {
  private GateEmail() {}

  private static void mime(GateRng r, GateText g, LocalDate d, String domain) {
    g.line("Date: " + GateValues.mailDate(d, GateValues.hms(r)));
    g.line("Message-ID: <" + GateValues.uuid(r) + "@" + domain + ">");
    g.line("MIME-Version: 1.0");
    g.line("Content-Type: text/plain; charset=\"UTF-8\"");
    g.line("Content-Transfer-Encoding: 8bit");
  }

  private static void signature(GateText g, Staff s, String role, Facility f) {
    g.line("--");
    s.put(g);
    g.nl().line(role);
    g.line(f.name());
    g.line(f.street() + ", " + f.area());
    g.line("Telp. " + f.phone() + " | Fax. " + f.fax());
  }

  /** Referral between facilities, sent from a role mailbox to a doctor's own mailbox. */
  static void rujukanId(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility from = r.pick(GateVocab.HOSPITALS);
    Facility to = r.pick(GateVocab.HOSPITALS);
    Staff doc = GatePeople.doctor(r, d, true);
    Staff sender = GatePeople.admin(r, d);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    String mrn = GateValues.mrn(r, from.mrnStyle(), d);
    String box = r.pick("rekammedis", "rujukan", "igd", "casemix");
    g.line(
        "From: \""
            + GateValues.title(box)
            + " "
            + from.name()
            + "\" <"
            + box
            + "@"
            + from.domain()
            + ">");
    g.t("To: \"");
    doc.put(g);
    g.t("\" <").v(EMAIL, GatePeople.staffEmail(doc, to)).line(">");
    g.line("Cc: " + r.pick("klaim", "rekammedis", "admin") + "@" + to.domain());
    g.t("Subject: Rujukan pasien an. ")
        .v(NAME, p.full())
        .t(" (RM ")
        .v(MEDICAL_RECORD_NUMBER, mrn)
        .line(")");
    mime(r, g, d, from.domain());
    g.nl();
    g.t("Yth. ");
    doc.put(g);
    g.line(",").nl();
    g.line("Bersama ini kami rujuk pasien dengan data sebagai berikut:");
    g.t("  Nama       : ");
    GatePeople.titled(g, GatePeople.title(r, p, d), p.full());
    g.nl();
    g.t("  NIK        : ").v(NIK, p.nik).nl();
    g.t("  Tgl. lahir : ").v(BIRTH_DATE, GateValues.dateId(r, p.birth)).nl();
    if (r.chance(0.6)) {
      g.t("  No. JKN    : ").v(BPJS, p.bpjs).nl();
    }
    g.t("  Alamat     : ").v(ADDRESS, GatePeople.addressRun(r, p, 0.6)).line(", " + p.areaId());
    g.t("  No. HP     : ").v(PHONE, GateValues.phone(r, p.mobile)).nl().nl();
    g.line("Keluhan " + dx.complaintId() + ". " + GateBits.vitalsId(r) + ".");
    g.t("Hasil pemeriksaan: ")
        .v(TEST_RESULT, GateBits.proseId(r, r.pick(GateVocab.QUALS), GateBits.positive(r)))
        .line(".");
    g.t("Diagnosis kerja: ");
    GateBits.diagnosis(r, g, dx, false);
    g.line(".");
    g.line("Resume medis dan hasil penunjang terlampir (PDF). Mohon konfirmasi ketersediaan bed.")
        .nl();
    g.line("Terima kasih atas kerja samanya.").nl();
    signature(g, sender, "Petugas " + GateValues.title(box), from);
  }

  /** A complaint from a patient's own mailbox and the public-relations reply quoting it. */
  static void pengaduanId(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, d, 20, 75);
    Staff humas = GatePeople.admin(r, d);
    String mrn = GateValues.mrn(r, f.mrnStyle(), d);
    Qual q = r.pick(GateVocab.QUALS);
    boolean pos = GateBits.positive(r);
    String box = r.pick("humas", "pengaduan", "cs", "info");
    String honor = p.female ? "Ibu" : "Bapak";
    g.line("From: \"Humas " + f.name() + "\" <" + box + "@" + f.domain() + ">");
    g.t("To: \"").v(NAME, p.full()).t("\" <").v(EMAIL, p.email).line(">");
    g.line(
        "Subject: Re: Keluhan pelayanan "
            + r.pick("IGD", "rawat jalan", "laboratorium", "farmasi"));
    mime(r, g, d, f.domain());
    g.nl();
    g.t("Yth. " + honor + " ").v(NAME, p.full()).line(",").nl();
    g.line(
        "Terima kasih atas masukan yang "
            + honor
            + " sampaikan. Keluhan telah kami teruskan ke unit terkait");
    g.line(
            "dengan nomor tiket ADU-"
                + d.getYear()
                + "-"
                + r.digits(5)
                + ". Petugas kami akan menghubungi "
                + honor
                + " dalam 2x24 jam.")
        .nl();
    g.line("Salam,");
    humas.put(g);
    g.nl().line("Humas " + f.name() + " | " + f.phone()).nl();
    g.t(
            "Pada "
                + GateValues.shortId(d.minusDays(1))
                + " pukul "
                + GateValues.hm(r).replace(':', '.')
                + ", ")
        .v(NAME, p.full())
        .t(" <")
        .v(EMAIL, p.email)
        .line("> menulis:");
    g.line("> Selamat siang,");
    g.t("> Saya ")
        .v(NAME, p.full())
        .t(", pasien dengan No. RM ")
        .v(MEDICAL_RECORD_NUMBER, mrn)
        .t(", tgl lahir ")
        .v(BIRTH_DATE, GateValues.dateId(r, p.birth))
        .line(".");
    g.line("> Kemarin saya menunggu hasil lab lebih dari 5 jam di " + f.name() + ".");
    g.t("> Hasilnya ")
        .v(TEST_RESULT, GateBits.proseId(r, q, pos))
        .line(" tetapi tidak ada dokter yang menjelaskan.");
    if (r.chance(0.5)) {
      g.t("> Mohon hubungi saya di ").v(PHONE, GateValues.phone(r, p.mobile)).line(".");
    }
    if (r.chance(0.3)) {
      g.t("> Alamat saya ")
          .v(ADDRESS, GatePeople.addressRun(r, p, 0.5))
          .line(" bila perlu surat balasan resmi.");
    }
    g.line("> Terima kasih.");
  }

  /** English automated results e-mail to a patient's own mailbox. */
  static void resultsEn(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.LABS);
    boolean foreign = r.chance(0.6);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, d, 16, 80) : GatePeople.indonesian(r, d, 16, 80);
    String lab = GateValues.labNo(r, d);
    g.line(
        "From: \""
            + f.name()
            + " Results\" <"
            + r.pick("noreply", "results", "lab")
            + "@"
            + f.domain()
            + ">");
    g.t("To: ").v(EMAIL, p.email).nl();
    g.line("Reply-To: cs@" + f.domain());
    g.line("Subject: Your test results are ready - " + lab);
    mime(r, g, d, f.domain());
    g.nl();
    g.t("Dear " + GatePeople.titleEn(p) + " ")
        .v(NAME, p.family.isEmpty() ? p.given : p.family)
        .line(",")
        .nl();
    g.line(
        "Your results for accession "
            + lab
            + " (collected "
            + GateValues.longEn(d)
            + ") have been validated.");
    g.t("Name: ").v(NAME, p.upper()).nl();
    g.t("Date of birth: ").v(BIRTH_DATE, GateValues.dateEn(r, p.birth)).nl();
    g.t(foreign ? "Passport: " : "NIK: ")
        .v(foreign ? PASSPORT : NIK, foreign ? GateValues.passport(r, p.country.code()) : p.nik)
        .nl()
        .nl();
    int n = r.between(1, 3);
    for (int i = 0; i < n; i++) {
      Qual q = r.pick(GateVocab.QUALS);
      g.t("  - ")
          .v(TEST_RESULT, GateBits.proseEn(r, q, GateBits.positive(r)))
          .line("   (reference: " + GateBits.reference(r, q, true) + ")");
    }
    g.line("  - " + GateBits.numericProse(r, true)).nl();
    g.line(GateBits.generalEn(r));
    g.line("The signed PDF certificate is attached: result_" + lab + ".pdf").nl();
    g.line(
        "This is an automated message. For questions call "
            + f.phone()
            + " or write to cs@"
            + f.domain()
            + ".");
  }

  /** English claim decision: reimbursement to a bank account (or IBAN), tax number. */
  static void claimEn(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    boolean foreign = r.chance(0.4);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, d, 21, 75) : GatePeople.indonesian(r, d, 21, 75);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    String insurer = r.pick("globalcare.example", "asiahealth.example", "expat-insure.example");
    g.line("From: \"Claims Team\" <claims@" + insurer + ">");
    g.t("To: \"").v(NAME, p.full()).t("\" <").v(EMAIL, p.email).line(">");
    g.line("Subject: Claim CLM-" + r.digits(8) + " approved for reimbursement");
    mime(r, g, d, insurer);
    g.nl();
    g.t("Dear ").v(NAME, p.full()).line(",").nl();
    g.line(
        "We have approved your claim for treatment at " + f.name() + " (tax ID " + f.npwp() + ")");
    g.t("from " + GateValues.longEn(d.minusDays(r.between(5, 20))) + ", diagnosis ")
        .v(DIAGNOSIS, dx.code())
        .line(" (" + dx.en() + ").");
    g.line(
            "Approved amount: IDR "
                + GateValues.money(r.between(300, 60000) * 1000L)
                + " under policy "
                + r.pick("GH", "IP")
                + "-"
                + r.digits(8)
                + ".")
        .nl();
    if (foreign
        && r.chance(0.6)
        && !p.country.code().equals("US")
        && !p.country.code().equals("AU")
        && !p.country.code().equals("JP")
        && !p.country.code().equals("IN")
        && !p.country.code().equals("MY")) {
      g.t("The payment will be sent to IBAN ")
          .v(IBAN, GateValues.iban(r, p.country.code()))
          .line(" within 5 business days.");
    } else {
      String[] acct = GateValues.bankAccount(r);
      g.t("The payment will be sent to your " + acct[0] + " account no. ")
          .v(BANK_ACCOUNT, acct[1])
          .t(" (account holder: ")
          .v(NAME, p.upper())
          .line(") within 5 business days.");
    }
    if (!foreign && r.chance(0.5)) {
      g.t("Withholding tax is reported under your NPWP ")
          .v(NPWP, r.chance(0.7) ? GateValues.npwpPerson(r) : GateValues.npwp16(r))
          .line(".");
    }
    g.line(
            "Premiums continue to be charged to the card ending "
                + GateValues.card(r).substring(12, 15)
                + r.digits(1)
                + ".")
        .nl();
    g.line(
        "If any detail is wrong, reply to this e-mail or call our hotline +62 21 "
            + r.digits(4)
            + " "
            + r.digits(4)
            + ".");
    g.line("Kind regards,");
    g.line("Claims Team");
  }
}
