package dev.periksa.zap;

import dev.periksa.zap.rules.HealthRulesAddOn;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one managed ZAP of a run: started when a DAST check first needs it (with Periksa's
 * health-data rules written into its {@code plugin/} folder), shared by every target of the run,
 * started again if it died, and stopped when the run ends ({@link #stop()}).
 */
public final class SharedZap {
  private static ManagedZap current;
  private static long lastPid = -1;

  private SharedZap() {}

  /** The running managed ZAP, started (and assembled, the first time) if there is none. */
  public static synchronized ManagedZap get(Consumer<String> progress) throws IOException {
    if (current != null && current.isAlive()) {
      return current;
    }
    if (current != null) {
      current.close();
      current = null;
    }
    ZapDistribution dist = ZapDistribution.ensure(progress);
    current = ManagedZap.start(dist, List.of(HealthRulesAddOn::writeTo), progress);
    lastPid = current.pid();
    return current;
  }

  /** Stops the managed ZAP, if one runs. */
  public static synchronized void stop() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /** The process id of the last managed ZAP started, or -1; lets a test see it is gone. */
  public static synchronized long lastPid() {
    return lastPid;
  }
}
