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

  /**
   * Gets ready before {@link #run} (for example starts or connects to a tool the check drives),
   * within the check's deadline; a {@link dev.periksa.probe.ProbeException} here makes the check
   * INCONCLUSIVE. Nothing by default.
   */
  default void prepare(TargetContext ctx) {}

  /** Releases what {@link #prepare} took; called once the check ends, however it ends. */
  default void close() {}
}
