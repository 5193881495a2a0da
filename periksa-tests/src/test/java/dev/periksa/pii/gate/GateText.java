package dev.periksa.pii.gate;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.corpus.Label;
import dev.periksa.pii.corpus.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * One document being written: appends text and records each labelled value's span while it is
 * appended, so no label is ever found by searching the finished text.
 */
final class GateText {
  private final StringBuilder text = new StringBuilder();
  private final List<Label> labels = new ArrayList<>();

  /** Appends unlabelled text. */
  GateText t(String s) {
    text.append(s);
    return this;
  }

  GateText nl() {
    text.append('\n');
    return this;
  }

  GateText line(String s) {
    return t(s).nl();
  }

  /** Appends a value and labels exactly it. */
  GateText v(PiiType type, String value) {
    if (value.isBlank() || !value.equals(value.strip())) {
      throw new IllegalArgumentException("bad value for " + type + ": [" + value + "]");
    }
    int start = text.length();
    text.append(value);
    labels.add(new Label(type, start, text.length()));
    return this;
  }

  /** Appends a value, labelled when {@code type} is not null (null: the value is a negative). */
  GateText maybe(PiiType type, String value) {
    return type == null ? t(value) : v(type, value);
  }

  /** A value to be labelled (type not null) or not (null), for {@link #join}. */
  record V(PiiType type, String value) {}

  static V val(PiiType type, String value) {
    return new V(type, value);
  }

  /** Appends a String as text, a {@link V} as a (labelled) value, an Object[] part by part. */
  GateText put(Object part) {
    if (part instanceof V) {
      V v = (V) part;
      maybe(v.type(), v.value());
    } else if (part instanceof Object[]) {
      for (Object o : (Object[]) part) {
        put(o);
      }
    } else {
      t((String) part);
    }
    return this;
  }

  /** Appends the parts with a separator between them. */
  GateText join(String sep, Object... parts) {
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        t(sep);
      }
      put(parts[i]);
    }
    return this;
  }

  int length() {
    return text.length();
  }

  Sample sample(String id, String format) {
    return new Sample(id, format, text.toString(), List.copyOf(labels));
  }
}
