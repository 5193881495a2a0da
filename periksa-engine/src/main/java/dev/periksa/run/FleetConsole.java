package dev.periksa.run;

import dev.periksa.target.TargetProfile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console of a run whose targets may be scanned at once. One target at a time: its lines as
 * they come. Several at once, detailed: each target's lines held and printed together when it ends,
 * so targets never interleave. A fleet (compact): one line per finished target with the count
 * finished, running and waiting; a target's own lines are not shown (the report holds them).
 */
final class FleetConsole {
  private final PrintStream out;
  private final int total;
  private final boolean live;
  private final boolean compact;
  private final AtomicInteger begun = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final long started = System.nanoTime();
  private final ThreadLocal<ByteArrayOutputStream> held = new ThreadLocal<>();

  FleetConsole(PrintStream out, int total, int parallel, boolean compact) {
    this.out = out;
    this.total = total;
    this.live = parallel == 1 && !compact;
    this.compact = compact;
  }

  /** The line that says how the run goes about its targets, when there are several. */
  void starting(Fleet fleet, int parallel) {
    if (total < 2) {
      return;
    }
    out.println();
    out.printf(
        "Scanning %d targets, %d at a time%s, at most %d connection%s to one host at once%s%n",
        total,
        parallel,
        fleet.targetBudget() == null
            ? ""
            : ", each within " + seconds(fleet.targetBudget().toMillis() / 1000.0),
        fleet.connectionsPerHost(),
        fleet.connectionsPerHost() == 1 ? "" : "s",
        compact ? " (one line per finished target)" : "");
  }

  /** Where a target's lines go while it is scanned (on the scanning thread). */
  PrintStream begin(TargetProfile p) {
    begun.incrementAndGet();
    if (live) {
      return out;
    }
    if (compact) {
      return new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    held.set(b);
    return new PrintStream(b, true, StandardCharsets.UTF_8);
  }

  /** A target ended with a verdict (on its scanning thread). */
  void end(TargetProfile p, String verdict, double seconds) {
    int done = ended.incrementAndGet();
    ByteArrayOutputStream b = held.get();
    held.remove();
    synchronized (out) {
      if (b != null) {
        out.print(b.toString(StandardCharsets.UTF_8));
      }
      if (compact) {
        int running = begun.get() - done;
        out.printf(
            "[%" + width() + "d/%d] %s: %s (%.1f s)  · %d running, %d waiting, %s elapsed%n",
            done,
            total,
            p.name(),
            verdict,
            seconds,
            running,
            total - begun.get(),
            seconds((System.nanoTime() - started) / 1e9));
      }
      out.flush();
    }
  }

  /** Every target has ended. */
  void finished() {
    if (compact) {
      out.printf(
          "All %d targets scanned in %s.%n", total, seconds((System.nanoTime() - started) / 1e9));
    }
  }

  private int width() {
    return Integer.toString(total).length();
  }

  private static String seconds(double s) {
    if (s < 120) {
      return String.format("%.1f s", s);
    }
    long m = (long) (s / 60);
    return String.format("%d min %02d s", m, Math.round(s - m * 60));
  }
}
