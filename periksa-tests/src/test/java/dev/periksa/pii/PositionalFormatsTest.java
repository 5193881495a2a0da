package dev.periksa.pii;

import static dev.periksa.pii.Found.found;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HL7 v2 messages and SQL dumps, whose values are identified by position (segment and field,
 * column) rather than by a label beside them. All samples are made up.
 */
class PositionalFormatsTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  /** "TYPE start-end" for each match, in order. */
  private List<String> spans(String text) {
    List<String> out = new ArrayList<>();
    for (PiiMatch m : scanner.scan(text)) {
      out.add(m.type() + " " + m.start() + "-" + m.end());
    }
    return out;
  }

  private static String span(String text, PiiType type, String value) {
    int s = text.indexOf(value);
    return type + " " + s + "-" + (s + value.length());
  }

  // ------------------------------------------------------------------------------ HL7 v2

  private static final String MSH =
      "MSH|^~\\&|SIMRS|RSUD KOTA MANDIRI|SATUSEHAT|KEMKES|202403150830||ADT^A01^ADT_A01"
          + "|081234567890|P|2.5\r";

  @Test
  void anAdmissionIsReadByPosition() {
    String adt =
        MSH
            + "EVN|A01|202403150830|||OP17^PRATIWI^SARI\r"
            + "PID|1|3174055708900001^^^DUKCAPIL^NNIDN|RM-0012345^^^RSUDKOTA^MR"
            + "~3204125711850002^^^DUKCAPIL^NI~B1234567^^^IMIGRASI^PPN~0001234567890^^^BPJS^NH"
            + "||SANTOSO^BUDI^HARTONO^^TN.^S.KOM|LESTARI^WATI|198511170830|M|||"
            + "Jl. Merdeka No. 5 RT 002/RW 005^Kel. Sukajadi^BANDUNG^JAWA BARAT^40111^IDN^H"
            + "~Jl. Asia Afrika 8^^BANDUNG^^^^B||0812-3456-7890^PRN^CP^budi.santoso@example.com"
            + "~(022) 555-1234^PRN^FX|021-5551234^WPN^PH|||||123-45-6789\r"
            + "PV1|1|I|MAWAR^101^01^RSUD KOTA||||1234^WIJAYA^ANDI^^^DR.^SP.PD|5678^KUSUMA^RINA"
            + "|||||||||9012^HALIM^YUSUF||VN2024031500123\r";
    assertEquals(
        List.of(
            "NAME PRATIWI^SARI",
            "NIK 3174055708900001",
            "MEDICAL_RECORD_NUMBER RM-0012345",
            "NIK 3204125711850002",
            "PASSPORT B1234567",
            "BPJS 0001234567890",
            "NAME SANTOSO^BUDI^HARTONO",
            "NAME LESTARI^WATI",
            "BIRTH_DATE 19851117",
            "ADDRESS Jl. Merdeka No. 5 RT 002/RW 005",
            "PHONE 0812-3456-7890",
            "EMAIL budi.santoso@example.com",
            "PHONE 021-5551234",
            "SSN 123-45-6789",
            "NAME WIJAYA^ANDI",
            "NAME KUSUMA^RINA",
            "NAME HALIM^YUSUF"),
        found(adt));
  }

  @Test
  void aNameIsFamilyThroughGivenWithoutPrefixOrDegree() {
    String msg = MSH + "PID|1||776655^^^RS^MR||WIBOWO^AGUS^^^DR.^M.KES||19700101\r";
    assertEquals(
        List.of(
            span(msg, PiiType.MEDICAL_RECORD_NUMBER, "776655"),
            span(msg, PiiType.NAME, "WIBOWO^AGUS"),
            span(msg, PiiType.BIRTH_DATE, "19700101")),
        spans(msg));
    // A family name alone is the name; a name's repetitions (~) are names each.
    assertEquals(
        List.of("NAME HUTAGALUNG", "NAME SARAGIH^MARIA"),
        found(MSH + "PID|1||||HUTAGALUNG~SARAGIH^MARIA\r"));
  }

  @Test
  void aPatientIdWithoutTypeCodeIsTheHospitalsNumber() {
    assertEquals(
        List.of("MEDICAL_RECORD_NUMBER 00123456", "NAME RAHAYU^SITI"),
        found(MSH + "PID|1||00123456||RAHAYU^SITI\r"));
    // A NIK needs no type code; visit and account numbers are no patient's identity.
    assertEquals(
        List.of("NIK 3578104507850001"),
        found(MSH + "PID|1||3578104507850001~VN0099887^^^RS^VN~7788990011^^^RS^AN\r"));
  }

  @Test
  void aResultMessageLabelsOutcomesNotReferenceRangesOrQuantities() {
    String oru =
        "MSH|^~\\&|LIS|LAB RSUD|SIMRS|RSUD|202107120830||ORU^R01|MSG00002|P|2.5.1\r"
            + "PID|1||00123456^^^RSUD^MR||RAHAYU^SITI||19900817|F|||Gg. Mawar 12^^SEMARANG"
            + "||+6281234567890\r"
            + "ORC|RE|ORD123|FIL456|||||||||7788^PRATAMA^ANDI^^^DR\r"
            + "OBR|1|ORD123|FIL456|94500-6^SARS-CoV-2 RNA^LN|||202107120700|||||||||"
            + "7788^PRATAMA^ANDI^^^DR\r"
            + "OBX|1|CWE|94500-6^SARS-CoV-2 RNA Resp Ql NAA+probe^LN||260373001^Detected^SCT"
            + "||Not detected|A|||F\r"
            + "OBX|2|ST|94558-4^SARS-CoV-2 Ag^LN||NEGATIF||Negatif|N|||F\r"
            + "OBX|3|NM|718-7^Hemoglobin^LN||13.5|g/dL|12.0-16.0|N|||F\r"
            + "OBX|4|ST|HBSAG^HBsAg^L||Non Reaktif||Non Reaktif|N|||F\r"
            + "OBX|5|TX|NOTE^Catatan^L||Hubungi keluarga di 081298765432\\.br\\Kontrol 7 hari"
            + "||||||F\r"
            + "NTE|1||Tgl lahir 17-08-1990 sesuai KTP\r";
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER 00123456",
            "NAME RAHAYU^SITI",
            "BIRTH_DATE 19900817",
            "ADDRESS Gg. Mawar 12",
            "PHONE +6281234567890",
            "NAME PRATAMA^ANDI",
            "NAME PRATAMA^ANDI",
            "TEST_RESULT Detected",
            "TEST_RESULT NEGATIF",
            "TEST_RESULT Non Reaktif",
            "PHONE 081298765432",
            "BIRTH_DATE 17-08-1990"),
        found(oru));
    // The outcome of OBX 1 is the text of its coded value; "Not detected" two fields on is the
    // reference range.
    int detected = oru.indexOf("^Detected^") + 1;
    assertEquals(
        PiiType.TEST_RESULT + " " + detected + "-" + (detected + 8),
        spans(oru).stream().filter(x -> x.startsWith("TEST_RESULT")).findFirst().orElseThrow());
  }

  @Test
  void aDiagnosisIsTheIcd10CodeOnly() {
    String dg =
        MSH
            + "DG1|1|I10|J18.9^Pneumonia, unspecified organism^I10||20240315|A\r"
            + "DG1|2|I10|I10^Essential hypertension^I10||20240315|W\r"
            + "DG1|3||A91^Demam berdarah dengue^ICD-10||20240315|W\r"
            + "DG1|4|I9C|V70.0^Routine general medical examination^I9C||20240315|W\r"
            + "PR1|1||99.04^Transfusion of packed cells^I9C\r";
    String i10 = "I10^Essential";
    int code = dg.indexOf(i10);
    assertEquals(
        List.of(
            span(dg, PiiType.DIAGNOSIS, "J18.9"),
            PiiType.DIAGNOSIS + " " + code + "-" + (code + 3),
            span(dg, PiiType.DIAGNOSIS, "A91")),
        spans(dg));
  }

  @Test
  void insuranceHoldsTheInsuredNotTheInsurer() {
    String in1 =
        MSH
            + "PID|1||55667788^^^RS^MR||HARAHAP^RIZKY\r"
            + "IN1|1|BPJS^BPJS Kesehatan|BPJS001|BPJS Kesehatan|Jl. Letjen Suprapto 1^^JAKARTA"
            + "||021-4246063|||||||||HARAHAP^RIZKY|SEL|19881212|Jl. Veteran 9^^MEDAN"
            + "|||||||||||||||||0001122334455\r";
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER 55667788",
            "NAME HARAHAP^RIZKY",
            "NAME HARAHAP^RIZKY",
            "BIRTH_DATE 19881212",
            "ADDRESS Jl. Veteran 9",
            "BPJS 0001122334455"),
        found(in1));
  }

  @Test
  void nextOfKinIsAPersonUnlessAnOrganisation() {
    String nk1 =
        MSH
            + "NK1|1|LESTARI^DEWI^^^NY.|SPO^Spouse^HL70063|Jl. Pahlawan 10^^BANDUNG"
            + "|+62 813-1111-2222\r"
            + "NK1|2||EMC^Employer|Jl. Sudirman 1^^JAKARTA|0811-2222-3333||||||||PT Maju Jaya\r";
    assertEquals(
        List.of("NAME LESTARI^DEWI", "ADDRESS Jl. Pahlawan 10", "PHONE +62 813-1111-2222"),
        found(nk1));
  }

  @Test
  void theHeaderSegmentIsNotPersonal() {
    // A facility named for a person and a control id shaped like a phone: MSH is not read.
    assertEquals(
        List.of(),
        found("MSH|^~\\&|APP|Budi Husada|LIS|Siloam|20240101||ADT^A04|081234567890|P|2.3\r"));
  }

  @Test
  void separatorsEscapesLineEndsAndTruncation() {
    // Another field separator, line feeds, an escaped '&' (\T\) in the name: offsets unchanged.
    String msg =
        "MSH#^~\\&#A#B#C#D#20240101##ADT^A04#1#P#2.3\n"
            + "PID#1##12345678^^^RS^MR##NASUTION\\T\\CO^AHMAD##19700101\r\n"
            + "PID#2##RM.2023.0001234^^^RS^MR##WAHYUNI^SR";
    assertEquals(
        List.of(
            span(msg, PiiType.MEDICAL_RECORD_NUMBER, "12345678"),
            span(msg, PiiType.NAME, "NASUTION\\T\\CO^AHMAD"),
            span(msg, PiiType.BIRTH_DATE, "19700101"),
            span(msg, PiiType.MEDICAL_RECORD_NUMBER, "RM.2023.0001234"),
            span(msg, PiiType.NAME, "WAHYUNI^SR")),
        spans(msg));
  }

  @Test
  void aMessageInALogAndUnknownSegmentsAreReadAround() {
    String log =
        "2024-03-15 08:30:01 received: MSH|^~\\&|SIMRS|RS|LIS|LAB|20240315||ORU^R01|9|P|2.5\n"
            + "PID|1||88776655^^^RS^MR||PUTRI^AYU||20010203\n"
            + "ZPI|1|3578104507850001|Hubungi 081355667788\n"
            + "2024-03-15 08:30:02 done, pasien NIK 3174055708900001\n";
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER 88776655",
            "NAME PUTRI^AYU",
            "BIRTH_DATE 20010203",
            "NIK 3578104507850001",
            "PHONE 081355667788",
            "NIK 3174055708900001"),
        found(log));
  }

  @Test
  void textWithoutAMessageHeaderIsNoHl7() {
    assertNull(Hl7.scan("Laporan MSH (Mean Sea Height) 2024: 12 stasiun"));
    assertNull(Hl7.scan("PID|1||123456||SANTOSO^BUDI"));
    assertNotNull(Hl7.scan("MSH|^~\\&|A"));
  }

  // ------------------------------------------------------------------------------ SQL

  @Test
  void aMysqlDumpMapsValuesThroughCreateTable() {
    String dump =
        "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n"
            + "/*!40101 SET NAMES utf8mb4 */;\n"
            + "DROP TABLE IF EXISTS `pasien`;\n"
            + "CREATE TABLE `pasien` (\n"
            + "  `id` int NOT NULL AUTO_INCREMENT,\n"
            + "  `no_rm` varchar(20) NOT NULL,\n"
            + "  `nik` char(16) DEFAULT NULL,\n"
            + "  `nama` varchar(100) NOT NULL,\n"
            + "  `tgl_lahir` date DEFAULT '1900-01-01',\n"
            + "  `no_hp` varchar(20) DEFAULT NULL,\n"
            + "  `alamat` text,\n"
            + "  `no_bpjs` varchar(13) DEFAULT NULL,\n"
            + "  PRIMARY KEY (`id`),\n"
            + "  KEY `idx_nik` (`nik`)\n"
            + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
            + "LOCK TABLES `pasien` WRITE;\n"
            + "INSERT INTO `pasien` VALUES (1,'RM-0012345','3174055708900001','Siti Rahayu',"
            + "'1990-08-17','081234567890','Jl. Merdeka No. 5','0001234567890'),"
            + "(2,'RM-0012346',NULL,'Dian O\\'Neil','1985-11-17 00:00:00','+62 812 3456 7890',"
            + "'Gg. Mawar 12',NULL);\n"
            + "UNLOCK TABLES;\n";
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER RM-0012345",
            "NIK 3174055708900001",
            "NAME Siti Rahayu",
            "BIRTH_DATE 1990-08-17",
            "PHONE 081234567890",
            "ADDRESS Jl. Merdeka No. 5",
            "BPJS 0001234567890",
            "MEDICAL_RECORD_NUMBER RM-0012346",
            "NAME Dian O\\'Neil",
            "BIRTH_DATE 1985-11-17",
            "PHONE +62 812 3456 7890",
            "ADDRESS Gg. Mawar 12"),
        found(dump));
  }

  @Test
  void aPostgresDumpReadsCopyBlocksAndQuotedNames() {
    String dump =
        "--\n-- PostgreSQL database dump\n--\n"
            + "SET standard_conforming_strings = on;\n"
            + "CREATE TABLE public.pasien (\n"
            + "    id integer NOT NULL,\n"
            + "    nama_lengkap character varying(100),\n"
            + "    nik character(16),\n"
            + "    tanggal_lahir date,\n"
            + "    alamat text\n"
            + ");\n"
            + "COPY public.pasien (id, nama_lengkap, nik, tanggal_lahir, alamat) FROM stdin;\n"
            + "1\tBudi Santoso\t3204125711850002\t1985-11-17\tJl. Pahlawan 10\n"
            + "2\tNi Luh Putu Ayu\t\\N\t2000-02-01\tJl. Kartini 3\n"
            + "\\.\n"
            + "COPY public.pasien FROM stdin;\n"
            + "3\tAgus Salim\t3578104507850001\t1979-12-31\tGg. Kenanga 4\n"
            + "\\.\n"
            + "INSERT INTO \"public\".\"dokter\" (\"id\", \"nama\", \"no_hp\") VALUES "
            + "(1, 'Rina D''Silva', '081377788899'), (2, E'Ikhsan D\\'Costa', '081377788800');\n";
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "NIK 3204125711850002",
            "BIRTH_DATE 1985-11-17",
            "ADDRESS Jl. Pahlawan 10",
            "NAME Ni Luh Putu Ayu",
            "BIRTH_DATE 2000-02-01",
            "ADDRESS Jl. Kartini 3",
            "NAME Agus Salim",
            "NIK 3578104507850001",
            "BIRTH_DATE 1979-12-31",
            "ADDRESS Gg. Kenanga 4",
            "NAME Rina D''Silva",
            "PHONE 081377788899",
            "NAME Ikhsan D\\'Costa",
            "PHONE 081377788800"),
        found(dump));
  }

  @Test
  void tablesOfThingsHoldNoPersonsNames() {
    String dump =
        "INSERT INTO `obat` (`kode`, `nama`, `harga`) VALUES ('OB001','Paracetamol',1500),"
            + "('OB002','Amoksisilin',2500);\n"
            + "INSERT INTO produk (nama, alamat_gudang) VALUES ('Masker Medis', 'Jl. Industri 4');\n"
            + "INSERT INTO rumah_sakit (nama, alamat, telp) VALUES ('Budi Husada', "
            + "'Jl. Gajah Mada 10', '0812-9999-0000');\n"
            + "INSERT INTO faskes (nama, alamat, no_telp) VALUES ('Kartika Medika', "
            + "'Jl. Sudirman 1', '081311112222');\n"
            + "INSERT INTO kontak (nama, alamat) VALUES ('RSUD Kota Bandung', 'Jl. Rumah Sakit 1');\n"
            + "INSERT INTO resep (nama_obat, nama_pasien) VALUES ('Paracetamol', 'Dewi Lestari');\n";
    assertEquals(List.of("NAME Dewi Lestari"), found(dump));
  }

  @Test
  void columnsSayWhoseAndWhat() {
    String sql =
        "INSERT INTO kunjungan (id, nama_pasien, dokter, diagnosa, hasil_lab, no_sep) VALUES "
            + "(7, 'Dewi Lestari', 'dr. Andi Wijaya, Sp.PD', 'J18.9', 'Negatif', "
            + "'0301R0010324V000123');\n"
            + "INSERT INTO users SET name = 'Rudi Hartono', email = 'rudi.h@example.com', "
            + "phone = '085711223344';\n"
            + "INSERT INTO kartu_bpjs (pasien_id, nomor) VALUES (12, '0009988776655');\n";
    assertEquals(
        List.of(
            "NAME Dewi Lestari",
            "NAME Andi Wijaya",
            "DIAGNOSIS J18.9",
            "TEST_RESULT Negatif",
            "NAME Rudi Hartono",
            "EMAIL rudi.h@example.com",
            "PHONE 085711223344",
            "BPJS 0009988776655"),
        found(sql));
  }

  @Test
  void commentsOtherStatementsAndLogsAreFreeText() {
    String log =
        "-- kontak darurat: NIK 3174055708900001\n"
            + "2024-03-15 10:00:01 ERROR Duplicate entry: INSERT INTO pasien (nama, nik) VALUES"
            + " ('Bambang Pamungkas', '3273012505880003')\n"
            + "2024-03-15 10:00:02 WARN UPDATE pasien SET no_hp = '081299887766' WHERE id = 4\n";
    assertEquals(
        List.of(
            "NIK 3174055708900001",
            "NAME Bambang Pamungkas",
            "NIK 3273012505880003",
            "PHONE 081299887766"),
        found(log));
  }

  @Test
  void aSchemaAloneIsNotPersonalAndADumpCutShortKeepsItsValues() {
    // The DEFAULT date of a birth-date column is no one's birth date.
    assertEquals(
        List.of(), found("CREATE TABLE pasien (\n  tgl_lahir date DEFAULT '1990-01-01'\n);\n"));
    String cut =
        "INSERT INTO `pasien` (`nama`, `alamat`, `tgl_lahir`) VALUES ('Yusuf Halim',"
            + " 'Jl. Veteran 9', '1979-12-31'), ('Maria Ulfa', 'Jl. Kart";
    assertEquals(
        List.of(
            "NAME Yusuf Halim",
            "ADDRESS Jl. Veteran 9",
            "BIRTH_DATE 1979-12-31",
            "NAME Maria Ulfa",
            "ADDRESS Jl. Kart"),
        found(cut));
  }

  @Test
  void csvIsNotTakenForSqlOrHl7() {
    String csv =
        "nama,nik,catatan\n"
            + "Budi Santoso,3174055708900001,insert into tabel besok\n"
            + "Dewi Lestari,3204125711850002,create akun baru\n";
    assertNull(SqlDump.scan(csv));
    assertNull(Hl7.scan(csv));
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "NIK 3174055708900001",
            "NAME Dewi Lestari",
            "NIK 3204125711850002"),
        found(csv));
  }
}
