package dev.periksa.pii.corpus;

import static dev.periksa.pii.PiiType.ADDRESS;
import static dev.periksa.pii.PiiType.BIRTH_DATE;
import static dev.periksa.pii.PiiType.BPJS;
import static dev.periksa.pii.PiiType.DIAGNOSIS;
import static dev.periksa.pii.PiiType.EMAIL;
import static dev.periksa.pii.PiiType.MEDICAL_RECORD_NUMBER;
import static dev.periksa.pii.PiiType.NAME;
import static dev.periksa.pii.PiiType.NIK;
import static dev.periksa.pii.PiiType.PHONE;
import static dev.periksa.pii.PiiType.TEST_RESULT;

import dev.periksa.pii.corpus.Synth.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Samples whose values are identified by position: HL7 v2 messages (ADT admissions, ORU lab
 * results) and SQL dumps (mysqldump with CREATE TABLE and extended INSERTs, pg_dump COPY blocks,
 * statements in logs). Drawn from their own random stream and appended after the other samples, so
 * those stay as they were.
 *
 * <p>Labels follow the span convention: an HL7 name is FAMILY^GIVEN as one span, an HL7 address is
 * its street component, a birth date the date part of the timestamp, a result the outcome alone;
 * MSH fields, reference ranges (OBX-7), quantities, the I10 coding-system name, visit and order
 * numbers are not labelled. In SQL a name or address is the whole value (addresses here are written
 * as the street alone, so both conventions agree); a table of things (obat, faskes) holds none.
 */
final class Positional {
  private final Synth s;

  Positional(long seed) {
    this.s = new Synth(new SplittableRandom(seed));
  }

  /** count samples, HL7 and SQL in turn, numbered from first. */
  List<Sample> samples(int first, int count) {
    List<Sample> out = new ArrayList<>(count);
    for (int i = first; i < first + count; i++) {
      out.add(i % 2 == 0 ? hl7(i) : sql(i));
    }
    return out;
  }

  // ------------------------------------------------------------------------ HL7 v2

  private static final String[] FACILITIES = {
    "RSUD KOTA", "RS HERMINA", "KLINIK SEHAT", "RSUP SANGLAH", "LAB PRIMA"
  };

  private Sample hl7(int i) {
    Doc d = new Doc();
    boolean oru = s.p(50);
    String cr = s.p(80) ? "\r" : s.pick("\n", "\r\n");
    String ts = stamp();
    d.t("MSH|^~\\&|SIMRS|" + s.pick(FACILITIES) + "|" + (oru ? "SIMRS" : "SATUSEHAT") + "|")
        .t(s.pick(FACILITIES) + "|" + ts + "||" + (oru ? "ORU^R01^ORU_R01" : "ADT^A01^ADT_A01"))
        .t("|" + s.pick("MSG", "") + s.digits(12) + "|P|" + s.pick("2.3", "2.5", "2.5.1") + cr);
    if (!oru) {
      d.t("EVN|A01|" + ts + cr);
    }
    Person p = s.indonesian();
    d.t("PID|1||").v(MEDICAL_RECORD_NUMBER, s.mrn()).t("^^^" + s.pick("RSUD", "RS") + "^MR");
    if (s.p(60)) {
      d.t("~").v(NIK, s.nik(p)).t("^^^DUKCAPIL^" + s.pick("NIK", "NNIDN", "NI"));
    }
    if (s.p(40)) {
      d.t("~").v(BPJS, "000" + s.digits(10)).t("^^^BPJS^" + s.pick("NH", "JKN", "BPJS"));
    }
    d.t("||");
    name(d, p, s.p(30) ? (p.female() ? "NY." : "TN.") : "");
    d.t("||").v(BIRTH_DATE, yyyymmdd(p.birth())).t(s.pick("", "", "0000", "1230", "083000"));
    d.t("|" + (p.female() ? "F" : "M") + "|||");
    d.v(ADDRESS, street()).t("^^" + s.pick(Synth.CITIES).toUpperCase(Locale.ROOT) + "^^");
    d.t((10000 + s.n(89999)) + "^IDN^H||");
    d.v(PHONE, s.phone(true)).t("^PRN^CP");
    if (s.p(30)) {
      d.t("^").v(EMAIL, s.email(p));
    }
    d.t(cr);
    if (s.p(50)) {
      Person kin = s.indonesian();
      d.t("NK1|1|");
      name(d, kin, "");
      d.t("|" + s.pick("SPO^Suami/Istri", "CHD^Anak", "PAR^Orang tua") + "|");
      d.v(ADDRESS, street()).t("^^" + s.pick(Synth.CITIES) + "|").v(PHONE, s.phone(true)).t(cr);
    }
    String doctorId = String.valueOf(1000 + s.n(9000));
    Person doctor = s.indonesian();
    d.t("PV1|1|" + (oru ? "O" : "I") + "|" + s.pick("MAWAR", "MELATI", "ICU", "IGD"))
        .t("^" + (100 + s.n(300)) + "^01||||" + doctorId + "^");
    family(d, doctor);
    d.t((doctor.last().isEmpty() ? "^^^^DR" : "^^^DR") + "||||||||||||VN" + s.digits(10) + cr);
    if (oru) {
      String order = "ORD" + s.digits(7);
      d.t("ORC|RE|" + order + "|FIL" + s.digits(6) + "|||||||||" + doctorId + "^");
      family(d, doctor);
      d.t(cr + "OBR|1|" + order + "||94500-6^SARS-CoV-2 RNA^LN|||" + stamp() + cr);
      boolean covid = s.p(60);
      String test = covid ? "94500-6^SARS-CoV-2 RNA Resp Ql NAA+probe^LN" : "HBSAG^HBsAg^L";
      String range = covid ? s.pick("Negatif", "Negative", "Not detected") : "Non Reaktif";
      d.t("OBX|1|" + s.pick("CWE", "CE", "ST") + "|" + test + "||");
      String result = s.result(s.p(60), covid);
      if (s.p(50)) {
        d.t(s.digits(9) + "^").v(TEST_RESULT, result).t("^SCT");
      } else {
        d.v(TEST_RESULT, result);
      }
      d.t("||" + range + "|" + s.pick("N", "A") + "|||F" + cr);
      d.t("OBX|2|NM|718-7^Hemoglobin^LN||" + (10 + s.n(8)) + "." + s.n(10) + "|g/dL|12.0-16.0|N")
          .t("|||F" + cr);
    } else {
      String[] icd = s.icd();
      d.t("DG1|1|I10|").v(DIAGNOSIS, icd[0]).t("^" + icd[1] + "^I10||" + ts + "|A" + cr);
    }
    return d.sample("hl7-" + i, "hl7");
  }

  /** XPN FAMILY^GIVEN (one labelled span), with the prefix component (5) when given. */
  private void name(Doc d, Person p, String prefix) {
    family(d, p);
    if (!prefix.isEmpty()) {
      d.t((p.last().isEmpty() ? "^^^^" : "^^^") + prefix);
    }
  }

  /** FAMILY^GIVEN, or a single name in the family component; upper case half the time. */
  private void family(Doc d, Person p) {
    String n = p.last().isEmpty() ? p.first() : p.last() + "^" + p.first();
    d.v(NAME, s.p(50) ? n.toUpperCase(Locale.ROOT) : n);
  }

  private String street() {
    String st = s.pick(Synth.STREETS) + (s.p(70) ? " No. " + (1 + s.n(200)) : " " + (1 + s.n(99)));
    return s.p(30) ? st + String.format(" RT %03d/RW %03d", 1 + s.n(15), 1 + s.n(12)) : st;
  }

  private static String yyyymmdd(LocalDate d) {
    return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private String stamp() {
    return yyyymmdd(s.recent()) + String.format("%02d%02d", s.n(24), s.n(60));
  }

  // ------------------------------------------------------------------------ SQL

  private static final String[] DRUGS = {
    "Paracetamol 500 mg", "Amoksisilin 500 mg", "Oseltamivir 75 mg", "Vitamin C 1000 mg"
  };
  private static final String[] FACILITY_NAMES = {
    "RSUD Kota Bandung", "Klinik Sehat Sentosa", "Puskesmas Sukamaju", "RS Budi Husada"
  };

  private Sample sql(int i) {
    Doc d = new Doc();
    switch (s.n(3)) {
      case 0 -> mysql(d);
      case 1 -> postgres(d);
      default -> log(d);
    }
    return d.sample("sql-" + i, "sql");
  }

  private void mysql(Doc d) {
    d.t("-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n")
        .t("-- Host: localhost    Database: simrs\n")
        .t("/*!40101 SET NAMES utf8mb4 */;\n\nDROP TABLE IF EXISTS `pasien`;\n")
        .t("CREATE TABLE `pasien` (\n  `id` int NOT NULL AUTO_INCREMENT,\n")
        .t("  `no_rm` varchar(20) NOT NULL,\n  `nik` char(16) DEFAULT NULL,\n")
        .t("  `nama` varchar(100) NOT NULL,\n  `tgl_lahir` date DEFAULT NULL,\n")
        .t("  `no_hp` varchar(20) DEFAULT NULL,\n  `alamat` varchar(200) DEFAULT NULL,\n")
        .t("  `no_bpjs` varchar(13) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n")
        .t(") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\nLOCK TABLES `pasien` WRITE;\n");
    boolean columns = s.p(40);
    d.t("INSERT INTO `pasien` ");
    if (columns) {
      d.t("(`id`, `no_rm`, `nik`, `nama`, `tgl_lahir`, `no_hp`, `alamat`, `no_bpjs`) ");
    }
    d.t("VALUES ");
    int rows = 1 + s.n(3);
    for (int r = 0; r < rows; r++) {
      Person p = s.indonesian();
      d.t((r > 0 ? "," : "") + "(" + (r + 1) + ",'").v(MEDICAL_RECORD_NUMBER, s.mrn()).t("',");
      if (s.p(80)) {
        d.t("'").v(NIK, s.nik(p)).t("'");
      } else {
        d.t("NULL");
      }
      d.t(",'").v(NAME, s.nameAsWritten(p)).t("','");
      d.v(BIRTH_DATE, p.birth().toString()).t("','").v(PHONE, s.phone(true)).t("','");
      d.v(ADDRESS, street()).t("',");
      if (s.p(50)) {
        d.t("'").v(BPJS, "000" + s.digits(10)).t("')");
      } else {
        d.t("NULL)");
      }
    }
    d.t(";\nUNLOCK TABLES;\n\n");
    things(d, "`");
  }

  private void postgres(Doc d) {
    d.t("--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\n")
        .t("SET standard_conforming_strings = on;\n\n")
        .t("CREATE TABLE public.pasien (\n    id integer NOT NULL,\n")
        .t("    nama_lengkap character varying(100),\n    nik character(16),\n")
        .t("    tanggal_lahir date,\n    email character varying(100),\n    alamat text\n);\n\n");
    boolean columns = s.p(60);
    d.t("COPY public.pasien ");
    if (columns) {
      d.t("(id, nama_lengkap, nik, tanggal_lahir, email, alamat) ");
    }
    d.t("FROM stdin;\n");
    int rows = 1 + s.n(3);
    for (int r = 0; r < rows; r++) {
      Person p = s.indonesian();
      d.t((r + 1) + "\t").v(NAME, s.nameAsWritten(p)).t("\t");
      if (s.p(80)) {
        d.v(NIK, s.nik(p));
      } else {
        d.t("\\N");
      }
      d.t("\t").v(BIRTH_DATE, p.birth().toString()).t("\t");
      if (s.p(50)) {
        d.v(EMAIL, s.email(p));
      } else {
        d.t("\\N");
      }
      d.t("\t").v(ADDRESS, street()).t("\n");
    }
    d.t("\\.\n\n");
    things(d, "\"");
  }

  /** A table of things: drug or facility names, addresses and phones are no person's. */
  private void things(Doc d, String q) {
    if (s.p(50)) {
      d.t("INSERT INTO " + q + "obat" + q + " (" + q + "kode" + q + ", " + q + "nama" + q + ", ")
          .t(q + "harga" + q + ") VALUES ('OB" + s.digits(3) + "', '" + s.pick(DRUGS) + "', ")
          .t((500 + s.n(20000)) + ");\n");
    } else {
      d.t("INSERT INTO " + q + "faskes" + q + " (" + q + "kode" + q + ", " + q + "nama" + q)
          .t(", " + q + "alamat" + q + ", " + q + "telp" + q + ") VALUES ('" + s.digits(8) + "', '")
          .t(s.pick(FACILITY_NAMES) + "', '" + s.pick(Synth.STREETS) + " No. " + (1 + s.n(99)))
          .t("', '" + s.landline() + "');\n");
    }
  }

  /** A statement in an application log: the row with its columns. */
  private void log(Doc d) {
    Person p = s.indonesian();
    d.t(s.isoTimestamp() + " ERROR [simrs] Duplicate entry for key 'nik': INSERT INTO pasien ")
        .t("(nama, nik, no_hp, tgl_lahir) VALUES ('")
        .v(NAME, s.nameAsWritten(p))
        .t("', '")
        .v(NIK, s.nik(p))
        .t("', '")
        .v(PHONE, s.phone(true))
        .t("', '")
        .v(BIRTH_DATE, p.birth().toString())
        .t("')\n")
        .t(s.isoTimestamp() + " INFO [simrs] request id " + s.uuid() + " done in ")
        .t(s.n(900) + " ms\n");
  }
}
