package dev.periksa.result;

/** A target's certification verdict. */
public enum Verdict {
  /** Every requirement positively passed or was not applicable. */
  CERTIFIED,
  /** At least one requirement failed. */
  NOT_CERTIFIED,
  /** Nothing failed, but something could not be verified. */
  INCOMPLETE
}
