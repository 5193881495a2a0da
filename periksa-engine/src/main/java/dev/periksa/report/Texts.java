package dev.periksa.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The words a regulator reads (summary, printable certificate, console verdicts) in English or
 * Indonesian, from {@code i18n/texts_<lang>.properties}. A key missing in a language falls back to
 * English; a key missing in English is a programming error. Ids, clause citations and evidence are
 * never translated.
 */
public final class Texts {
  /** The languages a run may be reported in. */
  public static final List<String> LANGUAGES = List.of("en", "id");

  private static final Texts EN = new Texts("en", load("en"), null);

  private final String lang;
  private final Properties texts;
  private final Texts fallback;

  private Texts(String lang, Properties texts, Texts fallback) {
    this.lang = lang;
    this.texts = texts;
    this.fallback = fallback;
  }

  /** The texts of a language ("en" or "id"). */
  public static Texts of(String lang) {
    String l = lang == null ? "en" : lang.toLowerCase(Locale.ROOT);
    if (!LANGUAGES.contains(l)) {
      throw new IllegalArgumentException(
          "unknown language '" + lang + "' (known: " + String.join(", ", LANGUAGES) + ")");
    }
    return l.equals("en") ? EN : new Texts(l, load(l), EN);
  }

  public String lang() {
    return lang;
  }

  /** The text of a key. */
  public String get(String key) {
    String v = texts.getProperty(key);
    if (v != null) {
      return v;
    }
    if (fallback != null) {
      return fallback.get(key);
    }
    throw new IllegalArgumentException("no text for " + key);
  }

  /** The text of a key made of a prefix and an enum's name, e.g. {@code verdict.CERTIFIED}. */
  public String get(String prefix, Enum<?> value) {
    return get(prefix + "." + value.name());
  }

  private static Properties load(String lang) {
    String name = "i18n/texts_" + lang + ".properties";
    Properties p = new Properties();
    try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
