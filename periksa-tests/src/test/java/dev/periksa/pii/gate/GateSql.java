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
import static dev.periksa.pii.PiiType.SSN;
import static dev.periksa.pii.PiiType.TEST_RESULT;
import static dev.periksa.pii.gate.GateText.val;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.gate.GateVocab.Diagnosis;
import dev.periksa.pii.gate.GateVocab.Facility;
import dev.periksa.pii.gate.GateVocab.Num;
import dev.periksa.pii.gate.GateVocab.Qual;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Format {@code sql}: INSERT dumps of SIMRS tables. */
final class GateSql {
  private GateSql() {}

  /** A quoted SQL string, labelled inside the quotes. */
  private static Object[] q(PiiType type, String value) {
    return new Object[] {"'", val(type, value), "'"};
  }

  private static String q(String value) {
    return "'" + value + "'";
  }

  private static String cols(boolean backticks, String... names) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        b.append(backticks ? "," : ", ");
      }
      b.append(backticks ? "`" + names[i] + "`" : names[i]);
    }
    return b.append(")").toString();
  }

  private static void rows(GateText g, String head, List<Object[]> rows, boolean multi) {
    if (multi) {
      g.t(head + " VALUES ");
      for (int i = 0; i < rows.size(); i++) {
        if (i > 0) {
          g.t(",\n  ");
        }
        g.t("(").join(",", rows.get(i)).t(")");
      }
      g.line(";");
    } else {
      for (Object[] row : rows) {
        g.t(head + " VALUES (").join(", ", row).line(");");
      }
    }
  }

  /** MySQL dump of the pasien table. */
  static void pasien(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    boolean mysql = r.chance(0.7);
    if (mysql) {
      g.line("-- MySQL dump 10.13  Distrib 8.0." + r.between(28, 39) + ", for Linux (x86_64)");
      g.line(
          "-- Host: "
              + r.pick("localhost", "10.0.0." + r.between(2, 60), "db-simrs")
              + "    Database: simrs_"
              + f.code().toLowerCase(java.util.Locale.ROOT));
      g.line("-- ------------------------------------------------------");
      g.line("LOCK TABLES `pasien` WRITE;");
      g.line("/*!40000 ALTER TABLE `pasien` DISABLE KEYS */;");
    } else {
      g.line("-- PostgreSQL database dump");
      g.line("SET client_encoding = 'UTF8';");
    }
    String table = mysql ? "`pasien`" : "public.pasien";
    String head =
        "INSERT INTO "
            + table
            + " "
            + cols(
                mysql,
                "id",
                "no_rm",
                "nama",
                "nik",
                "tempat_lahir",
                "tgl_lahir",
                "jk",
                "alamat",
                "no_hp",
                "email",
                "no_bpjs",
                "created_at");
    List<Object[]> rows = new ArrayList<>();
    int n = r.between(1, 6);
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, d, 0, 90);
      rows.add(
          new Object[] {
            Integer.toString(r.between(1, 900000)),
            q(MEDICAL_RECORD_NUMBER, GateValues.mrn(r, f.mrnStyle(), d)),
            q(NAME, r.chance(0.4) ? p.upper() : p.full()),
            q(NIK, p.nik),
            q(p.birthPlace),
            q(BIRTH_DATE, GateValues.iso(p.birth)),
            q(p.female ? "P" : "L"),
            q(ADDRESS, GatePeople.addressRun(r, p, 0.6)),
            q(PHONE, r.chance(0.5) ? "0" + p.mobile : GateValues.phone(r, p.mobile)),
            r.chance(0.5) ? q(EMAIL, p.email) : "NULL",
            r.chance(0.75) ? q(BPJS, p.bpjs) : "NULL",
            q(GateValues.iso(d.minusDays(r.below(900))) + " " + GateValues.hms(r))
          });
    }
    rows(g, head, rows, mysql && r.chance(0.7));
    if (mysql) {
      g.line("/*!40000 ALTER TABLE `pasien` ENABLE KEYS */;");
      g.line("UNLOCK TABLES;");
    }
    g.line("-- Dump completed on " + GateValues.iso(d) + " " + GateValues.hms(r));
  }

  /** Lab results and diagnoses (PostgreSQL). */
  static void hasilLab(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    GatePerson p = GatePeople.indonesian(r, d, 0, 90);
    String mrn = GateValues.mrn(r, f.mrnStyle(), d);
    String lab = GateValues.labNo(r, d);
    g.line("-- hasil_lab " + GateValues.iso(d));
    String head =
        "INSERT INTO lis.hasil_lab "
            + cols(
                false,
                "no_lab",
                "no_rm",
                "nama_pasien",
                "kode_tes",
                "nama_tes",
                "hasil",
                "satuan",
                "nilai_rujukan",
                "tgl_sampel",
                "alat_sn");
    List<Object[]> rows = new ArrayList<>();
    int n = r.between(1, 5);
    for (int i = 0; i < n; i++) {
      boolean qual = r.chance(0.5);
      Qual qt = r.pick(GateVocab.QUALS);
      Num nm = r.pick(GateVocab.NUMS);
      rows.add(
          new Object[] {
            q(lab),
            q(MEDICAL_RECORD_NUMBER, mrn),
            q(NAME, p.full()),
            q(qual ? qt.loinc() : nm.loinc()),
            q(qual ? qt.tableId() : nm.id()),
            qual
                ? q(TEST_RESULT, GateBits.outcome(r, qt, GateBits.positive(r), false))
                : q(GateValues.measure(r.between(nm.lo10(), nm.hi10()), nm.decimals(), '.')),
            q(qual ? "-" : nm.unit()),
            q(qual ? GateBits.reference(r, qt, false) : nm.ref()),
            q(GateValues.iso(d) + " " + GateValues.hms(r)),
            q(GateValues.serial(r).replace(" ", ""))
          });
    }
    rows(g, head, rows, false);
    Diagnosis dx = r.pick(GateVocab.DIAGNOSES);
    g.t("INSERT INTO emr.diagnosa (no_rm, kode_icd10, deskripsi, jenis, tgl) VALUES (")
        .join(
            ", ",
            q(MEDICAL_RECORD_NUMBER, mrn),
            q(DIAGNOSIS, dx.code()),
            q(dx.id()),
            q("UTAMA"),
            q(GateValues.iso(d)))
        .line(");");
    if (r.chance(0.5)) {
      Diagnosis d2 = GateBits.other(r, dx);
      g.t("INSERT INTO emr.diagnosa (no_rm, kode_icd10, deskripsi, jenis, tgl) VALUES (")
          .join(
              ", ",
              q(MEDICAL_RECORD_NUMBER, mrn),
              q(DIAGNOSIS, d2.code()),
              q(d2.id()),
              q("SEKUNDER"),
              q(GateValues.iso(d)))
          .line(");");
    }
    if (r.chance(0.3)) {
      g.line(
          "UPDATE lis.hasil_lab SET catatan = '"
              + GateBits.generalId(r)
              + "' WHERE no_lab = '"
              + lab
              + "';");
    }
  }

  /** Payments: transaction ids (16 digits, not NIKs), product codes, cards, refund accounts. */
  static void transaksi(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    g.line("-- tabel transaksi kasir " + f.code() + ", NPWP penjual " + f.npwp());
    String head =
        "INSERT INTO `transaksi` "
            + cols(
                true,
                "id_transaksi",
                "no_invoice",
                "kode_produk",
                "nama_pembayar",
                "metode",
                "no_kartu",
                "jumlah",
                "created_at");
    List<Object[]> rows = new ArrayList<>();
    int n = r.between(1, 5);
    List<GatePerson> payers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GatePerson p = GatePeople.indonesian(r, d, 18, 80);
      payers.add(p);
      String method = r.pick("KARTU_KREDIT", "DEBIT", "QRIS", "TUNAI", "VA");
      Object card;
      if (method.equals("KARTU_KREDIT") || method.equals("DEBIT")) {
        card = r.chance(0.5) ? q(PAYMENT_CARD, GateValues.card(r)) : q(GateValues.cardMasked(r));
      } else {
        card = "NULL";
      }
      rows.add(
          new Object[] {
            q(GateValues.trx16(r, d)),
            q(GateValues.invoice(r, d)),
            q(GateValues.productCode(r)),
            q(NAME, p.full()),
            q(method),
            card,
            Long.toString(r.between(25, 9000) * 1000L),
            q(GateValues.iso(d) + " " + GateValues.hms(r))
          });
    }
    rows(g, head, rows, r.chance(0.5));
    if (r.chance(0.6)) {
      GatePerson p = payers.get(r.below(payers.size()));
      String[] acct = GateValues.bankAccount(r);
      g.t("INSERT INTO `refund` (`id_transaksi`,`bank`,`no_rekening`,`atas_nama`,`npwp`) VALUES (")
          .join(
              ",",
              q(GateValues.trx16(r, d)),
              q(acct[0]),
              q(BANK_ACCOUNT, acct[1]),
              q(NAME, p.upper()),
              r.chance(0.6)
                  ? q(NPWP, r.chance(0.8) ? GateValues.npwpPerson(r) : GateValues.npwp16(r))
                  : "NULL")
          .line(");");
    }
  }

  /** English schema: insured foreign and local patients. */
  static void patientsEn(GateRng r, GateText g) {
    LocalDate d = GateValues.day(r);
    Facility f = r.pick(GateVocab.HOSPITALS);
    g.line("-- seed data for intl_patients (staging copy of " + f.name() + ")");
    String head =
        "INSERT INTO intl_patients "
            + cols(
                false,
                "id",
                "full_name",
                "date_of_birth",
                "passport_no",
                "national_id",
                "ssn",
                "phone",
                "email",
                "address_line",
                "city",
                "insurer_email");
    List<Object[]> rows = new ArrayList<>();
    int n = r.between(1, 5);
    for (int i = 0; i < n; i++) {
      boolean foreign = r.chance(0.7);
      GatePerson p =
          foreign ? GatePeople.foreigner(r, d, 18, 85) : GatePeople.indonesian(r, d, 18, 85);
      boolean us = foreign && p.country.code().equals("US");
      rows.add(
          new Object[] {
            Integer.toString(i + 1),
            q(NAME, p.full()),
            q(BIRTH_DATE, GateValues.iso(p.birth)),
            foreign
                ? q(PASSPORT, GateValues.passport(r, p.country.code()))
                : (r.chance(0.5) ? q(PASSPORT, GateValues.passportId(r)) : "NULL"),
            foreign ? "NULL" : q(NIK, p.nik),
            us && r.chance(0.6) ? q(SSN, GateValues.ssn(r)) : "NULL",
            q(PHONE, GatePeople.phoneOf(r, p)),
            q(EMAIL, p.email),
            r.chance(0.6) ? q(ADDRESS, GatePeople.addressRun(r, p, 0.3)) : "NULL",
            q(p.place.town()),
            q(
                r.pick("claims", "gop", "cs")
                    + "@"
                    + r.pick("globalcare.example", "asiahealth.example", "expat-insure.example"))
          });
    }
    rows(g, head, rows, r.chance(0.5));
    g.line("-- " + n + " rows");
  }
}
