package dev.periksa.pii.corpus;

import dev.periksa.pii.PiiType;
import java.util.ArrayList;
import java.util.List;

/** Text under construction that remembers where each labelled value went. */
final class Doc {
  private final StringBuilder text = new StringBuilder();
  private final List<Label> labels = new ArrayList<>();

  /** Appends plain text: nothing in it is labelled. */
  Doc t(String s) {
    text.append(s);
    return this;
  }

  /** Appends a true value of the given type. */
  Doc v(PiiType type, String value) {
    if (type == null) {
      return t(value);
    }
    labels.add(new Label(type, text.length(), text.length() + value.length()));
    text.append(value);
    return this;
  }

  /** Appends parts, labelling those that carry a type. */
  Doc parts(List<Part> parts) {
    for (Part p : parts) {
      v(p.type(), p.text());
    }
    return this;
  }

  int length() {
    return text.length();
  }

  /** The text as parts, labelled where a label covers them, for embedding in a JSON string. */
  List<Part> toParts() {
    List<Part> out = new ArrayList<>();
    int at = 0;
    for (Label l : labels) {
      if (l.start() > at) {
        out.add(Part.plain(text.substring(at, l.start())));
      }
      out.add(new Part(l.type(), text.substring(l.start(), l.end())));
      at = l.end();
    }
    if (at < text.length()) {
      out.add(Part.plain(text.substring(at)));
    }
    return out;
  }

  Sample sample(String id, String format) {
    return new Sample(id, format, text.toString(), List.copyOf(labels));
  }

  /** A piece of a value: labelled when {@code type} is not null. */
  record Part(PiiType type, String text) {
    static Part plain(String s) {
      return new Part(null, s);
    }
  }
}
