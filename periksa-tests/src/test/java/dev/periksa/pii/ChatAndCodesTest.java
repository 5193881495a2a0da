package dev.periksa.pii;

import static dev.periksa.pii.Found.found;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Chat exports between clinic staff, ICD-10 codes written without a label, and record numbers with
 * their own prefixes. Every sample is made up.
 */
class ChatAndCodesTest {

  @Test
  void aSenderAfterARoleOrATitleIsANameKnownOrNot() {
    String chat =
        "[3/7/24, 9:15:22 AM] Nurse Amy: bed 4 is febrile\n"
            + "07/03/24, 08:18 - Perawat Ratih: pak Joko minta pulang\n"
            + "Dr Rahmat: ok\n";
    assertEquals(List.of("NAME Amy", "NAME Ratih", "NAME Joko", "NAME Rahmat"), found(chat));
  }

  @Test
  void aTelegramHeaderNamesTheSenderAndAUnitAfterTheNameStaysOut() {
    String chat = "Wulan IGD, [07.03.24 08:15]\npasien an. Bambang Wijaya sudah di IGD\n";
    assertEquals(List.of("NAME Wulan", "NAME Bambang Wijaya"), found(chat));
  }

  @Test
  void aPossessiveIsNoPartOfTheName() {
    assertEquals(List.of("NAME Garcia"), found("Please send Mrs. Garcia's swab to the lab."));
  }

  @Test
  void icdCodesWithTheirSubcategoryOrInBracketsNeedNoLabel() {
    assertEquals(
        List.of("DIAGNOSIS J18.9", "DIAGNOSIS E11.9"), found("klaim pakai J18.9 + E11.9 ya"));
    assertEquals(List.of("DIAGNOSIS A15.0"), found("pasien TB paru (A15.0) kontrol"));
    assertEquals(List.of("DIAGNOSIS A91"), found("suspek DBD (A91), rawat inap"));
  }

  @Test
  void roomsVersionsAndBareShortCodesAreNoDiagnosis() {
    assertTrue(
        found("kamar A12.3 lantai 2, versi V10.2.1, build R12.1-beta, bed B12, koding ke I10")
            .isEmpty());
  }

  @Test
  void aRecordNumberKeepsItsWholePrefix() {
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER RM 0012345",
            "MEDICAL_RECORD_NUMBER RSUD-RM-001234",
            "MEDICAL_RECORD_NUMBER RM#12345",
            "MEDICAL_RECORD_NUMBER 27121920"),
        found("no_rm,x\nRM 0012345,a\nRSUD-RM-001234,b\nRM#12345,c\n27121920,d\n"));
  }

  @Test
  void twoKnownNamesTogetherAreANameWithoutACue() {
    assertEquals(
        List.of("NAME Budi Santoso", "NAME Siti Rahayu"),
        found("results for Budi Santoso today. Hasil Siti Rahayu negatif ya."));
    assertTrue(
        found("Dirujuk ke RS Siti Khadijah, Jl. Dewi Sartika, lalu ke Santa Maria Hospital.")
            .isEmpty());
  }

  @Test
  void aMobileNumberWithEnDashesOrABracketedOperatorCode() {
    assertEquals(
        List.of("PHONE 0812\u20133456\u20137890", "PHONE +62 (812) 3456-7890"),
        found("hubungi 0812\u20133456\u20137890 atau +62 (812) 3456-7890 ya"));
  }

  @Test
  void mentionsWaMeLinksItalicsAndPathSegments() {
    assertEquals(
        List.of("NAME Wulan", "PHONE 6281234567890", "PHONE 081234567890", "NIK 3174055708900001"),
        found(
            "@Wulan IGD tolong hubungi https://wa.me/6281234567890?text=halo atau _081234567890_"
                + " (GET /api/pasien/3174055708900001)"));
  }

  @Test
  void thanksBeforeAKnownNameIsAGreeting() {
    assertEquals(
        List.of("NAME Sari", "NAME Rina"),
        found("Thanks Sari, noted. Thanks for the update. Makasih Bu Rina"));
  }

  @Test
  void phonesInInternationalFormAreFoundWithoutALabel() {
    // A plus and a country code make a number a phone, from any country; +62 stays the mobile
    // rule's (an Indonesian landline so written is most often an office's).
    assertEquals(
        List.of("PHONE +44 7700 900123", "PHONE +61 412 345 678"),
        found("call his wife on +44 7700 900123 or +61 412 345 678\n"));
    assertEquals(List.of(), found("kantor +62 21 5551234, dosis +15 mg, id +1234567\n"));
    assertEquals(List.of(), found("Fax: +65 6123 4567\n"));
  }

  @Test
  void aPhoneLabelTakesBracketedPrefixesAndNorthAmericanNumbers() {
    assertEquals(
        List.of("PHONE (0812) 3456 7890", "PHONE 555-123-4567", "PHONE +44 (0)20 7946 0958"),
        found("HP: (0812) 3456 7890\nPhone: 555-123-4567\nTel: +44 (0)20 7946 0958\n"));
    // An area code in brackets is a landline's, most often an office's: not read.
    assertEquals(List.of(), found("Telp. (021) 5551234\n"));
  }

  @Test
  void aRecordNumberUnderItsOtherNames() {
    assertEquals(
        List.of(
            "MEDICAL_RECORD_NUMBER 0012345",
            "MEDICAL_RECORD_NUMBER H0012345",
            "MEDICAL_RECORD_NUMBER 2023.0012"),
        found(
            "<dl><dt>No. Rekam Medik</dt><dd>0012345</dd><dt>Hospital No.</dt><dd>H0012345</dd>"
                + "<dt>Nomor Pasien</dt><dd>2023.0012</dd></dl>"));
    assertEquals(List.of("PHONE 081234567890"), found("{\"whatsApp\":\"081234567890\"}"));
  }

  @Test
  void relativesNamedByTheRelationAndHastyHonorifics() {
    assertEquals(
        List.of("NAME Linda", "NAME Hendra", "NAME Rizky", "NAME Slamet", "NAME Putri"),
        found(
            "his wife Linda called. suaminya, Pak Hendra, datang. anaknya bernama Rizky. "
                + "pasien bpk Slamet rujuk. sama dek Putri ya\n"));
    // Only names the gazetteer knows after a relation; a noun after it is none.
    assertEquals(List.of(), found("his wife has diabetes. named Entity recognition\n"));
  }

  @Test
  void wardTalkAfterANameIsNoPartOfIt() {
    assertEquals(
        List.of("NAME Budi Santoso", "NAME Sri Wahyuni", "NAME Rina Lestari"),
        found(
            "Tn. Budi Santoso Post Op hari ini\nBu Sri Wahyuni Rujuk besok\n"
                + "Ny. Rina Lestari Sudah pulang\n"));
  }

  @Test
  void regionalFormsOfAddressBeforeAKnownName() {
    assertEquals(
        List.of("NAME Asep", "NAME Rina", "NAME Made"),
        found("tolong hubungi Kang Asep. Teh Rina sudah datang. Bli Made juga\n"));
    // Only a known name after one: "teh" is tea too.
    assertEquals(List.of(), found("Minum Teh Botol Sosro dingin\n"));
  }

  @Test
  void unitAndServiceMailboxesAreNoPersons() {
    assertEquals(
        List.of("EMAIL dewi.lab@rsud.go.id", "EMAIL budi.cs@gmail.com"),
        found(
            "kirim ke cs.prodia@gmail.com, hasil.lab@prodia.co.id, pkm.sukamaju@yahoo.co.id, "
                + "dewi.lab@rsud.go.id, budi.cs@gmail.com\n"));
  }
}
