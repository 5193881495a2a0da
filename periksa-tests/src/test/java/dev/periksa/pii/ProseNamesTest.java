package dev.periksa.pii;

import static dev.periksa.pii.Found.found;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names and street addresses in prose and semi-structured text ({@link ProseNames}), and the field
 * names that say a JSON value is a person's. Every sample is made up.
 */
class ProseNamesTest {
  private final PersonalDataScanner scanner = new PersonalDataScanner();

  /** Only the names and addresses. */
  private List<String> people(String text) {
    List<String> out = new ArrayList<>();
    for (String f : found(text)) {
      if (f.startsWith("NAME ") || f.startsWith("ADDRESS ")) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void theGazetteerIsLoadedOnce() {
    assertTrue(Names.size() > 2000, "a few thousand names");
    char[] w = "Wayan Nasution O'Brien Umum Kota".toCharArray();
    assertTrue(Names.known(w, 0, 5));
    assertTrue(Names.known(w, 6, 14));
    assertTrue(Names.known(w, 15, 22));
    assertFalse(Names.known(w, 23, 27));
    assertFalse(Names.known(w, 28, 32));
  }

  @Test
  void aReferralLetter() {
    String letter =
        "Kepada Yth.\n"
            + "dr. Andi Wijaya, Sp.PD\n"
            + "di Tempat\n\n"
            + "Dengan hormat,\n"
            + "Mohon konsul pasien Tn. Budi Santoso, 45 th, dengan keluhan sesak. Pasien tinggal di"
            + " Jl. Mawar No. 12, RT 003/RW 005, Kel. Sukajadi, Bandung.\n"
            + "Keluarga: Ny. Siti Rahayu (istri), HP 0812-3456-7890.\n\n"
            + "Hormat kami,\n\n\n"
            + "dr. Rina Kusuma, Sp.P\n"
            + "NIP. 19800101 200501 2 001\n";
    assertEquals(
        List.of(
            "NAME Andi Wijaya",
            "NAME Budi Santoso",
            "ADDRESS Jl. Mawar No. 12, RT 003/RW 005",
            "NAME Siti Rahayu",
            "PHONE 0812-3456-7890",
            "NAME Rina Kusuma"),
        found(letter));
  }

  @Test
  void aDischargeSummaryInEnglish() {
    String summary =
        "Dear Dr. Whitaker,\n\n"
            + "Mr. Bennett was seen by Ms Sarah O'Brien on Monday. Patient John Smith, DOB"
            + " 1980-01-02, was discharged home.\n"
            + "Address: 221B Baker Street, London NW1 6XE\n\n"
            + "Kind regards,\n"
            + "Emma Wilson\n";
    assertEquals(
        List.of(
            "NAME Whitaker",
            "NAME Bennett",
            "NAME Sarah O'Brien",
            "NAME John Smith",
            "BIRTH_DATE 1980-01-02",
            "ADDRESS 221B Baker Street",
            "NAME Emma Wilson"),
        found(summary));
  }

  @Test
  void signaturesUnderAClosingOrOverAnNipOrTitleLine() {
    assertEquals(
        List.of("NAME Hendra Gunawan"),
        people(
            "Hormat kami,\nKepala Puskesmas Sukamaju,\n\n\n( dr. Hendra Gunawan )\n"
                + "NIP. 198001012005011001\n"));
    assertEquals(
        List.of("NAME Rudi Hartono"),
        people("Jakarta, 12 Maret 2024\nDokter yang merawat,\n\nRudi Hartono\nDokter Spesialis"));
    // A closing over a team or an organisation names no one.
    assertEquals(List.of(), people("Regards,\nThe Support Team\n"));
    assertEquals(List.of(), people("Hormat kami,\nRSUD Kota Bandung\n"));
  }

  @Test
  void chatExportSenders() {
    String chat =
        "[12/03/24 08.15.22] Wulan IGD: pasien bed 3 sudah dipindah\n"
            + "[12/03/24 08.16.01] dr. Hendra: ok, tolong cek pak Joko di ICU\n"
            + "12/03/24 08.17 - Admin KKP: baik\n"
            + "12/03/2024, 08:18 - Budi Santoso: siap\n"
            + "12/03/24 08.19 - +62 812-3456-7890: siapa ini?\n";
    assertEquals(
        List.of(
            "NAME Wulan",
            "NAME Hendra",
            "NAME Joko",
            "NAME Budi Santoso",
            "PHONE +62 812-3456-7890"),
        found(chat));
  }

  @Test
  void anIdCardReadByOcr() {
    String ktp =
        "PROVINSI JAWA BARAT\n"
            + "KABUPATEN BANDUNG\n"
            + "NIK : 3204125711850002\n"
            + "Nama : BUDI SANTOSO\n"
            + "Tempat/Tgl Lahir : BANDUNG, 17-11-1985\n"
            + "Jenis Kelamin : LAKI-LAKI Gol. Darah : O\n"
            + "Alamat : JL. MAWAR NO. 5\n"
            + "RT/RW : 003/005\n"
            + "Kel/Desa : SUKAMAJU\n"
            + "Kecamatan : CIBIRU\n"
            + "Agama : ISLAM\n"
            + "Pekerjaan : KARYAWAN SWASTA\n";
    // RT/RW on its own line is no part of the street address.
    assertEquals(
        List.of(
            "NIK 3204125711850002",
            "NAME BUDI SANTOSO",
            "BIRTH_DATE 17-11-1985",
            "ADDRESS JL. MAWAR NO. 5"),
        found(ktp));
  }

  @Test
  void logLinesWithKeysAndValues() {
    String log =
        "2024-03-12T08:15:22Z INFO [simrs] patient=\"Budi Santoso\" doctor=\"dr. Rina Wijaya,"
            + " Sp.PD\" nama=Siti%20Rahayu ward=ICU\n"
            + "2024-03-12T08:15:23Z INFO payload={\"nama\":\"Dewi Lestari\",\"alamat\":\"Jl. Pemuda No."
            + " 12, Surabaya\"}\n"
            + "2024-03-12T08:15:24Z DEBUG nama_pasien=Agus Salim umur=40 user=admin\n";
    assertEquals(
        List.of(
            "NAME Budi Santoso",
            "NAME Rina Wijaya",
            "NAME Siti%20Rahayu",
            "NAME Dewi Lestari",
            "ADDRESS Jl. Pemuda No. 12",
            "NAME Agus Salim"),
        people(log));
  }

  @Test
  void mailHeadersAndGreetings() {
    String mail =
        "From: Budi Santoso <budi.santoso@gmail.com>\n"
            + "To: Klinik Sehat <info@kliniksehat.co.id>\n"
            + "Cc: Lab Admin <lab.admin@rs.id>\n\n"
            + "Halo Rina,\nHasil lab terlampir.\n";
    assertEquals(List.of("NAME Budi Santoso", "NAME Rina"), people(mail));
  }

  @Test
  void labelsAndCuesInProse() {
    assertEquals(
        List.of("NAME Ahmad"), people("No.RM:123456 Nama: Tn. Ahmad, Hasil antigen NEGATIF"));
    assertEquals(
        List.of("NAME Made Wirawan", "NAME Putu Ayu", "NAME Ni Luh Sari", "NAME I Wayan Sudarma"),
        people(
            "Yth. TS dr. Made Wirawan, Sp.A\nMohon rawat bersama pasien An. Putu Ayu (5 th). Ibu"
                + " pasien: Ni Luh Sari. Ayah: I Wayan Sudarma."));
    assertEquals(
        List.of("NAME Rizky Pratama", "NAME Andi Mappanyukki", "NAME Muhammad bin Abdullah"),
        people(
            "Transfer a.n. Rizky Pratama. Pasien atas nama Andi Mappanyukki datang."
                + " Wali: Muhammad bin Abdullah."));
    assertEquals(
        List.of("NAME Dewi Lestari", "NAME Andi", "NAME Siti Aminah", "NAME Ahmad Yani"),
        people(
            "Pasien: Dewi Lestari\nDokter pemeriksa: dr. Andi\n"
                + "Kontak darurat: Siti Aminah (istri) 0812-1111-2222\n"
                + "Penanggung jawab : Bpk. H. Ahmad Yani\n"));
  }

  @Test
  void weakCuesNeedAKnownName() {
    assertEquals(
        List.of("NAME Siti", "NAME Agus Salim"),
        people(
            "Pasien Baru, pasien lama, pasien BPJS Kesehatan, Pasien Umum. Pasien Siti mengeluh"
                + " pusing. nama pasien Agus Salim, umur 40."));
    assertEquals(
        List.of(),
        people(
            "Ibu Kota Jakarta. Ibu hamil dan Ibu Rumah Tangga. Yth. Bapak/Ibu, Yth. Kepala Dinas"
                + " Kesehatan. Dear Sir/Madam, dear colleague. Hi team. Pasien: Laki-laki, 45 th."
                + " Took 5 ms. Then MR BRAIN. ya kak. No. Kartu JKN-KIS"));
  }

  @Test
  void aBareNameKeyNamesAPersonOnlyWithAKnownNameATitleOrOnAnUpperCaseFormLine() {
    assertEquals(
        List.of("NAME Budi Santoso", "NAME Rina", "NAME XAVERIUS TJANDRAWINATA"),
        people(
            "services:\n  api:\n    name: Production\n  drug:\n    name: Masker Medis\n"
                + "patient:\n  name: Budi Santoso\n  dokter: dr. Rina\n"
                + "NAMA : XAVERIUS TJANDRAWINATA\n"));
    // A qualified name key says whose it is: no known name needed.
    assertEquals(
        List.of("NAME Xaverius Tjandrawinata"), people("Nama Lengkap: Xaverius Tjandrawinata"));
    assertEquals(List.of("NAME Ahmad"), people("Bapak Presiden bertemu Bapak Haji Ahmad."));
  }

  @Test
  void namesInsidePlacesAreNotNames() {
    assertEquals(
        List.of(),
        people(
            "Dirujuk ke RSUD dr. Iskandar Wiryo. RS Dr. Sardjito; RSUP Dr. Cipto Mangunkusumo;"
                + " Universitas Prof. Dr. Hamka; dr. Soetomo Hospital; Jl. Dr. Wahidin."));
    // The street holds the title; the address (with its number) is one span, no name inside.
    assertEquals(
        List.of("ADDRESS Jl. Prof. Dr. Hamka No. 3"),
        people("Pasien tinggal di Jl. Prof. Dr. Hamka No. 3."));
  }

  @Test
  void streetAddressesInEveryCase() {
    assertEquals(
        List.of(
            "ADDRESS Perumahan Griya Asri Blok C2 No. 5 RT 01/02",
            "ADDRESS jl mawar no 5",
            "ADDRESS Komp. Pondok Indah blok a-12",
            "ADDRESS Dusun Krajan RT 02 RW 03",
            "ADDRESS Gg. Kenari 7",
            "ADDRESS Jl. Raya Bogor Km. 30 No. 5, RT.03 RW.05",
            "ADDRESS JALAN SUDIRMAN NO. 1 RT/RW 003/005"),
        people(
            "Perumahan Griya Asri Blok C2 No. 5 RT 01/02; gang sempit; Jalan Sudirman macet;"
                + " jl mawar no 5; Komp. Pondok Indah blok a-12; Dusun Krajan RT 02 RW 03;"
                + " Gg. Kenari 7, Bekasi; Jl. Raya Bogor Km. 30 No. 5, RT.03 RW.05, Depok;"
                + " JALAN SUDIRMAN NO. 1 RT/RW 003/005 KEL. MENTENG"));
    // Without a number only where a label says whose address it is.
    assertEquals(
        List.of("ADDRESS Jl. Gunung Agung"),
        people("Alamat: Jl. Gunung Agung, Denpasar. Macet di Jl. Sudirman tadi."));
  }

  @Test
  void addressesOfInstitutionsAreNotPersonal() {
    assertEquals(
        List.of(),
        people(
            "RSUD KOTA BANDUNG\nJl. Merdeka No. 1, Bandung 40111\nTelp. (022) 1234567\n\n"
                + "Pasien dirawat di RSUD Kota, Jl. Merdeka No. 1.\n"
                + "Alamat RS: Jl. Kenanga No. 10\n"
                + "Jl. Veteran No. 5, Telp. (021) 555-1234, Fax (021) 555-1235\n"
                + "Laboratorium Prima, Jl. Diponegoro No. 7, Semarang\n"));
    // A person's address beside an organisation's: only the person's.
    assertEquals(
        List.of("NAME Budi", "ADDRESS Jl. Mawar No. 5"),
        people(
            "Klinik Sehat\nJl. Kenanga No. 10, Fax (022) 765\n\n"
                + "Nama: Budi\nAlamat: Jl. Mawar No. 5\n"));
  }

  @Test
  void largeHostileInputsStayLinear() {
    String[] units = {
      "Tn. Budi ",
      "Jl. Mawar ",
      "nama: Budi ",
      "Hormat kami,\n",
      "x <a@b.c> ",
      "a=",
      "RSUD dr. ",
      "Budi\nNIP. 1\n",
      "Alamat: Jl. A No. 1, ",
      "Ibu Ibu "
    };
    for (String unit : units) {
      StringBuilder b = new StringBuilder();
      while (b.length() < 256 * 1024) {
        b.append(unit);
      }
      long start = System.nanoTime();
      scanner.scan(b.toString());
      assertTrue(System.nanoTime() - start < 5_000_000_000L, "linear on " + unit);
    }
  }

  @Test
  void personFieldsInJsonAndBpjsVclaim() {
    // A record under "kasus" (cases) still holds its patient's name.
    assertEquals(
        List.of("NAME Budi Santoso", "ADDRESS Jl. Mawar No. 5"),
        people("{\"kasus\":[{\"nama\":\"Budi Santoso\",\"alamat\":\"Jl. Mawar No. 5\"}]}"));
    String vclaim =
        "{\"metaData\":{\"code\":\"200\",\"message\":\"OK\"},\"response\":{\"peserta\":{\"nama\":"
            + "\"SITI RAHAYU\",\"noKartu\":\"0001234567890\",\"mr\":{\"noMR\":\"123456\"},"
            + "\"tglLahir\":\"1985-07-05\",\"provUmum\":{\"nmProvider\":\"PUSKESMAS SUKAMAJU\"}},"
            + "\"dpjp\":{\"kdDPJP\":\"31486\",\"nmDPJP\":\"dr. Rina Wijaya, Sp.PD\"}}}";
    assertEquals(
        List.of(
            "NAME SITI RAHAYU",
            "BPJS 0001234567890",
            "MEDICAL_RECORD_NUMBER 123456",
            "BIRTH_DATE 1985-07-05",
            "NAME Rina Wijaya"),
        found(vclaim));
    assertEquals(
        List.of("NAME Siti Aminah", "NAME Joko Susilo", "NAME Andi", "NAME Ani"),
        people(
            "{\"kontak_darurat\":\"Siti Aminah\",\"next_of_kin\":\"Joko Susilo\","
                + "\"dokter_pengirim\":\"dr. Andi\",\"perawat\":\"Ns. Ani\","
                + "\"emergency_contact\":\"WhatsApp\"}"));
    // A thing's bare name stays a thing's; a field that names a person is read in any object.
    assertEquals(
        List.of("NAME Dewi"),
        people(
            "{\"obat\":[{\"nama\":\"Paracetamol\"}],\"rs\":{\"nama\":\"RSUD Kota\","
                + "\"alamat\":\"Jl. Merdeka No. 1\",\"nama_direktur\":\"Dewi\"}}"));
  }
}
