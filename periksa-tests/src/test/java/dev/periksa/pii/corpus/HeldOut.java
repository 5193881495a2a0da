package dev.periksa.pii.corpus;

import dev.periksa.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-written samples in formats the generator never produces (an Elasticsearch hit, a Redis
 * session, a SQL dump, HL7 v2, CDA-like XML, an HTML table, a WhatsApp export, URL query strings, a
 * PDF form, unusual field names), labelled as a careful reader would label them: names and
 * addresses in HL7, XML and forms are labelled too, though the engine claims to find names only in
 * JSON fields and CSV columns. They were written, and first measured, before any detector was
 * adjusted to them; they are reported, not gated, so that the table shows where the engine stops.
 *
 * <p>A value is written {@code ⟦TYPE|value⟧}; TYPE is a {@link PiiType} name or one of MRN, CARD,
 * DX, RESULT, BIRTH.
 */
public final class HeldOut {
  private HeldOut() {}

  private static final Map<String, PiiType> ALIASES =
      Map.of(
          "MRN", PiiType.MEDICAL_RECORD_NUMBER,
          "CARD", PiiType.PAYMENT_CARD,
          "DX", PiiType.DIAGNOSIS,
          "RESULT", PiiType.TEST_RESULT,
          "BIRTH", PiiType.BIRTH_DATE);

  private static final String[] SAMPLES = {
    // Elasticsearch _search reply, as the 2021 cluster answered.
    """
    {"took":3,"timed_out":false,"_shards":{"total":5,"successful":5,"skipped":0,"failed":0},\
    "hits":{"total":{"value":1398721,"relation":"eq"},"max_score":1.0,"hits":[{"_index":"ehac-2021.07",\
    "_type":"_doc","_id":"Xy3kP3oBq1nC0zTQm8aF","_score":1.0,"_source":{"nama":"⟦NAME|Rudi Hartono⟧",\
    "nik":"⟦NIK|3273012505880003⟧","no_hp":"⟦PHONE|085711223344⟧","hasil_lab":"⟦RESULT|NEGATIF⟧",\
    "rs":"RS Hermina Depok","created":"2021-07-12T08:15:22.311Z"}}]}}""",
    // Redis session value, a query-string of fields.
    "sess:9f2c1a7e nik=⟦NIK|3174055708900001⟧&nama=⟦NAME|Siti%20Rahayu⟧&hp=⟦PHONE|081234567890⟧"
        + "&role=traveller&exp=1626076800",
    // SQL dump line.
    "INSERT INTO `pasien` (`no_rm`, `nik`, `nama`, `tgl_lahir`, `no_hp`, `alamat`) VALUES "
        + "('⟦MRN|00-12-34⟧', '⟦NIK|3578104507850001⟧', '⟦NAME|Dewi Lestari⟧', '⟦BIRTH|1985-07-05⟧',"
        + " '⟦PHONE|081355667788⟧', '⟦ADDRESS|Jl. Pemuda No. 12⟧, Surabaya');",
    // HL7 v2 PID segment (names, birth date and address are fields to a reader).
    "MSH|^~\\&|SIMRS|RSUDKOTA|LIS|LAB|202107120830||ADT^A04|MSG00001|P|2.5\r"
        + "PID|1||⟦MRN|00123456⟧^^^RSUD^MR~⟦NIK|3204125711850002⟧^^^DUKCAPIL^NI||⟦NAME|SANTOSO^BUDI⟧||"
        + "⟦BIRTH|19851117⟧|M|||⟦ADDRESS|JL MERDEKA 5⟧^^BANDUNG^^40111||⟦PHONE|081298765432⟧",
    // CDA-like XML fragment.
    "<recordTarget><patientRole><id root=\"2.16.360.1.1\" extension=\"⟦NIK|1371024102000004⟧\"/>"
        + "<telecom value=\"tel:⟦PHONE|+6281377788899⟧\"/><patient><name><given>⟦NAME|Andi⟧</given>"
        + "<family>⟦NAME|Pratama⟧</family></name><birthTime value=\"⟦BIRTH|20000201⟧\"/></patient>"
        + "</patientRole></recordTarget>",
    // HTML table exported from an admin page.
    "<table><tr><th>NIK</th><th>Nama</th><th>No HP</th><th>Hasil</th></tr>"
        + "<tr><td>⟦NIK|5171046612950002⟧</td><td>⟦NAME|Ni Made Ayu⟧</td><td>⟦PHONE|0812-3999-0101⟧"
        + "</td><td>⟦RESULT|Positif⟧</td></tr></table>",
    // WhatsApp chat export.
    "[12/07/21 09.30.12] ⟦NAME|Budi⟧: pak, NIK saya ⟦NIK|6471054403910007⟧, hasil swab kemarin"
        + " ⟦RESULT|negatif⟧ ya\n[12/07/21 09.31.40] Admin KKP: baik pak, nomor wa aktif"
        + " ⟦PHONE|0878-1122-3344⟧?",
    // URL query strings with encoded values.
    "GET /api/v1/traveller?nik=⟦NIK|3174055708900001⟧&phone=%2B⟦PHONE|6281234567890⟧ HTTP/1.1",
    "Location: https://ehac.example/hasil?no_paspor=⟦PASSPORT|B1234567⟧&lang=id",
    // PDF-extracted form.
    "SURAT KETERANGAN HASIL PEMERIKSAAN\nNama Pasien      : ⟦NAME|SITI RAHAYU⟧\n"
        + "NIK              : ⟦NIK|3174055708900001⟧\nTempat, Tgl Lahir: Jakarta, ⟦BIRTH|17-08-1990⟧\n"
        + "Alamat           : ⟦ADDRESS|Jl. Merdeka No. 5⟧, Jakarta Pusat\n"
        + "Jenis Pemeriksaan: RT-PCR SARS-CoV-2\nHasil            : ⟦RESULT|POSITIF⟧\n"
        + "Tanggal Periksa  : 12-07-2021",
    // Unusual JSON field names.
    "{\"nomorIndukKependudukan\":\"⟦NIK|3273012505880003⟧\",\"noTeleponSeluler\":\"⟦PHONE|"
        + "085712340000⟧\",\"tanggalLahirPasien\":\"⟦BIRTH|25/05/1988⟧\",\"hasilPemeriksaanPCR\":\""
        + "⟦RESULT|Tidak Terdeteksi⟧\",\"kodeDiagnosa\":\"⟦DX|U07.1⟧\",\"noRekamMedis\":\"⟦MRN|"
        + "RM-2021-00451⟧\",\"noKartuJKN\":\"⟦BPJS|0001234567890⟧\"}",
    // Log line with JSON inside.
    "2021-07-12T08:15:22Z INFO payload={\"nik\":\"⟦NIK|3578104507850001⟧\",\"hp\":\"⟦PHONE|"
        + "+62 813 5566 7788⟧\",\"ts\":1626077722000}",
    // US export with its own headers; a masked SSN is no SSN.
    "Patient DOB,Social Sec #,Primary Dx,Last4\n⟦BIRTH|04/23/1971⟧,⟦SSN|536-22-8791⟧,⟦DX|E11.9⟧,"
        + "***-**-8791\n⟦BIRTH|11/02/1958⟧,⟦SSN|412-09-3318⟧,⟦DX|I10⟧,***-**-3318\n",
    // FHIR with valueString and ICD-10-CM.
    "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"SARS-CoV-2 RNA\"},"
        + "\"valueString\":\"⟦RESULT|Not detected⟧\"}",
    "{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":"
        + "\"http://hl7.org/fhir/sid/icd-10-cm\",\"code\":\"⟦DX|J12.82⟧\",\"display\":\"Pneumonia due"
        + " to coronavirus disease 2019\"}]}}",
    // Payments.
    "Kartu kredit Anda ⟦CARD|5271 0252 1095 0018⟧ telah ditagih Rp 1.250.000 untuk tes PCR.",
    "{\"customer\":{\"nik\":\"⟦NIK|5103044507880006⟧\"},\"card\":{\"number\":\"⟦CARD|"
        + "4111111111111111⟧\",\"exp\":\"08/26\"},\"amount\":1250000}",
    "Please wire the refund to ⟦IBAN|GB82 WEST 1234 5698 7654 32⟧ (Mr ⟦NAME|J. Smith⟧).",
    "Refund IBAN: ⟦IBAN|NL91ABNA0417164300⟧, reference INV-2021-0712.",
    // Free text with less usual wording.
    "Travel doc ⟦PASSPORT|B7654321⟧, arrived CGK on GA 871.",
    "Pasien perempuan, ⟦BIRTH|17 Agt 1990⟧, dirujuk dengan dx ⟦DX|J18.9⟧ dan ⟦DX|U07.1⟧.",
    "Hasil: ⟦RESULT|Positif⟧ (+). Kontak erat diminta isolasi.",
    "Hubungi keluarga di ⟦PHONE|+62 (0)812-3456-7890⟧ atau email ⟦EMAIL|keluarga.budi@gmail.com⟧.",
    "tgl lahir ⟦BIRTH|17/8/90⟧, no. BPJS ⟦BPJS|0002345678901⟧",
    "No.RM:⟦MRN|123456⟧ Nama: Tn. ⟦NAME|Ahmad⟧, Hasil ⟦RESULT|antigen NEGATIF⟧",
    "SSN ⟦SSN|078-05-1120⟧ appears on the guarantor form.",
    // Look-alikes only.
    "NPWP 01.234.567.8-901.000, IMEI 356938035643809, docker sha256:"
        + "2f7e8c9b1a3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7",
    "Invoice #081234567890 paid; order 3174055708900001-A shipped; version 3.17.4.055",
    "Kasus positif COVID-19 di Jakarta naik 12% minggu ini; 1.250 kasus baru.",
    "The unit test result was negative for regressions; build 2021.07.12 passed.",
    "{\"rs_id\":\"RS-0012\",\"nama\":\"RSUD Tarakan\",\"alamat\":\"Jl. Kyai Caringin No. 7\","
        + "\"telp\":\"(021) 3503003\",\"kode_pos\":\"10150\"}",
    "Coordinates -6.2088,106.8456; price IDR 1,250,000; ISBN 978-602-03-1234-5; gate B12.",
    "{\"ip_address\":\"10.0.0.15\",\"mac_address\":\"00:1A:2B:3C:4D:5E\",\"user_name\":\"admin\"}",
  };

  /** The held-out samples with their labels. */
  public static List<Sample> samples() {
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < SAMPLES.length; i++) {
      out.add(parse("heldout-" + i, SAMPLES[i]));
    }
    return out;
  }

  static Sample parse(String id, String marked) {
    Doc d = new Doc();
    int at = 0;
    while (true) {
      int open = marked.indexOf('⟦', at);
      if (open < 0) {
        d.t(marked.substring(at));
        break;
      }
      int bar = marked.indexOf('|', open);
      int close = marked.indexOf('⟧', bar);
      d.t(marked.substring(at, open));
      String type = marked.substring(open + 1, bar);
      d.v(
          ALIASES.getOrDefault(type, null) != null ? ALIASES.get(type) : PiiType.valueOf(type),
          marked.substring(bar + 1, close));
      at = close + 1;
    }
    String format =
        marked.startsWith("{")
            ? "json"
            : marked.contains(",") && marked.contains("\n") ? "csv" : "text";
    return d.sample(id, format);
  }
}
