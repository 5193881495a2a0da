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
    if (type == PiiType.ADDRESS) {
      // Only the street line is the address (the span convention): the generator writes the
      // kelurahan, city and postcode after a comma; an RT/RW after one still belongs to the street.
      int cut = value.indexOf(", ");
      while (cut >= 0 && value.startsWith("RT ", cut + 2)) {
        cut = value.indexOf(", ", cut + 2);
      }
      if (cut > 0) {
        v(type, value.substring(0, cut));
        return t(value.substring(cut));
      }
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
