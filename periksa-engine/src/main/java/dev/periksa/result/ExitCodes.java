package dev.periksa.result;

import java.util.List;

/** The exit-code policy, in one place. */
public final class ExitCodes {
  /** Every target certified. */
  public static final int CERTIFIED = 0;

  /** At least one requirement failed on some target. */
  public static final int FAILED = 1;

  /** Something could not be verified, and nothing failed. */
  public static final int INCONCLUSIVE = 2;

  /** Bad command line, profile or feature folder: nothing was probed. */
  public static final int USAGE = 64;

  /** Periksa itself could not finish (e.g. the report could not be rendered). */
  public static final int INTERNAL = 70;

  private ExitCodes() {}

  public static int of(List<TargetOutcome> targets) {
    if (targets.isEmpty()) {
      return INCONCLUSIVE;
    }
    boolean incomplete = false;
    for (TargetOutcome t : targets) {
      if (t.verdict() == Verdict.NOT_CERTIFIED) {
        return FAILED;
      }
      if (t.verdict() == Verdict.INCOMPLETE) {
        incomplete = true;
      }
    }
    return incomplete ? INCONCLUSIVE : CERTIFIED;
  }
}
