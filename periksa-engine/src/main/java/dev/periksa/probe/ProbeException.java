package dev.periksa.probe;

/** A probe that got no usable reply: refused, timed out, reset, out of scope. */
public class ProbeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean stalled;

  public ProbeException(String message) {
    this(message, null, false);
  }

  public ProbeException(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * @param stalled the peer went silent or ran out of time (rather than refusing or breaking)
   */
  public ProbeException(String message, Throwable cause, boolean stalled) {
    super(message, cause);
    this.stalled = stalled;
  }

  /** Whether the peer went silent or ran out of time, which {@link HostHealth} counts. */
  public boolean stalled() {
    return stalled;
  }
}
