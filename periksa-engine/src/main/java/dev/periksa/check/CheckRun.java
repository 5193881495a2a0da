package dev.periksa.check;

/**
 * One run of one check, as the runner sees it: the result the check is building, so that a check
 * that runs out of time still reports what it had found (its findings stand; what it did not reach
 * is INCONCLUSIVE).
 */
public final class CheckRun {
  private volatile CheckResult.Builder result;

  /** A new result for the check, registered for the runner. */
  public CheckResult.Builder begin(CheckMetadata check) {
    CheckResult.Builder b = CheckResult.builder(check);
    result = b;
    return b;
  }

  /** The result being built, or null when the check builds none the runner can see. */
  public CheckResult.Builder result() {
    return result;
  }
}
