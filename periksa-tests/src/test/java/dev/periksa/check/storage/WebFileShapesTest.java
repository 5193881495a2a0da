package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The file shapes on text as real servers and tools write it; the checks are proven in the ITs. */
class WebFileShapesTest {

  @Test
  void listingsOfApacheNginxPythonAndJettyAreRecognisedWithTheirEntries() {
    String apache =
        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\"><html><head><title>Index of"
            + " /exports</title></head><body><h1>Index of /exports</h1><table><tr><th><a"
            + " href=\"?C=N;O=D\">Name</a></th></tr><tr><td><a href=\"/\">Parent"
            + " Directory</a></td></tr><tr><td><a href=\"a.csv\">a.csv</a></td></tr><tr><td><a"
            + " href=\"old/\">old/</a></td></tr></table></body></html>";
    WebFileShapes.Listing l = WebFileShapes.listing(apache, "/exports/").orElseThrow();
    assertEquals(List.of("/exports/a.csv", "/exports/old/"), l.entries());

    String nginx =
        "<html>\r\n<head><title>Index of /backup/</title></head>\r\n<body>\r\n<h1>Index of"
            + " /backup/</h1><hr><pre><a href=\"../\">../</a>\r\n<a"
            + " href=\"db%202021.sql\">db 2021.sql</a>   01-Aug-2021 10:00   1234\r\n</pre><hr>"
            + "</body>\r\n</html>\r\n";
    assertEquals(
        List.of("/backup/db%202021.sql"),
        WebFileShapes.listing(nginx, "/backup/").orElseThrow().entries());

    String python =
        "<!DOCTYPE HTML><html><head><title>Directory listing for /data/</title></head><body><h1>"
            + "Directory listing for /data/</h1><hr><ul><li><a"
            + " href=\"x.json\">x.json</a></li></ul><hr></body></html>";
    assertEquals(1, WebFileShapes.listing(python, "/data/").orElseThrow().entries().size());

    String jetty =
        "<title>Directory: /exports/</title><h1 class=\"title\">Directory: /exports/</h1><a"
            + " href=\"/exports/../\">Parent Directory</a><a"
            + " href=\"/exports/e.csv\">e.csv</a>";
    assertEquals(
        List.of("/exports/e.csv"),
        WebFileShapes.listing(jetty, "/exports/").orElseThrow().entries());
  }

  @Test
  void aPageThatIsNotAnIndexOfThatDirectoryIsNoListing() {
    // Names another directory, or links nothing inside it, or is a plain page.
    String other = "<title>Index of /other/</title><a href=\"/other/a.csv\">a</a>";
    assertTrue(WebFileShapes.listing(other, "/exports/").isEmpty());
    String empty = "<title>Index of /exports/</title><a href=\"../\">up</a>";
    assertTrue(WebFileShapes.listing(empty, "/exports/").isEmpty());
    String page = "<title>e-HAC</title><p>Index of /exports/ is not here</p><a href=\"/x\">x</a>";
    assertTrue(WebFileShapes.listing(page, "/exports/").isEmpty());
  }

  @Test
  void dotEnvNeedsEveryLineToBeASettingAndNamesCredentialsWithoutKeepingValues() {
    String env =
        "# prod\nAPP_NAME=x\nexport DB_PASSWORD=\"s3cr3t\"\nDATABASE_URL=postgres://u:p@db/x\n"
            + "API_KEY=\nSTRIPE_KEY=sk_live_1\n";
    List<WebFileShapes.EnvEntry> e = WebFileShapes.env(env, false).orElseThrow();
    assertEquals(
        List.of(
            new WebFileShapes.EnvEntry("APP_NAME", false),
            new WebFileShapes.EnvEntry("DB_PASSWORD", true),
            new WebFileShapes.EnvEntry("DATABASE_URL", true),
            new WebFileShapes.EnvEntry("API_KEY", false),
            new WebFileShapes.EnvEntry("STRIPE_KEY", true)),
        e);
    assertTrue(WebFileShapes.secretName("spring.datasource.password"));
    assertTrue(WebFileShapes.secretName("GITHUB_TOKEN"));
    assertFalse(WebFileShapes.secretName("PWD"), "the shell's working directory");
    assertFalse(WebFileShapes.secretName("PASSENGER_COUNT"));
    assertFalse(WebFileShapes.secretName("SSH_AUTH_SOCK"));
    assertTrue(WebFileShapes.env("<html><body>DB_PASSWORD=x</body></html>", false).isEmpty());
    assertTrue(WebFileShapes.env("Not found\nDB_PASSWORD=x\n", false).isEmpty());
    // A cut last line is left out rather than refused.
    assertEquals(1, WebFileShapes.env("A=1\nB-broken", true).orElseThrow().size());
  }

  @Test
  void gitConfigNeedsACoreSectionAndMasksCredentialsInRemoteUrls() {
    String cfg =
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote \"origin\"]\n"
            + "\turl = https://bot:tok3n@git.example/team/app.git\n"
            + "\tfetch = +refs/heads/*:refs/remotes/origin/*\n[remote \"mirror\"]\n"
            + "\turl = git@github.com:team/app.git\n";
    WebFileShapes.GitConfig g = WebFileShapes.gitConfig(cfg, false).orElseThrow();
    assertTrue(g.credentials());
    assertEquals("https://••••••@git.example/team/app.git", g.remotes().get(0).maskedUrl());
    assertFalse(g.remotes().get(1).credentials());
    assertFalse(g.remotes().toString().contains("tok3n"));
    assertTrue(WebFileShapes.gitConfig("[user]\n\tname = x\n", false).isEmpty());
    assertTrue(WebFileShapes.gitConfig("<html>[core]</html>", false).isEmpty());
  }

  @Test
  void backupsAreRecognisedByTheirFirstBytes() {
    assertEquals(
        "MySQL dump",
        WebFileShapes.backup(bytes("-- MySQL dump 10.13  Distrib 5.7.35\n--\n"))
            .orElseThrow()
            .format());
    assertEquals(
        "PostgreSQL dump",
        WebFileShapes.backup(bytes("--\n-- PostgreSQL database dump\n--\n"))
            .orElseThrow()
            .format());
    WebFileShapes.Backup zip =
        WebFileShapes.backup(
                new byte[] {
                  'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                  5, 0, 0, 0, 'a', '.', 's', 'q', 'l'
                })
            .orElseThrow();
    assertEquals("ZIP archive", zip.format());
    assertEquals("a.sql", zip.firstEntry());
    assertEquals(
        "gzip archive",
        WebFileShapes.backup(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0}).orElseThrow().format());
    assertTrue(WebFileShapes.backup(bytes("<html><body>CREATE TABLE</body></html>")).isEmpty());
    assertTrue(WebFileShapes.backup(bytes("Not Found")).isEmpty());
  }

  @Test
  void csvAndSqlRowsBecomeRecordsKeyedByColumn() {
    String csv =
        "nik,nama,hasil_tes\n3174010101900001,\"Budi, S\",POSITIF\n3174010101900002,Ani,NEG";
    // Cut by a Range request: the partial last row is left out.
    assertEquals(
        List.of("{\"nik\":\"3174010101900001\",\"nama\":\"Budi, S\",\"hasil_tes\":\"POSITIF\"}"),
        WebFileShapes.records(csv, true, 3));
    String sql =
        "-- MySQL dump\nCREATE TABLE `t` (\n  `nik` varchar(16) DEFAULT NULL,\n  `nama`"
            + " varchar(64),\n  PRIMARY KEY (`nik`)\n) ENGINE=InnoDB;\nINSERT INTO `t` VALUES"
            + " ('3174010101900001','O\\'Neil'),('3174010101900002',NULL);\n";
    assertEquals(
        List.of(
            "{\"nik\":\"3174010101900001\",\"nama\":\"O'Neil\"}",
            "{\"nik\":\"3174010101900002\",\"nama\":\"\"}"),
        WebFileShapes.records(sql, false, 3));
    String named = "INSERT INTO p (nik, nama) VALUES ('3174010101900001', 'Ani');";
    assertEquals(1, WebFileShapes.records(named, false, 3).size());
    assertTrue(WebFileShapes.records("just some text\nnothing tabular", false, 3).isEmpty());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
