package dev.periksa.run;

import dev.periksa.probe.HostLimits;
import java.time.Duration;

/**
 * How a run scans its targets: how many at once, the most time one target may take, the connections
 * the whole run may hold open to one host at once, and how the console shows progress.
 *
 * @param parallel targets scanned at once; 0 for the default ({@link #DEFAULT_PARALLEL}, or fewer
 *     when there are fewer targets)
 * @param targetBudget the most time one target's discovery and checks may take together; the checks
 *     left when it is spent are INCONCLUSIVE (never PASS) without being started, so one stalled
 *     target holds a place for one budget at most; null for no budget
 * @param connectionsPerHost connections open at once to one host, over every target and check of
 *     the run
 * @param progress the console's form
 * @param shard "K/N" when the run is the K-th of N shards of a larger set of targets (recorded in
 *     results.json for the merge); null for a whole run
 * @param scenarios scenarios of one target run at once; 0 for the default ({@link
 *     #DEFAULT_SCENARIOS}), 1 for one after another
 */
public record Fleet(
    int parallel,
    Duration targetBudget,
    int connectionsPerHost,
    Progress progress,
    String shard,
    int scenarios) {
  /** Targets scanned at once unless told otherwise: the work is mostly waiting on the network. */
  public static final int DEFAULT_PARALLEL = 8;

  /**
   * Scenarios of one target run at once unless told otherwise: its checks mostly wait on the
   * network, and each holds at most a few connections (the per-host cap bounds them all).
   */
  public static final int DEFAULT_SCENARIOS = 4;

  /** A target's budget unless told otherwise: far above what a whole scan of one system takes. */
  public static final Duration DEFAULT_TARGET_BUDGET = Duration.ofMinutes(30);

  /** Above this many targets the console shows a line per target, not per scenario. */
  public static final int COMPACT_ABOVE = 4;

  public static final Fleet DEFAULT =
      new Fleet(0, DEFAULT_TARGET_BUDGET, HostLimits.DEFAULT_CONNECTIONS, Progress.AUTO, null, 0);

  /** The console's form. */
  public enum Progress {
    /** Every scenario's verdict, target by target (each target's lines together). */
    DETAILED,
    /** One line per finished target, with the count done and running. */
    COMPACT,
    /** Detailed for a few targets, compact for a fleet (more than {@link #COMPACT_ABOVE}). */
    AUTO
  }

  public Fleet {
    if (parallel < 0) {
      throw new IllegalArgumentException("the targets scanned at once cannot be negative");
    }
    if (targetBudget != null && (targetBudget.isNegative() || targetBudget.isZero())) {
      throw new IllegalArgumentException("a target's time budget must be positive");
    }
    if (connectionsPerHost < 1) {
      throw new IllegalArgumentException("at least one connection per host is needed");
    }
    if (scenarios < 0) {
      throw new IllegalArgumentException("the scenarios run at once cannot be negative");
    }
    progress = progress == null ? Progress.AUTO : progress;
  }

  /** Scenarios of one target run at once. */
  int scenarioThreads() {
    return scenarios == 0 ? DEFAULT_SCENARIOS : scenarios;
  }

  /** Threads for a run of {@code targets} targets. */
  int threads(int targets) {
    int want = parallel == 0 ? DEFAULT_PARALLEL : parallel;
    return Math.max(1, Math.min(want, targets));
  }

  /** Whether the console shows one line per target. */
  boolean compact(int targets) {
    return progress == Progress.COMPACT || (progress == Progress.AUTO && targets > COMPACT_ABOVE);
  }

  public Fleet withParallel(int n) {
    return new Fleet(n, targetBudget, connectionsPerHost, progress, shard, scenarios);
  }

  public Fleet withTargetBudget(Duration d) {
    return new Fleet(parallel, d, connectionsPerHost, progress, shard, scenarios);
  }

  public Fleet withConnectionsPerHost(int n) {
    return new Fleet(parallel, targetBudget, n, progress, shard, scenarios);
  }

  /** The same, as the K-th of N shards ("K/N"). */
  public Fleet withShard(String kOfN) {
    return new Fleet(parallel, targetBudget, connectionsPerHost, progress, kOfN, scenarios);
  }

  public Fleet withScenarios(int n) {
    return new Fleet(parallel, targetBudget, connectionsPerHost, progress, shard, n);
  }

  public Fleet withProgress(Progress p) {
    return new Fleet(parallel, targetBudget, connectionsPerHost, p, shard, scenarios);
  }
}
