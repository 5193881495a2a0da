package dev.periksa.pii.gate;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BANK_ACCOUNT;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.IBAN;
import static dev.periksa.pii.PiiType.JWT;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.NPWP;
import static dev.periksa.pii.PiiType.PASSPORT;
import static dev.periksa.pii.PiiType.PAYMENT_CARD;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.SSN;
import static dev.periksa.pii.PiiType.TEST_RESULT;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.gate.GatePeople.Staff;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;

/** Format {@code yaml}: test fixtures and configuration with seed data. */
final class GateYaml {
  private GateYaml() {}

  /** "key: value", the value quoted (double or single) or plain. */
  private static void kv(
      GateRng r,
      GateText g,
      String ind,
      String key,
      PiiType type,
      String value,
      boolean mustQuote) {
    g.t(ind + key + ": ");
    String q = mustQuote || r.chance(0.25) ? r.pick("\"", "\"", "'") : "";
    g.t(q).maybe(type, value).line(q);
  }

  /** Indonesian registration fixtures. */
  static void fixtureId(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    g.line("# Fixture uji integrasi modul pendaftaran - jangan dipakai di produksi");
    g.line("# dibuat ulang " + GateValues.iso(d));
    g.line("faskes:");
    kv(r, g, "  ", "kode", null, f.code(), false);
    kv(r, g, "  ", "nama", null, f.name(), false);
    kv(r, g, "  ", "email", null, GatePeople.roleEmail(r, f), false);
    kv(r, g, "  ", "telepon", null, f.phone(), true);
    kv(r, g, "  ", "alamat", null, f.street() + ", " + f.area(), true);
    g.line("pasien:");
    int n = r.between(1, 3);
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, d, 0, 90);
      g.t("  - ");
      kv(r, g, "", "no_rm", MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), d), true);
      kv(r, g, "    ", "nama", NAME, r.chance(0.3) ? p.upper() : p.full(), false);
      kv(r, g, "    ", "nik", NIK, p.nik, true);
      kv(r, g, "    ", "tgl_lahir", BIRTH_DATE, GateValues.iso(p.birth), false);
      kv(r, g, "    ", "jenis_kelamin", null, p.female ? "P" : "L", false);
      kv(r, g, "    ", "alamat", ADDRESS, GatePeople.addressRun(r, p, 0.6), false);
      kv(r, g, "    ", "kelurahan", null, GateValues.title(p.kelurahan), false);
      kv(r, g, "    ", "telepon", PHONE, GateValues.phone(r, p.mobile), true);
      if (r.chance(0.7)) {
        kv(r, g, "    ", "bpjs", BPJS, p.bpjs, true);
      }
      if (r.chance(0.6)) {
        Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
        g.line("    diagnosa:");
        g.t("      - kode: ").v(DIAGNOSIS, dx.code()).nl();
        g.line("        nama: " + dx.id().replace(":", ""));
      }
      if (r.chance(0.6)) {
        Qual q = r.pick(GateVocab.QUALS);
        g.line("    hasil_lab:");
        g.line("      - tes: " + q.tableId());
        g.t("        hasil: ")
            .v(TEST_RESULT, GateBits.outcome(r, q, GateBits.positive(r), false))
            .nl();
        g.line("        rujukan: " + GateBits.reference(r, q, false));
        g.line("        tgl_sampel: " + GateValues.iso(d));
      }
    }
    g.line("# akhir fixture");
  }

  /** Application config with a test token, role mailboxes and seeded staff accounts. */
  static void configId(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    g.line("# application-test.yml");
    g.line("spring:");
    g.line("  datasource:");
    g.line("    url: jdbc:postgresql://localhost:5432/simrs_test");
    g.line("    username: simrs");
    g.line("    password: changeme");
    g.line("simrs:");
    g.line("  faskes: " + f.code());
    g.line("  npwp-badan: \"" + f.npwp() + "\"");
    g.line("  notifikasi:");
    g.line("    pengirim: noreply@" + f.domain());
    g.line("    tembusan:");
    g.line("      - " + GatePeople.roleEmail(r, f));
    g.line("      - " + GatePeople.roleEmail(r, f));
    g.line("  bpjs:");
    g.line("    cons-id: \"" + r.digits(5) + "\"");
    g.line("    kode-ppk: " + f.ppk());
    g.line("    base-url: https://apijkn-dev.bpjs-kesehatan.go.id/vclaim-rest-dev");
    g.line("  test:");
    g.t("    bearer-token: ").v(JWT, GateValues.jwt(r, "sso." + f.domain(), d)).nl();
    g.line("seed:");
    g.line("  pengguna:");
    int n = r.between(1, 3);
    for (int i = 0; i < n; i++) {
      boolean doctor = r.chance(0.5);
      Staff s = doctor ? GatePeople.doctor(r, d, r.chance(0.5)) : GatePeople.nurse(r, d);
      GatePerson p = GatePeople.indonesian(r, d, 25, 60, s.female());
      String own = GatePeople.email(r, s.name(), p.birth);
      g.line("    - username: u" + r.digits(5));
      g.t("      nama: \"");
      s.put(g);
      g.line("\"");
      kv(r, g, "      ", "email", EMAIL, r.chance(0.5) ? GatePeople.staffEmail(s, f) : own, false);
      kv(r, g, "      ", "hp", PHONE, GateValues.phone(r, p.mobile), true);
      g.line("      peran: " + (doctor ? "DOKTER" : "PERAWAT"));
      if (r.chance(0.5)) {
        g.line("      penggajian:");
        kv(
            r,
            g,
            "        ",
            "npwp",
            NPWP,
            r.chance(0.8) ? GateValues.npwpPerson(r) : GateValues.npwp16(r),
            true);
        String[] acct = GateValues.bankAccount(r);
        kv(r, g, "        ", "bank", null, acct[0], false);
        kv(r, g, "        ", "no_rekening", BANK_ACCOUNT, acct[1], true);
      }
    }
  }

  /** English fixtures for the international desk: passports, cards, SSN, IBAN. */
  static void fixtureEn(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    g.line("# fixtures/intl_patients.yaml - synthetic-looking but treat as confidential");
    g.line("patients:");
    int n = r.between(1, 3);
    for (int i = 0; i < n; i++) {
      boolean foreign = r.chance(0.75);
      GatePerson p =
          foreign ? GatePeople.foreigner(r, d, 18, 85) : GatePeople.indonesian(r, d, 18, 85);
      g.t("  - ");
      kv(r, g, "", "name", NAME, p.full(), false);
      kv(
          r,
          g,
          "    ",
          "dob",
          BIRTH_DATE,
          r.chance(0.6) ? GateValues.iso(p.birth) : GateValues.longEn(p.birth),
          false);
      if (foreign) {
        kv(r, g, "    ", "passport", PASSPORT, GateValues.passport(r, p.country.code()), true);
        kv(r, g, "    ", "nationality", null, p.country.code(), false);
        if (p.country.code().equals("US") && r.chance(0.7)) {
          kv(r, g, "    ", "ssn", SSN, GateValues.ssn(r), true);
        }
      } else {
        kv(r, g, "    ", "nik", NIK, p.nik, true);
      }
      kv(r, g, "    ", "phone", PHONE, GatePeople.phoneOf(r, p), true);
      kv(r, g, "    ", "email", EMAIL, p.email, false);
      if (r.chance(0.5)) {
        kv(r, g, "    ", "local_address", ADDRESS, GatePeople.addressRun(r, p, 0.3), false);
        kv(r, g, "    ", "city", null, p.place.town(), false);
      }
      g.line("    payment:");
      if (r.chance(0.6)) {
        kv(
            r,
            g,
            "      ",
            "card",
            PAYMENT_CARD,
            GateValues.cardWritten(r, GateValues.card(r)),
            true);
      } else {
        kv(r, g, "      ", "card_masked", null, GateValues.cardMasked(r), true);
      }
      if (foreign
          && r.chance(0.3)
          && (p.country.code().equals("DE")
              || p.country.code().equals("NL")
              || p.country.code().equals("GB")
              || p.country.code().equals("FR"))) {
        kv(r, g, "      ", "iban", IBAN, GateValues.iban(r, p.country.code()), true);
      }
      kv(r, g, "      ", "invoice", null, GateValues.invoice(r, d), false);
      if (r.chance(0.5)) {
        Qual q = r.pick(GateVocab.QUALS);
        g.line("    screening:");
        g.line("      test: " + q.tableEn());
        g.t("      result: ")
            .v(TEST_RESULT, GateBits.outcome(r, q, GateBits.positive(r), true))
            .nl();
        g.line("      reference: " + GateBits.reference(r, q, true));
      }
    }
  }
}
