package dev.periksa.zap.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * ZAP's core jar and one add-on file in a class loader of their own, as ZAP loads an add-on: the
 * add-on's classes and {@code lib/} jars over ZAP's core (and the log4j it logs with), nothing of
 * Periksa's class path. The tests' own class path never holds ZAP (its log4j configuration would
 * replace Periksa's); Maven passes the core jar's path as {@code periksa.zap.jar}.
 */
final class IsolatedZap {
  private IsolatedZap() {}

  /** ZAP's core jar, as Maven resolved it. */
  static Path coreJar() {
    String p = System.getProperty("periksa.zap.jar");
    if (p == null || p.isBlank() || p.contains("${")) {
      throw new IllegalStateException(
          "periksa.zap.jar is not set: run the tests through Maven (dependency:properties)");
    }
    return Path.of(p);
  }

  /** Unpacks an add-on file into a folder: classes at its root, libraries under lib/. */
  static Path unpack(Path addOn, Path dir) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(addOn))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        Path out = dir.resolve(e.getName()).normalize();
        if (!out.startsWith(dir)) {
          throw new IOException("entry outside the folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.write(out, zip.readAllBytes());
        }
      }
    }
    return dir;
  }

  /** A loader over an unpacked add-on and ZAP's core; its parent is the JDK's platform loader. */
  static URLClassLoader loader(Path unpacked) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(unpacked.toUri().toURL());
    Path lib = unpacked.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (var jars = Files.list(lib)) {
        for (Path j : jars.sorted().toList()) {
          urls.add(j.toUri().toURL());
        }
      }
    }
    urls.add(coreJar().toUri().toURL());
    urls.add(jarOf(org.apache.logging.log4j.LogManager.class));
    urls.add(jarOf(org.apache.logging.log4j.core.LoggerContext.class));
    return new URLClassLoader("isolated-zap", urls.toArray(URL[]::new), platform());
  }

  private static ClassLoader platform() {
    return ClassLoader.getPlatformClassLoader();
  }

  private static URL jarOf(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }

  /** Reads one entry of an add-on file, or null when it has none of that name. */
  static byte[] entry(Path addOn, String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(addOn))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return zip.readAllBytes();
        }
      }
    }
    return null;
  }

  /** The names of an add-on file's entries, in order. */
  static List<String> entries(Path addOn) throws IOException {
    List<String> out = new ArrayList<>();
    try (InputStream in = Files.newInputStream(addOn);
        ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        out.add(e.getName());
      }
    }
    return out;
  }
}
