package dev.periksa.lab;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC exports bucket, as partners kept CSV exports of the travellers: a real S3 API (s3proxy)
 * in both twins. The legacy twin runs it without authentication (anyone may list, read and write,
 * and the bucket is public-read besides); the hardened twin serves the same exports over HTTPS only
 * to requests signed with AWS Signature V2/V4 and a throwaway key, from a private bucket.
 */
final class ObjectStoreLab implements LabService {

  /** The bucket both twins hold. */
  static final String BUCKET = "ehac-exports";

  /** A second bucket on the legacy twin, with nothing personal, found only by listing buckets. */
  static final String HOSPITALS_BUCKET = "ehac-rujukan";

  static final int FILES = 3;
  static final int ROWS_PER_FILE = 200;

  static final List<String> COLUMNS =
      List.of(
          "id_ehac",
          "nik",
          "nama",
          "no_paspor",
          "no_hp",
          "tgl_lahir",
          "alamat",
          "jenis_tes",
          "hasil_tes",
          "tgl_tes",
          "rs_id",
          "rs_nama");

  private S3Server legacy;
  private S3Server hardened;

  @Override
  public String name() {
    return "S3-compatible object store (s3proxy 2.6.0)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    int rows = Math.min(ROWS_PER_FILE, Math.max(1, ctx.records() / FILES));
    legacy = S3Server.anonymous(ctx.legacyHost());
    legacy.createBucket(BUCKET, true);
    legacy.createBucket(HOSPITALS_BUCKET, true);
    hardened =
        S3Server.withCredentials(
            ctx.hardenedHost(),
            LabContext.HARDENED_USER,
            ctx.secret("hardened"),
            ctx.serverTls("hardened.ehac.lab", ctx.hardenedHost()));
    hardened.createBucket(BUCKET, false);
    for (int f = 0; f < FILES; f++) {
      byte[] csv = travellersCsv(f * rows, rows);
      String key = exportKey(f);
      legacy.put(BUCKET, key, csv, "text/csv", true);
      hardened.put(BUCKET, key, csv, "text/csv", false);
    }
    legacy.put(HOSPITALS_BUCKET, "rumah-sakit-rujukan.csv", hospitalsCsv(), "text/csv", true);
    Map<String, String> v = new LinkedHashMap<>();
    v.put(Lab.LEGACY_S3, legacy.url().toString());
    v.put(Lab.HARDENED_S3, hardened.url().toString());
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   s3       " + legacy.url() + "  (no authentication; public-read " + BUCKET + ")",
        "hardened s3       "
            + hardened.url()
            + "  (HTTPS + AWS signatures; private "
            + BUCKET
            + ")");
  }

  @Override
  public void close() {
    try {
      if (legacy != null) {
        legacy.close();
      }
    } finally {
      if (hardened != null) {
        hardened.close();
      }
    }
  }

  static String exportKey(int file) {
    return String.format("exports/2021-07/ehac-travellers-%02d.csv", file + 1);
  }

  /** Travellers [first, first + n) as a CSV export with a header row. */
  static byte[] travellersCsv(int first, int n) {
    StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (int i = first; i < first + n; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      StringBuilder line = new StringBuilder();
      for (String c : COLUMNS) {
        if (line.length() > 0) {
          line.append(',');
        }
        Object v = t.get(c);
        line.append(csvField(v == null ? "" : v.toString()));
      }
      b.append(line).append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] hospitalsCsv() {
    StringBuilder b = new StringBuilder("rs_id,rs_nama,kota,kode_provinsi,rujukan_covid\n");
    for (int h = 0; h < EhacData.HOSPITALS; h++) {
      Map<String, Object> r = EhacData.hospital(h);
      b.append(
              String.join(
                  ",",
                  csvField(r.get("rs_id").toString()),
                  csvField(r.get("rs_nama").toString()),
                  csvField(r.get("kota").toString()),
                  csvField(r.get("kode_provinsi").toString()),
                  csvField(r.get("rujukan_covid").toString())))
          .append('\n');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String csvField(String v) {
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
