package dev.periksa.zap;

import dev.periksa.probe.ProbeErrors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.zaproxy.clientapi.core.ApiResponse;
import org.zaproxy.clientapi.core.ApiResponseElement;
import org.zaproxy.clientapi.core.ApiResponseList;
import org.zaproxy.clientapi.core.ApiResponseSet;
import org.zaproxy.clientapi.core.ClientApi;
import org.zaproxy.clientapi.core.ClientApiException;

/**
 * One bounded DAST scan through ZAP's API: a context that includes only the given bases, the spider
 * from each base (within the context), then an active scan of the context, all within one time
 * budget, and the alerts the scan raised.
 *
 * <p>The spider may use at most half the budget; the active scan gets the rest and is stopped when
 * it runs out. Requests are paced to the profile's rate limit (ZAP's per-request delay, two threads
 * per host). Alerts are those the active scan raised plus any new ones on the bases (a user's ZAP
 * may run passive rules while spidering); alerts ZAP already held before are left out.
 */
public final class ZapScan {
  /** How often progress is polled. */
  static final Duration POLL = Duration.ofMillis(500);

  /** Most URLs the spider follows below one node. */
  static final int MAX_CHILDREN = 50;

  /** Most link depth the spider follows from a base. */
  static final int MAX_DEPTH = 5;

  private ZapScan() {}

  /**
   * What to scan.
   *
   * @param bases where the spider starts; nothing outside them is requested
   * @param budget most time for spider and active scan together
   * @param rateLimit most requests per second to one host
   */
  public record Request(List<URI> bases, Duration budget, double rateLimit) {
    public Request {
      bases = List.copyOf(bases);
    }
  }

  /**
   * What a scan found.
   *
   * @param alerts the alerts the scan raised, raw (redact before showing)
   * @param urls URLs the spider found in the bases
   * @param unreachable bases ZAP could not fetch at all
   * @param rules active scan rules enabled in ZAP
   * @param finished whether the active scan ran to its end within the budget
   * @param activePercent how far the active scan got
   * @param elapsed spider and active scan together
   * @param zapVersion the ZAP version that answered
   */
  public record Result(
      List<ZapAlert> alerts,
      int urls,
      List<URI> unreachable,
      int rules,
      boolean finished,
      int activePercent,
      Duration elapsed,
      String zapVersion) {}

  /** ZAP could not be used: unreachable, refused the key, or stopped answering mid-scan. */
  public static final class ZapException extends IOException {
    private static final long serialVersionUID = 1L;

    public ZapException(String message, Throwable cause) {
      super(message, cause);
    }

    public ZapException(String message) {
      super(message);
    }
  }

  /**
   * Runs the scan.
   *
   * @param alive whether the ZAP process still runs (a managed ZAP), to tell a crash from a refusal
   */
  public static Result run(
      ZapConnection zap, Request req, Consumer<String> progress, BooleanSupplier alive)
      throws ZapException {
    return new Run(zap, req, progress, alive).run();
  }

  /** The state of one scan, so that every API error can say in which phase it happened. */
  private static final class Run {
    private final ZapConnection zap;
    private final Request req;
    private final Consumer<String> progress;
    private final BooleanSupplier alive;
    private final ClientApi api;
    private String phase = "the first API call";

    Run(ZapConnection zap, Request req, Consumer<String> progress, BooleanSupplier alive) {
      this.zap = zap;
      this.req = req;
      this.progress = progress;
      this.alive = alive;
      this.api = zap.client();
    }

    Result run() throws ZapException {
      long t0 = System.nanoTime();
      long deadline = t0 + req.budget().toNanos();
      String version = element(call(() -> api.core.version()));
      phase = "setting up the scan";
      // An action needs the key even where views do not: a wrong key shows here, before any probe.
      Map<String, Set<String>> before = new LinkedHashMap<>();
      for (URI b : req.bases()) {
        before.put(b.toString(), alertIds(call(() -> api.alert.alerts(b.toString(), "0", "", ""))));
      }
      String context = "periksa-" + HexFormat.of().toHexDigits(new SecureRandom().nextInt());
      String contextId = element(call(() -> api.context.newContext(context)));
      List<String> activeIds = new ArrayList<>();
      try {
        for (URI b : req.bases()) {
          call(() -> api.context.includeInContext(context, includeRegex(b)));
        }
        configure();

        phase = "the spider";
        long spiderDeadline = t0 + req.budget().toNanos() / 2;
        int urls = 0;
        List<URI> unreachable = new ArrayList<>();
        for (URI b : req.bases()) {
          urls += spider(b, context, spiderDeadline);
          if (countList(call(() -> api.core.urls(base(b)))) == 0) {
            unreachable.add(b);
          }
        }
        int rules = enabledRules();
        if (unreachable.size() == req.bases().size() || rules == 0) {
          return new Result(List.of(), urls, unreachable, rules, true, 0, elapsed(t0), version);
        }

        phase = "the active scan";
        boolean finished = true;
        int percent = 0;
        List<URI> reachable = req.bases().stream().filter(b -> !unreachable.contains(b)).toList();
        for (int i = 0; i < reachable.size() && finished; i++) {
          URI b = reachable.get(i);
          String id =
              element(
                  call(
                      () ->
                          api.ascan.scan(
                              base(b), "true", "true", null, null, null, intId(contextId))));
          activeIds.add(id);
          int[] last = {-1};
          long lastPrint = 0;
          while (true) {
            int pct = number(call(() -> api.ascan.status(id)));
            int overall = (i * 100 + pct) / reachable.size();
            percent = overall;
            if (pct != last[0] && (pct == 100 || System.nanoTime() - lastPrint > 5_000_000_000L)) {
              progress.accept("active scan: " + overall + "%");
              last[0] = pct;
              lastPrint = System.nanoTime();
            }
            if (pct >= 100) {
              break;
            }
            if (System.nanoTime() >= deadline) {
              call(() -> api.ascan.stop(id));
              finished = false;
              progress.accept("active scan stopped at " + overall + "%: the time budget ran out");
              break;
            }
            sleep();
          }
        }

        phase = "reading the alerts";
        Set<String> seen = new LinkedHashSet<>();
        List<ZapAlert> alerts = new ArrayList<>();
        for (String id : activeIds) {
          for (String alertId : elements(call(() -> api.ascan.alertsIds(id)))) {
            if (seen.add(alertId)) {
              alerts.add(ZapAlert.of(call(() -> api.alert.alert(alertId))));
            }
          }
        }
        for (URI b : req.bases()) {
          ApiResponse all = call(() -> api.alert.alerts(b.toString(), "0", "", ""));
          if (all instanceof ApiResponseList l) {
            for (ApiResponse item : l.getItems()) {
              ZapAlert a = ZapAlert.of(item);
              if (!before.get(b.toString()).contains(a.id()) && seen.add(a.id())) {
                alerts.add(a);
              }
            }
          }
        }
        return new Result(
            alerts, urls, unreachable, rules, finished, percent, elapsed(t0), version);
      } finally {
        // An interrupted check must not leave ZAP attacking the target.
        for (String id : activeIds) {
          quietly(() -> api.ascan.stop(id));
        }
        quietly(() -> api.context.removeContext(context));
      }
    }

    private void configure() throws ZapException {
      int delay = req.rateLimit() > 0 ? (int) Math.ceil(1000.0 / req.rateLimit()) : 0;
      call(() -> api.spider.setOptionThreadCount(2));
      call(() -> api.spider.setOptionMaxDepth(MAX_DEPTH));
      call(() -> api.spider.setOptionMaxDuration(minutes(req.budget())));
      call(() -> api.ascan.setOptionThreadPerHost(2));
      call(() -> api.ascan.setOptionHostPerScan(1));
      call(() -> api.ascan.setOptionDelayInMs(delay));
      call(() -> api.ascan.setOptionMaxScanDurationInMins(minutes(req.budget())));
    }

    private int spider(URI b, String context, long deadline) throws ZapException {
      String id =
          element(
              call(
                  () ->
                      api.spider.scan(
                          base(b), String.valueOf(MAX_CHILDREN), "true", context, "true")));
      int last = -1;
      while (true) {
        int pct = number(call(() -> api.spider.status(id)));
        if (pct != last) {
          progress.accept("spider " + b + ": " + pct + "%");
          last = pct;
        }
        if (pct >= 100) {
          break;
        }
        if (System.nanoTime() >= deadline) {
          call(() -> api.spider.stop(id));
          progress.accept("spider " + b + " stopped at " + pct + "%: half the budget is spent");
          break;
        }
        sleep();
      }
      int found = countList(call(() -> api.spider.results(id)));
      quietly(() -> api.spider.removeScan(id));
      return found;
    }

    private int enabledRules() throws ZapException {
      ApiResponse r = call(() -> api.ascan.scanners("", ""));
      int n = 0;
      if (r instanceof ApiResponseList l) {
        for (ApiResponse item : l.getItems()) {
          if (item instanceof ApiResponseSet s
              && "true".equals(String.valueOf(s.getStringValue("enabled")))) {
            n++;
          }
        }
      }
      return n;
    }

    private ApiResponse call(ApiCall c) throws ZapException {
      try {
        return c.call();
      } catch (ClientApiException e) {
        throw classify(e);
      } catch (RuntimeException e) {
        throw new ZapException(
            "ZAP gave an unexpected reply during " + phase + ": " + e.getMessage(), e);
      }
    }

    private void quietly(ApiCall c) {
      try {
        c.call();
      } catch (ClientApiException | RuntimeException e) {
        // Clean-up only: the scan's outcome stands.
      }
    }

    /** Whether ZAP's own welcome page (served without a key) answers at the API address. */
    private boolean answersAsZap() {
      try {
        java.net.HttpURLConnection c =
            (java.net.HttpURLConnection) zap.url().resolve("/").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        c.setInstanceFollowRedirects(false);
        try (java.io.InputStream in = c.getInputStream()) {
          String page = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
          return c.getResponseCode() == 200 && page.contains("ZAP API UI");
        } finally {
          c.disconnect();
        }
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    private ZapException classify(ClientApiException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String code = e.getCode() == null ? "" : e.getCode();
      String msg = String.valueOf(e.getMessage());
      if (code.equals("bad_api_key")
          || msg.contains("bad_api_key")
          || msg.toLowerCase(java.util.Locale.ROOT).contains("api key")) {
        return new ZapException(
            zap.describe() + " refused the API key during " + phase + " (" + code + ")", e);
      }
      boolean noAnswer =
          root instanceof ConnectException
              || root instanceof SocketTimeoutException
              || root instanceof SocketException
              || root instanceof java.io.EOFException;
      if (noAnswer
          && phase.equals("the first API call")
          && !(root instanceof ConnectException)
          && answersAsZap()) {
        // ZAP 2.17 closes the connection without a reply when the key is wrong.
        return new ZapException(
            zap.describe()
                + " answers, but refused the API key: it drops every API call made with it",
            e);
      }
      if (noAnswer && phase.equals("the first API call")) {
        return new ZapException(
            "nothing usable answers at " + zap.url() + " (" + ProbeErrors.plain(root) + ")", e);
      }
      if (noAnswer || !alive.getAsBoolean()) {
        return new ZapException(
            zap.describe()
                + " stopped answering during "
                + phase
                + (alive.getAsBoolean() ? "" : " (its process has exited)")
                + ": "
                + ProbeErrors.plain(root),
            e);
      }
      return new ZapException(
          zap.describe() + " refused a call during " + phase + ": " + code + " " + msg, e);
    }
  }

  /**
   * {@code scheme://host[:port]/path} without query or fragment, and without a default port, as ZAP
   * writes the URLs of its site tree.
   */
  static String base(URI b) {
    String scheme = b.getScheme().toLowerCase(java.util.Locale.ROOT);
    String path = b.getRawPath() == null || b.getRawPath().isEmpty() ? "/" : b.getRawPath();
    boolean defaultPort = b.getPort() < 0 || b.getPort() == defaultPort(scheme);
    return scheme + "://" + b.getHost() + (defaultPort ? "" : ":" + b.getPort()) + path;
  }

  /** The context's include pattern for a base: everything below it, the default port optional. */
  static String includeRegex(URI b) {
    String scheme = b.getScheme().toLowerCase(java.util.Locale.ROOT);
    String path = b.getRawPath() == null || b.getRawPath().isEmpty() ? "/" : b.getRawPath();
    boolean defaultPort = b.getPort() < 0 || b.getPort() == defaultPort(scheme);
    String port =
        defaultPort ? "(?::" + defaultPort(scheme) + ")?" : Pattern.quote(":" + b.getPort());
    // A base without a trailing slash covers its own path and what is below it, not siblings.
    String below = path.endsWith("/") ? ".*" : "(?:[/?#].*)?";
    return Pattern.quote(scheme + "://" + b.getHost()) + port + Pattern.quote(path) + below;
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  private static Integer intId(String id) {
    try {
      return Integer.valueOf(id);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int minutes(Duration d) {
    return (int) Math.max(1, (d.toSeconds() + 59) / 60);
  }

  private static Duration elapsed(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  private static String element(ApiResponse r) throws ZapException {
    if (r instanceof ApiResponseElement e) {
      return e.getValue();
    }
    throw new ZapException("ZAP answered with a list or a set where a single value was expected");
  }

  private static int number(ApiResponse r) throws ZapException {
    try {
      return Integer.parseInt(element(r).strip());
    } catch (NumberFormatException e) {
      throw new ZapException("ZAP answered a progress that is not a number: " + e.getMessage());
    }
  }

  private static List<String> elements(ApiResponse r) {
    List<String> out = new ArrayList<>();
    if (r instanceof ApiResponseList l) {
      for (ApiResponse item : l.getItems()) {
        if (item instanceof ApiResponseElement e) {
          out.add(e.getValue());
        }
      }
    }
    return out;
  }

  private static int countList(ApiResponse r) {
    return r instanceof ApiResponseList l ? l.getItems().size() : 0;
  }

  private static Set<String> alertIds(ApiResponse r) {
    Set<String> ids = new LinkedHashSet<>();
    if (r instanceof ApiResponseList l) {
      for (ApiResponse item : l.getItems()) {
        if (item instanceof ApiResponseSet s && s.getStringValue("id") != null) {
          ids.add(s.getStringValue("id"));
        }
      }
    }
    return ids;
  }

  private static void sleep() throws ZapException {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ZapException("interrupted");
    }
  }

  @FunctionalInterface
  private interface ApiCall {
    ApiResponse call() throws ClientApiException;
  }
}
