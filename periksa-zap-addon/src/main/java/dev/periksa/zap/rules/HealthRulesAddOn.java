package dev.periksa.zap.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Periksa's ZAP add-on of health-data scan rules ({@value #ID}). The build makes the {@code .zap}
 * file from this module, as zap-extensions makes add-ons: {@code ZapAddOn.xml}, the rule classes,
 * and under {@code lib/} the jars the rules use that ZAP's core lacks (periksa-detect and Jackson's
 * streaming parser). It travels in this module's jar as the resource {@value #RESOURCE}; this class
 * writes it where a ZAP wants it. The file is the same for the same code: the build fixes entry
 * times.
 *
 * <p>ZAP loads add-ons from its {@code plugin/} folder at start only: write the file there before
 * starting ZAP ({@code periksa zap-addon --out ~/.ZAP/plugin} for a user's own ZAP).
 */
public final class HealthRulesAddOn {
  /** The add-on's id in ZAP. */
  public static final String ID = "periksahealth";

  /** The add-on's version; raise it (and ZapAddOn.xml's) when the rules change for users' ZAPs. */
  public static final String VERSION = "1.0.0";

  /** Status as ZAP's marketplace grades add-ons. */
  public static final String STATUS = "beta";

  /** The file name ZAP expects: id, status, version. */
  public static final String FILE_NAME = ID + "-" + STATUS + "-" + VERSION + ".zap";

  /** Where the build puts the add-on file, beside this class. */
  static final String RESOURCE = "addon/" + ID + ".zip";

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

  /** The add-on file's bytes, as the build made them. */
  static byte[] build() throws IOException {
    try (InputStream in = HealthRulesAddOn.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(
            "the ZAP add-on file is not in this build of Periksa (the periksa-zap-addon module"
                + " makes it when it is packaged: mvn package)");
      }
      return in.readAllBytes();
    }
  }
}
