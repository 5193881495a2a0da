package dev.periksa.probe;

/** A request aimed at a host the profile does not declare; it is never sent. */
public final class OutOfScopeException extends ProbeException {
  private static final long serialVersionUID = 1L;

  public OutOfScopeException(String message) {
    super(message);
  }
}
