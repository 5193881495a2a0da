package dev.periksa.run;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import java.io.PrintStream;

/**
 * Prints each scenario that judged something when it ends, one line per check with the verdict; a
 * scenario that found nothing to judge on the target (every check NOT_APPLICABLE) is only counted,
 * for one line at the end of the target.
 */
public final class ProgressPlugin implements ConcurrentEventListener {

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
  }

  private void finished(TestCaseFinished e) {
    ScanSession s = ScanSession.current();
    PrintStream out = s.console();
    // Scenarios of one target may end at once: each one's lines stay together.
    synchronized (out) {
      print(e, s, out);
    }
  }

  private static void print(TestCaseFinished e, ScanSession s, PrintStream out) {
    var recorded = s.recorder().forScenario(e.getTestCase().getId().toString());
    if (recorded.isEmpty()) {
      out.println("  > " + e.getTestCase().getName());
      out.println("    " + e.getResult().getStatus() + " (no requirement recorded)");
      return;
    }
    boolean nothing =
        recorded.stream()
            .allMatch(
                r ->
                    r.result().outcome() == Outcome.NOT_APPLICABLE
                        && r.result().exemptions().isEmpty());
    if (nothing) {
      for (RunRecorder.Recorded r : recorded) {
        s.notApplicable().add(r.result().check().id());
      }
      return;
    }
    out.println("  > " + e.getTestCase().getName());
    for (RunRecorder.Recorded r : recorded) {
      out.println("    " + line(r));
      // Waivers and attestations are shown where the verdict is, never only in the report.
      r.result().exemptions().forEach(x -> out.println("      " + x.describe()));
    }
  }

  static String line(RunRecorder.Recorded r) {
    CheckResult c = r.result();
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", r.requirements())).append("  ").append(c.outcome());
    if (c.severity() != null) {
      b.append(' ').append(c.severity());
    }
    b.append("  ").append(c.findings().isEmpty() ? c.reason() : c.findings().get(0).title());
    b.append(String.format("  (%.1f s)", c.elapsed().toMillis() / 1000.0));
    return b.toString();
  }
}
