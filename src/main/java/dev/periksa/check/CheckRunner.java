package dev.periksa.check;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a check with a deadline. Whatever escapes the check (an exception, the deadline, a null
 * result) becomes INCONCLUSIVE with the reason: the run fails closed.
 */
public final class CheckRunner {
  private final Duration deadline;

  public CheckRunner(Duration deadline) {
    this.deadline = deadline;
  }

  public CheckResult run(Check check, TargetContext ctx) {
    CheckMetadata meta = check.metadata();
    ExecutorService exec =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "check-" + meta.id());
              t.setDaemon(true);
              return t;
            });
    try {
      Future<CheckResult> f = exec.submit(() -> check.run(ctx));
      CheckResult r = f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (r == null) {
        return CheckResult.of(meta, Outcome.INCONCLUSIVE, "the check returned no result");
      }
      return r;
    } catch (TimeoutException e) {
      return CheckResult.of(
          meta,
          Outcome.INCONCLUSIVE,
          "the check did not finish within " + deadline.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      // An exception message may quote the reply it choked on: mask it like any evidence.
      return CheckResult.of(
          meta,
          Outcome.INCONCLUSIVE,
          "the check stopped on an error: " + ctx.redactor().redact(describe(c)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.of(meta, Outcome.INCONCLUSIVE, "the run was interrupted");
    } finally {
      exec.shutdownNow();
    }
  }

  private static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }
}
