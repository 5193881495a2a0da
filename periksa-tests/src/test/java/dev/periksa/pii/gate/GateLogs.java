package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BANK_ACCOUNT;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.JWT;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PAYMENT_CARD;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.TEST_RESULT;
import static dev.periksa.pii.gate.GateValues.pad;

import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;

/** Format {@code log}: application logs with key=value pairs and JSON payloads. */
final class GateLogs {
  private GateLogs() {}

  /** A clock that only moves forward within one log. */
  private static final class Clock {
    final LocalDate day;
    int ms;
    final int style;

    Clock(GateRng r, LocalDate day) {
      this.day = day;
      this.ms = r.between(6 * 3600, 20 * 3600) * 1000;
      this.style = r.below(3);
    }

    String next(GateRng r) {
      ms += r.between(5, 4000);
      int s = ms / 1000;
      String hms = pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2) + ":" + pad(s % 60, 2);
      switch (style) {
        case 0:
          return GateValues.iso(day) + " " + hms + "," + pad(ms % 1000, 3);
        case 1:
          return GateValues.iso(day) + "T" + hms + "." + pad(ms % 1000, 3) + "+07:00";
        default:
          return GateValues.iso(day) + " " + hms + "." + pad(ms % 1000, 3);
      }
    }
  }

  /** "key=value", "key = value" or "key= value". */
  private static String eq(GateRng r, String key) {
    switch (r.below(5)) {
      case 0:
        return key + " = ";
      case 1:
        return key + "= ";
      default:
        return key + "=";
    }
  }

  private static void kvQuoted(
      GateRng r, GateText g, String key, dev.periksa.pii.PiiType type, String value) {
    g.t(" " + eq(r, key));
    boolean quote = value.indexOf(' ') >= 0 || r.chance(0.3);
    if (quote) {
      g.t("\"");
    }
    g.maybe(type, value);
    if (quote) {
      g.t("\"");
    }
  }

  /** key=value lines from a SIMRS: registration, bridging, diagnosis, notifications, lab. */
  static void keyValue(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    Clock c = new Clock(r, day);
    int patients = r.between(1, 3);
    String thread =
        r.pick(
            "pendaftaran", "http-nio-8080-exec-" + r.between(1, 20), "worker-" + r.between(1, 8));
    g.line(
        c.next(r)
            + " INFO  [main] simrs.App - started "
            + f.code()
            + " build="
            + r.digits(4)
            + " profile=prod");
    for (int i = 0; i < patients; i++) {
      GatePerson p = GatePeople.indonesian(r, day, 0, 90);
      String mrn = GateValues.mrn(r, f.mrnStyle(), day);
      Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
      g.t(c.next(r) + " INFO  [" + thread + "] registrasi ok");
      kvQuoted(
          r, g, r.pick("patient", "pasien", "nama"), NAME, r.chance(0.4) ? p.upper() : p.full());
      kvQuoted(r, g, "nik", NIK, p.nik);
      if (r.chance(0.6)) {
        kvQuoted(
            r,
            g,
            r.pick("tgl_lahir", "dob", "tglLahir"),
            BIRTH_DATE,
            r.chance(0.6) ? GateValues.iso(p.birth) : GateValues.dmy(p.birth, "-"));
      }
      kvQuoted(r, g, r.pick("no_rm", "mrn", "norm"), MEDICAL_RECORD_NUMBER, mrn);
      g.line(
          " poli="
              + r.pick("INT", "ANA", "OBG", "PAR", "JAN", "BED")
              + " reg="
              + GateValues.regNo(r, day));
      g.t(c.next(r) + " DEBUG [bridging-bpjs] cek peserta");
      kvQuoted(r, g, r.pick("noKartu", "no_kartu", "bpjs"), BPJS, p.bpjs);
      g.line(" status=AKTIF kelas=" + r.between(1, 3) + " latency_ms=" + r.between(80, 2400));
      if (r.chance(0.6)) {
        g.t(c.next(r) + " INFO  [emr] diagnosa disimpan");
        kvQuoted(r, g, "no_rm", MEDICAL_RECORD_NUMBER, mrn);
        kvQuoted(r, g, r.pick("icd10", "icd", "kode_icd"), DIAGNOSIS, dx.code());
        g.line(" " + eq(r, "deskripsi") + "\"" + dx.id() + "\"");
      }
      if (r.chance(0.6)) {
        Qual q = r.pick(GateVocab.QUALS);
        g.t(
            c.next(r)
                + " INFO  [lis] hasil diterima no_lab="
                + GateValues.labNo(r, day)
                + " pemeriksaan=\""
                + q.tableId()
                + "\"");
        kvQuoted(r, g, "hasil", TEST_RESULT, GateBits.outcome(r, q, GateBits.positive(r), false));
        g.line(
            " "
                + eq(r, "rujukan")
                + GateValues.up(q.negId()).replace(' ', '_')
                + " alat=\""
                + r.pick(GateVocab.ANALYSERS)
                + "\" sn="
                + GateValues.serial(r).replace(" ", ""));
      }
      if (r.chance(0.5)) {
        g.t(c.next(r) + " WARN  [notif] sms gagal dikirim");
        kvQuoted(
            r,
            g,
            r.pick("to", "hp", "msisdn"),
            PHONE,
            r.chance(0.5) ? "62" + p.mobile : GateValues.phone(r, p.mobile));
        g.line(" retry=" + r.between(1, 3) + " order_id=" + GateValues.order(r, day));
      }
      if (r.chance(0.3)) {
        g.t(c.next(r) + " INFO  [pendaftaran] update alamat");
        kvQuoted(r, g, "alamat", ADDRESS, GatePeople.addressRun(r, p, 0.5));
        g.line(
            " kelurahan=\"" + GateValues.title(p.kelurahan) + "\" kota=\"" + p.place.town() + "\"");
      }
    }
    g.line(
        c.next(r)
            + " INFO  [scheduler] sinkronisasi selesai trx_id="
            + GateValues.trx16(r, day)
            + " rows="
            + r.between(1, 500));
    g.line(
        c.next(r)
            + " INFO  [mail] laporan harian dikirim ke "
            + GatePeople.roleEmail(r, f)
            + " cc="
            + GatePeople.roleEmail(r, f));
  }

  private static void jsonField(
      GateText g, String key, dev.periksa.pii.PiiType type, String value, boolean comma) {
    g.t("\"" + key + "\":\"").maybe(type, value).t("\"" + (comma ? "," : ""));
  }

  /** Spring-style log lines carrying request and response JSON. */
  static void jsonPayload(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    Clock c = new Clock(r, day);
    int pid = r.between(1000, 60000);
    GatePerson p = GatePeople.indonesian(r, day, 0, 90);
    String mrn = GateValues.mrn(r, f.mrnStyle(), day);
    String pre = " --- [nio-8080-exec-" + r.between(1, 12) + "] ";
    g.t(
        c.next(r)
            + "  INFO "
            + pid
            + pre
            + "c.r.simrs.api.PasienController   : POST /api/v1/pasien body={");
    jsonField(g, "nama", NAME, p.full(), true);
    jsonField(g, "nik", NIK, p.nik, true);
    jsonField(g, "tglLahir", BIRTH_DATE, GateValues.iso(p.birth), true);
    jsonField(g, "jenisKelamin", null, p.female ? "P" : "L", true);
    jsonField(g, "noHp", PHONE, r.chance(0.5) ? "+62" + p.mobile : "0" + p.mobile, true);
    if (r.chance(0.5)) {
      jsonField(g, "email", EMAIL, p.email, true);
    }
    jsonField(g, "alamat", ADDRESS, GatePeople.addressRun(r, p, 0.6), true);
    jsonField(g, "kelurahan", null, GateValues.title(p.kelurahan), false);
    g.line("}");
    g.t(
        c.next(r)
            + "  INFO "
            + pid
            + pre
            + "c.r.simrs.api.PasienController   : response 201 {\"id\":"
            + r.between(1000, 900000)
            + ",");
    jsonField(g, "noRm", MEDICAL_RECORD_NUMBER, mrn, true);
    g.line("\"createdAt\":\"" + GateValues.iso(day) + "T" + GateValues.hms(r) + "\"}");
    if (r.chance(0.7)) {
      Qual q = r.pick(GateVocab.QUALS);
      boolean pos = GateBits.positive(r);
      g.t(
          c.next(r)
              + " DEBUG "
              + pid
              + pre
              + "c.r.simrs.satusehat.Client         : POST /fhir-r4/v1/Observation payload={\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\""
              + q.tableId()
              + "\"},");
      g.t("\"subject\":{\"reference\":\"Patient/P" + r.digits(11) + "\",\"display\":\"")
          .v(NAME, p.full())
          .t("\"},");
      g.t("\"valueString\":\"").v(TEST_RESULT, GateBits.outcome(r, q, pos, r.chance(0.3))).t("\",");
      g.line("\"referenceRange\":[{\"text\":\"" + GateBits.reference(r, q, false) + "\"}]}");
    }
    if (r.chance(0.6)) {
      Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
      g.t(
              c.next(r)
                  + "  INFO "
                  + pid
                  + pre
                  + "c.r.simrs.emr.DiagnosaService      : saved {\"noRm\":\"")
          .v(MEDICAL_RECORD_NUMBER, mrn);
      g.t("\",\"icd10\":\"")
          .v(DIAGNOSIS, dx.code())
          .t("\",\"nama\":\"" + dx.id() + "\",\"jenis\":\"" + r.pick("UTAMA", "SEKUNDER") + "\"}");
      g.nl();
    }
    if (r.chance(0.5)) {
      g.t(
          c.next(r)
              + "  WARN "
              + pid
              + pre
              + "c.r.simrs.bpjs.VClaimClient        : metaData.code=201 message=\"Peserta tidak ditemukan\" request={");
      jsonField(g, "noKartu", BPJS, p.bpjs, true);
      jsonField(g, "tglSEP", null, GateValues.iso(day), false);
      g.line("}");
    }
    g.line(
        c.next(r)
            + " ERROR "
            + pid
            + pre
            + "o.h.engine.jdbc.spi.SqlExceptionHelper : Duplicate entry '"
            + GateValues.trx16(r, day)
            + "' for key 'transaksi.uk_trx'");
  }

  /** Access and audit log lines: JWTs in headers, identifiers in URLs (English). */
  static void access(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    Clock c = new Clock(r, day);
    int n = r.between(1, 3);
    String ip = "10." + r.between(0, 40) + "." + r.between(0, 254) + "." + r.between(2, 254);
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, day, 0, 90);
      String mrn = GateValues.mrn(r, f.mrnStyle(), day);
      String ts =
          pad(day.getDayOfMonth(), 2)
              + "/"
              + GateValues.MON[day.getMonthValue() - 1]
              + "/"
              + day.getYear()
              + ":"
              + GateValues.hms(r)
              + " +0700";
      g.t(ip + " - - [" + ts + "] \"GET /api/v2/patients/")
          .v(MEDICAL_RECORD_NUMBER, mrn)
          .line("?include=labs HTTP/1.1\" 200 " + r.between(300, 9000) + " \"-\" \"okhttp/4.9.3\"");
      g.t(c.next(r) + " DEBUG AuthFilter - Authorization: Bearer ")
          .v(JWT, GateValues.jwt(r, "sso." + f.domain(), day))
          .line(" client=" + r.pick("mobile-app", "anjungan", "simrs-web"));
      g.t(
              c.next(r)
                  + " INFO  AuditTrail - user=u"
                  + r.digits(5)
                  + " role="
                  + r.pick("NURSE", "DOCTOR", "REGISTRAR")
                  + " action=VIEW mrn=")
          .v(MEDICAL_RECORD_NUMBER, mrn);
      g.t(" patient_name=\"").v(NAME, p.full()).line("\" ip=" + ip);
      if (r.chance(0.5)) {
        g.t(c.next(r) + " INFO  AuditTrail - action=SEARCH query=\"nik:")
            .v(NIK, p.nik)
            .line("\" hits=1");
      }
      if (r.chance(0.4)) {
        g.t(c.next(r) + " INFO  PortalLogin - login ok email=")
            .v(EMAIL, p.email)
            .line(" mfa=" + r.pick("none", "sms", "totp"));
      }
    }
    if (r.chance(0.3)) {
      GatePerson fo = GatePeople.foreigner(r, day, 20, 70);
      g.t(c.next(r) + " INFO  IntlDesk - passport scan ok passport_no=")
          .v(PASSPORT, GateValues.passport(r, fo.country.code()))
          .t(" nationality=" + fo.country.code() + " name=\"")
          .v(NAME, fo.full())
          .line("\"");
    }
    g.line(c.next(r) + " INFO  Health - GET /actuator/health 200 instance=" + GateValues.uuid(r));
    g.line(
        c.next(r)
            + " WARN  RateLimiter - client_id="
            + GateValues.trx16(r, day)
            + " exceeded 100 req/min");
  }

  /** Billing worker log in English: cards, refunds to bank accounts, masked numbers. */
  static void billing(GateRng r, GateText g) {
    LocalDate day = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    Clock c = new Clock(r, day);
    int n = r.between(1, 3);
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, day, 18, 85);
      String inv = GateValues.invoice(r, day);
      String w = "[billing-worker-" + r.between(1, 6) + "] ";
      long amount = r.between(50, 25000) * 1000L;
      if (r.chance(0.6)) {
        g.t(c.next(r) + " INFO  " + w + "PaymentService - charge ok card=")
            .v(PAYMENT_CARD, GateValues.cardWritten(r, GateValues.card(r)));
        g.line(" amount=IDR " + amount + " invoice=" + inv + " trx_id=" + GateValues.trx16(r, day));
      } else {
        g.line(
            c.next(r)
                + " INFO  "
                + w
                + "PaymentService - charge ok card="
                + GateValues.cardMasked(r)
                + " amount=IDR "
                + amount
                + " invoice="
                + inv);
      }
      if (r.chance(0.5)) {
        String[] acct = GateValues.bankAccount(r);
        g.t(
                c.next(r)
                    + " INFO  "
                    + w
                    + "RefundService - refund queued bank="
                    + acct[0].replace(" ", "_")
                    + " bank_account=")
            .v(BANK_ACCOUNT, acct[1]);
        g.t(" holder=\"")
            .v(NAME, p.upper())
            .line("\" amount=IDR " + (amount / 10) + " ref=" + GateValues.order(r, day));
      }
      if (r.chance(0.4)) {
        g.t(c.next(r) + " INFO  " + w + "Notifier - receipt sent to ")
            .v(EMAIL, p.email)
            .t(" and ")
            .v(PHONE, "+62" + p.mobile)
            .nl();
      }
      if (r.chance(0.3)) {
        g.line(
            c.next(r)
                + " DEBUG "
                + w
                + "Gateway - va_number=8808"
                + r.digits(12)
                + " status=PAID settlement="
                + GateValues.iso(day.plusDays(1)));
      }
    }
    g.line(
        c.next(r)
            + " INFO  [billing-scheduler] TaxInvoice - e-Faktur generated seller_npwp="
            + f.npwp()
            + " count="
            + r.between(1, 90));
    g.line(
        c.next(r)
            + " INFO  [billing-scheduler] Mailer - daily report to keuangan@"
            + f.domain()
            + " ("
            + f.phone()
            + ")");
  }
}
