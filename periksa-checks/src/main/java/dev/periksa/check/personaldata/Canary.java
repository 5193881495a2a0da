package dev.periksa.check.personaldata;

import dev.periksa.evidence.Redactor;
import dev.periksa.pii.PiiType;

/**
 * The synthetic identity number the personal-data checks send wherever a target takes input, so
 * that an echo of it (in an error, a redirect, a URL) can be told apart from anything else.
 *
 * <p>It has a NIK's structure (province 31, regency 74, a birth date of 1 January 1990, serial
 * 9999) but district 99, which no Indonesian regency has: it belongs to nobody, and a target cannot
 * hold a record for it. The lab's generator never makes it either (its districts stop at 25 and its
 * serials at 3000). Evidence shows it only masked, as {@link #masked()}.
 */
public final class Canary {
  /** The canary NIK. */
  public static final String NIK = "3174990101909999";

  private Canary() {}

  /** The canary as evidence shows it, masked like any NIK ({@code 3174••••••••9999}). */
  public static String masked() {
    return Redactor.mask(PiiType.NIK, NIK);
  }

  /** Whether a text carries the canary unmasked. */
  public static boolean in(String text) {
    return text != null && text.contains(NIK);
  }

  /** The text with every unmasked canary masked, before anything else redacts it. */
  public static String hide(String text) {
    return text == null ? null : text.replace(NIK, masked());
  }
}
