package dev.periksa.pii;

import static dev.periksa.pii.Found.found;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * FHIR references and names, HTML table headers, JSON strings with escapes and street lines without
 * commas. Every sample is made up.
 */
class StructureReadingTest {

  @Test
  void tablesRuledWithBarsInsideATextAreReadByTheirHeaders() {
    // A family card as OCR gives its ruled tables, under the card's heading: each table's header
    // names its cells, the parents' names of the second table included.
    String kk =
        "KARTU KELUARGA\n"
            + "No. 3201012304150007\n"
            + "| No | Nama Lengkap | NIK | Jenis Kelamin | Tanggal Lahir |\n"
            + "| 1 | AHMAD SUBAGYO | 3201011505780003 | LAKI-LAKI | 15-05-1978 |\n"
            + "| No | Status Perkawinan | Status Hubungan Dalam Keluarga | No. Paspor | Nama Ayah"
            + " | Nama Ibu |\n"
            + "| 1 | KAWIN | KEPALA KELUARGA | - | SUPARDI | SUMIATI |\n";
    assertEquals(
        List.of(
            "NAME AHMAD SUBAGYO",
            "NIK 3201011505780003",
            "BIRTH_DATE 15-05-1978",
            "NAME SUPARDI",
            "NAME SUMIATI"),
        found(kk));
    // A Markdown table under a sentence: the rule under the header is no record.
    assertEquals(
        List.of("NAME Nur Aini", "BIRTH_DATE 12-08-1982"),
        found(
            "Pasien minggu ini:\n| Nama | Tgl Lahir | Ruang |\n|---|:---:|---|\n"
                + "| Nur Aini | 12-08-1982 | Melati |\n"));
    // Bars in prose make no table.
    assertEquals(List.of(), found("Status | Aktif | Versi 2 | Server OK\n"));
  }

  @Test
  void aReferenceToAPersonNamesThemWhateverFieldHoldsIt() {
    String json =
        "{\"resourceType\":\"Encounter\",\"x\":{\"reference\":\"Practitioner/N10000001\","
            + "\"display\":\"Dokter Andi Wijaya Sp.PD\"},"
            + "\"y\":{\"reference\":\"Organization/1\",\"display\":\"Klinik Sehat\"},"
            + "\"resultsInterpreter\":[{\"display\":\"Agus Salim\"}]}";
    assertEquals(List.of("NAME Andi Wijaya", "NAME Agus Salim"), found(json));
  }

  @Test
  void prefixesSuffixesAndFamilyCardIdentifiersAreNoPersonalData() {
    String json =
        "{\"resourceType\":\"Patient\",\"name\":[{\"prefix\":[\"dr.\"],\"given\":[\"Andi\"],"
            + "\"family\":\"Wijaya\",\"suffix\":[\"Sp.PD\"]}],\"identifier\":[{\"system\":"
            + "\"https://fhir.kemkes.go.id/id/kk\",\"value\":\"3174050101090001\"}],"
            + "\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/"
            + "patient-mothersMaidenName\",\"valueString\":\"Sri Wahyuni\"}]}";
    assertEquals(List.of("NAME Andi", "NAME Wijaya", "NAME Sri Wahyuni"), found(json));
  }

  @Test
  void anOrganisationsContactPersonIsAPerson() {
    String json =
        "{\"resourceType\":\"Organization\",\"name\":\"RSUD Kota\",\"contact\":[{\"name\":"
            + "{\"text\":\"Andi Wijaya\"},\"telecom\":[{\"system\":\"phone\","
            + "\"value\":\"081234567890\"}]}]}";
    assertEquals(List.of("NAME Andi Wijaya", "PHONE 081234567890"), found(json));
  }

  @Test
  void aNarrativeInsideJsonIsReadAsItsText() {
    String json =
        "{\"resourceType\":\"Patient\",\"text\":{\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/"
            + "xhtml\\\">Pasien: Budi Santoso\\nNIK 3174055708900001</div>\"}}";
    assertEquals(List.of("NAME Budi Santoso", "NIK 3174055708900001"), found(json));
  }

  @Test
  void aHeadRowOfTwoColumnsIsAHeader() {
    String html =
        "<table><thead><tr><td>Nama</td><td>NIK</td></tr></thead><tbody><tr><td>Tn. RAHMAT"
            + " HIDAYAT</td><td>3174055708900001</td></tr></tbody></table>";
    assertEquals(List.of("NAME RAHMAT HIDAYAT", "NIK 3174055708900001"), found(html));
  }

  @Test
  void aStreetLineWithoutCommasEndsWithItsRtRwOrHouseNumber() {
    String html =
        "<dl><dt>Alamat</dt><dd>Jl. Mawar No. 5 RT 03 RW 04 Sukajadi</dd>"
            + "<dt>Alamat</dt><dd>Jl. Melati No. 7 Sukasari Bandung</dd>"
            + "<dt>Alamat</dt><dd>Jl. Kenanga No. 5A Blok C</dd></dl>";
    assertEquals(
        List.of(
            "ADDRESS Jl. Mawar No. 5 RT 03 RW 04",
            "ADDRESS Jl. Melati No. 7",
            "ADDRESS Jl. Kenanga No. 5A Blok C"),
        found(html));
  }

  @Test
  void aBranchsMailboxAtItsOrganisationsDomainIsNoPersons() {
    assertEquals(
        List.of("EMAIL andi.wijaya@rsudkota.go.id", "EMAIL budi.santoso@gmail.com"),
        found(
            "cc prodia.bandung@prodia.co.id, hermina.depok@herminahospitals.com, poli.anak@rs.id,"
                + " andi.wijaya@rsudkota.go.id, budi.santoso@gmail.com"));
  }

  @Test
  void aRecordNumberInARestPathIsReadButANamespaceUrlIsNot() {
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER RM-0012345",
            "MEDICAL_RECORD_NUMBER 00123456",
            "MEDICAL_RECORD_NUMBER 0012345"),
        found(
            "GET /api/pasien/RM-0012345/hasil 200\nGET /api/rm/00123456 200\n"
                + "GET /simrs/rekam-medis/0012345/resume 200\nGET /fhir/Patient/63459 200\n"));
    assertEquals(
        List.of("MEDICAL_RECORD_NUMBER RM-0012345"),
        found(
            "{\"identifier\":[{\"system\":\"http://sys-ids.kemkes.go.id/mrn/100000004\","
                + "\"value\":\"RM-0012345\"}]}"));
  }

  @Test
  void anIsoBirthDateWithItsTimeInHl7IsTheDatePart() {
    assertEquals(
        List.of("NAME SANTOSO^BUDI", "BIRTH_DATE 1987-03-12"),
        found(
            "MSH|^~\\&|A|B|C|D|20240312||ADT^A04|1|P|2.5\rPID|1||||SANTOSO^BUDI||"
                + "1987-03-12T00:00:00|M"));
  }

  @Test
  void aVClaimReplysServiceParticipantTypeAndReferringProviderAreNoNames() {
    String json =
        "{\"response\":{\"rujukan\":{\"pelayanan\":{\"kode\":\"2\",\"nama\":\"Rawat Jalan\"},"
            + "\"peserta\":{\"nama\":\"BUDI SANTOSO\",\"jnsPeserta\":\"PNS Daerah\"},"
            + "\"provPerujuk\":{\"kode\":\"0301U011\",\"nama\":\"SUKAJADI\"}}}}";
    assertEquals(List.of("NAME BUDI SANTOSO"), found(json));
  }

  @Test
  void anOrganisationsOwnRecordHoldsItsMailboxNotAPersons() {
    assertEquals(
        List.of(),
        found(
            "INSERT INTO `faskes` (`kode`, `nama`, `telepon`, `email`) VALUES ('0301U011',"
                + " 'Sehat Sentosa', '022-7654321', 'sehat.sentosa@gmail.com');"));
  }

  @Test
  void aTravelDocumentIsAPassportAndItsLetterMayStandApart() {
    assertEquals(
        List.of("PASSPORT C 1234567", "PASSPORT A7654321"),
        found("No. Paspor: C 1234567, berlaku 2029.\ndokumen_perjalanan: A7654321\n"));
  }

  @Test
  void aRegisterOfOrganisationsHoldsNoPersonsContacts() {
    // A facility register: its addresses, phones and mailboxes are the facilities'.
    assertEquals(
        List.of(),
        found(
            "kode_faskes,nama_faskes,alamat,telp,email\n"
                + "0101R001,RSUD Cibinong,Jl. Raya Jakarta Bogor Km 43,0218753487,rsud@bogor.go.id\n"
                + "0102P002,Klinik Sehat,Jl. Melati No. 5,081234567890,kliniksehat@gmail.com\n"));
    // In a table of persons, a row named for an organisation is the organisation's.
    assertEquals(
        List.of("NAME Budi Santoso", "ADDRESS Jl. Melati No. 5", "PHONE 081234567890"),
        found(
            "id,nama,alamat,telp\n"
                + "1,Apotek Kimia Farma 23,Jl. Sudirman No. 10,0215551234\n"
                + "2,Budi Santoso,Jl. Melati No. 5,081234567890\n"));
    // A hospital named further along a patient's row is where the patient was seen.
    assertEquals(
        List.of("PHONE 081298765432", "ADDRESS Jl. Mawar 7", "TEST_RESULT negatif"),
        found("telp,nama_rs,alamat,hasil\n081298765432,RSUD Cibinong,Jl. Mawar 7,negatif\n"));
  }

  @Test
  void moreReferencesToPersonsAndNoNameLeftOfADuty() {
    String json =
        "{\"resourceType\":\"Coverage\",\"policyHolder\":{\"display\":\"Siti Aminah\"},"
            + "\"x\":{\"performer\":[{\"actor\":{\"display\":\"Apt. Lina Marlina\"}}]},"
            + "\"requester\":{\"display\":\"Dokter Jaga\"},"
            + "\"y\":{\"performer\":{\"display\":\"Perawat IGD\"}}}";
    assertEquals(List.of("NAME Siti Aminah", "NAME Lina Marlina"), found(json));
  }

  @Test
  void aTypeColumnSaysWhatTheNumberBesideItIsInDumpsAndTables() {
    assertEquals(
        List.of("PASSPORT B1234567", "NIK 3201011505780003"),
        found(
            "INSERT INTO identitas (jenis, nomor) VALUES ('PASPOR', 'B1234567'),"
                + " ('KTP', '3201011505780003');\n"));
    assertEquals(
        List.of("NAME Budi Santoso", "PASSPORT B1234567", "NAME Joko"),
        found("nama;jenis_identitas;nomor\nBudi Santoso;Paspor;B1234567\nJoko;SIM;12345678\n"));
  }

  @Test
  void anInsuranceNumberIsTheInsuredPersonsCard() {
    // The insurer is an organisation; the number under "asuransi" is the member's JKN-KIS card.
    assertEquals(
        List.of("BPJS 0001234567890", "BPJS 0001234567891"),
        found(
            "<p><asuransi><nomor>0001234567890</nomor><jenis>BPJS</jenis></asuransi>"
                + "<no_asuransi>0001234567891</no_asuransi></p>"));
    assertEquals(List.of(), found("<produk><kode>0001234567890</kode></produk>"));
  }

  @Test
  void aPassportNumberPrintedWithASpaceOrADash() {
    assertEquals(
        List.of("PASSPORT AB 1234567", "PASSPORT A-1234567"),
        found("No. Paspor: AB 1234567\nPassport no. A-1234567\n"));
  }

  @Test
  void aQuestionnairesQuestionNamesItsAnswers() {
    String json =
        "{\"resourceType\":\"QuestionnaireResponse\",\"item\":["
            + "{\"linkId\":\"1\",\"text\":\"Nama pasien\",\"answer\":[{\"valueString\":\"Zaqy Fernanda\"}]},"
            + "{\"linkId\":\"2\",\"text\":\"Tanggal lahir\",\"answer\":[{\"valueDate\":\"1980-01-02\"}]},"
            + "{\"linkId\":\"3\",\"text\":\"Tanggal kunjungan\",\"answer\":[{\"valueDate\":\"2024-01-02\"}]},"
            + "{\"linkId\":\"4\",\"text\":\"Alamat rumah\",\"answer\":[{\"valueString\":\"Jl. Melati 5\"}]},"
            + "{\"linkId\":\"5\",\"text\":\"Gejala\",\"answer\":[{\"valueString\":\"Demam\"}]}]}";
    assertEquals(
        List.of("NAME Zaqy Fernanda", "BIRTH_DATE 1980-01-02", "ADDRESS Jl. Melati 5"),
        found(json));
  }
}
