package dev.periksa.check;

/**
 * What a check concluded. WAIVED and ATTESTED are applied by the run (a waiver, an attestation),
 * never by a probe.
 */
public enum Outcome {
  PASS,
  FAIL,
  INCONCLUSIVE,
  NOT_APPLICABLE,
  /** A FAIL accepted on the record by a current waiver: shown, but it does not fail the run. */
  WAIVED,
  /** A process requirement no probe can see, declared met by a named person on a date. */
  ATTESTED;

  /**
   * Combines outcomes of several probes of one check: any FAIL wins, then any doubt, then a waived
   * failure, then an attestation (what is partly attested rests on someone's word), then a pass.
   */
  public static Outcome worst(Iterable<Outcome> outcomes) {
    boolean any = false;
    boolean inconclusive = false;
    boolean pass = false;
    boolean waived = false;
    boolean attested = false;
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
        case WAIVED:
          waived = true;
          break;
        case ATTESTED:
          attested = true;
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
    if (waived) {
      return WAIVED;
    }
    if (attested) {
      return ATTESTED;
    }
    return pass ? PASS : NOT_APPLICABLE;
  }
}
