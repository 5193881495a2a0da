package dev.periksa.pii;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Masks personal data at the moment it is captured and keeps only a SHA-256 of raw bytes. */
public final class Redactor {

  /** Hex SHA-256 of the given bytes. */
  public static String sha256Hex(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
