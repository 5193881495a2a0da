package dev.periksa.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one check asked and how much of each reply it read, and everything it holds open. The check
 * skeleton reads the log to refuse a PASS that rests on a reply it did not read whole; the runner
 * closes the log when the check ends or runs out of time, which closes every socket and client the
 * check still holds, so nothing outlives its check.
 */
public final class ProbeLog implements AutoCloseable {

  /**
   * One exchange.
   *
   * @param request method and URL (or protocol and address)
   * @param reading how much of the reply was read
   * @param bodyNeeded false when the check declared that only the status and headers matter
   * @param prefixAsked the request asked for the first bytes only (a Range), so a body cut at the
   *     cap is what was asked for; a body cut short or unreadable still is not
   */
  public record Entry(String request, Reading reading, boolean bodyNeeded, boolean prefixAsked) {
    public Entry(String request, Reading reading, boolean bodyNeeded) {
      this(request, reading, bodyNeeded, false);
    }

    /** Whether this exchange leaves the check's judgment of its endpoint in doubt. */
    public boolean doubtful() {
      if (!bodyNeeded || reading.complete()) {
        return false;
      }
      return !(prefixAsked && reading.state() == Reading.State.TRUNCATED);
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile String closedWhy = "the check has ended";

  /** A log for probes used outside any check (discovery, tools, tests). */
  public static ProbeLog detached() {
    return new ProbeLog();
  }

  public void record(Entry e) {
    synchronized (entries) {
      entries.add(e);
    }
  }

  /** A position in the log, for {@link #since}. */
  public int mark() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** The exchanges recorded after a mark. */
  public List<Entry> since(int mark) {
    synchronized (entries) {
      return List.copyOf(entries.subList(Math.min(mark, entries.size()), entries.size()));
    }
  }

  /**
   * Registers something to close when the check ends (a socket, a driver's client).
   *
   * @throws ProbeException when the check has already ended: nothing new may be opened
   */
  public void hold(Closeable c) {
    if (closed) {
      closeQuietly(c);
      throw new ProbeException(closedWhy);
    }
    open.add(c);
    if (closed && open.remove(c)) {
      closeQuietly(c);
      throw new ProbeException(closedWhy);
    }
  }

  /** Something closed by its owner, no longer held. */
  public void release(Closeable c) {
    open.remove(c);
  }

  public boolean closed() {
    return closed;
  }

  /** Closes everything still held; later attempts to open anything fail with {@code why}. */
  public void close(String why) {
    closedWhy = why;
    close();
  }

  @Override
  public void close() {
    closed = true;
    for (Closeable c : new ArrayList<>(open)) {
      open.remove(c);
      closeQuietly(c);
    }
  }

  /** Things still held open (for tests). */
  public int held() {
    return open.size();
  }

  static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      // Already closed or broken: either way it is gone.
    }
  }
}
