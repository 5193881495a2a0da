package dev.periksa.probe;

import java.util.Objects;

/**
 * How much of a reply's body was read: all of it, a part cut at the body cap, or a part after which
 * reading failed (a stall, a reset, a body shorter than announced, a compression bomb, a body
 * labelled JSON that does not parse). What was read of a truncated or unreadable reply can support
 * a FAIL (what was seen was seen), never a PASS.
 *
 * @param state complete, truncated or unreadable
 * @param why what happened, in words a person reads; empty when complete
 */
public record Reading(State state, String why) {

  /** Whether the whole body was read. */
  public enum State {
    COMPLETE,
    TRUNCATED,
    UNREADABLE
  }

  public static final Reading COMPLETE = new Reading(State.COMPLETE, "");

  public Reading {
    Objects.requireNonNull(state, "state");
    why = why == null ? "" : why;
  }

  public static Reading truncated(String why) {
    return new Reading(State.TRUNCATED, why);
  }

  public static Reading unreadable(String why) {
    return new Reading(State.UNREADABLE, why);
  }

  public boolean complete() {
    return state == State.COMPLETE;
  }

  @Override
  public String toString() {
    return complete() ? "complete" : state.name().toLowerCase(java.util.Locale.ROOT) + ": " + why;
  }
}
