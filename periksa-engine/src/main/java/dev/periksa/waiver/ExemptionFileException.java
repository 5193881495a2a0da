package dev.periksa.waiver;

import java.io.IOException;

/** A waiver or attestation file that cannot be used; the message names the file and the entry. */
public final class ExemptionFileException extends IOException {
  private static final long serialVersionUID = 1L;

  public ExemptionFileException(String message) {
    super(message);
  }

  public ExemptionFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
