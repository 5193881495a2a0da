package dev.periksa.check;

import dev.periksa.target.TargetProfile;
import java.util.List;

/** One probe of a target for one kind of weakness. */
public interface Check {

  /** Id, title, requirements, CWE and remediation, in one place. */
  CheckMetadata metadata();

  /**
   * What proves this check's finding, and how little it reads or sends, in one paragraph (Markdown
   * inline): the check's row on the requirements page ({@code docs/requirements.md}), which is
   * generated from it. Line breaks count as spaces. Every shipped check has one.
   */
  default String proof() {
    return "";
  }

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

  /**
   * Called once when a run that will run this check starts, before any target is scanned: starts,
   * in the background and without waiting, what the check's runs on these targets will share and
   * obtain from {@code resources} (a managed ZAP), so it is ready when the first needs it. A
   * failure here is left for the check to meet again, and report, when it runs. Nothing by default.
   */
  default void warmUp(List<TargetProfile> targets, RunResources resources) {}
}
