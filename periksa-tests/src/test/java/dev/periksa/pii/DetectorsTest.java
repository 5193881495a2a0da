package dev.periksa.pii;

import static dev.periksa.pii.Found.found;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One behaviour per test for each detector; the corpus test measures them together. */
class DetectorsTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  @Test
  void aNikIsDecidedBeforeACard() {
    // 5271025210950018 is a valid NIK (Lombok, woman born 12 Oct 1995) and a Luhn-valid
    // Mastercard number: alone or labelled NIK it is a NIK; labelled card, or grouped, a card.
    assertEquals(List.of("NIK 5271025210950018"), found("data 5271025210950018 terverifikasi"));
    assertEquals(List.of("NIK 5271025210950018"), found("{\"nik\":\"5271025210950018\"}"));
    assertEquals(
        List.of("PAYMENT_CARD 5271025210950018"), found("Kartu kredit 5271025210950018 ditagih"));
    assertEquals(
        List.of("PAYMENT_CARD 5271025210950018"), found("{\"card_number\":\"5271025210950018\"}"));
    assertEquals(List.of("PAYMENT_CARD 5271 0252 1095 0018"), found("paid 5271 0252 1095 0018"));
  }

  @Test
  void cardsNeedLuhnAndAnIssuerRange() {
    assertEquals(List.of("PAYMENT_CARD 4111 1111 1111 1111"), found("card 4111 1111 1111 1111"));
    assertEquals(List.of("PAYMENT_CARD 3782-822463-10005"), found("Amex 3782-822463-10005 ok"));
    assertEquals(List.of(), found("card 4111 1111 1111 1112 declined"));
    assertEquals(List.of(), found("order #4111111111111111 shipped"));
  }

  @Test
  void sixteenDigitsFailingTheNikStructureAreNothing() {
    assertEquals(
        List.of(), found("ref 2074051708900001 and 3174053208900001 and 3174051708900000"));
  }

  @Test
  void phonesAreIndonesianMobilesOrLabelled() {
    assertEquals(
        List.of(
            "PHONE 0812-3456-7890",
            "PHONE +62 812 3456 7890",
            "PHONE (0812) 3456-789",
            "PHONE +62 (0)812-3456-7890"),
        found("a 0812-3456-7890, b +62 812 3456 7890, c (0812) 3456-789, d +62 (0)812-3456-7890"));
    assertEquals(List.of("PHONE +65 9123 4567"), found("Mobile: +65 9123 4567"));
    assertEquals(List.of(), found("No. Invoice: 081234567890, INV-081234567890, id 6281234567890"));
    assertEquals(List.of(), found("Telp RS (021) 5794-7000"));
    assertEquals(List.of("PHONE 6281234567890"), found("?phone=%2B6281234567890&x=1"));
  }

  @Test
  void bpjsCardsNeedALabel() {
    assertEquals(List.of("BPJS 0001234567890"), found("No. Kartu JKN-KIS: 0001234567890"));
    assertEquals(List.of("BPJS 0001234567890"), found("{\"noKartuBpjs\":\"0001234567890\"}"));
    assertEquals(List.of(), found("ts 1628755200123, barcode 8991234567890"));
  }

  @Test
  void passportsNeedALabel() {
    assertEquals(List.of("PASSPORT B1234567"), found("Paspor No. B1234567, berlaku 2030"));
    assertEquals(List.of("PASSPORT 123456789"), found("{\"passportNumber\":\"123456789\"}"));
    assertEquals(List.of(), found("sku AB123456, sampel SP2101234"));
  }

  @Test
  void birthDatesAreDatesAfterABirthLabel() {
    assertEquals(List.of("BIRTH_DATE 17 Agustus 1990"), found("Lahir di Bandung, 17 Agustus 1990"));
    assertEquals(List.of("BIRTH_DATE 1990-08-17"), found("{\"tglLahir\":\"1990-08-17\"}"));
    assertEquals(List.of("BIRTH_DATE Aug 17, 1990"), found("D.O.B. Aug 17, 1990"));
    assertEquals(List.of("BIRTH_DATE 17-08-1990"), found("{\"ttl\":\"Bandung, 17-08-1990\"}"));
    assertEquals(List.of(), found("Tanggal tes 17-08-2021, {\"tgl_masuk\":\"2021-08-17\"}"));
  }

  @Test
  void icd10CodesNeedADiagnosisLabel() {
    assertEquals(
        List.of("DIAGNOSIS J18.9", "DIAGNOSIS U07.1"), found("Diagnosa: Pneumonia (J18.9), U07.1"));
    assertEquals(
        List.of("DIAGNOSIS U07.1"),
        found(
            "{\"code\":{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/icd-10\","
                + "\"code\":\"U07.1\"}]}}"));
    assertEquals(
        List.of("DIAGNOSIS J18.9"), found("Diagnosa J18.9. Dirawat di kamar B12, vitamin B12"));
    assertEquals(List.of(), found("Terapi: vitamin B12. Gate D12, pesawat A320"));
  }

  @Test
  void testResultsNeedATestNearby() {
    assertEquals(
        List.of("TEST_RESULT SARS-CoV-2 RT-PCR: Not Detected"),
        found("SARS-CoV-2 RT-PCR: Not Detected"));
    assertEquals(List.of("TEST_RESULT HBsAg: Non Reaktif"), found("HBsAg: Non Reaktif"));
    assertEquals(List.of("TEST_RESULT positif"), found("Pasien terkonfirmasi positif COVID-19"));
    assertEquals(
        List.of(),
        found("Ulasan positif. Saldo negatif. Threat detected. Hasil penjualan positif."));
    assertEquals(List.of(), found("Kasus positif COVID-19 naik 12%"));
  }

  @Test
  void medicalRecordNumbersNeedALabel() {
    assertEquals(List.of("MEDICAL_RECORD_NUMBER 12.34.56"), found("No. RM 12.34.56"));
    assertEquals(List.of("MEDICAL_RECORD_NUMBER MRN0012345"), found("{\"mrn\":\"MRN0012345\"}"));
    assertEquals(List.of(), found("Rekam medis diperbarui 2021-08-12"));
    String fhir =
        "{\"identifier\":[{\"type\":{\"coding\":[{\"code\":\"MR\"}]},"
            + "\"system\":\"urn:oid:1.2.36.146.595.217.0.1\",\"value\":\"00123456\"}]}";
    assertEquals(List.of("MEDICAL_RECORD_NUMBER 00123456"), found(fhir));
  }

  @Test
  void ssnsFollowTheSsaRules() {
    assertEquals(List.of("SSN 536-22-8791"), found("guarantor 536-22-8791"));
    assertEquals(List.of("SSN 536228791"), found("SSN: 536228791"));
    assertEquals(List.of(), found("SSN 000-22-8791, ITIN 912-70-8791, SSN 536-00-8791"));
    assertEquals(List.of(), found("Invoice No. 536-22-8791"));
  }

  @Test
  void ibansPassMod97() {
    assertEquals(
        List.of("IBAN DE89 3704 0044 0532 0130 00"), found("to DE89 3704 0044 0532 0130 00."));
    assertEquals(List.of(), found("IBAN DE89 3704 0044 0532 0130 01"));
  }

  @Test
  void emailsButNotFileNamesOrPackages() {
    assertEquals(List.of("EMAIL siti.rahayu@gmail.com"), found("email siti.rahayu@gmail.com."));
    assertEquals(List.of(), found("logo@2x.png lodash@4.17.21 @budi"));
  }

  @Test
  void npwpByItsShapeOrItsLabelButNotAnInstitutions() {
    // The tax office's written form is enough; a person's (04-09) is personal data.
    assertEquals(List.of("NPWP 09.254.294.3-407.000"), found("wajib pajak 09.254.294.3-407.000"));
    assertEquals(List.of("NPWP 57.118.332.1-021.000"), found("57.118.332.1-021.000"));
    // A company's or a government treasurer's NPWP is not a person's.
    assertEquals(List.of(), found("PT Sehat Sentosa, NPWP 01.345.678.9-012.000"));
    assertEquals(List.of(), found("NPWP bendahara 00.012.345.6-789.000"));
    // Bare digits need the label: 15, or a person's NIK serving as the NPWP since 2024.
    assertEquals(List.of("NPWP 092542943407000"), found("NPWP: 092542943407000"));
    assertEquals(List.of("NPWP 3174055708900001"), found("No. NPWP 3174055708900001"));
    assertEquals(List.of("NIK 3174055708900001"), found("NIK 3174055708900001"));
    // An order number shaped like one stays an order number.
    assertEquals(List.of(), found("invoice 09.254.294.3-407.000"));
  }

  @Test
  void aNameIsTheNameWithoutHonorificsOrDegrees() {
    assertEquals(
        List.of("NAME Siti Rahayu", "NAME Budi Santoso", "NAME Made Wibowo"),
        found(
            "{\"nama\":\"Ny. Siti Rahayu\",\"nama_ayah\":\"Bpk. Budi Santoso\","
                + "\"nama_dokter\":\"dr. Made Wibowo, Sp.PD, M.Kes\"}"));
    // A name that starts like a title stays whole; a comma before a non-degree stays in.
    assertEquals(List.of("NAME Dra Wulandari"), found("{\"nama\":\"Dra Wulandari\"}"));
  }

  @Test
  void aFieldThatNamesOnlyARoleHoldsThatPersonsName() {
    assertEquals(
        List.of("NAME Siti Rahayu", "NAME Budi"),
        found("{\"dokter_dpjp\":\"dr. Siti Rahayu, Sp.PD\",\"pasien\":\"Budi\"}"));
    // A role field holding something else is not a name.
    assertEquals(List.of(), found("{\"pasien\":\"rawat jalan\",\"dokter\":\"umum\"}"));
  }

  @Test
  void htmlTagsBetweenALabelAndItsValueAreNotThere() {
    String page =
        "<dl>\n  <dt>No. Paspor</dt>\n  <dd>B1234567</dd>\n"
            + "  <dt>Tgl. Lahir</dt>\n  <dd><span class=\"dob\">17-08-1990</span></dd>\n</dl>";
    assertEquals(List.of("PASSPORT B1234567", "BIRTH_DATE 17-08-1990"), found(page));
    // XML keeps its element names as labels: nothing is blanked there.
    assertEquals(
        List.of("NIK 3174055708900001"), found("<pasien><nik>3174055708900001</nik></pasien>"));
  }

  @Test
  void xmlIsReadAsATreeLikeJson() {
    String fhir =
        "<?xml version=\"1.0\"?>\n<Bundle xmlns=\"http://hl7.org/fhir\"><entry><resource>"
            + "<Patient><identifier><system value=\"https://fhir.kemkes.go.id/id/nik\"/>"
            + "<value value=\"3174055708900001\"/></identifier>"
            + "<name><family value=\"Santoso\"/><given value=\"Budi\"/></name>"
            + "<birthDate value=\"1990-08-17\"/></Patient></resource></entry>"
            + "<entry><resource><Organization><name value=\"Rahayu Medika\"/>"
            + "</Organization></resource></entry></Bundle>";
    assertEquals(
        List.of("NIK 3174055708900001", "NAME Santoso", "NAME Budi", "BIRTH_DATE 1990-08-17"),
        found(fhir));
    // Element names label their text, attribute names their values; a document cut short keeps
    // what its complete elements said.
    assertEquals(
        List.of("NAME Siti Aminah", "PASSPORT B1234567", "BIRTH_DATE 1985-02-11"),
        found(
            "<pasien nama=\"Siti Aminah\"><paspor>B1234567</paspor>"
                + "<tgl_lahir>1985-02-11</tgl_lahir><catatan>kontrol 2 mi"));
  }

  @Test
  void aSiblingThatNamesTheTypeOfANumber() {
    assertEquals(
        List.of("PASSPORT C7654321"),
        found("{\"identitas\":{\"jenis\":\"paspor\",\"nomor\":\"C7654321\"}}"));
    assertEquals(
        List.of("PASSPORT C7654321"),
        found("<identitas><jenis>Paspor</jenis><nomor>C7654321</nomor></identitas>"));
  }

  @Test
  void htmlTableCellsAreReadWithTheirColumnHeaders() {
    String page =
        "<table><thead><tr><th>No. RM</th><th>Pemeriksaan</th><th>Hasil</th>"
            + "<th>Nilai Rujukan</th></tr></thead><tbody>"
            + "<tr><td>012345</td><td>HBsAg</td><td>Reaktif</td><td>Non Reaktif</td></tr>"
            + "</tbody></table>";
    assertEquals(List.of("MEDICAL_RECORD_NUMBER 012345", "TEST_RESULT Reaktif"), found(page));
  }

  @Test
  void unlabelledJknCardsFamilyCardsAndPrefixedRecordNumbers() {
    // A JKN-KIS number opens with 000; a product code or a SEP number of that shape is not one.
    assertEquals(List.of("BPJS 0001234567890"), found("peserta 0001234567890 datang"));
    assertEquals(List.of(), found("{\"kode_produk\":\"0001234567890\"}"));
    assertEquals(List.of(), found("No. SEP 0001234567890"));
    // A family card's number has a NIK's shape but names a household.
    assertEquals(List.of(), found("No. KK: 3174051708900001"));
    assertEquals(List.of(), found("Nomor Kartu Keluarga : 3174051708900001"));
    assertEquals(
        List.of("NIK 3174051708900002"), found("no_kk=3174051708900001 nik=3174051708900002"));
    // RM- and RM. prefixed numbers are record numbers; a reference's are not.
    assertEquals(
        List.of("MEDICAL_RECORD_NUMBER RM.2023.0001234"), found("pasien RM.2023.0001234 dirawat"));
    assertEquals(List.of(), found("ref=RM-0012345"));
    assertEquals(
        List.of("MEDICAL_RECORD_NUMBER RM-0012345"), found("https://x.id/emr/patient/RM-0012345"));
  }

  @Test
  void messageIdentifiersAreNotMailboxes() {
    assertEquals(
        List.of("EMAIL budi.santoso@gmail.com", "EMAIL siti.rahma@rs.co.id"),
        found(
            "From: <budi.santoso@gmail.com>\nMessage-ID: <20240301.ab12@mail.rs.id>\n"
                + "References: <a1@x.co.id>\n <b2@x.co.id>\nTo: siti.rahma@rs.co.id"));
  }

  @Test
  void aDiagnosisLineListsItsCodesWithTheirDescriptions() {
    assertEquals(List.of("DIAGNOSIS A91", "DIAGNOSIS E11.9"), found("Diagnosa: A91#E11.9"));
    assertEquals(
        List.of("DIAGNOSIS J18.9", "DIAGNOSIS E11.9"),
        found("Dx: J18.9 Pneumonia, sekunder E11.9"));
    assertEquals(
        List.of("DIAGNOSIS U07.1", "DIAGNOSIS I10"),
        found("Diagnosis: COVID-19, virus identified (U07.1); Hipertensi (I10)"));
    // Not after the line or sentence, nor procedure codes and INA-CBG groups.
    assertEquals(
        List.of("DIAGNOSIS A09"), found("Diagnosa: A09 Diare, tindakan 99.04, INA-CBG A-4-10-I"));
    assertEquals(List.of("DIAGNOSIS A09"), found("Diagnosa: A09\nRuang B12"));
  }

  @Test
  void passportsOfOtherCountriesAfterAPassportLabel() {
    assertEquals(List.of("PASSPORT C01X00T47"), found("Passport: C01X00T47"));
    assertEquals(List.of("PASSPORT 12AB34567"), found("Paspor No. 12AB34567"));
    assertEquals(List.of("PASSPORT NXC3D9H81"), found("passport NXC3D9H81"));
    assertEquals(List.of(), found("Passport: PASSPORTS"));
    assertEquals(List.of("BIRTH_DATE 12-03-1987"), found("Tgl. Lhr: 12-03-1987"));
  }

  @Test
  void theDisplayNameOfAPersonalMailboxIsAName() {
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "EMAIL budi.santoso@gmail.com",
            "NAME Siti Rahma",
            "EMAIL siti.rahma@rs.co.id"),
        found(
            "From: Budi Santoso <budi.santoso@gmail.com>\n"
                + "To: \"dr. Siti Rahma, Sp.PD\" <siti.rahma@rs.co.id>, Klaim RSUD <klaim@rsud.go.id>\n"
                + "Subject: hasil lab"));
  }

  @Test
  void yamlIsReadAsATreeLikeJson() {
    String yaml =
        "# fixture\npasien:\n  - nama: Budi Santoso\n    nik: \"3174051708900002\"\n"
            + "    kontak_darurat:\n      nama: Siti Aminah\n      hp: 081234567890\n"
            + "  - nama: Ani\n    tgl_lahir: 1990-01-02 # dari KTP\n"
            + "rumah_sakit:\n  nama: RSUD Tarakan\n  telp: 021-3503003\n";
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "NIK 3174051708900002",
            "NAME Siti Aminah",
            "PHONE 081234567890",
            "NAME Ani",
            "BIRTH_DATE 1990-01-02"),
        found(yaml));
    // BPJS V-Claim's record number fields.
    assertEquals(List.of("MEDICAL_RECORD_NUMBER 123456"), found("{\"mr\":{\"noMR\":\"123456\"}}"));
  }

  @Test
  void anAddressIsItsStreetLine() {
    assertEquals(
        List.of("ADDRESS Jl. Mawar No. 5, RT 003/RW 005", "ADDRESS Hauptstraße 25"),
        found(
            "{\"alamat\":\"Jl. Mawar No. 5, RT 003/RW 005, Kel. Menteng, Jakarta Pusat 10310\","
                + "\"address\":\"Hauptstraße 25, 10115 Berlin\"}"));
  }

  @Test
  void formsReadFromAScan() {
    // OCR misreads labels ("Narna", "NlK", "Alarnat"), drops or swaps colons, and puts a value on
    // the line after its label.
    assertEquals(
        List.of(
            "NIK 3204051708900002",
            "NAME SITI AMINAH",
            "BIRTH_DATE 17-08-1990",
            "ADDRESS JL RAYA SOREANG NO 12"),
        found(
            "NlK   : 3204051708900002\nNarna   : SITI AMINAH\n"
                + "Tempat/TglLahir : BANDUNG. 17-08-1990\nAlarnat : JL RAYA SOREANG NO 12\n"
                + "   RT/RW : 003/005"));
    assertEquals(
        List.of("NAME BUDI SANTOSO", "ADDRESS JL. MAWAR NO 5"),
        found("Nama ; BUDI SANTOSO\nAlamat ; JL. MAWAR NO 5"));
    assertEquals(List.of("NAME BUDI SANTOSO"), found("Nama   BUDI SANTOSO\nAgama  ISLAM"));
    assertEquals(List.of("NAME BUDI SANTOSO"), found("Nama\nBUDI SANTOSO\n"));
    assertEquals(List.of(), found("Nama obat PARACETAMOL"));
  }

  @Test
  void newerNpwpsBanksAndBirthDates() {
    // Since 2024 an NPWP has 16 digits: 0 before an older 15-digit NPWP (a body's stays out).
    assertEquals(List.of("NPWP 0091234567890000"), found("NPWP: 0091234567890000"));
    assertEquals(List.of(), found("NPWP 0012345678901000"));
    assertEquals(List.of("BANK_ACCOUNT 12345678901"), found("rekening Bank DKI 12345678901"));
    assertEquals(List.of(), found("DKI Jakarta 1234567890"));
    assertEquals(List.of("BIRTH_DATE 12031987"), found("tgl_lahir=12031987"));
    assertEquals(List.of("BIRTH_DATE 12th of March 1987"), found("born on 12th of March 1987"));
    assertEquals(List.of("BIRTH_DATE March 12th, 1987"), found("born March 12th, 1987"));
  }

  @Test
  void chatLinesWithTheTimeOnlyOrNoneName() {
    assertEquals(
        List.of("NAME Maya", "NAME Wulan"),
        found("[08:19] dr Maya: ok, pasien pulang\nWulan IGD: noted\nCatatan: kontrol"));
  }

  @Test
  void definitionListsAndLabelledRowsAreFields() {
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "ADDRESS Jl. Mawar No. 5",
            "MEDICAL_RECORD_NUMBER 012345",
            "NAME Siti Aminah",
            "NAME Rina"),
        found(
            "<dl><dt>Nama Pasien</dt><dd>Budi Santoso</dd><dt>Alamat</dt>"
                + "<dd>Jl. Mawar No. 5, Bandung</dd><dt>No. RM</dt><dd>012345</dd></dl>"
                + "<table><tr><th>Nama</th><td>Siti Aminah</td></tr>"
                + "<tr><td>Dokter</td><td>dr. Rina, Sp.A</td></tr></table>"));
  }

  @Test
  void aFamilyCardReadFromAScan() {
    // Its own number under its heading is no NIK; its members' table is laid out with spaces.
    assertEquals(
        List.of(
            "NAME BUDI SANTOSO",
            "NIK 3174051708900002",
            "BIRTH_DATE 17-08-1990",
            "NAME SITI AMINAH",
            "NIK 3174055708920001",
            "BIRTH_DATE 17-08-1992"),
        found(
            "KARTU KELUARGA\nNo. 3174051708900003\n"
                + "No  Nama Lengkap      NIK               Jenis Kelamin  Tanggal Lahir  Agama\n"
                + "1   BUDI SANTOSO      3174051708900002  LAKI-LAKI      17-08-1990     ISLAM\n"
                + "2   SITI AMINAH       3174055708920001  PEREMPUAN      17-08-1992     ISLAM\n"));
  }

  @Test
  void aRoleWhereANameWouldStandIsNoName() {
    assertEquals(
        List.of("NAME BUDI SANTOSO", "NAME SUPARMAN"),
        found(
            "No  Nama Lengkap   Status Hubungan Dalam Keluarga  Nama Ayah\n"
                + "1   BUDI SANTOSO   KEPALA KELUARGA                 SUPARMAN\n"));
    assertEquals(List.of(), found("{\"nama_keluarga\":\"Istri\"}"));
  }

  @Test
  void anInstitutionsOwnMailboxIsNotPersonal() {
    assertEquals(
        List.of("EMAIL budi.santoso@rsud.go.id"),
        found("rsud.tarakan@gmail.com klinik_sehat@yahoo.com budi.santoso@rsud.go.id"));
    assertEquals(List.of(), found("kirim ke rsudkoja@jakarta.go.id"));
  }

  @Test
  void keyValuePairsGluedToTheirKey() {
    assertEquals(List.of("DIAGNOSIS U07.2"), found("visit icd10=U07.2 ward=3"));
    assertEquals(List.of("DIAGNOSIS U07.2"), found("visit icd10= U07.2"));
  }

  @Test
  void bankAccountsWhereALabelSaysSo() {
    assertEquals(List.of("BANK_ACCOUNT 1234567890"), found("No. Rek BCA 1234567890 a.n. pasien"));
    assertEquals(
        List.of("BANK_ACCOUNT 123-00-4567890-1"),
        found("transfer ke rekening Bank Mandiri 123-00-4567890-1"));
    assertEquals(List.of("BANK_ACCOUNT 0023 4567 8901"), found("Account number: 0023 4567 8901"));
    // Without a label a ten-digit number is no account; a 16-digit NIK stays a NIK.
    assertEquals(List.of(), found("ref 1234567890"));
    assertEquals(List.of("NIK 3174055708900001"), found("NIK 3174055708900001"));
    // A self-paying patient ("pasien mandiri") is no bank.
    assertEquals(List.of(), found("pasien mandiri 1234567890"));
  }

  @Test
  void roleMailboxesOfInstitutionsAreNotPersonal() {
    assertEquals(
        List.of(),
        found(
            "Email: info@rsudkota.go.id | humas@rs-sehat.co.id | Klaim@bpjs-cabang.id,"
                + " no-reply@portal.id, rekam.medis@rsia.or.id, cs2@klinik.com"));
    // A person's address still counts, also one that starts like a role, and one with a tag.
    assertEquals(
        List.of(
            "EMAIL informatika.budi@gmail.com",
            "EMAIL siti+klinik@yahoo.co.id",
            "EMAIL admin.rina@rs.id"),
        found("cc informatika.budi@gmail.com, siti+klinik@yahoo.co.id; admin.rina@rs.id"));
  }

  @Test
  void csvColumnsAreContext() {
    String csv =
        "No. RM;Nama Pasien;Tgl Lahir;No. BPJS;Hasil PCR;Faskes\n"
            + "12-34-56;Siti Rahayu;17/08/1990;0001234567890;Negatif;RSUD Kota Bandung\n";
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER 12-34-56",
            "NAME Siti Rahayu",
            "BIRTH_DATE 17/08/1990",
            "BPJS 0001234567890",
            "TEST_RESULT Negatif"),
        found(csv));
  }

  @Test
  void csvCommentLinesBeforeBetweenAndAfterTheRecords() {
    String csv =
        "# Ekspor pasien, 2024-05-01\n"
            + "nama,tgl_lahir,no_hp\n"
            + "Siti Rahayu,1990-08-17,081234567890\n"
            + "# page 2\n"
            + "Budi Santoso,1985-01-02,081298765432\n"
            + "# end of export\n";
    assertEquals(
        List.of(
            "NAME Siti Rahayu",
            "BIRTH_DATE 1990-08-17",
            "PHONE 081234567890",
            "NAME Budi Santoso",
            "BIRTH_DATE 1985-01-02",
            "PHONE 081298765432"),
        found(csv));
  }

  @Test
  void proseWithCommasIsNotATable() {
    String prose =
        "Hasil swab PCR: positif, mohon isolasi.\nNIK 3174055708900001, hp 081234567890\n";
    assertEquals(
        List.of("TEST_RESULT swab PCR: positif", "NIK 3174055708900001", "PHONE 081234567890"),
        found(prose));
  }

  @Test
  void thingsHaveNamesAndAddressesThatAreNotPersonal() {
    assertEquals(
        List.of(),
        found(
            "{\"items\":[{\"name\":\"Oximeter\"}],\"resep\":[{\"nama\":\"Amoxicillin\"}],"
                + "\"diagnosa_utama\":{\"nama\":\"Pneumonia\"},\"nama_rs\":\"RSUD Kota\","
                + "\"ip_address\":\"10.0.0.1\"}"));
    assertEquals(
        List.of(),
        found(
            "{\"nama\":\"RSUD Tarakan\",\"alamat\":\"Jl. Kyai Caringin 7\",\"telp\":\"0812345678\"}"));
    String organization =
        "{\"resourceType\":\"Organization\",\"name\":\"Klinik Sehat\",\"telecom\":[{\"system\":"
            + "\"phone\",\"value\":\"+62 21 5794 7000\"}],\"address\":[{\"line\":[\"Jl. A 1\"]}]}";
    assertEquals(List.of(), found(organization));
  }

  @Test
  void identityNumbersInUrlsAreFound() {
    assertEquals(
        List.of("NIK 3174055708900001"),
        found("GET /fhir/Patient?identifier=https://fhir.kemkes.go.id/id/nik%7C3174055708900001"));
  }

  @Test
  void largeHostileInputsStayFast() {
    StringBuilder b = new StringBuilder();
    while (b.length() < 256 * 1024) {
      b.append("a@");
    }
    long start = System.nanoTime();
    scanner.scan(b.toString());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "linear, not quadratic");
  }
}
