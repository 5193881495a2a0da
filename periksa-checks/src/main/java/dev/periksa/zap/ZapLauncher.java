package dev.periksa.zap;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The main class of a managed ZAP's JVM: it starts ZAP and ends that JVM as soon as the Periksa
 * process that started it is gone, however it went (a kill -9 runs no shutdown hook).
 *
 * <p>It runs inside ZAP's JVM, on a class path of its own with nothing else of Periksa, so it may
 * use only the JDK. The parent is watched through {@link ProcessHandle}, which recognises a reused
 * process id by its start time.
 */
public final class ZapLauncher {
  /** How long ZAP's own shutdown may take once the parent is gone, before the JVM is halted. */
  static final long GRACE_SECONDS = 5;

  private ZapLauncher() {}

  /** Arguments: ZAP's main class, then ZAP's own arguments. */
  public static void main(String[] args) throws Exception {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    if (parent == null || !parent.isAlive()) {
      Runtime.getRuntime().halt(3);
    }
    parent
        .onExit()
        .thenRun(
            () -> {
              Thread halt =
                  new Thread(
                      () -> {
                        sleep(GRACE_SECONDS);
                        Runtime.getRuntime().halt(4);
                      },
                      "periksa-zap-halt");
              halt.setDaemon(true);
              halt.start();
              System.exit(4);
            });
    Class<?> main = Class.forName(args[0]);
    Method m = main.getMethod("main", String[].class);
    m.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
  }

  private static void sleep(long seconds) {
    try {
      TimeUnit.SECONDS.sleep(seconds);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
