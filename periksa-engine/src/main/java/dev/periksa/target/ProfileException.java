package dev.periksa.target;

/** A target profile that cannot be used; the message names the file and the field. */
public class ProfileException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProfileException(String message) {
    super(message);
  }

  public ProfileException(String message, Throwable cause) {
    super(message, cause);
  }
}
