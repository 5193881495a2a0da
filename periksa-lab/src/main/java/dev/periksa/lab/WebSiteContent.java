package dev.periksa.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of the e-HAC web portal in both twins. The legacy twin's document root holds what the
 * 2021-era deployments typically left behind: CSV exports of travellers, a {@code .env} with the
 * database password, the {@code .git} folder with a deploy token in its remote URL and database
 * backups. The hardened twin's holds only the public pages. Personal data comes from {@link
 * EhacData}; secrets from {@link LabContext#secret}, so they are throwaway and never printed.
 */
final class WebSiteContent {

  /** The CSV exports in the legacy twin's {@code exports/} folder, with their first record. */
  static final Map<String, Integer> EXPORTS =
      Map.of(
          "ehac-travellers-2021-08-01.csv", 0,
          "ehac-travellers-2021-08-02.csv", 200,
          "ehac-hasil-tes-positif-2021-08.csv", 400);

  static final int ROWS_PER_EXPORT = 200;

  /** Rows of the SQL backup, after the exports' records. */
  static final int SQL_FIRST = 600;

  static final int SQL_ROWS = 5;

  /** Columns of the exports and of the dump's table, in order. */
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
          "rs_id");

  private WebSiteContent() {}

  /** Writes the legacy portal's document root. */
  static void writeLegacy(Path root, LabContext ctx) throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve("index.html"), page("e-HAC portal (legacy)"));
    Files.writeString(root.resolve("robots.txt"), "User-agent: *\nDisallow: /exports/\n");
    Files.writeString(
        Files.createDirectories(root.resolve(".well-known")).resolve("security.txt"),
        LEGACY_SECURITY_TXT);

    Path exports = Files.createDirectories(root.resolve("exports"));
    for (Map.Entry<String, Integer> e : EXPORTS.entrySet()) {
      StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
      for (int i = e.getValue(); i < e.getValue() + ROWS_PER_EXPORT; i++) {
        Map<String, Object> t = EhacData.traveller(i);
        StringBuilder row = new StringBuilder();
        for (String c : COLUMNS) {
          if (row.length() > 0) {
            row.append(',');
          }
          row.append(csvField(t.get(c)));
        }
        csv.append(row).append('\n');
      }
      Files.writeString(exports.resolve(e.getKey()), csv.toString());
    }
    Files.writeString(
        exports.resolve("README.txt"),
        "Ekspor harian e-HAC untuk mitra. Dihapus otomatis setelah 30 hari.\n");

    // A .env as frameworks (Laravel, Node dotenv) read it: KEY=VALUE lines and comments.
    Files.writeString(
        root.resolve(".env"),
        String.join(
                "\n",
                "# e-HAC portal production settings",
                "APP_NAME=ehac-portal",
                "APP_ENV=production",
                "APP_DEBUG=false",
                "DB_CONNECTION=pgsql",
                "DB_HOST=db.ehac.lab",
                "DB_PORT=5432",
                "DB_DATABASE=ehac",
                "DB_USERNAME=ehac_app",
                "DB_PASSWORD=" + ctx.secret("web-env-db-password"),
                "JWT_SECRET=" + ctx.secret("web-env-jwt-secret"),
                "MAIL_HOST=smtp.ehac.lab",
                "")
            + "\n");

    Path git = Files.createDirectories(root.resolve(".git"));
    Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
    Files.writeString(
        git.resolve("config"),
        "[core]\n"
            + "\trepositoryformatversion = 0\n"
            + "\tfilemode = true\n"
            + "\tbare = false\n"
            + "\tlogallrefupdates = true\n"
            + "[remote \"origin\"]\n"
            + "\turl = https://deploy-bot:"
            + ctx.secret("web-git-token")
            + "@git.ehac.lab/ehac/ehac-portal.git\n"
            + "\tfetch = +refs/heads/*:refs/remotes/origin/*\n"
            + "[branch \"main\"]\n"
            + "\tremote = origin\n"
            + "\tmerge = refs/heads/main\n");

    Path backup = Files.createDirectories(root.resolve("backup"));
    Files.writeString(backup.resolve("ehac-2021-08.sql"), sqlDump());
    writeZip(backup.resolve("portal-2021-08.zip"));
  }

  /** Writes the hardened portal's document root: public pages only. */
  static void writeHardened(Path root) throws IOException {
    Files.createDirectories(root);
    Files.writeString(root.resolve("index.html"), page("e-HAC portal"));
    Files.writeString(root.resolve("robots.txt"), "User-agent: *\nDisallow:\n");
    // RFC 9116: a contact and an expiry ahead (renewed at every lab start), served over HTTPS.
    Path wellKnown = Files.createDirectories(root.resolve(".well-known"));
    Files.writeString(
        wellKnown.resolve("security.txt"),
        "# Laporkan kerentanan e-HAC / report e-HAC vulnerabilities\n"
            + "Contact: mailto:csirt@ehac.lab.invalid\n"
            + "Contact: https://csirt.ehac.lab.invalid/lapor\n"
            + "Expires: "
            + java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .plusDays(180)
                .withNano(0)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            + "\n"
            + "Preferred-Languages: id, en\n"
            + "Policy: https://csirt.ehac.lab.invalid/kebijakan\n");
  }

  /** The legacy portal's security.txt: written in 2021 and left to expire, over plain HTTP. */
  static final String LEGACY_SECURITY_TXT =
      "Contact: mailto:admin@ehac.lab.invalid\nExpires: 2021-12-31T23:59:59+07:00\n";

  private static String page(String title) {
    return "<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>"
        + title
        + "</title></head>\n<body><h1>"
        + title
        + "</h1><p>Electronic Health Alert Card. Silakan gunakan aplikasi resmi.</p></body></html>\n";
  }

  /** A mysqldump of the travellers table: header, schema, then extended INSERT rows. */
  static String sqlDump() {
    StringBuilder b = new StringBuilder();
    b.append("-- MySQL dump 10.13  Distrib 5.7.35, for Linux (x86_64)\n")
        .append("--\n-- Host: localhost    Database: ehac\n")
        .append("-- ------------------------------------------------------\n")
        .append("-- Server version\t5.7.35\n\n")
        .append("/*!40101 SET NAMES utf8mb4 */;\n\n")
        .append("--\n-- Table structure for table `travellers`\n--\n\n")
        .append("DROP TABLE IF EXISTS `travellers`;\n")
        .append("CREATE TABLE `travellers` (\n");
    for (String c : COLUMNS) {
      b.append("  `").append(c).append("` varchar(64) DEFAULT NULL,\n");
    }
    b.append("  PRIMARY KEY (`id_ehac`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n\n")
        .append("--\n-- Dumping data for table `travellers`\n--\n\n")
        .append("LOCK TABLES `travellers` WRITE;\n")
        .append("INSERT INTO `travellers` VALUES ");
    for (int i = SQL_FIRST; i < SQL_FIRST + SQL_ROWS; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      if (i > SQL_FIRST) {
        b.append(',');
      }
      b.append('(');
      for (int k = 0; k < COLUMNS.size(); k++) {
        Object v = t.get(COLUMNS.get(k));
        b.append(k == 0 ? "" : ",")
            .append(v == null ? "NULL" : "'" + v.toString().replace("'", "\\'") + "'");
      }
      b.append(')');
    }
    b.append(";\nUNLOCK TABLES;\n\n-- Dump completed on 2021-08-31  2:00:01\n");
    return b.toString();
  }

  private static void writeZip(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("portal/index.html"));
      zip.write(page("e-HAC portal (legacy)").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("portal/config/app.php"));
      zip.write("<?php return ['name' => 'ehac-portal'];\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  private static String csvField(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
