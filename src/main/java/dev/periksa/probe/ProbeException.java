package dev.periksa.probe;

/** A probe that got no usable reply: refused, timed out, reset, out of scope. */
public class ProbeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProbeException(String message) {
    super(message);
  }

  public ProbeException(String message, Throwable cause) {
    super(message, cause);
  }
}
