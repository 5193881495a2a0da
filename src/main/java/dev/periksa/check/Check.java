package dev.periksa.check;

/** One probe of a target for one kind of weakness. */
public interface Check {

  /** Id, title, requirements, CWE and remediation, in one place. */
  CheckMetadata metadata();

  /**
   * Probes the target. Target behaviour (refusals, odd replies, timeouts) never throws: it becomes
   * an outcome. Anything that does escape is turned into INCONCLUSIVE by {@link CheckRunner}.
   */
  CheckResult run(TargetContext ctx);
}
