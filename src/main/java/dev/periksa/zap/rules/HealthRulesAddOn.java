package dev.periksa.zap.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Periksa's ZAP add-on of health-data scan rules ({@value #ID}): builds the {@code .zap} file from
 * the running code. It holds {@code ZapAddOn.xml}, the rule classes, the Periksa classes they use
 * (the personal-data detectors and what those refer to, found by walking the class files), and
 * under {@code lib/} the jars of any other library they use that ZAP's core lacks (Jackson's
 * streaming parser). The output is byte-for-byte the same for the same code: entries sorted, fixed
 * times, stored uncompressed.
 *
 * <p>ZAP loads add-ons from its {@code plugin/} folder at start only: write the file there before
 * starting ZAP ({@code periksa zap-addon --out ~/.ZAP/plugin} for a user's own ZAP).
 */
public final class HealthRulesAddOn {
  /** The add-on's id in ZAP. */
  public static final String ID = "periksahealth";

  /** The add-on's version; raise it when the rules change for users' own ZAPs. */
  public static final String VERSION = "1.0.0";

  /** Status as ZAP's marketplace grades add-ons. */
  public static final String STATUS = "beta";

  /** The oldest ZAP the rules are compiled for. */
  public static final String NOT_BEFORE_VERSION = "2.17.0";

  /** The file name ZAP expects: id, status, version. */
  public static final String FILE_NAME = ID + "-" + STATUS + "-" + VERSION + ".zap";

  /** Packages ZAP's core supplies to every add-on: classes there are not bundled. */
  static final List<String> ZAP_CORE_PACKAGES =
      List.of(
          "org/parosproxy/",
          "org/zaproxy/",
          "org/apache/commons/httpclient/",
          "org/apache/commons/configuration/",
          "org/apache/commons/lang/",
          "org/apache/commons/lang3/",
          "org/apache/logging/log4j/",
          "org/apache/log4j/",
          "net/htmlparser/jericho/");

  private static final String OWN = "dev/periksa/";

  /** DOS time of every entry (the format cannot go earlier than 1980). */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

  private HealthRulesAddOn() {}

  /** The rules the add-on holds, in id order. */
  public static List<HealthRule> rules() {
    return HealthRule.ALL;
  }

  /**
   * Writes the add-on into a ZAP {@code plugin/} folder (created if missing), replacing any other
   * version of it there, and returns its path. An identical file is left untouched.
   */
  public static Path writeTo(Path pluginDir) throws IOException {
    Files.createDirectories(pluginDir);
    byte[] bytes = build();
    Path target = pluginDir.resolve(FILE_NAME);
    try (DirectoryStream<Path> old = Files.newDirectoryStream(pluginDir, ID + "-*.zap")) {
      for (Path p : old) {
        if (!p.getFileName().toString().equals(FILE_NAME)) {
          Files.delete(p);
        }
      }
    }
    if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
      return target;
    }
    Path tmp = Files.createTempFile(pluginDir, "." + ID, ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return target;
  }

  /** The add-on file's bytes. */
  static byte[] build() throws IOException {
    ClassLoader loader = HealthRulesAddOn.class.getClassLoader();
    List<String> roots = new ArrayList<>();
    for (HealthRule r : rules()) {
      roots.add(r.ruleClass().replace('.', '/'));
    }
    ClassClosure.Result closure = ClassClosure.of(roots, OWN, loader);
    TreeMap<String, Path> libs = new TreeMap<>();
    for (String ext : closure.external()) {
      if (ext.startsWith("java/") || ext.startsWith("javax/") || ext.startsWith("jdk/")) {
        continue;
      }
      if (ZAP_CORE_PACKAGES.stream().anyMatch(ext::startsWith)) {
        continue;
      }
      if (ClassLoader.getPlatformClassLoader().getResource(ext + ".class") != null) {
        continue;
      }
      Path jar = jarOf(loader, ext);
      libs.put("lib/" + jar.getFileName(), jar);
    }
    Map<String, byte[]> entries = new TreeMap<>();
    entries.put("ZapAddOn.xml", manifest(new ArrayList<>(libs.keySet())));
    closure.own().forEach((name, bytes) -> entries.put(name + ".class", bytes));
    for (Map.Entry<String, Path> lib : libs.entrySet()) {
      entries.put(lib.getKey(), Files.readAllBytes(lib.getValue()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      // The manifest first, as ZAP's own add-ons have it.
      put(zip, "ZapAddOn.xml", entries.remove("ZapAddOn.xml"));
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        put(zip, e.getKey(), e.getValue());
      }
    }
    return out.toByteArray();
  }

  /** ZapAddOn.xml: id from the file name; name, version, status, ZAP version, rules, libraries. */
  static byte[] manifest(List<String> libs) {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<zapaddon>\n");
    x.append("  <name>Periksa Health-Data Scan Rules</name>\n");
    x.append("  <version>").append(VERSION).append("</version>\n");
    x.append("  <status>").append(STATUS).append("</status>\n");
    x.append("  <description>Active scan rules that recognise personal and health data (NIK,")
        .append(" passport, BPJS, test results), open search clusters, buckets and Solr nodes,")
        .append(" identity numbers and tokens in URLs, and personal data over plain HTTP.")
        .append("</description>\n");
    x.append("  <author>Periksa</author>\n");
    x.append("  <not-before-version>").append(NOT_BEFORE_VERSION).append("</not-before-version>\n");
    x.append("  <ascanrules>\n");
    for (HealthRule r : rules()) {
      x.append("    <ascanrule>").append(r.ruleClass()).append("</ascanrule>\n");
    }
    x.append("  </ascanrules>\n");
    if (!libs.isEmpty()) {
      x.append("  <libs>\n");
      for (String lib : libs) {
        x.append("    <lib>").append(lib).append("</lib>\n");
      }
      x.append("  </libs>\n");
    }
    x.append("</zapaddon>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(ENTRY_TIME);
    e.setMethod(ZipEntry.STORED);
    e.setSize(bytes.length);
    e.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    e.setCrc(crc.getValue());
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** The jar a class is loaded from. */
  private static Path jarOf(ClassLoader loader, String internalName) throws IOException {
    URL url = loader.getResource(internalName + ".class");
    if (url == null) {
      throw new IOException(
          "the rules use "
              + internalName.replace('/', '.')
              + ", which is neither in ZAP's core nor on Periksa's class path");
    }
    if (!"jar".equals(url.getProtocol())) {
      throw new IOException("cannot bundle " + internalName + " from " + url + ": not in a jar");
    }
    try {
      URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
      return Path.of(jar.toURI());
    } catch (URISyntaxException e) {
      throw new IOException("cannot locate the jar of " + internalName, e);
    }
  }
}
