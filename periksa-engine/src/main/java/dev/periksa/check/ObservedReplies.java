package dev.periksa.check;

import dev.periksa.evidence.Evidence;
import dev.periksa.pii.PiiType;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the checks of a run on one target have already read over plain HTTP with personal data in
 * it, so another check that asks the same question (PII-1: does personal data cross in clear?)
 * takes the answer instead of fetching the same reply again. Only what is already redacted is kept:
 * the URL, who read it, the counts of personal data by type and the captured (redacted) evidence;
 * never a body. Bounded; thread-safe.
 */
public final class ObservedReplies {

  /** Most observations kept for one target. */
  public static final int MAX = 200;

  /** One plain-HTTP reply a check read, with personal data in it. */
  public record Observation(
      URI url, String check, String what, Map<PiiType, Integer> personalData, Evidence evidence) {
    public Observation {
      personalData = Map.copyOf(personalData);
    }
  }

  private final List<Observation> kept = new ArrayList<>();

  /**
   * Keeps a reply a check judged, when it was read over plain HTTP and carried personal data;
   * anything else is not kept.
   */
  public synchronized void record(
      URI url, String check, String what, Map<PiiType, Integer> personalData, Evidence evidence) {
    if (url == null
        || !"http".equalsIgnoreCase(url.getScheme())
        || personalData == null
        || personalData.isEmpty()
        || evidence == null
        || kept.size() >= MAX) {
      return;
    }
    kept.add(new Observation(url, check, what, new EnumMap<>(personalData), evidence));
  }

  /** The observations on one origin (scheme, host and port of {@code base}), first read first. */
  public synchronized List<Observation> on(URI base) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : kept) {
      if (sameOrigin(o.url(), base)) {
        out.add(o);
      }
    }
    return out;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() > 0) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
