package dev.periksa.lab;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts a service's legacy and hardened servers side by side (two cores: about half the wait), and
 * stops whichever did start when the other one fails.
 */
final class Twins<T extends AutoCloseable> {
  final T legacy;
  final T hardened;

  private Twins(T legacy, T hardened) {
    this.legacy = legacy;
    this.hardened = hardened;
  }

  static <T extends AutoCloseable> Twins<T> start(Callable<T> legacy, Callable<T> hardened)
      throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "lab-twin-start");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<T> l = pool.submit(legacy);
      Future<T> h = pool.submit(hardened);
      T a = null;
      T b = null;
      Exception failure = null;
      try {
        a = l.get();
      } catch (ExecutionException e) {
        failure = unwrap(e);
      }
      try {
        b = h.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = unwrap(e);
        }
      }
      if (failure != null) {
        closeQuietly(a);
        closeQuietly(b);
        throw failure;
      }
      return new Twins<>(a, b);
    } finally {
      pool.shutdown();
    }
  }

  private static Exception unwrap(ExecutionException e) {
    Throwable c = e.getCause();
    if (c instanceof Exception x) {
      return x;
    }
    if (c instanceof Error err) {
      throw err;
    }
    return e;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      // Already failing; the lab folder goes with the lab.
    }
  }
}
