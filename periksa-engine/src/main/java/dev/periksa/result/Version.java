package dev.periksa.result;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Build facts: Periksa's version and the Allure command line it ships with. */
public final class Version {
  private static final Properties PROPS = load();

  private Version() {}

  public static String periksa() {
    return PROPS.getProperty("version", "unknown");
  }

  public static String allureCommandLine() {
    return PROPS.getProperty("allure.cli.version", "2.34.1");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/periksa.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // Defaults above apply.
    }
    return p;
  }
}
