package dev.periksa.pii.corpus;

import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.IBAN;
import static dev.periksa.pii.PiiType.JWT;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PAYMENT_CARD;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.SSN;
import static dev.periksa.pii.PiiType.TEST_RESULT;

import dev.periksa.pii.corpus.Synth.Person;
import java.util.Locale;

/**
 * Sentences of clinical notes, messages and forms, Indonesian and English, each with its true
 * values labelled; and sentences that hold only look-alikes. Labels follow one convention: the
 * value itself (the digits with their separators, the date, the result words), never the words that
 * introduce it. A test result written with its test's name ("HBsAg: Non Reaktif", "swab PCR:
 * positif") is the name with the outcome, without a label before it ("Hasil", "pemeriksaan"); an
 * outcome parted from the name (by a date, by "result:") is the outcome alone. A person's name is
 * labelled where a sentence introduces it as one ("Pasien atas nama ...", "Data pelaku perjalanan:
 * ...", "Patient ..."); a name with no such cue ("... was born on") is not, as the engine does not
 * claim to find names without one.
 */
final class Sentences {
  private final Synth s;

  Sentences(Synth s) {
    this.s = s;
  }

  private String cap(String x) {
    return s.p(50) ? x : x.toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------ Indonesian, personal data

  void idNik(Doc d, Person p) {
    String nik = s.p(8) ? s.nikPassingLuhn(p) : s.nik(p);
    switch (s.n(9)) {
      case 0 ->
          d.t("Pasien atas nama ")
              .v(NAME, p.full())
              .t(" dengan NIK ")
              .v(NIK, nik)
              .t(" datang ke IGD.");
      case 1 -> d.t(cap("NIK") + ": ").v(NIK, nik).t(".");
      case 2 -> d.t("No. KTP ").v(NIK, nik).t(", ");
      case 3 -> d.t("Nomor Induk Kependudukan ").v(NIK, nik).t(" terdaftar di Dukcapil.");
      case 4 -> d.t("nik=").v(NIK, nik).t(" ");
      case 5 ->
          d.t("Data pelaku perjalanan: ")
              .v(NAME, p.full())
              .t(", ")
              .v(NIK, nik)
              .t(", " + s.pick(Synth.CITIES) + ".");
      case 6 -> d.t("e-KTP ").v(NIK, nik).t(" sudah diverifikasi.");
      case 7 -> d.t("Mohon cek NIK saya ").v(NIK, nik).t(" karena sertifikat belum terbit.");
      default -> {
        // Written in groups, as some forms print it; only with a label does that stay a NIK.
        d.t("NIK: ").v(NIK, Synth.group(nik, " ", 4, 4, 4, 4)).t(".");
      }
    }
  }

  void idPhone(Doc d) {
    String ph = s.phone(false);
    switch (s.n(9)) {
      case 0 -> d.t("Hubungi ").v(PHONE, ph).t(" untuk informasi lebih lanjut.");
      case 1 -> d.t("No. HP: ").v(PHONE, ph).t(".");
      case 2 -> d.t("WA ").v(PHONE, ph).t(" ya kak.");
      case 3 -> d.t("Keluarga dapat dihubungi di nomor ").v(PHONE, ph).t(".");
      case 4 -> d.t("telp. ").v(PHONE, ph).t(", ");
      case 5 -> d.v(PHONE, ph).t(" (WhatsApp) aktif 24 jam.");
      case 6 -> {
        String bare = s.p(50) ? "62" + s.mobileDigits() : ph;
        d.t("Nomor ponsel ").v(PHONE, bare).t(" tidak aktif.");
      }
      case 7 -> d.t("Kirim kode OTP ke ").v(PHONE, ph).t(".");
      default -> d.t("hp ").v(PHONE, ph).t(" ");
    }
  }

  void idPassport(Doc d) {
    String pp = s.passport();
    switch (s.n(6)) {
      case 0 ->
          d.t("Pelaku perjalanan WNA dengan paspor ")
              .v(PASSPORT, pp)
              .t(" tiba di " + s.pick("CGK", "DPS", "SUB") + ".");
      case 1 -> d.t("No. Paspor: ").v(PASSPORT, pp).t(".");
      case 2 ->
          d.t("nomor paspor ")
              .v(PASSPORT, pp)
              .t(" berlaku hingga " + s.dateId(s.recent().plusYears(3)) + ".");
      case 3 -> d.t("Paspor ").v(PASSPORT, pp).t(", ");
      case 4 -> d.t("PASPOR NO. ").v(PASSPORT, pp).t(" ");
      default -> d.t("(paspor ").v(PASSPORT, pp).t(")");
    }
  }

  void idBpjs(Doc d) {
    String b = s.bpjs();
    switch (s.n(6)) {
      case 0 -> d.t("Peserta BPJS Kesehatan nomor ").v(BPJS, b).t(" aktif.");
      case 1 -> d.t("No. Kartu JKN-KIS: ").v(BPJS, b).t(".");
      case 2 -> d.t("kartu KIS ").v(BPJS, b).t(" ");
      case 3 -> d.t("No. BPJS ").v(BPJS, b).t(", ");
      case 4 -> d.t("Nomor kartu BPJS: ").v(BPJS, b).t(" (kelas " + (1 + s.n(3)) + ").");
      default -> d.t("JKN ").v(BPJS, b).t(" ");
    }
  }

  void idBirth(Doc d, Person p) {
    String date = s.dateId(p.birth());
    String city = s.pick(Synth.CITIES);
    switch (s.n(6)) {
      case 0 -> d.t("Lahir di " + city + " pada ").v(BIRTH_DATE, date).t(".");
      case 1 -> d.t("Tempat/Tgl Lahir: " + city + ", ").v(BIRTH_DATE, date).t(". ");
      case 2 -> d.t("tgl lahir ").v(BIRTH_DATE, date).t(", ");
      case 3 -> d.t("Tanggal lahir: ").v(BIRTH_DATE, date).t(". ");
      case 4 -> d.t("TTL: " + city + ", ").v(BIRTH_DATE, date).t(" ");
      default -> d.t("Pasien lahir tanggal ").v(BIRTH_DATE, date).t(".");
    }
  }

  void idDiagnosis(Doc d) {
    String[] c = s.icd();
    switch (s.n(6)) {
      case 0 -> d.t("Diagnosa: " + c[1] + " (").v(DIAGNOSIS, c[0]).t(").");
      case 1 -> d.t("Diagnosa utama ").v(DIAGNOSIS, c[0]).t(" " + c[1] + ".");
      case 2 -> d.t("dx: ").v(DIAGNOSIS, c[0]).t(" ");
      case 3 -> d.t("Kode ICD-10: ").v(DIAGNOSIS, c[0]).t(". ");
      case 4 -> {
        String[] c2 = s.icd();
        d.t("ICD-10 ").v(DIAGNOSIS, c[0]).t(", ").v(DIAGNOSIS, c2[0]).t(".");
      }
      default ->
          d.t("Pasien didiagnosis " + c[1].toLowerCase(Locale.ROOT) + " (ICD ")
              .v(DIAGNOSIS, c[0])
              .t(").");
    }
  }

  void idResult(Doc d) {
    switch (s.n(8)) {
      case 0 -> d.t("Hasil ").v(TEST_RESULT, "swab PCR: " + s.result(true, true)).t(".");
      case 1 -> d.t("Hasil ").v(TEST_RESULT, "tes antigen " + s.result(true, true)).t(". ");
      case 2 ->
          d.t("Hasil pemeriksaan ")
              .v(TEST_RESULT, "RT-PCR SARS-CoV-2: " + s.result(true, true))
              .t(".");
      case 3 -> d.t("hasil ").v(TEST_RESULT, "rapid antigen " + s.result(true, true)).t(", ");
      case 4 ->
          d.t("Pasien terkonfirmasi ")
              .v(TEST_RESULT, s.pick("positif", "POSITIF", "Positif"))
              .t(" COVID-19.");
      case 5 -> d.v(TEST_RESULT, "HBsAg: " + s.result(true, false)).t(". ");
      case 6 -> d.v(TEST_RESULT, "Anti-HIV " + s.result(true, false)).t(".");
      default ->
          d.t("Swab antigen tanggal " + s.dateId(s.recent()) + ": ")
              .v(TEST_RESULT, s.result(true, true))
              .t(".");
    }
  }

  void idMrn(Doc d) {
    String m = s.mrn();
    switch (s.n(5)) {
      case 0 -> d.t("No. RM ").v(MEDICAL_RECORD_NUMBER, m).t(", ");
      case 1 -> d.t("nomor rekam medis ").v(MEDICAL_RECORD_NUMBER, m).t(" ");
      case 2 -> d.t("No. Rekam Medis: ").v(MEDICAL_RECORD_NUMBER, m).t(". ");
      case 3 -> d.t("no_rm=").v(MEDICAL_RECORD_NUMBER, m).t(" ");
      default -> d.t("Pasien lama, no. RM: ").v(MEDICAL_RECORD_NUMBER, m).t(".");
    }
  }

  void idEmail(Doc d, Person p) {
    String e = s.email(p);
    switch (s.n(4)) {
      case 0 -> d.t("Email: ").v(EMAIL, e).t(". ");
      case 1 -> d.t("Hasil lab dikirim ke ").v(EMAIL, e).t(".");
      case 2 -> d.t("surel ").v(EMAIL, e).t(" ");
      default -> d.v(EMAIL, e).t(" ");
    }
  }

  void idCard(Doc d, Person p) {
    switch (s.n(5)) {
      case 0 -> d.t("Pembayaran dengan kartu kredit ").v(PAYMENT_CARD, s.card()).t(" berhasil.");
      case 1 -> d.t("Nomor kartu kredit: ").v(PAYMENT_CARD, s.nikShapedCard(p)).t(". ");
      case 2 -> d.t("Kartu debit ").v(PAYMENT_CARD, s.card()).t(" diblokir.");
      case 3 -> d.t("Ditagihkan ke ").v(PAYMENT_CARD, s.cardNoContext()).t(". ");
      default -> d.t("kartu kredit ").v(PAYMENT_CARD, s.layoutCard(s.nikShapedCard(p))).t(" ");
    }
  }

  // ------------------------------------------------------------ English, personal data

  void enPerson(Doc d, Person p) {
    String date = s.dateEn(p.birth());
    switch (s.n(4)) {
      case 0 -> d.t("Patient ").v(NAME, p.full()).t(", DOB ").v(BIRTH_DATE, date).t(". ");
      case 1 -> d.t("Date of birth: ").v(BIRTH_DATE, date).t(". ");
      case 2 -> d.t(p.first() + " was born on ").v(BIRTH_DATE, date).t(". ");
      default -> d.t("D.O.B. ").v(BIRTH_DATE, date).t(" ");
    }
  }

  void enSsn(Doc d) {
    String v = s.ssn();
    switch (s.n(4)) {
      case 0 -> d.t("SSN: ").v(SSN, v).t(". ");
      case 1 -> d.t("Social Security Number ").v(SSN, v).t(" on file.");
      case 2 -> d.t("ssn=").v(SSN, v).t(" ");
      default -> d.t("Guarantor SSN ").v(SSN, v).t(", ");
    }
  }

  void enPhone(Doc d) {
    String ph = s.p(50) ? s.foreignPhone() : s.phone(false);
    switch (s.n(4)) {
      case 0 -> d.t("Phone: ").v(PHONE, ph).t(". ");
      case 1 -> d.t("Mobile ").v(PHONE, ph).t(" ");
      case 2 -> d.t("Contact the patient at ").v(PHONE, ph).t(".");
      default -> d.t("Tel. ").v(PHONE, ph).t(", ");
    }
  }

  void enMrn(Doc d) {
    String m = s.mrn();
    switch (s.n(3)) {
      case 0 -> d.t("MRN ").v(MEDICAL_RECORD_NUMBER, m).t(". ");
      case 1 -> d.t("Medical record number: ").v(MEDICAL_RECORD_NUMBER, m).t(". ");
      default -> d.t("(MRN: ").v(MEDICAL_RECORD_NUMBER, m).t(")");
    }
  }

  void enDiagnosis(Doc d) {
    String[] c = s.icd();
    switch (s.n(4)) {
      case 0 -> d.t("Diagnosis: ").v(DIAGNOSIS, c[0]).t(" (" + c[2] + "). ");
      case 1 -> d.t("Dx " + c[2] + ", ").v(DIAGNOSIS, c[0]).t(". ");
      case 2 -> d.t("ICD-10: ").v(DIAGNOSIS, c[0]).t(" ");
      default -> {
        String[] c2 = s.icd();
        d.t("Discharge diagnoses ").v(DIAGNOSIS, c[0]).t(" and ").v(DIAGNOSIS, c2[0]).t(". ");
      }
    }
  }

  void enResult(Doc d) {
    switch (s.n(5)) {
      case 0 -> d.v(TEST_RESULT, "SARS-CoV-2 RT-PCR: " + s.result(false, true)).t(". ");
      case 1 -> d.t("Antigen test result: ").v(TEST_RESULT, s.result(false, true)).t(". ");
      case 2 ->
          d.t("The patient tested ")
              .v(TEST_RESULT, s.pick("positive", "negative"))
              .t(" for COVID-19 on " + s.dateEn(s.recent()) + ". ");
      case 3 -> d.v(TEST_RESULT, "HIV antibody: " + s.result(false, false)).t(". ");
      default -> d.v(TEST_RESULT, "PCR swab " + s.result(false, true)).t(", ");
    }
  }

  void enPassport(Doc d) {
    String pp = s.passport();
    switch (s.n(3)) {
      case 0 -> d.t("Passport ").v(PASSPORT, pp).t(". ");
      case 1 -> d.t("passport no. ").v(PASSPORT, pp).t(", ");
      default -> d.t("Travel document (passport): ").v(PASSPORT, pp).t(" ");
    }
  }

  void enCard(Doc d, Person p) {
    switch (s.n(4)) {
      case 0 -> d.t("Charged to card ").v(PAYMENT_CARD, s.card()).t(". ");
      case 1 -> d.t("Credit card number: ").v(PAYMENT_CARD, s.nikShapedCard(p)).t(". ");
      case 2 -> d.t("Paid by ").v(PAYMENT_CARD, s.cardNoContext()).t(" ");
      default -> d.t("Card ").v(PAYMENT_CARD, s.card()).t(" was declined. ");
    }
  }

  void enIban(Doc d) {
    String i = s.iban();
    switch (s.n(4)) {
      case 0 -> d.t("Refund to IBAN ").v(IBAN, i).t(". ");
      case 1 -> d.t("Please transfer the deposit to ").v(IBAN, i).t(". ");
      case 2 -> d.t("Bank account ").v(IBAN, i).t(" ");
      default -> d.t("iban: ").v(IBAN, i).t(", ");
    }
  }

  void enEmail(Doc d, Person p) {
    d.t(s.pick("Email: ", "Send the report to ", "e-mail ")).v(EMAIL, s.email(p)).t(". ");
  }

  void jwtLine(Doc d) {
    d.t(s.pick("Authorization: Bearer ", "token=", "access_token: ")).v(JWT, s.jwt()).t("\n");
  }

  // ------------------------------------------------------------ look-alikes only

  /** A sentence with values that must not be taken for personal data, Indonesian. */
  void idNegative(Doc d) {
    switch (s.n(32)) {
      case 30 -> d.t("Nomor " + s.nikLikeInvalid() + " tidak ditemukan di sistem. ");
      case 31 -> d.t(s.nikLikeInvalid() + " ");
      case 0 -> d.t("Pesanan #" + s.orderNumber16() + " sedang diproses. ");
      case 1 -> d.t("No. Pesanan: " + s.orderNumber16() + ". ");
      case 2 -> d.t("ID transaksi " + s.orderNumber16() + " berhasil. ");
      case 3 ->
          d.t("Invoice " + s.phoneShapedNumber() + " jatuh tempo " + s.dateId(s.recent()) + ". ");
      case 4 -> d.t("No. Faktur: " + s.phoneShapedNumber() + ". ");
      case 5 -> d.t("Kode booking " + s.alnum(6) + ", nomor resi " + s.trackingNumber() + ". ");
      case 6 -> d.t("Data diperbarui pada " + s.isoTimestamp() + ". ");
      case 7 -> d.t("timestamp " + s.epochMillis() + " ");
      case 8 -> d.t("Aplikasi versi " + s.version() + " sudah tersedia. ");
      case 9 -> d.t("ISBN " + s.isbn13() + ", barcode " + s.ean13() + ". ");
      case 10 -> d.t("ID perangkat " + s.uuid() + ". ");
      case 11 -> d.t("checksum sha256 " + s.hex(64) + " ");
      case 12 -> d.t("Lokasi: " + s.coordinates() + ". ");
      case 13 -> d.t("Total tagihan " + s.priceIdr() + " sudah dibayar. ");
      case 14 ->
          d.t(
              "Penerbangan GA "
                  + (100 + s.n(900))
                  + " dengan pesawat A320 dari gate D"
                  + (1 + s.n(9))
                  + ". ");
      case 15 -> d.t("Pasien dirawat di kamar B" + (10 + s.n(30)) + ". ");
      case 16 -> d.t("Terapi: vitamin B12 dan vitamin D3 1000 IU. ");
      case 17 ->
          d.t(
              s.pick(
                  "Ulasan pelanggan positif. ",
                  "Saldo akun negatif. ",
                  "Pertumbuhan ekonomi kuartal ini positif. ",
                  "Hasil penjualan bulan ini positif. ",
                  "Respon pasien terhadap terapi positif. "));
      case 18 -> d.t("Telp RS " + s.landline() + ". ");
      case 19 ->
          d.t(
              "Tanggal tes "
                  + s.dateId(s.recent())
                  + ", jadwal kontrol "
                  + s.dateId(s.recent())
                  + ". ");
      case 20 ->
          d.t(
              "No. antrian A-"
                  + String.format("%03d", s.n(300))
                  + ", no. registrasi REG"
                  + s.digits(8)
                  + ". ");
      case 21 -> d.t("Kode sampel SP" + s.digits(7) + " diterima lab. ");
      case 22 -> d.t("Kartu kredit " + s.cardBadCheck() + " ditolak karena nomor tidak valid. ");
      case 23 -> d.t("Unduh logo@2x.png dan icon@3x.png. ");
      case 24 -> d.t("IP server " + s.ipAddress() + " port " + (1000 + s.n(60000)) + ". ");
      case 25 -> d.t("Kendaraan dinas B " + (1000 + s.n(9000)) + " " + s.letters(3) + ". ");
      case 26 ->
          d.t(
              "Hb 1"
                  + s.n(6)
                  + "."
                  + s.n(10)
                  + " g/dL, SpO2 9"
                  + s.n(10)
                  + "%, TD 1"
                  + (10 + s.n(40))
                  + "/"
                  + (60 + s.n(30))
                  + " mmHg. ");
      case 27 -> d.t("Nomor virtual account 8808" + s.digits(12) + ". ");
      case 28 -> d.t("Rekam medis diperbarui " + s.dateId(s.recent()) + ". ");
      default ->
          d.t("Kunjungan berikutnya " + s.dateId(s.recent()) + " pukul 0" + s.n(10) + ".00 WIB. ");
    }
  }

  /** A sentence with values that must not be taken for personal data, English. */
  void enNegative(Doc d) {
    switch (s.n(24)) {
      case 22 -> d.t("Number " + s.nikLikeInvalid() + " was not found. ");
      case 23 -> d.t("Batch " + s.digits(16) + " imported. ");
      case 0 -> d.t("Order #" + s.orderNumber16() + " has shipped. ");
      case 1 -> d.t("Invoice No. " + Synth.group(s.digits(9), "-", 3, 2, 4) + " is overdue. ");
      case 2 ->
          d.t(
              "Part number "
                  + s.digits(3)
                  + "-"
                  + s.digits(2)
                  + "-"
                  + s.digits(4)
                  + "-"
                  + s.letters(1)
                  + " is out of stock. ");
      case 3 ->
          d.t(
              "ITIN "
                  + (900 + s.n(100))
                  + "-"
                  + (70 + s.n(19))
                  + "-"
                  + s.digits(4)
                  + " belongs to a non-resident filer. ");
      case 4 -> d.t("SSN " + s.ssnInvalid() + " was rejected as invalid. ");
      case 5 -> d.t("IBAN " + s.ibanBadCheck() + " failed validation. ");
      case 6 ->
          d.t(
              s.pick(
                  "Threat detected in upload. ",
                  "Positive feedback from the ward. ",
                  "The account has a negative balance. ",
                  "No anomalies detected. ",
                  "Customer sentiment is positive. "));
      case 7 -> d.t("Room B" + (10 + s.n(30)) + ", bed " + (1 + s.n(4)) + ". ");
      case 8 -> d.t("Vitamin B12 injection given. ");
      case 9 ->
          d.t(
              "Flight QZ"
                  + (7000 + s.n(999))
                  + " on an A320, seat "
                  + (1 + s.n(40))
                  + s.pick("A", "C", "F")
                  + ". ");
      case 10 -> d.t("ZIP " + (10000 + s.n(89999)) + "-" + s.digits(4) + ". ");
      case 11 -> d.t("Build " + s.version() + " deployed at " + s.isoTimestamp() + ". ");
      case 12 -> d.t("Request id " + s.uuid() + ", took " + s.n(900) + " ms. ");
      case 13 -> d.t("Tracking number " + s.trackingNumber() + ". ");
      case 14 -> d.t("Amount due: $" + (10 + s.n(5000)) + "." + s.digits(2) + ". ");
      case 15 -> d.t("Card " + s.cardBadCheck() + " is not a valid number. ");
      case 16 -> d.t("Specimen collected " + s.dateEn(s.recent()) + ". ");
      case 17 -> d.t("ISBN-13: " + s.isbn13() + ". ");
      case 18 -> d.t("Coordinates " + s.coordinates() + ". ");
      case 19 -> d.t("See npm package lodash@4.17.21 and logo@2x.png. ");
      case 20 -> d.t("Epoch " + s.epochMillis() + " ");
      default -> d.t("Commit " + s.hex(40) + " on branch main. ");
    }
  }
}
