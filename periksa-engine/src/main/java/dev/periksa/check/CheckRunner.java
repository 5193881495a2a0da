package dev.periksa.check;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeLog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a check with a deadline. Whatever escapes the check (an exception, the deadline, a null
 * result) becomes INCONCLUSIVE with the reason: the run fails closed. A check that runs out of time
 * keeps what it had found (its findings stand) and reports its real elapsed time; its sockets and
 * clients are closed and its thread ended before the next check starts, so nothing outlives it.
 */
public final class CheckRunner {
  /** How long a stopped check's thread is given to end once its sockets are closed. */
  static final Duration GRACE = Duration.ofSeconds(2);

  private final Duration checkDeadline;
  private final Duration budget;
  private final long budgetEnds;

  public CheckRunner(Duration deadline) {
    this(deadline, null);
  }

  /**
   * A runner for one target whose checks together may take at most {@code budget}, counted from
   * now: a check is stopped when its own deadline or the target's budget comes first, and the
   * checks left once the budget is spent are INCONCLUSIVE without being started, so a stalled
   * target holds its place in a fleet for one budget at most.
   *
   * @param budget the target's time budget; null for none
   */
  public CheckRunner(Duration deadline, Duration budget) {
    this.checkDeadline = deadline;
    this.budget = budget;
    this.budgetEnds = System.nanoTime() + (budget == null ? 0 : budget.toNanos());
  }

  public CheckResult run(Check check, TargetContext base) {
    CheckMetadata meta = check.metadata();
    Instant started = Instant.now();
    long clock = System.nanoTime(); // the deadline's clock: monotonic, unlike the wall clock
    Duration deadline = checkDeadline;
    boolean byBudget = false;
    if (budget != null) {
      long left = budgetEnds - clock;
      if (left <= 0) {
        return inconclusive(
            meta, "not run: the target's time budget (" + seconds(budget) + ") was spent", started);
      }
      if (left < deadline.toNanos()) {
        deadline = Duration.ofMillis(Math.max(1, left / 1_000_000));
        byBudget = true;
      }
    }
    ProbeLog log = new ProbeLog();
    TargetContext ctx = base.forCheck(log);
    ExecutorService exec =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "check-" + meta.id());
              t.setDaemon(true);
              return t;
            });
    try {
      Future<CheckResult> f =
          exec.submit(
              () -> {
                try {
                  check.prepare(ctx);
                  return check.run(ctx);
                } finally {
                  check.close();
                }
              });
      try {
        CheckResult r = f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
          return inconclusive(meta, "the check returned no result", started);
        }
        return r;
      } catch (TimeoutException e) {
        String why =
            byBudget
                ? "the check did not finish within the "
                    + seconds(deadline)
                    + " left of the target's time budget ("
                    + seconds(budget)
                    + ")"
                : "the check did not finish within " + seconds(deadline);
        log.close("the check ran out of time (" + seconds(deadline) + ")");
        f.cancel(true);
        CheckResult.Builder soFar = ctx.run().result();
        if (soFar == null) {
          return inconclusive(meta, why, started);
        }
        // Timed from the runner's start, as the deadline was: the check's own clock started
        // later, on its thread, and would report less than the time it was given.
        CheckResult r = soFar.stopped(why);
        return new CheckResult(
            r.check(),
            r.outcome(),
            r.reason(),
            r.findings(),
            r.observations(),
            started,
            Duration.ofNanos(System.nanoTime() - clock),
            r.exemptions(),
            r.others(),
            r.parts());
      } catch (ExecutionException e) {
        Throwable c = e.getCause() == null ? e : e.getCause();
        return inconclusive(meta, "the check stopped on an error: " + describe(c), started);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return inconclusive(meta, "the run was interrupted", started);
    } finally {
      log.close();
      exec.shutdownNow();
      try {
        if (!exec.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          check.close();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static CheckResult inconclusive(CheckMetadata meta, String why, Instant started) {
    return new CheckResult(
        meta,
        Outcome.INCONCLUSIVE,
        why,
        List.of(),
        List.of(),
        started,
        Duration.between(started, Instant.now()));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0
        ? d.toSeconds() + " s"
        : String.format("%.1f s", d.toMillis() / 1000.0);
  }

  /** An error in words: its message (redacted with the result), never a class name alone. */
  private static String describe(Throwable t) {
    if (t instanceof ProbeException) {
      return t.getMessage();
    }
    String m = null;
    for (Throwable c = t; c != null && m == null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank() && !"null".equals(c.getMessage())) {
        m = c.getMessage();
      }
    }
    String kind =
        t instanceof NullPointerException
            ? "an internal error (a missing value)"
            : t instanceof IllegalStateException || t instanceof IllegalArgumentException
                ? "an internal error"
                : "an unexpected error";
    return m == null ? kind : kind + ": " + m;
  }
}
