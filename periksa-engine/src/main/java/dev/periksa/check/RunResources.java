package dev.periksa.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Expensive things a check starts once and shares with its runs on the run's other targets (a
 * managed ZAP), owned by the run: the check obtains them, the run closes whatever was obtained when
 * it ends, without knowing what they are. Nothing is static; nothing outlives the run.
 */
public final class RunResources implements AutoCloseable {

  /** Starts a resource. */
  @FunctionalInterface
  public interface Opener<R> {
    R open() throws IOException;
  }

  private final Map<Class<?>, AutoCloseable> held = new LinkedHashMap<>();
  private boolean closed;

  /**
   * The run's resource of a type: the one obtained before if it is still usable, else a new one
   * (the unusable one is closed first).
   */
  public synchronized <R extends AutoCloseable> R obtain(
      Class<R> type, Predicate<R> usable, Opener<R> open) throws IOException {
    if (closed) {
      throw new IOException("the run has ended");
    }
    AutoCloseable known = held.get(type);
    if (known != null) {
      R r = type.cast(known);
      if (usable.test(r)) {
        return r;
      }
      held.remove(type);
      closeQuietly(known);
    }
    R r = open.open();
    held.put(type, r);
    return r;
  }

  /** Closes everything obtained, last first. */
  @Override
  public synchronized void close() {
    closed = true;
    List<AutoCloseable> all = new ArrayList<>(held.values());
    held.clear();
    for (int i = all.size() - 1; i >= 0; i--) {
      closeQuietly(all.get(i));
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Closing what the run started: nothing more to do if it fails.
    }
  }
}
