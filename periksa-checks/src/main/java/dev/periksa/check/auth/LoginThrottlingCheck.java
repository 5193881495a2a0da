package dev.periksa.check.auth;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.auth.LoginProbes.Reply;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AUT-4 for HTTP APIs: is password guessing at a declared login slowed down or stopped?
 *
 * <p>Only the endpoint's declared {@code api.throttleIdentity} is ever aimed at (no such identity:
 * NOT_APPLICABLE). Its own password is sent once first, so a refusal later is the refusal of a real
 * account by a login that works (it cannot log in: INCONCLUSIVE; it is already locked, 429 or 423:
 * PASS). Then a burst of random, clearly wrong passwords follows, at most {@code
 * api.maxLoginAttempts} (30 by default, never more than 100) and within the profile's per-host rate
 * limit; the real password is never sent again afterwards, so nothing is unlocked or relocked.
 *
 * <p>PASS as soon as the login answers 429 or 423, answers with a lockout message it did not give
 * at first ("too many", "locked", "try again later"...), or slows down: with at least 10 replies,
 * the median time of the last 5 is at least 3 times the median of the first 5 and at least 1 s.
 * FAIL when every attempt of a budget of at least 10 got the same plain refusal at flat speed.
 * Anything else (a server error, a change of reply without a reason, a wrong password that logs in,
 * the API going silent, a budget too small to judge speed) is INCONCLUSIVE. Evidence holds the
 * number of attempts, the statuses by count, the timing and any Retry-After, never a password or a
 * reply body.
 */
@AutoService(Check.class)
public final class LoginThrottlingCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "AUT-4.login-throttling",
          "HTTP API logins slow down or stop password guessing",
          "HTTP API",
          List.of("AUT-4"),
          List.of("http"),
          List.of(307),
          "Limit failed logins per account and per client: answer 429 with Retry-After or lock"
              + " the account for a while after a few failures (NIST SP 800-63B 5.2.2 allows at"
              + " most 100), or add a growing delay; alert on bursts, and offer a second factor"
              + " for accounts that reach personal data.");

  /** Replies needed before a slowdown can be judged: two windows of {@link #WINDOW}. */
  static final int MIN_FOR_TIMING = 10;

  static final int WINDOW = 5;

  /** How much slower the last window must be than the first. */
  static final double GROWTH = 3.0;

  /** How slow the last window must be at least, in milliseconds. */
  static final long SLOW_MS = 1_000;

  /** Most wall time a burst may take, however slowly the API answers. */
  static final Duration MAX_BURST = Duration.ofSeconds(120);

  private static final Pattern LOCKOUT =
      Pattern.compile(
          "too many|locked|lockout|temporarily (?:blocked|disabled|suspended)"
              + "|try again (?:later|in)|rate.?limit|terkunci|terlalu banyak|coba lagi");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected List<Endpoint> targets(TargetContext ctx) {
    return LoginProbes.withLogin(ctx);
  }

  @Override
  protected void nothingToProbe(TargetContext ctx, CheckResult.Builder result) {
    if (!ctx.endpoints("http").isEmpty()) {
      result.part(
          Outcome.NOT_APPLICABLE,
          "no http endpoint declares a login (api.login), so there is no password to guess");
    }
  }

  /** Where a burst ended and why. */
  private enum End {
    BUDGET,
    THROTTLED,
    LOCKOUT_MESSAGE,
    SLOWED,
    WRONG_PASSWORD_WORKED,
    CHANGED,
    ODD,
    SILENT,
    OUT_OF_TIME
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    ApiSettings s = e.api();
    if (s.throttleIdentity() == null) {
      result.part(
          Outcome.NOT_APPLICABLE,
          e.name()
              + ": declares no api.throttleIdentity; Periksa guesses passwords only against an"
              + " account its owner set aside for it, never any other");
      return;
    }
    Optional<Identity> who = LoginProbes.throttleIdentity(ctx, s);
    if (who.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name() + ": the throttle identity '" + s.throttleIdentity() + "' is not declared");
      return;
    }
    Identity id = who.get();
    if (!id.canLogIn()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": the throttle identity '"
              + id.name()
              + "' has no password: there is no login of its own to compare the guesses with");
      return;
    }
    int budget =
        s.maxLoginAttempts() <= 0
            ? ApiSettings.DEFAULT_MAX_LOGIN_ATTEMPTS
            : Math.min(s.maxLoginAttempts(), ApiSettings.MAX_LOGIN_ATTEMPTS);
    ApiClient api = new ApiClient(ctx, e);
    String loginUrl = api.url(s.login().path()).toString();

    // The real password once, before the burst: proof the account and the login work.
    result.within(e.name() + "/own password");
    ApiClient.Login real = api.login(id);
    Reply first = Reply.of(real);
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("identity", id.name());
    before.put("reply", first.name().toLowerCase(Locale.ROOT));
    LoginProbes.retryAfter(real.response()).ifPresent(v -> before.put("retryAfter", v));
    result.observe(
        ctx.redactor()
            .capture(
                "login with the throttle identity's own password, before the burst",
                real.response().request(),
                real.response().status(),
                null,
                before));
    if (first == Reply.THROTTLED) {
      result.part(
          Outcome.PASS,
          e.name()
              + ": "
              + id.name()
              + " is already locked out ("
              + real.response().status()
              + LoginProbes.retryAfter(real.response()).map(v -> ", Retry-After " + v).orElse("")
              + "), from an earlier burst; no password was guessed");
      return;
    }
    if (first != Reply.SESSION) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": cannot log in as "
              + id.name()
              + " with its declared password ("
              + real.response().status()
              + "), so a burst of refusals would prove nothing");
      return;
    }

    result.within(e.name() + "/burst");
    String password = id.password().reveal();
    List<Integer> statuses = new ArrayList<>();
    List<Long> millis = new ArrayList<>();
    String retryAfter = null;
    byte[] firstBody = null;
    byte[] lastBody = null;
    int firstStatus = 0;
    End end = End.BUDGET;
    String silence = null;
    long started = System.nanoTime();
    for (int i = 0; i < budget; i++) {
      String wrong = "periksa-wrong-" + LoginProbes.randomHex(12);
      if (wrong.equals(password)) {
        continue;
      }
      ApiClient.Login l;
      long t0 = System.nanoTime();
      try {
        l = api.login(id.username(), wrong);
      } catch (ProbeException ex) {
        // A reply that never came may be the longest delay of all, or a block: judge the timing.
        millis.add((System.nanoTime() - t0) / 1_000_000);
        statuses.add(0);
        silence = ex.getMessage();
        end = slowed(millis) ? End.SLOWED : End.SILENT;
        break;
      }
      ProbeResponse r = l.response();
      statuses.add(r.status());
      millis.add(r.elapsed().toMillis());
      Optional<String> ra = LoginProbes.retryAfter(r);
      if (ra.isPresent()) {
        retryAfter = ra.get();
      }
      Reply reply = Reply.of(l);
      if (firstBody == null) {
        firstBody = r.body();
        firstStatus = r.status();
      }
      lastBody = r.body();
      if (reply == Reply.THROTTLED) {
        end = End.THROTTLED;
        break;
      }
      if (reply == Reply.SESSION) {
        end = End.WRONG_PASSWORD_WORKED;
        break;
      }
      if (reply == Reply.ODD) {
        end = End.ODD;
        break;
      }
      boolean sameReply = r.status() == firstStatus && Arrays.equals(r.body(), firstBody);
      if (!sameReply && lockout(r.body()) && !lockout(firstBody)) {
        end = End.LOCKOUT_MESSAGE;
        break;
      }
      if (r.status() != firstStatus) {
        end = End.CHANGED;
        break;
      }
      if (slowed(millis)) {
        end = End.SLOWED;
        break;
      }
      if (Duration.ofNanos(System.nanoTime() - started).compareTo(MAX_BURST) > 0) {
        end = End.OUT_OF_TIME;
        break;
      }
    }
    long total = (System.nanoTime() - started) / 1_000_000;

    Map<String, Integer> counts = LoginProbes.byCount(statuses);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("identity", id.name());
    facts.put("budget", budget);
    facts.put("attempts", statuses.size());
    facts.put("statuses", counts);
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("firstMedianMs", LoginProbes.median(head(millis)));
    timing.put("lastMedianMs", LoginProbes.median(tail(millis)));
    timing.put("minMs", millis.stream().mapToLong(Long::longValue).min().orElse(0));
    timing.put("maxMs", millis.stream().mapToLong(Long::longValue).max().orElse(0));
    timing.put("totalMs", total);
    facts.put("timing", timing);
    if (retryAfter != null) {
      facts.put("retryAfter", retryAfter);
    }
    facts.put("ended", end.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    if (silence != null) {
      facts.put("error", silence);
    }
    Evidence burst =
        ctx.redactor()
            .capture(
                "burst of wrong passwords for " + id.name(), "POST " + loginUrl, 0, null, facts);
    result.observe(burst);

    String n = statuses.size() + " wrong password" + (statuses.size() == 1 ? "" : "s");
    String speed =
        "median "
            + timing.get("firstMedianMs")
            + " ms over the first "
            + Math.min(WINDOW, millis.size())
            + ", "
            + timing.get("lastMedianMs")
            + " ms over the last "
            + Math.min(WINDOW, millis.size());
    switch (end) {
      case THROTTLED:
        result.part(
            Outcome.PASS,
            e.name()
                + ": stopped guessing at attempt "
                + statuses.size()
                + " ("
                + statuses.get(statuses.size() - 1)
                + (retryAfter != null ? ", Retry-After " + retryAfter : "")
                + ")");
        return;
      case LOCKOUT_MESSAGE:
        result.part(
            Outcome.PASS,
            e.name()
                + ": answered with a lockout message at attempt "
                + statuses.size()
                + " ("
                + statuses.get(statuses.size() - 1)
                + ")");
        return;
      case SLOWED:
        result.part(Outcome.PASS, e.name() + ": slowed down over " + n + " (" + speed + ")");
        return;
      case WRONG_PASSWORD_WORKED:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": a random wrong password gave a session for "
                + id.name()
                + ", so the login does not check passwords as expected; throttling cannot be"
                + " judged");
        return;
      case ODD:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": wrong password "
                + statuses.size()
                + " got "
                + statuses.get(statuses.size() - 1)
                + ", neither a refusal nor a throttle ("
                + LoginProbes.describe(counts)
                + ")");
        return;
      case CHANGED:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": after "
                + n
                + " the login answered "
                + statuses.get(statuses.size() - 1)
                + " instead of "
                + firstStatus
                + " without saying why ("
                + LoginProbes.describe(counts)
                + ")");
        return;
      case SILENT:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": the login stopped answering after "
                + (statuses.size() - 1)
                + " wrong passwords ("
                + silence
                + "): a block or a failure, Periksa cannot tell");
        return;
      case OUT_OF_TIME:
        result.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": "
                + n
                + " took longer than "
                + MAX_BURST.toSeconds()
                + " s without a throttle or a clear slowdown ("
                + speed
                + ")");
        return;
      default:
        break;
    }
    if (statuses.size() < MIN_FOR_TIMING) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": "
              + n
              + " were all refused alike, but a budget of "
              + budget
              + " is too small to judge a slowdown (at least "
              + MIN_FOR_TIMING
              + ")");
      return;
    }
    if (!Arrays.equals(lastBody, firstBody) && lockout(lastBody)) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": "
              + n
              + " were refused with the same status, but the wording changed and speaks of a"
              + " lockout; Periksa cannot tell whether guessing was stopped");
      return;
    }
    Severity severity =
        s.personalData().isEmpty()
            ? WeaknessRule.GUESSING_NOT_THROTTLED.severity()
            : WeaknessRule.GUESSING_NOT_THROTTLED_BEFORE_PERSONAL_DATA.severity();
    Finding f =
        new Finding(
            String.format(
                "The login lets anyone guess passwords: %d wrong passwords for %s in %.1f s, every"
                    + " one refused alike (%s), no slowdown (%s)",
                statuses.size(), id.name(), total / 1000.0, LoginProbes.describe(counts), speed),
            loginUrl,
            severity,
            List.of(burst),
            METADATA.remediation());
    result.fail(f, e.name() + ": " + n + " refused alike at flat speed, never throttled");
  }

  /** The growing-delay rule (see the class comment). */
  static boolean slowed(List<Long> millis) {
    if (millis.size() < MIN_FOR_TIMING) {
      return false;
    }
    long first = LoginProbes.median(head(millis));
    long last = LoginProbes.median(tail(millis));
    return last >= SLOW_MS && last >= GROWTH * first;
  }

  static boolean lockout(byte[] body) {
    if (body == null || body.length == 0) {
      return false;
    }
    return LOCKOUT
        .matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(Locale.ROOT))
        .find();
  }

  private static List<Long> head(List<Long> xs) {
    return xs.subList(0, Math.min(WINDOW, xs.size()));
  }

  private static List<Long> tail(List<Long> xs) {
    return xs.subList(Math.max(0, xs.size() - WINDOW), xs.size());
  }

  @Override
  public String proof() {
    return """
        only against `api.throttleIdentity` (none declared: not applicable): its own password once
        before the burst (it must log in; already locked counts as throttled), then at most
        `api.maxLoginAttempts` random wrong passwords (30 by default, never more than 100) within
        the rate limit, never the real password afterwards; passes on 429/423, a lockout message
        it did not give at first, or a slowdown (with 10 or more replies, the median of the last 5
        at least 3 times the first 5 and at least 1 s); fails when every attempt got the same
        plain refusal at flat speed; evidence holds attempts, statuses by count, timing and
        Retry-After
        """;
  }
}
