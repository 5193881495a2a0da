package dev.periksa.probe;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a request led when its redirects were followed: every reply on the way, and why following
 * stopped. Only a chain that ended in a reply that is not a redirect ({@link Stop#FINAL}) says
 * where the request really leads; any judgment that depends on the end of a chain that stopped
 * otherwise is INCONCLUSIVE.
 *
 * @param replies every reply, the first one first
 * @param stop why following stopped
 * @param next the hop not taken (out of scope, a loop, past the limit, or unusable), else null
 */
public record Redirects(List<ProbeResponse> replies, Stop stop, URI next) {

  /** Why following stopped. */
  public enum Stop {
    /** The last reply is not a redirect. */
    FINAL,
    /** The next hop is on a host outside the profile's scope: recorded, never contacted. */
    OUT_OF_SCOPE,
    /** The next hop was visited before. */
    LOOP,
    /** More hops than the limit. */
    LIMIT,
    /** The Location header is not a usable http(s) URL. */
    BAD_LOCATION,
    /** The next hop, in scope, gave no reply (refused, reset, silent). */
    UNREACHABLE
  }

  public Redirects {
    replies = List.copyOf(replies);
    if (replies.isEmpty()) {
      throw new IllegalArgumentException("a chain has at least one reply");
    }
  }

  public ProbeResponse first() {
    return replies.get(0);
  }

  public ProbeResponse last() {
    return replies.get(replies.size() - 1);
  }

  /** Whether the chain reached a reply that is not a redirect. */
  public boolean complete() {
    return stop == Stop.FINAL;
  }

  /** The URLs of the chain, the hop not taken last. */
  public List<URI> urls() {
    List<URI> out = new ArrayList<>();
    replies.forEach(r -> out.add(r.url()));
    if (next != null) {
      out.add(next);
    }
    return out;
  }

  /** The chain in words: {@code http://a/ → 301 → https://a/ → 200}, and why it stopped. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (ProbeResponse r : replies) {
      if (b.length() > 0) {
        b.append(" → ");
      }
      b.append(r.url()).append(" (").append(r.status()).append(')');
    }
    switch (stop) {
      case FINAL -> {}
      case OUT_OF_SCOPE ->
          b.append(" → ").append(next).append(" (outside the scope, not followed)");
      case LOOP -> b.append(" → ").append(next).append(" (visited before: a redirect loop)");
      case LIMIT -> b.append(" → ").append(next).append(" (past the limit of hops, not followed)");
      case BAD_LOCATION -> b.append(" → an unusable Location");
      case UNREACHABLE -> b.append(" → ").append(next).append(" (no reply)");
    }
    return b.toString();
  }
}
