package dev.periksa.pii;

import static dev.periksa.pii.Found.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Identity documents as OCR reads them: the e-KTP, the family card (KK) and the passport's data
 * page with its machine-readable zone ({@link IdentityForms}, {@link Mrz}). Misread labels, lost or
 * doubled colons, values under their labels, stray characters and spacing inside numbers are what a
 * scan of these cards gives. Every sample is made up; the NIKs have a valid structure and the MRZ
 * lines valid check digits.
 */
class IdentityScansTest {

  @Test
  void anIdCardWithMisreadLabels() {
    String ktp =
        "PROVINSI JAWA TENGAH\n"
            + "KABUPATEN SEMARANG\n"
            + "N1K : 3322114503880001\n"
            + "Narna : SRI WAHYUNI\n"
            + "Ternpat/TgI Lahir : SEMARANG, 05-03-1988\n"
            + "Jenis Kelamin : PEREMPUAN Gol. Darah : B\n"
            + "Alarnat : DUSUN KRAJAN\n"
            + "RT/RW : 002/004\n"
            + "Kel/Desa : BANDUNGAN\n"
            + "Kecamatan : BANDUNGAN\n"
            + "Agama : ISLAM\n"
            + "Status Perkawinan : KAWIN\n"
            + "Pekerjaan : MENGURUS RUMAH TANGGA\n"
            + "Kewarganegaraan : WNI\n"
            + "Berlaku Hingga : SEUMUR HIDUP\n"
            + "SEMARANG\n"
            + "12-06-2012\n";
    // The issue date under the card's city is no birth date.
    assertEquals(
        List.of(
            "NIK 3322114503880001",
            "NAME SRI WAHYUNI",
            "BIRTH_DATE 05-03-1988",
            "ADDRESS DUSUN KRAJAN"),
        found(ktp));
  }

  @Test
  void anIdCardWithoutColonsAndValuesUnderLabels() {
    String ktp =
        "PROVINSI DKI JAKARTA\n"
            + "JAKARTA SELATAN\n"
            + "NIK   3174096112900003\n"
            + "Nama\n"
            + "DEWI LESTARI\n"
            + "Tempat/Tgl Lahir\n"
            + "JAKARTA, 21-12-1990\n"
            + "Jenis kelamin  PEREMPUAN   Gol Darah  A\n"
            + "Alamat   JL. KEMANG RAYA NO. 12\n"
            + "RT/RW   005/003\n"
            + "Kel/Desa   BANGKA\n"
            + "Berlaku Hingga   SEUMUR HIDUP\n";
    assertEquals(
        List.of(
            "NIK 3174096112900003",
            "NAME DEWI LESTARI",
            "BIRTH_DATE 21-12-1990",
            "ADDRESS JL. KEMANG RAYA NO. 12"),
        found(ktp));
  }

  @Test
  void strayCharactersDoubledColonsAndSpacedDates() {
    String ktp =
        "PROVINSI JAWA BARAT\n"
            + "KOTA BANDUNG\n"
            + "NIK ; 3273011203870002\n"
            + "Nama | : ASEP SUNANDAR\n"
            + "Tempat/Tgl Lahir :: BANDUNG, 12 -03-1987\n"
            + "Jenis Kelamin : LAKI-LAKI     Gol. Darah : O\n"
            + "Alamat : KP. CIBODAS\n"
            + "RT/RW : 001/002\n"
            + "Berlaku Hingga : 12-03-2017\n"
            + "                                  BANDUNG\n"
            + "                                  12-03-2012\n";
    // The validity date (older cards) and the issue date are no birth dates.
    assertEquals(
        List.of(
            "NIK 3273011203870002",
            "NAME ASEP SUNANDAR",
            "BIRTH_DATE 12 -03-1987",
            "ADDRESS KP. CIBODAS"),
        found(ktp));
    assertEquals(
        List.of("NAME I WAYAN SUDARSANA", "BIRTH_DATE 17-01- 1980"),
        found("Nama: I WAYAN SUDARSANA\nTempat/Tgl Lahir. DENPASAR, 17-01- 1980\n"));
  }

  @Test
  void addressLinesOfAnIdCard() {
    assertEquals(
        List.of(
            "ADDRESS PERUM GRIYA ASRI BLOK C2/7",
            "ADDRESS JL MAWAR NO 5",
            "ADDRESS GG. KENANGA NO 3A RT 002/RW 005",
            "ADDRESS Kampung Sukamaju RT 01/02",
            "ADDRESS KP CIBODAS RT 001/002"),
        found(
            "Alamat. PERUM GRIYA ASRI BLOK C2/7\n"
                + "Alamat : JL MAWAR NO 5\n"
                + "\"Alamat : GG. KENANGA NO 3A RT 002/RW 005\n"
                + "Alamat : Kampung Sukamaju RT 01/02\n"
                + "Alamat: KP CIBODAS RT 001/002, LEMBANG\n"));
    // A hamlet's word starts an address only as the value of a person's address label.
    assertEquals(
        List.of(),
        found("Pasien tinggal di Kampung Melayu, Jakarta Timur.\nKe Kp. Rambutan naik bus.\n"));
  }

  @Test
  void aNikWithLettersReadForDigits() {
    // After its label, a NIK a scan spoilt (O for 0) is still the holder's, if its digits so read
    // have a NIK's structure; without the label, or with too many letters, it is not read.
    assertEquals(
        List.of("NIK 32O4125711850002", "NIK 3204125711850OO2"),
        found("NIK : 32O4125711850002\nNIK : 3204125711850OO2\n"));
    assertEquals(List.of(), found("kode 32O4125711850002"));
    assertEquals(List.of(), found("NIK : 32O412S7II850002"));
  }

  @Test
  void aFamilyCardWithItsColumns() {
    String kk =
        "KARTU KELUARGA\n"
            + "No. 3201012304150007\n"
            + "Nama Kepala Keluarga : AHMAD SUBAGYO\n"
            + "Alamat : KP. SUKAMAJU\n"
            + "RT/RW : 003/007\n"
            + "Desa/Kelurahan : CIBINONG\n"
            + "Kode Pos : 16911\n"
            + "No  Nama Lengkap      NIK               Jenis Kelamin  Tempat Lahir  Tanggal Lahir"
            + "  Agama  Pendidikan      Jenis Pekerjaan\n"
            + "1   AHMAD SUBAGYO     3201011505780003  LAKI-LAKI      BOGOR         15-05-1978   "
            + "  ISLAM  SLTA/SEDERAJAT  WIRASWASTA\n"
            + "2   NUR AINI          3201015208820002  PEREMPUAN      BOGOR         12-08-1982   "
            + "  ISLAM  SLTP/SEDERAJAT  MENGURUS RUMAH TANGGA\n"
            + "Dikeluarkan Tanggal : 23-04-2015\n";
    // The card's own number is no NIK, its issue date no birth date.
    assertEquals(
        List.of(
            "NAME AHMAD SUBAGYO",
            "ADDRESS KP. SUKAMAJU",
            "NAME AHMAD SUBAGYO",
            "NIK 3201011505780003",
            "BIRTH_DATE 15-05-1978",
            "NAME NUR AINI",
            "NIK 3201015208820002",
            "BIRTH_DATE 12-08-1982"),
        found(kk));
  }

  @Test
  void aFamilyCardWhoseColumnsTheScanLost() {
    String kk =
        "KARTU KELUARGA\n"
            + "No. KK : 3201012304150007\n"
            + "1 AHMAD SUBAGYO 3201011505780003 LAKI-LAKI BOGOR 15-05-1978 ISLAM SLTA/SEDERAJAT\n"
            + "2. NUR AINI 3201015208820002 PEREMPUAN BOGOR 12-08-1982 ISLAM SLTP/SEDERAJAT\n"
            + "MENGURUS RUMAH TANGGA\n"
            + "3 RIZKY PRATAMA 3201011003100001 LAKI-LAKI\n"
            + "BOGOR 10-03-2010 ISLAM\n";
    // A date is a member's birth date where it is the one the NIK on its line encodes; a row
    // broken before its date keeps only its NIK.
    assertEquals(
        List.of(
            "NAME AHMAD SUBAGYO",
            "NIK 3201011505780003",
            "BIRTH_DATE 15-05-1978",
            "NAME NUR AINI",
            "NIK 3201015208820002",
            "BIRTH_DATE 12-08-1982",
            "NIK 3201011003100001"),
        found(kk));
    // A header the scan broke over two lines leaves its rows to be read as lines.
    assertEquals(
        List.of("NAME AHMAD SUBAGYO", "NIK 3201011505780003", "BIRTH_DATE 15-05-1978"),
        found(
            "No  Nama Lengkap    NIK                Jenis      Tempat Lahir  Tanggal Lahir\n"
                + "                                       Kelamin\n"
                + "1   AHMAD SUBAGYO   3201011505780003   LAKI-LAKI  BOGOR         15-05-1978\n"));
    // Another date on a NIK's line is none.
    assertEquals(
        List.of("NIK 3201011505780003"),
        found("1 AHMAD SUBAGYO 3201011505780003 kunjungan 16-05-2024\n"));
  }

  @Test
  void aPassportDataPageWithItsZone() {
    String page =
        "REPUBLIK INDONESIA\n"
            + "PASPOR / PASSPORT\n"
            + "Jenis/Type   Kode Negara/Country Code   No. Paspor/Passport No.\n"
            + "P            IDN                        C1234567\n"
            + "Nama Lengkap/Full Name\n"
            + "BUDI SANTOSO\n"
            + "Jenis Kelamin/Sex    Kewarganegaraan/Nationality\n"
            + "L/M                  INDONESIA\n"
            + "Tanggal Lahir/Date of Birth    Tempat Lahir/Place of Birth\n"
            + "17 AGT 1985                    JAKARTA\n"
            + "Tanggal Pengeluaran/Date of Issue    Tanggal Habis Berlaku/Date of Expiry\n"
            + "10 JAN 2020                          10 JAN 2030\n"
            + "P<IDNSANTOSO<<BUDI<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
            + "C1234567<0IDN8508177M3001101<<<<<<<<<<<<<<06\n";
    // In the zone: the number without its filler and check digit, the birth date YYMMDD, and the
    // name field SURNAME<<GIVEN as one span (like HL7's FAMILY^GIVEN) without the filler.
    assertEquals(
        List.of(
            "PASSPORT C1234567",
            "NAME BUDI SANTOSO",
            "BIRTH_DATE 17 AGT 1985",
            "NAME SANTOSO<<BUDI",
            "PASSPORT C1234567",
            "BIRTH_DATE 850817"),
        found(page));
  }

  @Test
  void aBirthDateUnderItsLabelInTheRightColumn() {
    assertEquals(
        List.of("BIRTH_DATE 17 AGT 1985"),
        found(
            "Tempat Lahir/Place of Birth    Tanggal Lahir/Date of Birth\n"
                + "JAKARTA                        17 AGT 1985\n"));
    // An upper-case hash of a zone's length is none.
    assertEquals(List.of(), found("C1234567A0IDN8508177M3001101ABCDEF0123456706\n"));
  }

  @Test
  void aPassportPageReadOneLabelPerLine() {
    String page =
        "PASPOR\n"
            + "No. Paspor/Passport No.\n"
            + "B9876543\n"
            + "Nama Lengkap/Full Name\n"
            + "SITI NURHALIZA\n"
            + "Tanggal Lahir/Date of Birth\n"
            + "05 MAR 1992\n"
            + "Tempat Lahir/Place of Birth\n"
            + "SURABAYA\n"
            + "Tanggal Habis Berlaku/Date of Expiry\n"
            + "14 FEB 2029\n";
    assertEquals(
        List.of("PASSPORT B9876543", "NAME SITI NURHALIZA", "BIRTH_DATE 05 MAR 1992"), found(page));
  }

  @Test
  void machineReadableZonesOnly() {
    // A single-name holder; a zone with a wrong check digit, filler and other 44-character lines
    // give nothing.
    assertEquals(
        List.of("NAME SUTRISNO", "PASSPORT X7654321", "BIRTH_DATE 700101"),
        found(
            "P<IDNSUTRISNO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                + "X7654321<5IDN7001017M2801016<<<<<<<<<<<<<<00\n"
                + "P<IDNNURHALIZA<<SITI<<<<<<<<<<<<<<<<<<<<<<<<\n"
                + "B9876543<2IDN9203055F2902142<<<<<<<<<<<<<<04\n"
                + "<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
                + "1234567890123456789012345678901234567890ABCD\n"));
  }

  @Test
  void formsThatAreNoIdentityDocuments() {
    assertEquals(
        List.of(),
        found(
            "Nama obat : PARACETAMOL 500 MG\n"
                + "Nama file: LAPORAN.PDF\n"
                + "Tanggal : 12-03-2024\n"
                + "Alamat RS : JL. DIPONEGORO NO 71\n"
                + "Nama Lengkap/Full Name\n"
                + "Tanggal/Date\n"
                + "12 MAR 2024\n"
                + "Array<String<<Integer>> list;\n"));
    // A birth-date label inside a sentence is no form's cell: the next line is not its value.
    assertEquals(List.of(), found("Mohon isi tanggal lahir\n12-03-2024 formulir diterima\n"));
  }

  @Test
  void labelsAndValuesAsScansVaryThem() {
    assertEquals(
        List.of(
            "BIRTH_DATE 01-02-1975",
            "BIRTH_DATE 02-02-1975",
            "BIRTH_DATE 03-02-1975",
            "BIRTH_DATE 04-02-1975",
            "BIRTH_DATE 05-02-1975",
            "BIRTH_DATE 06/02/1975",
            "BIRTH_DATE 07-02-1975",
            "BIRTH_DATE 08-02-1975",
            "NAME BUDI SANTOSO",
            "NAME RINA WATI",
            "NAME YOGI PRATAMA"),
        found(
            "Tempat / Tgl Lahir : BOGOR, 01-02-1975\n"
                + "Tempat/Tgl.Lahir : BOGOR, 02-02-1975\n"
                + "TempatTgl Lahir : BOGOR, 03-02-1975\n"
                + "Tempat/TgI.Lahir: BOGOR, 04-02-1975\n"
                + "Tempat/Tgl Lahir : BOGOR,05-02-1975\n"
                + "Tempat/Tgl Lahir : BOGOR. 06/02/1975\n"
                + "Tempat/Tgl Lahir : KAB. BOGOR, 07-02-1975\n"
                + "Tempat/Tgl Lahlr : BOGOR, 08-02-1975\n"
                + "Nama :BUDI SANTOSO\n"
                + "Nama : \"RINA WATI\n"
                + "Nama  :  YOGI PRATAMA\n"));
    // Hyphens read as dashes or lost to spaces; a two-digit year stays unread that way.
    assertEquals(
        List.of("BIRTH_DATE 01 02 1975", "BIRTH_DATE 02\u201402\u20141975"),
        found(
            "Tempat/Tgl Lahir : BOGOR, 01 02 1975\n"
                + "Tempat/Tgl Lahir : BOGOR, 02\u201402\u20141975\n"
                + "Tgl lahir: 12 03 87\n"));
    // A space the scan put inside a NIK, after its label.
    assertEquals(
        List.of("NIK 317405170890 0002", "NIK 3174 0517 0890 0002"),
        found("NIK : 317405170890 0002\nNIK : 3174 0517 0890 0002\n"));
  }

  @Test
  void anIdCardReadOneColumnAfterTheOther() {
    String ktp =
        "PROVINSI DKI JAKARTA\n"
            + "JAKARTA TIMUR\n"
            + "NIK\n"
            + "Nama\n"
            + "Tempat/Tgl Lahir\n"
            + "Jenis Kelamin\n"
            + "Alamat\n"
            + "RT/RW\n"
            + ": 3175074506910003\n"
            + ": RATNA SARI\n"
            + ": JAKARTA, 05-06-1991\n"
            + ": PEREMPUAN\n"
            + ": JL. MELATI NO. 7\n"
            + ": 003/005\n";
    assertEquals(
        List.of(
            "NIK 3175074506910003",
            "NAME RATNA SARI",
            "BIRTH_DATE 05-06-1991",
            "ADDRESS JL. MELATI NO. 7"),
        found(ktp));
    // Lines of words over lines opening with colons, with no personal field among the words.
    assertEquals(List.of(), found("Ruang\nKelas\nTarif\n: MAWAR\n: VIP\n: 12-03-1987\n"));
  }

  @Test
  void aPassportPageOnSingleLinesAndAZoneAScanSpaced() {
    assertEquals(
        List.of("PASSPORT C1234567", "NAME BUDI SANTOSO", "BIRTH_DATE 17 AUG 1985"),
        found(
            "No. Paspor/Passport No. : C1234567\n"
                + "Nama/Name : BUDI SANTOSO\n"
                + "Tgl. Lahir/Date of Birth : 17 AUG 1985\n"
                + "Tempat Lahir/Place of Birth : JAKARTA\n"
                + "Tgl. Pengeluaran/Date of Issue : 10 JAN 2020\n"
                + "Tgl. Habis Berlaku/Date of Expiry : 10 JAN 2030\n"));
    // A space inside the zone, filler characters dropped.
    assertEquals(
        List.of(
            "NAME SANTOSO<<BUDI",
            "PASSPORT C1234567",
            "BIRTH_DATE 850817",
            "NAME SANTOSO<<BUDI",
            "PASSPORT C1234567",
            "BIRTH_DATE 850817"),
        found(
            "P<IDNSANTOSO<<BUDI<<<<<<<<<<<<< <<<<<<<<<<<<<\n"
                + "C1234567<0IDN8508177M3001101<<<<<<<<<<<<<<06\n"
                + "P<IDNSANTOSO<<BUDI<<<<<<<<<<<<<<<<<<<<<<<\n"
                + "C1234567<0IDN8508177M3001101<<<<<<<<<<<06\n"));
  }

  @Test
  void valuesOpeningTheLineUnderTheirLabel() {
    // OCR often breaks a card's line after its label: the value opens the next line with the colon.
    String ktp =
        "PROVINSI JAWA TIMUR\n"
            + "KOTA SURABAYA\n"
            + "NIK\n"
            + ": 3578106708950004\n"
            + "Nama\n"
            + ": FITRI HANDAYANI\n"
            + "Tempat/Tgl Lahir\n"
            + ": SURABAYA, 27-08-1995\n"
            + "Jenis Kelamin : PEREMPUAN\n"
            + "Alamat\n"
            + ": DUSUN KRAJAN\n"
            + "RT/RW\n"
            + ": 002/003\n";
    assertEquals(
        List.of(
            "NIK 3578106708950004",
            "NAME FITRI HANDAYANI",
            "BIRTH_DATE 27-08-1995",
            "ADDRESS DUSUN KRAJAN"),
        found(ktp));
    assertEquals(List.of(), found("Obat\n: PARACETAMOL\nKeterangan\n: Kontrol Ulang datang\n"));
  }

  @Test
  void anOcrServicesReplyInJson() {
    // The text comes as one JSON string whose line breaks are escapes.
    String reply =
        "{\"status\":\"ok\",\"result\":{\"text\":\"PROVINSI DKI JAKARTA\\nJAKARTA SELATAN\\n"
            + "NIK : 3174051708900002\\nNama : BUDI SANTOSO\\n"
            + "Tempat/Tgl Lahir : JAKARTA, 17-08-1990\\n"
            + "Jenis Kelamin : LAKI-LAKI Gol. Darah : O\\nAlamat : KP. CIBODAS\\n"
            + "RT/RW : 003/005\\nBerlaku Hingga : SEUMUR HIDUP\\n\"}}";
    assertEquals(
        List.of(
            "NIK 3174051708900002",
            "NAME BUDI SANTOSO",
            "BIRTH_DATE 17-08-1990",
            "ADDRESS KP. CIBODAS"),
        found(reply));
  }

  @Test
  void aZoneInJsonOrOnALogLine() {
    List<String> zone = List.of("NAME SANTOSO<<BUDI", "PASSPORT C1234567", "BIRTH_DATE 850817");
    String line1 = "P<IDNSANTOSO<<BUDI<<<<<<<<<<<<<<<<<<<<<<<<<<";
    String line2 = "C1234567<0IDN8508177M3001101<<<<<<<<<<<<<<06";
    assertEquals(
        zone, found("{\"mrz\":{\"line1\":\"" + line1 + "\",\"line2\":\"" + line2 + "\"}}"));
    assertEquals(zone, found("2024-03-01 INFO mrz=" + line1 + " " + line2 + "\n"));
  }

  @Test
  void bilingualLabelsInEitherOrder() {
    assertEquals(
        List.of(
            "NAME BUDI SANTOSO",
            "NAME SITI AMINAH",
            "PASSPORT C7654321",
            "BIRTH_DATE 01 JAN 1980",
            "NAME SANTOSO",
            "NAME BUDI"),
        found(
            "Nama Lengkap/Full Name : BUDI SANTOSO\n"
                + "Nama Lengkap / Full Name\n"
                + "SITI AMINAH\n"
                + "No. Paspor / Passport No.\n"
                + "C7654321\n"
                + "Date of Birth/Tanggal Lahir\n"
                + "01 JAN 1980\n"
                + "Surname/Nama Keluarga\n"
                + "SANTOSO\n"
                + "Given Names/Nama Depan\n"
                + "BUDI\n"));
  }
}
