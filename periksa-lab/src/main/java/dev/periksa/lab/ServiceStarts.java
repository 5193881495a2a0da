package dev.periksa.lab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts a lab's services side by side on a bounded pool, and either hands back every one that came
 * up or, when one fails, stops them all.
 *
 * <p><b>Why they may run together.</b> No service needs another: each returns its own variables and
 * reads none of the others' ({@link LabContext} carries none), and the TLS front ({@link TlsLab})
 * is an nginx of its own that relays to nothing else in the lab. What they share is thread-safe
 * (see {@link LabContext}): the options, the lab CA, the secrets. In the lab folder each service
 * writes only under names of its own ({@code opensearch}, {@code solr}, {@code redis-legacy}, ...;
 * the shared {@code tls} folder is made with {@code createDirectories}, which tolerates a
 * concurrent maker, and its files are named per server). What is JVM-wide is set to one value by
 * one service (OpenSearch's Netty system property, Tomcat's log levels). Ports are chosen at bind
 * time; servers that must be told a port (child processes) take one just released and retry if it
 * was taken meanwhile, as they already did for other programs on the machine (a service binding
 * port 0 at that moment on the same address is one more such program).
 *
 * <p><b>Order.</b> Tasks are queued in the catalogue's order, which begins with the slowest (the
 * search cluster's node and its 20,000 records, then Solr's own JVM), so that they overlap
 * everything else. Results are merged in the catalogue's order whatever order they finish in: the
 * variables (same keys, same map order) and the running list (closed in reverse) come out as a
 * one-by-one start gives them. One thread ({@code threads = 1}) is exactly that one-by-one start.
 *
 * <p><b>Progress.</b> Only the calling thread writes progress: a service's line ("- Redis: up in
 * 1.2 s", or "left out" with its reason) when it is up, followed by the lines it wrote while
 * starting, which were held back until then. Lines are never interleaved or split; the price is
 * that the search cluster's loading progress shows when it is up, not while it loads.
 *
 * <p><b>Failure.</b> On the first failure (an {@link LabService.Unavailable} too, when the services
 * are required) no further service begins; the ones already starting are waited for, not
 * interrupted (an interrupted start could leave a child process behind), then every service that
 * began is closed, in reverse catalogue order, and the first error is thrown, later ones attached
 * as suppressed.
 */
final class ServiceStarts {
  /**
   * How many services start at a time: twice the processors (four on two cores). Most of a start is
   * waiting for a child process or a socket, so more threads than cores help; but the rest is class
   * loading, JIT compiling and loading data, and with every service at once on two cores the search
   * cluster, which takes longest, got a fraction of the CPU and the lab was ready later than one
   * service at a time.
   */
  static int threads() {
    return Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** What came up: running services and variables in catalogue order, and those left out. */
  record Started(
      List<LabService> running, Map<String, String> variables, Map<String, String> unavailable) {}

  private ServiceStarts() {}

  /**
   * Starts the services, at most {@code threads} at a time.
   *
   * @param required when true, an unavailable service fails the start
   * @throws Exception the first failure, once every service that began is closed
   */
  static Started start(
      List<Supplier<LabService>> services,
      LabContext ctx,
      Consumer<String> progress,
      boolean required,
      int threads)
      throws Exception {
    AtomicBoolean stopping = new AtomicBoolean();
    List<Slot> slots = new ArrayList<>(services.size());
    for (Supplier<LabService> make : services) {
      slots.add(new Slot(make.get(), ctx, stopping, required));
    }
    if (slots.isEmpty()) {
      return new Started(List.of(), Map.of(), Map.of());
    }
    // SLF4J binds its provider on first use; services asking for loggers on several threads at
    // once would get substitute loggers and a warning on the console.
    org.slf4j.LoggerFactory.getILoggerFactory();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, slots.size())),
            r -> {
              Thread t = new Thread(r, "lab-start");
              t.setDaemon(true);
              return t;
            });
    Throwable first = null;
    boolean interrupted = false;
    try {
      CompletionService<Slot> done = new ExecutorCompletionService<>(pool);
      for (Slot s : slots) {
        done.submit(s);
      }
      for (int pending = slots.size(); pending > 0; ) {
        Slot s;
        try {
          s = done.take().get();
        } catch (InterruptedException e) {
          // Still wait for the starts under way, so that they can be closed.
          interrupted = true;
          first = first == null ? e : first;
          stopping.set(true);
          continue;
        } catch (ExecutionException e) {
          throw new AssertionError("Slot.call catches everything", e);
        }
        pending--;
        try {
          Throwable failure = s.judge();
          if (failure == null) {
            if (first == null) {
              s.report(progress);
            }
          } else if (first == null) {
            first = failure;
            stopping.set(true);
            progress.accept("- " + s.service.name() + ": failed; stopping the services started");
          } else {
            first.addSuppressed(failure);
          }
        } catch (RuntimeException | Error e) {
          // The progress consumer failed: stop too, once the starts under way are done.
          stopping.set(true);
          if (first == null) {
            first = e;
          } else {
            first.addSuppressed(e);
          }
        }
      }
    } finally {
      pool.shutdown();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (first != null) {
      for (int i = slots.size() - 1; i >= 0; i--) {
        slots.get(i).stop();
      }
      throw Slot.rethrowable(first);
    }
    List<LabService> running = new ArrayList<>();
    Map<String, String> vars = new LinkedHashMap<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    for (Slot s : slots) {
      if (s.unavailable()) {
        unavailable.put(s.service.name(), s.failure.getMessage());
      } else {
        running.add(s.service);
        vars.putAll(s.variables);
      }
    }
    return new Started(running, vars, Collections.unmodifiableMap(unavailable));
  }

  static void closeQuietly(LabService s) {
    try {
      s.close();
    } catch (Exception e) {
      // Stopping anyway; the folder goes with the lab.
    }
  }

  /** One service's start, run on the pool; its outcome is read once the task is done. */
  private static final class Slot implements Callable<Slot> {
    final LabService service;
    private final LabContext ctx;
    private final AtomicBoolean stopping;
    private final boolean required;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    volatile boolean began;
    private boolean stopped;
    Map<String, String> variables;
    Throwable failure;
    long nanos;

    Slot(LabService service, LabContext ctx, AtomicBoolean stopping, boolean required) {
      this.service = service;
      this.ctx = ctx.withProgress(lines::add);
      this.stopping = stopping;
      this.required = required;
    }

    @Override
    public Slot call() {
      if (stopping.get()) {
        return this;
      }
      began = true;
      long t0 = System.nanoTime();
      try {
        variables = new LinkedHashMap<>(service.start(ctx));
      } catch (Throwable e) {
        failure = e;
        if (required || !unavailable()) {
          // Set here, not when the caller hears of it: this thread's next service must not begin.
          stopping.set(true);
        }
      }
      nanos = System.nanoTime() - t0;
      return this;
    }

    boolean unavailable() {
      return failure instanceof LabService.Unavailable;
    }

    /**
     * The failure that stops the lab, if any. A service left out is closed here (it may have
     * started one twin before finding the other's server missing).
     */
    Throwable judge() {
      if (!began || failure == null) {
        return null;
      }
      if (!unavailable()) {
        return failure;
      }
      stop();
      return required
          ? new LabService.Unavailable(service.name() + " is needed here: " + failure.getMessage())
          : null;
    }

    /** The service's line, then those it wrote while starting. */
    void report(Consumer<String> progress) {
      if (!began) {
        return;
      }
      if (unavailable()) {
        progress.accept("- " + service.name() + ": left out: " + failure.getMessage());
        return;
      }
      progress.accept(String.format("- %s: up in %.1f s", service.name(), nanos / 1e9));
      synchronized (lines) {
        lines.forEach(progress);
      }
    }

    /** Closes the service once, if its start began (a part of it may be running). */
    void stop() {
      if (began && !stopped) {
        stopped = true;
        closeQuietly(service);
      }
    }

    static Exception rethrowable(Throwable t) {
      if (t instanceof Error e) {
        throw e;
      }
      return t instanceof Exception x ? x : new Exception(t);
    }
  }
}
