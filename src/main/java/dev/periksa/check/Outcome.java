package dev.periksa.check;

/** What a check concluded. WAIVED is applied later, by the run, never by a check. */
public enum Outcome {
  PASS,
  FAIL,
  INCONCLUSIVE,
  NOT_APPLICABLE;

  /** Combines outcomes of several probes of one check: any FAIL wins, then any doubt. */
  public static Outcome worst(Iterable<Outcome> outcomes) {
    boolean any = false;
    boolean inconclusive = false;
    boolean pass = false;
    for (Outcome o : outcomes) {
      any = true;
      switch (o) {
        case FAIL:
          return FAIL;
        case INCONCLUSIVE:
          inconclusive = true;
          break;
        case PASS:
          pass = true;
          break;
        default:
          break;
      }
    }
    if (!any) {
      return NOT_APPLICABLE;
    }
    if (inconclusive) {
      return INCONCLUSIVE;
    }
    return pass ? PASS : NOT_APPLICABLE;
  }
}
