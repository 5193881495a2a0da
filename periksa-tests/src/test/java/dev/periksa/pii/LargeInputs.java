package dev.periksa.pii;

import dev.periksa.pii.corpus.CorpusGenerator;
import dev.periksa.pii.corpus.Sample;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Large synthetic replies for the throughput benchmarks, the same for every run (fixed seed): a
 * JSON export (the development corpus's JSON records in one array, every tenth with an attached
 * image as base64, as FHIR Attachment and DICOM JSON carry them), a CSV export of a patient
 * register and an application log (the corpus's log lines among request lines, stack traces and
 * base64 session blobs). Every value is invented.
 */
final class LargeInputs {
  private LargeInputs() {}

  /** Size each input is built up to, in characters. */
  static final int SIZE = 8 << 20;

  private static final long SEED = 0x4c415247L; // "LARG"

  /** A JSON array of records, about {@link #SIZE} characters. */
  static String json() {
    return json(SIZE);
  }

  /** A semicolon-separated patient register, about {@link #SIZE} characters. */
  static String csv() {
    return csv(SIZE);
  }

  /** An application log, about {@link #SIZE} characters. */
  static String log() {
    return log(SIZE);
  }

  /** A JSON array of records, about size characters. */
  static String json(int size) {
    List<Sample> corpus = CorpusGenerator.standard();
    SplittableRandom r = new SplittableRandom(SEED);
    StringBuilder b = new StringBuilder(size + 65536).append("[\n");
    int n = 0;
    while (b.length() < size) {
      for (Sample s : corpus) {
        String t = s.text().strip();
        if (!s.format().equals("json") || !t.startsWith("{") || b.length() >= size) {
          continue;
        }
        if (n++ > 0) {
          b.append(",\n");
        }
        if (n % 10 == 0) {
          // {"record": ..., "attachment": {"contentType": "image/png", "data": "<base64>"}}
          b.append("{\"record\":")
              .append(t)
              .append(",\"attachment\":{\"contentType\":\"image/png\",\"data\":\"")
              .append(blob(r, 3000 + r.nextInt(6000)))
              .append("\"}}");
        } else {
          b.append(t);
        }
      }
    }
    return b.append("\n]\n").toString();
  }

  /** A semicolon-separated patient register with a header row, about size characters. */
  static String csv(int size) {
    SplittableRandom r = new SplittableRandom(SEED + 1);
    StringBuilder b = new StringBuilder(size + 4096);
    b.append(
        "no;no_rm;nik;nama_pasien;tgl_lahir;jk;alamat;no_hp;email;kode_icd;hasil_pcr;"
            + "tgl_kunjungan;poli;biaya;catatan\n");
    int row = 0;
    while (b.length() < size) {
      row++;
      boolean woman = r.nextBoolean();
      int day = 1 + r.nextInt(28);
      int month = 1 + r.nextInt(12);
      int year = 1940 + r.nextInt(65);
      String first = pick(r, woman ? WOMEN : MEN);
      String last = pick(r, FAMILY);
      b.append(row)
          .append(';')
          .append("RM-")
          .append(digits(r, 7))
          .append(';')
          .append(nik(r, woman, day, month, year))
          .append(';')
          .append(first)
          .append(' ')
          .append(last)
          .append(';')
          .append(String.format("%02d-%02d-%04d", day, month, year))
          .append(';')
          .append(woman ? 'P' : 'L')
          .append(';')
          .append(pick(r, STREETS))
          .append(" No. ")
          .append(1 + r.nextInt(200))
          .append(" RT 0")
          .append(1 + r.nextInt(9))
          .append("/RW 0")
          .append(1 + r.nextInt(9))
          .append(';')
          .append("08")
          .append(pick(r, "11", "12", "13", "21", "52", "56", "57", "77", "78"))
          .append(digits(r, 8))
          .append(';')
          .append(first.toLowerCase())
          .append('.')
          .append(last.toLowerCase())
          .append(r.nextInt(100))
          .append("@")
          .append(pick(r, "gmail.com", "yahoo.co.id"))
          .append(';')
          .append(pick(r, "A09", "J06.9", "I10", "E11.9", "K30", "U07.1", "A91", "J18.9"))
          .append(';')
          .append(pick(r, "Negatif", "Positif", "Tidak terdeteksi", ""))
          .append(';')
          .append(String.format("2024-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)))
          .append(';')
          .append(pick(r, "Umum", "Penyakit Dalam", "Anak", "Gigi", "Paru", "Saraf"))
          .append(';')
          .append(50_000 + r.nextInt(2_000_000))
          .append(';')
          .append(pick(r, "", "", "kontrol 1 minggu", "rujuk ke RSUD", "obat habis, ambil ulang"))
          .append('\n');
    }
    return b.toString();
  }

  /** An application log, about size characters. */
  static String log(int size) {
    List<Sample> corpus = CorpusGenerator.standard();
    SplittableRandom r = new SplittableRandom(SEED + 2);
    StringBuilder b = new StringBuilder(size + 65536);
    int line = 0;
    while (b.length() < size) {
      for (Sample s : corpus) {
        if (!s.id().startsWith("log-") || b.length() >= size) {
          continue;
        }
        b.append(s.text());
        if (!s.text().endsWith("\n")) {
          b.append('\n');
        }
        for (int k = 0; k < 12; k++) {
          line++;
          String ts =
              String.format(
                  "2024-05-%02dT%02d:%02d:%02d.%03dZ",
                  1 + line / 100_000 % 28,
                  r.nextInt(24),
                  r.nextInt(60),
                  r.nextInt(60),
                  r.nextInt(1000));
          switch (r.nextInt(6)) {
            case 0 ->
                b.append(ts)
                    .append(" INFO  [http-nio-8080-exec-")
                    .append(1 + r.nextInt(40))
                    .append("] d.h.api.RequestLog - GET /api/v2/encounters?page=")
                    .append(r.nextInt(500))
                    .append("&size=50 200 ")
                    .append(r.nextInt(900))
                    .append("ms trace=")
                    .append(hex(r, 32))
                    .append('\n');
            case 1 ->
                b.append(ts)
                    .append(" DEBUG [scheduler-1] d.h.sync.Batch - flushed ")
                    .append(r.nextInt(10_000))
                    .append(" rows to warehouse, lag ")
                    .append(r.nextInt(5000))
                    .append(" ms, heap ")
                    .append(r.nextInt(2048))
                    .append(" MiB\n");
            case 2 ->
                b.append(ts)
                    .append(" WARN  [http-nio-8080-exec-")
                    .append(1 + r.nextInt(40))
                    .append("] d.h.auth.Session - session refreshed sid=")
                    .append(blob(r, 120 + r.nextInt(200)))
                    .append('\n');
            case 3 ->
                b.append(ts)
                    .append(" ERROR [worker-")
                    .append(r.nextInt(8))
                    .append("] d.h.lab.Importer - import failed\n")
                    .append("java.lang.IllegalStateException: unexpected segment OBX at line ")
                    .append(r.nextInt(400))
                    .append("\n\tat d.h.lab.hl7.Reader.segment(Reader.java:")
                    .append(r.nextInt(900))
                    .append(")\n\tat d.h.lab.Importer.run(Importer.java:")
                    .append(r.nextInt(300))
                    .append(")\n\tat java.base/java.lang.Thread.run(Thread.java:840)\n");
            case 4 ->
                b.append(ts)
                    .append(" INFO  [kafka-consumer-2] d.h.events.Listener - offset ")
                    .append(r.nextInt(Integer.MAX_VALUE))
                    .append(" partition ")
                    .append(r.nextInt(12))
                    .append(" key=")
                    .append(uuid(r))
                    .append(" processed\n");
            default ->
                b.append(ts)
                    .append(" INFO  [main] d.h.Application - cache stats hits=")
                    .append(r.nextInt(1_000_000))
                    .append(" misses=")
                    .append(r.nextInt(10_000))
                    .append(" evictions=0 ratio=0.")
                    .append(r.nextInt(1000))
                    .append('\n');
          }
        }
      }
    }
    return b.toString();
  }

  private static final String[] MEN = {
    "Budi", "Agus", "Dedi", "Rizky", "Andi", "Joko", "Hendra", "Fajar", "Wahyu", "Yusuf"
  };
  private static final String[] WOMEN = {
    "Siti", "Dewi", "Rina", "Wulan", "Ayu", "Putri", "Lestari", "Indah", "Nur", "Fitri"
  };
  private static final String[] FAMILY = {
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Kusuma",
    "Pratama",
    "Lubis",
    "Siregar",
    "Nasution",
    "Rahayu"
  };
  private static final String[] STREETS = {
    "Jl. Melati", "Jl. Kenanga", "Jl. Merdeka", "Gg. Mawar", "Jl. Diponegoro", "Jalan Sudirman"
  };
  private static final int[] PROVINCES = {11, 12, 31, 32, 33, 34, 35, 36, 51, 73};

  /** A NIK of the published structure: province, regency, district, birth date (+40), serial. */
  private static String nik(SplittableRandom r, boolean woman, int day, int month, int year) {
    return String.format(
        "%02d%02d%02d%02d%02d%02d%04d",
        PROVINCES[r.nextInt(PROVINCES.length)],
        1 + r.nextInt(20),
        1 + r.nextInt(30),
        day + (woman ? 40 : 0),
        month,
        year % 100,
        1 + r.nextInt(9999));
  }

  private static String pick(SplittableRandom r, String... xs) {
    return xs[r.nextInt(xs.length)];
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static String hex(SplittableRandom r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append("0123456789abcdef".charAt(r.nextInt(16)));
    }
    return b.toString();
  }

  private static String uuid(SplittableRandom r) {
    String h = hex(r, 32);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20);
  }

  /** Random bytes as base64, about n characters. */
  private static String blob(SplittableRandom r, int n) {
    byte[] bytes = new byte[n * 3 / 4];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) r.nextInt(256);
    }
    return Base64.getEncoder().encodeToString(bytes);
  }
}
