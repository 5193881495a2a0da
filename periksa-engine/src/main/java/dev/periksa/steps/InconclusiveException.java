package dev.periksa.steps;

/** Raised when a check could not decide; Allure shows the scenario as broken, not failed. */
public final class InconclusiveException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InconclusiveException(String message) {
    super(message);
  }
}
