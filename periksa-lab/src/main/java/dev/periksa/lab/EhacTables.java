package dev.periksa.lab;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The synthetic e-HAC data as relational tables, as a legacy back office would keep it: {@code
 * travellers} (personal and health data) and {@code hospitals} (nothing personal). Plain SQL that
 * PostgreSQL and MariaDB both take.
 */
final class EhacTables {

  /** Travellers a relational store holds: a few hundred, enough for counts and samples. */
  static final int MAX_TRAVELLERS = 500;

  static final String TRAVELLERS = "travellers";
  static final String HOSPITALS = "hospitals";

  private static final List<String> TRAVELLER_COLUMNS =
      List.of(
          "id_ehac",
          "nama",
          "jenis_kelamin",
          "tgl_lahir",
          "kewarganegaraan",
          "nik",
          "no_paspor",
          "no_hp",
          "alamat",
          "jenis_tes",
          "hasil_tes",
          "tgl_tes",
          "rs_id",
          "rs_nama",
          "bandara_asal",
          "tgl_kedatangan");

  private static final List<String> HOSPITAL_COLUMNS =
      List.of("rs_id", "rs_nama", "kota", "kode_provinsi", "rujukan_covid", "kapasitas_tt");

  private EhacTables() {}

  /** How many travellers the lab's relational stores hold for a lab of {@code records}. */
  static int travellers(int records) {
    return Math.min(records, MAX_TRAVELLERS);
  }

  /** Creates both tables in the connection's current database and fills them. */
  static void load(Connection c, int travellers) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE travellers (id_ehac VARCHAR(16) PRIMARY KEY, nama VARCHAR(100),"
              + " jenis_kelamin CHAR(1), tgl_lahir DATE, kewarganegaraan VARCHAR(40),"
              + " nik CHAR(16), no_paspor VARCHAR(12), no_hp VARCHAR(20), alamat VARCHAR(200),"
              + " jenis_tes VARCHAR(20), hasil_tes VARCHAR(10), tgl_tes DATE, rs_id VARCHAR(10),"
              + " rs_nama VARCHAR(120), bandara_asal CHAR(3), tgl_kedatangan DATE)");
      s.execute(
          "CREATE TABLE hospitals (rs_id VARCHAR(10) PRIMARY KEY, rs_nama VARCHAR(120),"
              + " kota VARCHAR(60), kode_provinsi CHAR(2), rujukan_covid BOOLEAN,"
              + " kapasitas_tt INTEGER)");
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      insert(c, HOSPITALS, HOSPITAL_COLUMNS, EhacData.HOSPITALS, EhacData::hospital);
      insert(c, TRAVELLERS, TRAVELLER_COLUMNS, travellers, EhacData::traveller);
      c.commit();
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static void insert(
      Connection c,
      String table,
      List<String> columns,
      int rows,
      java.util.function.IntFunction<Map<String, Object>> row)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(columns.size(), "?"))
            + ")";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < rows; i++) {
        Map<String, Object> r = row.apply(i);
        for (int k = 0; k < columns.size(); k++) {
          String col = columns.get(k);
          Object v = r.get(col);
          if (v == null) {
            p.setNull(k + 1, java.sql.Types.VARCHAR);
          } else if (col.startsWith("tgl_")) {
            p.setDate(k + 1, java.sql.Date.valueOf(v.toString()));
          } else if (v instanceof Boolean b) {
            p.setBoolean(k + 1, b);
          } else if (v instanceof Integer n) {
            p.setInt(k + 1, n);
          } else {
            p.setString(k + 1, v.toString());
          }
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }
}
