package dev.periksa.pii;

import java.util.ArrayList;
import java.util.List;

/** What the scanner finds in a text, written for assertions: "TYPE value", in order. */
final class Found {
  private Found() {}

  private static final PersonalDataScanner SCANNER = new PersonalDataScanner();

  /** "TYPE value" for each match, in order: the value is the exact span. */
  static List<String> found(String text) {
    List<String> out = new ArrayList<>();
    for (PiiMatch m : SCANNER.scan(text)) {
      out.add(m.type() + " " + text.substring(m.start(), m.end()));
    }
    return out;
  }
}
