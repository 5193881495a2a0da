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
import static dev.periksa.pii.PiiType.PAYMENT_CARD;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.SSN;
import static dev.periksa.pii.PiiType.TEST_RESULT;

import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Num;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Formats {@code html-table} and {@code html-dl}. */
final class GateHtml {
  private GateHtml() {}

  private static void head(GateText g, String lang, String title) {
    g.line("<!DOCTYPE html>");
    g.line(
        "<html lang=\""
            + lang
            + "\"><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title></head>");
    g.line("<body>");
  }

  private static void tail(GateText g) {
    g.line("</body></html>");
  }

  /** Numeric and qualitative rows of a lab table, in random order within their groups. */
  private static void labRows(GateRng r, GateText g, boolean en, boolean refBeforeUnit) {
    List<Num> nums = new ArrayList<>(GateVocab.NUMS);
    int nn = r.between(1, 5);
    if (r.chance(0.6)) {
      g.line(
          "<tr class=\"group\"><td colspan=\"5\"><b>"
              + (en ? "HAEMATOLOGY / CHEMISTRY" : "HEMATOLOGI / KIMIA KLINIK")
              + "</b></td></tr>");
    }
    for (int i = 0; i < nn; i++) {
      Num n = nums.remove(r.below(nums.size()));
      int v = r.between(n.lo10(), n.hi10());
      String val = GateValues.measure(v, n.decimals(), en || r.chance(0.5) ? '.' : ',');
      String flag = r.pick("", "", "H", "L");
      g.t("<tr><td>" + (en ? n.en() : n.id()) + "</td><td>" + val + "</td>");
      if (refBeforeUnit) {
        g.line(
            "<td>"
                + flag
                + "</td><td>"
                + n.ref().replace("<", "&lt;")
                + "</td><td>"
                + n.unit()
                + "</td></tr>");
      } else {
        g.line(
            "<td>"
                + n.unit()
                + "</td><td>"
                + n.ref().replace("<", "&lt;")
                + "</td><td>"
                + (en ? "automated" : "otomatis")
                + "</td></tr>");
      }
    }
    List<Qual> quals = new ArrayList<>(GateVocab.QUALS);
    int nq = r.between(1, 3);
    if (r.chance(0.6)) {
      g.line(
          "<tr class=\"group\"><td colspan=\"5\"><b>"
              + (en ? "SEROLOGY / IMMUNOLOGY" : "SEROLOGI / IMUNOLOGI")
              + "</b></td></tr>");
    }
    for (int i = 0; i < nq; i++) {
      Qual q = quals.remove(r.below(quals.size()));
      boolean pos = GateBits.positive(r);
      g.t("<tr><td>" + (en ? q.tableEn() : q.tableId()) + "</td><td>");
      boolean bold = pos && r.chance(0.5);
      if (bold) {
        g.t("<b>");
      }
      g.v(TEST_RESULT, GateBits.outcome(r, q, pos, en));
      if (bold) {
        g.t("</b>");
      }
      g.t("</td>");
      if (refBeforeUnit) {
        g.line(
            "<td>"
                + (pos ? "*" : "")
                + "</td><td>"
                + GateBits.reference(r, q, en)
                + "</td><td>-</td></tr>");
      } else {
        g.line(
            "<td>-</td><td>"
                + GateBits.reference(r, q, en)
                + "</td><td>"
                + q.method()
                + "</td></tr>");
      }
    }
  }

  /** Indonesian lab result page: identity table, then results with reference ranges. */
  static void labId(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.chance(0.5) ? r.pick(GateVocab.LABS) : r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, day, 0, 90);
    Staff sender = GatePeople.doctor(r, day, r.chance(0.5));
    Staff pk = GatePeople.pathologist(r, day);
    Staff an = GatePeople.analyst(r, day);
    String lab = GateValues.labNo(r, day);
    head(g, "id", "Hasil Laboratorium " + lab);
    g.line(
        "<div class=\"kop\"><h2>"
            + GateValues.up(f.name())
            + "</h2><p>"
            + f.street()
            + ", "
            + f.area()
            + " &middot; Telp. "
            + f.phone()
            + "</p></div>");
    g.line("<table class=\"identitas\">");
    g.t("<tr><td>Nama Pasien</td><td>: ");
    GatePeople.titled(g, GatePeople.title(r, p, day), r.chance(0.6) ? p.upper() : p.full());
    g.line("</td></tr>");
    g.t("<tr><td>No. RM</td><td>: ")
        .v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), day))
        .line("</td></tr>");
    g.t("<tr><td>Tgl. Lahir / Umur</td><td>: ")
        .v(BIRTH_DATE, GateValues.dmy(p.birth, r.pick("-", "/")))
        .line(" / " + p.age(day) + " th</td></tr>");
    if (r.chance(0.35)) {
      g.t("<tr><td>NIK</td><td>: ").v(NIK, p.nik).line("</td></tr>");
    }
    g.line("<tr><td>Jenis Kelamin</td><td>: " + GateBits.sexId(p) + "</td></tr>");
    g.t("<tr><td>Dokter Pengirim</td><td>: ");
    sender.put(g);
    g.line("</td></tr>");
    g.line("<tr><td>No. Lab</td><td>: " + lab + "</td></tr>");
    g.line(
        "<tr><td>Tgl. Sampel</td><td>: "
            + GateValues.dmy(day, "-")
            + " "
            + GateValues.hm(r)
            + "</td></tr>");
    g.line("</table>");
    boolean alt = r.chance(0.5);
    g.line("<table class=\"hasil\" border=\"1\">");
    g.line(
        alt
            ? "<thead><tr><th>Pemeriksaan</th><th>Hasil</th><th>Flag</th><th>Nilai Rujukan</th><th>Satuan</th></tr></thead>"
            : "<thead><tr><th>Pemeriksaan</th><th>Hasil</th><th>Satuan</th><th>Nilai Rujukan</th><th>Metode</th></tr></thead>");
    g.line("<tbody>");
    labRows(r, g, false, alt);
    g.line("</tbody></table>");
    if (r.chance(0.3)) {
      g.line("<p class=\"catatan\">Catatan: " + GateBits.generalId(r) + "</p>");
    }
    g.t("<p>Analis: ");
    an.put(g);
    g.t("<br>Penanggung jawab: ");
    pk.put(g);
    g.line("</p>");
    g.line(
        "<p class=\"alat\">Alat: "
            + r.pick(GateVocab.ANALYSERS)
            + " "
            + GateValues.serial(r)
            + "</p>");
    tail(g);
  }

  /** English lab report with a header table of th/td pairs. */
  static void labEn(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.LABS);
    boolean foreign = r.chance(0.5);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, day, 18, 80) : GatePeople.indonesian(r, day, 1, 85);
    Staff pk = GatePeople.pathologist(r, day);
    String lab = GateValues.labNo(r, day);
    head(g, "en", "Laboratory Report " + lab);
    g.line(
        "<header><h1>"
            + f.name()
            + "</h1><small>"
            + f.street()
            + ", "
            + f.area()
            + " | "
            + f.phone()
            + "</small></header>");
    g.line("<table class=\"patient\">");
    g.t("<tr><th>Patient</th><td>")
        .v(NAME, p.full())
        .t("</td><th>Date of birth</th><td>")
        .v(BIRTH_DATE, GateValues.dateEn(r, p.birth))
        .line("</td></tr>");
    g.t("<tr><th>MRN</th><td>")
        .v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), day))
        .t("</td>");
    if (foreign) {
      g.t("<th>Passport</th><td>")
          .v(PASSPORT, GateValues.passport(r, p.country.code()))
          .line("</td></tr>");
    } else {
      g.t("<th>NIK</th><td>").v(NIK, p.nik).line("</td></tr>");
    }
    g.line(
        "<tr><th>Accession</th><td>"
            + lab
            + "</td><th>Collected</th><td>"
            + GateValues.iso(day)
            + " "
            + GateValues.hm(r)
            + "</td></tr>");
    g.line("</table>");
    g.line("<table class=\"results\">");
    g.line(
        "<tr><th>Test</th><th>Result</th><th>Flag</th><th>Reference range</th><th>Units</th></tr>");
    labRows(r, g, true, true);
    g.line("</table>");
    if (r.chance(0.4)) {
      g.line("<p><i>" + GateBits.generalEn(r) + "</i></p>");
    }
    g.t("<footer>Validated by ");
    pk.put(g);
    g.line(
        " &mdash; results sent to "
            + r.pick("results", "noreply", "lab")
            + "@"
            + f.domain()
            + "</footer>");
    tail(g);
  }

  /** An admin panel's patient list. */
  static void patientList(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.chance(0.7) ? r.pick(GateVocab.HOSPITALS) : r.pick(GateVocab.PRIMARY);
    boolean showNik = r.chance(0.8);
    boolean showBpjs = r.chance(0.6);
    boolean showAddr = r.chance(0.6);
    boolean showMail = r.chance(0.3);
    head(g, "id", "Data Pasien - SIMRS " + f.code());
    g.line("<h3>Daftar Pasien Terdaftar " + GateValues.longId(day) + "</h3>");
    g.line("<table class=\"table table-striped\" id=\"tblPasien\">");
    StringBuilder h =
        new StringBuilder("<thead><tr><th>No</th><th>No. RM</th><th>Nama Pasien</th>");
    if (showNik) {
      h.append("<th>NIK</th>");
    }
    h.append("<th>Tgl Lahir</th><th>No. HP</th>");
    if (showMail) {
      h.append("<th>Email</th>");
    }
    if (showAddr) {
      h.append("<th>Alamat</th>");
    }
    if (showBpjs) {
      h.append("<th>No. BPJS</th>");
    }
    h.append("<th>Tgl Daftar</th><th>Aksi</th></tr></thead>");
    g.line(h.toString());
    g.line("<tbody>");
    int rows = r.between(2, 7);
    for (int i = 1; i <= rows; i++) {
      GatePerson p = GatePeople.indonesian(r, day, 0, 90);
      int id = r.between(1000, 99999);
      g.t("<tr><td>" + i + "</td><td>")
          .v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), day));
      g.t("</td><td><a href=\"/pasien/" + id + "\">")
          .v(NAME, r.chance(0.5) ? p.upper() : p.full())
          .t("</a></td>");
      if (showNik) {
        g.t("<td>").v(NIK, p.nik).t("</td>");
      }
      g.t("<td>")
          .v(BIRTH_DATE, r.chance(0.5) ? GateValues.dmy(p.birth, "-") : GateValues.iso(p.birth))
          .t("</td>");
      g.t("<td>").v(PHONE, GateValues.phone(r, p.mobile)).t("</td>");
      if (showMail) {
        g.t("<td>").v(EMAIL, p.email).t("</td>");
      }
      if (showAddr) {
        g.t("<td>").v(ADDRESS, GatePeople.addressRun(r, p, 0.6)).t("</td>");
      }
      if (showBpjs) {
        if (r.chance(0.8)) {
          g.t("<td>").v(BPJS, p.bpjs).t("</td>");
        } else {
          g.t("<td>-</td>");
        }
      }
      g.line(
          "<td>"
              + GateValues.dmy(day.minusDays(r.below(30)), "-")
              + "</td><td><button class=\"btn btn-sm\">Edit</button></td></tr>");
    }
    g.line("</tbody></table>");
    g.line(
        "<p>Menampilkan "
            + rows
            + " dari "
            + r.between(rows, 5000)
            + " data &middot; "
            + f.name()
            + " &middot; "
            + f.phone()
            + "</p>");
    tail(g);
  }

  /** A bill: product codes (some look like phone numbers), invoice numbers, company NPWP. */
  static void billing(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, day, 18, 80);
    Staff kasir = GatePeople.admin(r, day);
    head(g, "id", "Rincian Tagihan");
    g.line("<h2>" + f.name() + "</h2>");
    g.line("<p>NPWP: " + f.npwp() + " &middot; " + f.street() + ", " + f.area() + "</p>");
    g.line("<table class=\"info\">");
    g.line("<tr><th>No. Invoice</th><td>" + GateValues.invoice(r, day) + "</td></tr>");
    g.line("<tr><th>No. Order</th><td>" + GateValues.order(r, day) + "</td></tr>");
    g.t("<tr><th>Nama Pasien</th><td>");
    GatePeople.titled(g, GatePeople.title(r, p, day), p.full());
    g.line("</td></tr>");
    g.t("<tr><th>No. RM</th><td>")
        .v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), day))
        .line("</td></tr>");
    if (r.chance(0.5)) {
      g.t("<tr><th>No. HP</th><td>").v(PHONE, GateValues.phone(r, p.mobile)).line("</td></tr>");
    }
    g.line("<tr><th>Tanggal</th><td>" + GateValues.dmy(day, "/") + "</td></tr>");
    g.line("</table>");
    g.line("<table class=\"items\">");
    g.line(
        "<tr><th>No</th><th>kode_produk</th><th>Nama Layanan</th><th>Qty</th><th>Harga</th><th>Subtotal</th></tr>");
    int n = r.between(2, 6);
    long total = 0;
    for (int i = 1; i <= n; i++) {
      int qty = r.between(1, 3);
      long price = r.between(15, 1500) * 1000L;
      total += qty * price;
      g.line(
          "<tr><td>"
              + i
              + "</td><td>"
              + GateValues.productCode(r)
              + "</td><td>"
              + r.pick(GateVocab.PRODUCTS)
              + "</td><td>"
              + qty
              + "</td><td>"
              + GateValues.money(price)
              + "</td><td>"
              + GateValues.money(qty * price)
              + "</td></tr>");
    }
    g.line("<tr><th colspan=\"5\">Total</th><th>Rp " + GateValues.money(total) + "</th></tr>");
    g.line("</table>");
    switch (r.below(3)) {
      case 0:
        g.line(
            "<p>Dibayar dengan kartu "
                + GateValues.cardMasked(r)
                + ", ID transaksi "
                + GateValues.trx16(r, day)
                + "</p>");
        break;
      case 1:
        g.t("<p>Dibayar dengan kartu ")
            .v(PAYMENT_CARD, GateValues.cardWritten(r, GateValues.card(r)))
            .line(", approval code " + r.digits(6) + "</p>");
        break;
      default:
        g.line(
            "<p>Transfer ke Virtual Account "
                + "8808"
                + r.digits(12)
                + " (BCA), ID transaksi "
                + GateValues.trx16(r, day)
                + "</p>");
        break;
    }
    g.t("<p>Kasir: ");
    kasir.put(g);
    g.line("</p>");
    tail(g);
  }

  /** A patient profile as a definition list, some values wrapped in spans. */
  static void profileDl(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, day, 0, 90);
    boolean spans = r.chance(0.5);
    g.line("<div class=\"card pasien\">");
    g.line("<h3>Profil Pasien</h3>");
    g.line("<dl class=\"row\">");
    g.t("<dt>Nama Lengkap</dt><dd>" + (spans ? "<span class=\"nama-pasien\">" : ""))
        .v(NAME, p.full())
        .line((spans ? "</span>" : "") + "</dd>");
    g.t("<dt>NIK</dt><dd>").v(NIK, p.nik).line("</dd>");
    if (r.chance(0.2)) {
      g.t("<dt>No. Paspor</dt><dd>").v(PASSPORT, GateValues.passportId(r)).line("</dd>");
    }
    g.t("<dt>" + r.pick("Tanggal Lahir", "Tgl. Lahir", "Tempat, Tanggal Lahir") + "</dt><dd>");
    if (r.chance(0.5)) {
      g.t(p.birthPlace + ", ");
    }
    g.t(spans ? "<span class=\"tgl\">" : "")
        .v(BIRTH_DATE, GateValues.dateId(r, p.birth))
        .line((spans ? "</span>" : "") + "</dd>");
    g.t("<dt>No. Rekam Medis</dt><dd><span class=\"badge badge-info\">")
        .v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), day))
        .line("</span></dd>");
    if (r.chance(0.7)) {
      g.t("<dt>No. Kartu BPJS</dt><dd>").v(BPJS, p.bpjs).line("</dd>");
    }
    g.t("<dt>Alamat</dt><dd>")
        .v(ADDRESS, GatePeople.addressRun(r, p, 0.5))
        .line(
            "<br>"
                + p.areaId().replace(", Kota", "<br>Kota").replace(", Kab.", "<br>Kab.")
                + "</dd>");
    String phone = GateValues.phone(r, p.mobile);
    if (r.chance(0.5)) {
      g.t("<dt>Telepon</dt><dd><a href=\"tel:")
          .v(PHONE, "+62" + p.mobile)
          .t("\">")
          .v(PHONE, phone)
          .line("</a></dd>");
    } else {
      g.t("<dt>Telepon</dt><dd>").v(PHONE, phone).line("</dd>");
    }
    if (r.chance(0.5)) {
      g.t("<dt>Email</dt><dd><a href=\"mailto:")
          .v(EMAIL, p.email)
          .t("\">")
          .v(EMAIL, p.email)
          .line("</a></dd>");
    }
    g.line("<dt>Golongan Darah</dt><dd>" + r.pick("A", "B", "AB", "O", "-") + "</dd>");
    g.line("<dt>Tgl. Registrasi</dt><dd>" + GateValues.dmy(day, "-") + "</dd>");
    if (r.chance(0.4)) {
      GatePerson fam = GatePeople.indonesian(r, day, 20, 75);
      g.t("<dt>Kontak Darurat</dt><dd>")
          .v(NAME, fam.full())
          .t(
              " ("
                  + (fam.female
                      ? r.pick("istri", "ibu", "anak", "saudara")
                      : r.pick("suami", "ayah", "anak", "saudara"))
                  + ") ")
          .v(PHONE, GateValues.phone(r, fam.mobile))
          .line("</dd>");
    }
    g.line("</dl>");
    g.line(
        "<small>Data milik "
            + f.name()
            + ". Pertanyaan: "
            + GatePeople.roleEmail(r, f)
            + " / "
            + f.phone()
            + "</small>");
    g.line("</div>");
  }

  /** English travel health certificate (passport, result fields). */
  static void travelDl(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.LABS);
    boolean foreign = r.chance(0.6);
    GatePerson p =
        foreign ? GatePeople.foreigner(r, day, 16, 80) : GatePeople.indonesian(r, day, 16, 80);
    Qual q = GateVocab.QUALS.get(r.chance(0.7) ? 0 : 1);
    boolean pos = r.chance(0.2);
    Staff pk = GatePeople.pathologist(r, day);
    g.line("<section class=\"certificate\">");
    g.line("<h2>International Travel Health Certificate</h2>");
    g.line(
        "<p class=\"issuer\">"
            + f.name()
            + " &middot; Accreditation KAN LM-"
            + r.between(100, 999)
            + "-IDN</p>");
    g.line("<dl>");
    g.t("<dt>Full name</dt><dd><span class=\"holder\">").v(NAME, p.upper()).line("</span></dd>");
    g.t("<dt>Passport No.</dt><dd>")
        .v(PASSPORT, foreign ? GateValues.passport(r, p.country.code()) : GateValues.passportId(r))
        .line("</dd>");
    g.line(
        "<dt>Nationality</dt><dd>" + (foreign ? p.country.nationality() : "Indonesian") + "</dd>");
    g.t("<dt>Date of birth</dt><dd>").v(BIRTH_DATE, GateValues.dateEn(r, p.birth)).line("</dd>");
    if (foreign && p.country.code().equals("US") && r.chance(0.5)) {
      g.t("<dt>SSN</dt><dd>").v(SSN, GateValues.ssn(r)).line("</dd>");
    }
    if (r.chance(0.5)) {
      g.t("<dt>Mobile</dt><dd>").v(PHONE, GatePeople.phoneOf(r, p)).line("</dd>");
    }
    if (r.chance(0.5)) {
      g.t("<dt>E-mail</dt><dd>").v(EMAIL, p.email).line("</dd>");
    }
    g.line(
        "<dt>Specimen collected</dt><dd>"
            + GateValues.longEn(day)
            + ", "
            + GateValues.hm(r)
            + " (UTC+7)</dd>");
    g.line("<dt>Test</dt><dd>" + q.tableEn() + "</dd>");
    g.t("<dt>Result</dt><dd class=\"result\">")
        .v(TEST_RESULT, GateBits.outcome(r, q, pos, true))
        .line("</dd>");
    g.line("<dt>Reference</dt><dd>" + GateBits.reference(r, q, true) + "</dd>");
    g.line("<dt>Certificate No.</dt><dd>THC-" + day.getYear() + "-" + r.digits(6) + "</dd>");
    g.line("</dl>");
    g.t("<p>Authorised by ");
    pk.put(g);
    g.line("</p>");
    g.line(
        "<p class=\"verify\">Verify at https://"
            + f.domain()
            + "/verify or write to info@"
            + f.domain()
            + "</p>");
    g.line("</section>");
  }

  /** Insurance reimbursement details: NPWP, bank account, card. */
  static void claimDl(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, day, 21, 70);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    g.line("<div class=\"klaim-detail\">");
    g.line("<h4>Detail Klaim Reimbursement</h4>");
    g.line("<dl class=\"dl-horizontal\">");
    g.line("<dt>No. Klaim</dt><dd>CLM/" + day.getYear() + "/" + r.digits(7) + "</dd>");
    g.line("<dt>No. Polis</dt><dd>" + r.pick("POL-", "PL", "") + r.digits(10) + "</dd>");
    g.t("<dt>Nama Tertanggung</dt><dd>").v(NAME, p.full()).line("</dd>");
    g.t("<dt>NIK</dt><dd>").v(NIK, p.nik).line("</dd>");
    if (r.chance(0.7)) {
      g.t("<dt>NPWP</dt><dd>")
          .v(NPWP, r.chance(0.8) ? GateValues.npwpPerson(r) : GateValues.npwp16(r))
          .line("</dd>");
    }
    g.t("<dt>Tgl. Lahir</dt><dd>").v(BIRTH_DATE, GateValues.dateId(r, p.birth)).line("</dd>");
    g.line("<dt>Rumah Sakit</dt><dd>" + f.name() + " (NPWP " + f.npwp() + ")</dd>");
    g.line(
        "<dt>Tgl. Perawatan</dt><dd>"
            + GateValues.dmy(day.minusDays(r.between(3, 9)), "/")
            + " s.d. "
            + GateValues.dmy(day, "/")
            + "</dd>");
    g.t("<dt>Diagnosa</dt><dd><span class=\"icd\">")
        .v(DIAGNOSIS, dx.code())
        .line("</span> " + dx.id() + "</dd>");
    g.line(
        "<dt>Total Klaim</dt><dd>Rp " + GateValues.money(r.between(500, 45000) * 1000L) + "</dd>");
    String[] acct = GateValues.bankAccount(r);
    g.t("<dt>Rekening Tujuan</dt><dd>" + acct[0] + " <span class=\"norek\">")
        .v(BANK_ACCOUNT, acct[1])
        .t("</span> a.n. ")
        .v(NAME, r.chance(0.5) ? p.upper() : p.full())
        .line("</dd>");
    if (r.chance(0.3)) {
      g.t("<dt>Kartu Kredit (autodebet premi)</dt><dd>")
          .v(PAYMENT_CARD, GateValues.cardWritten(r, GateValues.card(r)))
          .line("</dd>");
    } else {
      g.line("<dt>Kartu Kredit (autodebet premi)</dt><dd>" + GateValues.cardMasked(r) + "</dd>");
    }
    if (r.chance(0.08)) {
      GatePerson fo = GatePeople.foreigner(r, day, 25, 60);
      g.t("<dt>Rekening luar negeri (IBAN)</dt><dd>")
          .v(IBAN, GateValues.iban(r, r.pick("DE", "NL", "GB", "FR")))
          .t(" a.n. ")
          .v(NAME, fo.full())
          .line("</dd>");
    }
    g.line("<dt>Status</dt><dd><span class=\"label label-warning\">Verifikasi</span></dd>");
    g.line("</dl>");
    g.line("<p>Hubungi klaim@" + f.domain() + " untuk pertanyaan.</p>");
    g.line("</div>");
  }

  /** A patient header bar of spans, then a clinical definition list. */
  static void headerSpans(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, day, 0, 90);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    Staff dpjp = GatePeople.doctor(r, day, true);
    g.line("<div class=\"patient-banner\">");
    g.t("  <span class=\"pt-name\">");
    GatePeople.titled(g, GatePeople.title(r, p, day), p.upper());
    g.line("</span>");
    g.t("  <span class=\"pt-mrn\">")
        .v(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), day))
        .line("</span>");
    g.t("  <span class=\"pt-dob\">")
        .v(BIRTH_DATE, GateValues.dmy(p.birth, "/"))
        .line("</span> <span class=\"pt-age\">(" + p.age(day) + " th)</span>");
    g.line("  <span class=\"pt-sex\">" + (p.female ? "P" : "L") + "</span>");
    if (r.chance(0.5)) {
      g.t("  <span class=\"pt-bpjs\" title=\"No. Kartu JKN\">").v(BPJS, p.bpjs).line("</span>");
    }
    g.line(
        "  <span class=\"pt-room\">"
            + r.pick(GateBits.WARDS)
            + " "
            + r.between(101, 320)
            + "</span>");
    g.line("</div>");
    g.line("<dl class=\"emr\">");
    g.t("<dt>DPJP</dt><dd>");
    dpjp.put(g);
    g.line("</dd>");
    g.line("<dt>Tgl. Masuk</dt><dd>" + GateValues.dmy(day, "/") + " " + GateValues.hm(r) + "</dd>");
    g.line("<dt>Keluhan</dt><dd>" + GateValues.cap(dx.complaintId()) + "</dd>");
    g.t("<dt>Diagnosa</dt><dd><span class=\"icd\">")
        .v(DIAGNOSIS, dx.code())
        .line("</span> " + dx.id() + "</dd>");
    int n = r.between(1, 3);
    for (int i = 0; i < n; i++) {
      Qual q = r.pick(GateVocab.QUALS);
      boolean pos = GateBits.positive(r);
      g.t(
              "<dt>"
                  + q.tableId()
                  + "</dt><dd><span class=\"badge "
                  + (pos ? "badge-danger" : "badge-success")
                  + "\">")
          .v(TEST_RESULT, GateBits.outcome(r, q, pos, false))
          .line("</span> <small>(rujukan: " + GateBits.reference(r, q, false) + ")</small></dd>");
    }
    if (r.chance(0.5)) {
      g.t("<dt>Alamat</dt><dd>")
          .v(ADDRESS, GatePeople.addressRun(r, p, 0.7))
          .line(", " + p.areaId() + "</dd>");
    }
    if (r.chance(0.5)) {
      g.t("<dt>Telp. keluarga</dt><dd>")
          .v(PHONE, GateValues.phone(r, GateValues.mobile(r)))
          .line("</dd>");
    }
    g.line("</dl>");
  }
}
