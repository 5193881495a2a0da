package dev.periksa.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Check;
import dev.periksa.check.registry.Checks;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The scanner's runtime class path (what periksa-cli needs at run time, as its build writes it to
 * target/scanner.classpath, and as the distribution's lib/ holds it) carries no server of the lab.
 */
class ScannerClassPathIT {
  /** Where the lab's servers come from: none of these may reach the scanner. */
  static final List<String> LAB_SERVERS =
      List.of(
          "/org/opensearch/",
          "/org/springframework/",
          "/ca/uhn/hapi/fhir/",
          "/de/bwaldvogel/",
          "/org/gaul/",
          "/org/apache/jclouds/",
          "/io/zonky/",
          "/org/eclipse/jetty/",
          "/org/apache/solr/",
          "/org/apache/tomcat/",
          "/periksa-lab/");

  /** Classes of the lab and of its servers. */
  static final List<String> LAB_CLASSES =
      List.of(
          "dev.periksa.lab.Lab",
          "org.opensearch.node.Node",
          "org.springframework.boot.SpringApplication",
          "ca.uhn.fhir.rest.server.RestfulServer",
          "org.gaul.s3proxy.S3Proxy",
          "de.bwaldvogel.mongo.MongoServer",
          "io.zonky.test.db.postgres.embedded.EmbeddedPostgres",
          "org.eclipse.jetty.server.Server");

  static List<Path> scannerClassPath() throws Exception {
    Path file = Path.of("periksa-cli/target/scanner.classpath");
    assertTrue(Files.isRegularFile(file), file + " is written when periksa-cli is packaged");
    List<Path> jars = new ArrayList<>();
    for (String entry : Files.readString(file).strip().split(File.pathSeparator)) {
      jars.add(Path.of(entry));
    }
    jars.add(Path.of("periksa-cli/target/periksa.jar"));
    return jars;
  }

  @Test
  void holdsNoLabServer() throws Exception {
    List<Path> jars = scannerClassPath();
    long bytes = 0;
    for (Path jar : jars) {
      String p = jar.toAbsolutePath().toString().replace(File.separatorChar, '/');
      for (String server : LAB_SERVERS) {
        assertFalse(p.contains(server), "a lab server library on the scanner's class path: " + p);
      }
      assertTrue(Files.isRegularFile(jar), jar.toString());
      bytes += Files.size(jar);
    }
    System.out.printf(
        "scanner class path: %d jars, %.1f MB%n", jars.size(), bytes / (1024.0 * 1024.0));
  }

  @Test
  void loadsTheScannerAndEveryCheckButNoLabClass() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (Path jar : scannerClassPath()) {
      urls.add(jar.toUri().toURL());
    }
    try (URLClassLoader loader =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      loader.loadClass("dev.periksa.cli.Main");
      Class<?> contract = loader.loadClass(Check.class.getName());
      long checks = ServiceLoader.load(contract, loader).stream().count();
      assertEquals(Checks.all().size(), checks);
      for (String c : LAB_CLASSES) {
        assertThrows(
            ClassNotFoundException.class,
            () -> loader.loadClass(c),
            c + " is on the scanner's class path");
      }
    }
  }
}
