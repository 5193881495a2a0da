package dev.periksa.target;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/** A credential value from a profile. Prints as a mask so it never reaches a log or report. */
public final class Secret {
  private final String value;

  @JsonCreator
  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The clear value, for the one place that sends it. */
  public String reveal() {
    return value;
  }

  @JsonValue
  @Override
  public String toString() {
    return "••••••";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
