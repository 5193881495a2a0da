package dev.periksa.check.auth;

import dev.periksa.check.TargetContext;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the login checks (AUT-2, AUT-4, AUT-5) share: how a login reply reads, which declared paths
 * a session can read, random throwaway values, and statistics of a burst. Nothing here keeps a
 * password, token or cookie value beyond the call that uses it.
 */
final class LoginProbes {
  private LoginProbes() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  /** How a login reply reads. */
  enum Reply {
    /** 2xx with a token or a session cookie. */
    SESSION,
    /** 429 Too Many Requests or 423 Locked. */
    THROTTLED,
    /** 400, 401, 403 or 422: the credentials were refused. */
    REFUSED,
    /** 2xx without a token or cookie: a refusal or a login Periksa cannot follow. */
    SILENT,
    /** Anything else: a redirect, 404, 405, a server error. */
    ODD;

    static Reply of(ApiClient.Login l) {
      int s = l.response().status();
      if (l.ok()) {
        return SESSION;
      }
      if (s == 429 || s == 423) {
        return THROTTLED;
      }
      if (s == 400 || s == 401 || s == 403 || s == 422) {
        return REFUSED;
      }
      if (s >= 200 && s < 300) {
        return SILENT;
      }
      return ODD;
    }
  }

  /** Random lowercase hex, {@code bytes * 2} characters. */
  static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The endpoints of kind http that declare a login form. */
  static List<Endpoint> withLogin(TargetContext ctx) {
    return ctx.endpoints("http").stream()
        .filter(e -> e.api() != null && e.api().login() != null)
        .toList();
  }

  /** The declared throttle identity of an API, if it names one the profile declares. */
  static Optional<Identity> throttleIdentity(TargetContext ctx, ApiSettings s) {
    if (s == null || s.throttleIdentity() == null) {
      return Optional.empty();
    }
    return ctx.profile().identity(s.throttleIdentity());
  }

  /**
   * The declared personal-data paths made concrete for a reader: {@code {id}} is replaced by the
   * first record the owner owns, and paths with {@code {id}} are left out when there is none.
   *
   * @param listsFirst put paths without {@code {id}} (lists) before record paths
   */
  static List<String> readablePaths(ApiSettings s, Identity owner, boolean listsFirst) {
    List<String> lists = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (String p : s.personalData()) {
      if (!p.contains("{id}")) {
        (listsFirst ? lists : out).add(p);
      } else if (owner != null && !owner.owns().isEmpty()) {
        out.add(ApiClient.fill(p, owner.owns().get(0)));
      }
    }
    lists.addAll(out);
    return lists;
  }

  /** The first declared identity (of the API's list, then of the profile) that owns a record. */
  static Identity someOwner(TargetContext ctx, ApiClient api) {
    for (Identity i : api.identities()) {
      if (!i.owns().isEmpty()) {
        return i;
      }
    }
    for (Identity i : ctx.profile().identities()) {
      if (!i.owns().isEmpty()) {
        return i;
      }
    }
    return null;
  }

  /** Statuses by count, keyed by the status as text, in order of status. */
  static Map<String, Integer> byCount(List<Integer> statuses) {
    Map<Integer, Integer> m = new TreeMap<>();
    statuses.forEach(s -> m.merge(s, 1, Integer::sum));
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** "401 ×30, 429 ×1", for a reason line. */
  static String describe(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((k, v) -> parts.add(k + " ×" + v));
    return String.join(", ", parts);
  }

  /** The median of some numbers (the mean of the middle two for an even count). */
  static long median(List<Long> xs) {
    if (xs.isEmpty()) {
      return 0;
    }
    List<Long> s = new ArrayList<>(xs);
    s.sort(null);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** A reply's {@code Retry-After}, if it has one (a number of seconds or a date, as sent). */
  static Optional<String> retryAfter(ProbeResponse r) {
    return r.header("retry-after")
        .map(String::strip)
        .filter(v -> v.matches("[0-9A-Za-z ,:]{1,40}"));
  }
}
