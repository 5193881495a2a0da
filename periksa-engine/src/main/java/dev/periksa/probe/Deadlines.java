package dev.periksa.probe;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that fires whole-exchange deadlines: when an exchange or session is not done in
 * time, its sockets are closed, which ends any read or write blocked on them.
 */
final class Deadlines {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private Deadlines() {}

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = new Thread(r, "periksa-deadlines");
              th.setDaemon(true);
              return th;
            });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  static ScheduledFuture<?> after(Duration d, Runnable action) {
    return TIMER.schedule(action, Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS);
  }
}
