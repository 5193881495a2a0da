package dev.periksa.check;

import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeLog;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one skeleton of a check that probes things on a target (endpoints, TLS services): it owns the
 * loop over them and everything every check must do the same way, so a check only says what it asks
 * and how it judges one of them.
 *
 * <ul>
 *   <li>Scope: a thing whose host is outside the profile's scope is never probed (INCONCLUSIVE),
 *       and a check that connects through a driver is admitted through the TCP probe (scope,
 *       stalled services, rate limit) before its driver may connect.
 *   <li>Stalled services: a service the run has given up on is INCONCLUSIVE at once.
 *   <li>No usable answer: a {@link ProbeException} from one thing makes that part INCONCLUSIVE with
 *       its reason, and the loop goes on.
 *   <li>Never PASS on what was not read: a part that would PASS (or be not applicable) while a
 *       reply it read was cut at the cap, cut short, stalled or did not parse becomes INCONCLUSIVE
 *       and says which reply; a FAIL stands (what was seen was seen).
 *   <li>Timing and time-outs: the result is registered with the run, so a check that runs out of
 *       time still reports its findings and its real elapsed time.
 * </ul>
 *
 * @param <T> what is probed, one at a time
 */
public abstract class ProbingCheck<T> implements Check {

  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of(
          "http", 80,
          "https", 443,
          "mongodb", 27017,
          "redis", 6379,
          "postgresql", 5432,
          "mysql", 3306,
          "memcached", 11211,
          "dicom", 104);

  @Override
  public final CheckResult run(TargetContext ctx) {
    CheckResult.Builder result = ctx.run().begin(metadata());
    List<T> targets = targets(ctx);
    if (targets.isEmpty()) {
      nothingToProbe(ctx, result);
    }
    for (T t : targets) {
      one(ctx, t, result);
    }
    conclude(ctx, result);
    return result.build();
  }

  private void one(TargetContext ctx, T t, CheckResult.Builder result) {
    String name = name(t);
    URI at = address(t);
    String host = at.getHost();
    int port = port(at);
    result.within(name);
    try {
      if (host == null || !ctx.profile().scope().allows(host)) {
        result.part(
            Outcome.INCONCLUSIVE,
            name
                + ": not probed: "
                + (host == null ? at : host)
                + " is outside the target's scope");
        return;
      }
      Optional<String> givenUp = ctx.http().health().givenUp(host, port);
      if (givenUp.isPresent()) {
        result.part(Outcome.INCONCLUSIVE, name + ": " + givenUp.get());
        return;
      }
      int logMark = ctx.log().mark();
      int partMark = result.mark();
      try {
        if (connectsThroughDriver()) {
          ctx.tcp().admit(host, port);
        }
        probe(ctx, t, result);
      } catch (ProbeException e) {
        result.unanswered(unansweredTitle(t), at.toString(), name, e.getMessage());
      } catch (RuntimeException e) {
        if (ctx.log().closed()) {
          throw e;
        }
        result.part(
            Outcome.INCONCLUSIVE,
            name
                + ": the check stopped on an error here: "
                + (e.getMessage() == null ? "an internal error" : e.getMessage()));
      }
      List<ProbeLog.Entry> doubtful =
          ctx.log().since(logMark).stream().filter(ProbeLog.Entry::doubtful).toList();
      if (!doubtful.isEmpty()) {
        ProbeLog.Entry first = doubtful.get(0);
        result.doubtPassesSince(
            partMark,
            name
                + ": a reply was not read whole, so absence cannot be shown ("
                + first.request()
                + ": "
                + first.reading().why()
                + (doubtful.size() > 1 ? "; and " + (doubtful.size() - 1) + " more" : "")
                + ")");
      }
    } finally {
      result.within("");
    }
  }

  /** What this check probes on the target, in order. */
  protected abstract List<T> targets(TargetContext ctx);

  /** A short name for reports. */
  protected abstract String name(T t);

  /** Where it answers: scheme, host and port (the scheme's usual port when none is given). */
  protected abstract URI address(T t);

  /** Probes one, recording its parts, observations and findings. */
  protected abstract void probe(TargetContext ctx, T t, CheckResult.Builder result);

  /** After the loop: parts that judge the whole target. Nothing by default. */
  protected void conclude(TargetContext ctx, CheckResult.Builder result) {}

  /**
   * When there is nothing to probe; by default nothing is recorded, which makes the check not
   * applicable with the standard reason.
   */
  protected void nothingToProbe(TargetContext ctx, CheckResult.Builder result) {}

  /** Whether the check connects through a driver the probes do not see (JDBC, MongoDB). */
  protected boolean connectsThroughDriver() {
    return false;
  }

  /** The title of the observation kept when one gives no usable answer. */
  protected String unansweredTitle(T t) {
    return "no usable reply from " + name(t);
  }

  static int port(URI u) {
    if (u.getPort() > 0) {
      return u.getPort();
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    return DEFAULT_PORTS.getOrDefault(scheme, -1);
  }
}
