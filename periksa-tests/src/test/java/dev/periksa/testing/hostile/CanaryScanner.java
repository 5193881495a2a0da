package dev.periksa.testing.hostile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds any raw value of the hostile lab's patients (name, address, NIK, phone, token) in a text,
 * in one pass per kind, so megabytes of report are searched for tens of thousands of values in
 * milliseconds. Hits name the kind and position, never the value.
 */
public final class CanaryScanner {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{10,}");
  private static final Pattern WORDS =
      Pattern.compile("(?=(\\b\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){1,2})\\b)");
  private static final Pattern STREET =
      Pattern.compile("(?:Jalan|Gang) [\\p{L} ]{3,40}? No\\. \\d+");
  private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");

  private final Set<String> numbers = new HashSet<>();
  private final Set<String> names = new HashSet<>();
  private final Set<String> streets = new HashSet<>();
  private final Set<String> tokens = new HashSet<>();
  private final Set<String> literals = new HashSet<>();
  private final java.util.SortedSet<Integer> lengths = new java.util.TreeSet<>();

  /**
   * A scanner for another lab's values: identity and phone numbers (digits only, any length of 10
   * or more), names, street addresses (up to the house number, "Jalan … No. 12"), tokens and
   * literals.
   */
  public CanaryScanner(
      java.util.Collection<String> numbers,
      java.util.Collection<String> names,
      java.util.Collection<String> streets,
      java.util.Collection<String> tokens,
      java.util.Collection<String> literals) {
    this.numbers.addAll(numbers);
    this.names.addAll(names);
    this.streets.addAll(streets);
    this.tokens.addAll(tokens);
    this.literals.addAll(literals);
    this.numbers.forEach(n -> lengths.add(n.length()));
  }

  /**
   * @param patients how many of the lab's patients to know
   * @param literals further values searched as they are (passwords)
   */
  public CanaryScanner(int patients, List<String> literals) {
    for (int i = 0; i < patients; i++) {
      Patients.Patient p = Patients.patient(i);
      numbers.add(p.nik());
      numbers.add(p.phone());
      names.add(p.name());
      names.add(p.name().substring(p.name().indexOf(' ') + 1));
      streets.add(p.address().substring(0, p.address().indexOf(" RT ")));
      if (i % 4 == 1) {
        tokens.add(Patients.token(i));
      }
    }
    this.literals.addAll(literals);
    numbers.forEach(n -> lengths.add(n.length()));
  }

  /** Raw values in a text, as "where: kind at position". */
  public List<String> findIn(String where, String text) {
    List<String> hits = new ArrayList<>();
    Matcher d = DIGITS.matcher(text);
    while (d.find()) {
      String run = d.group();
      for (int len : lengths) {
        for (int i = 0; i + len <= run.length(); i++) {
          if (numbers.contains(run.substring(i, i + len))) {
            hits.add(where + ": " + (len == 16 ? "NIK" : "phone") + " at " + (d.start() + i));
          }
        }
      }
    }
    Matcher w = WORDS.matcher(text);
    while (w.find()) {
      String s = w.group(1);
      // Three capitalised words may be a two-word name followed by another capitalised word.
      int second = s.indexOf(' ', s.indexOf(' ') + 1);
      if (names.contains(s) || (second > 0 && names.contains(s.substring(0, second)))) {
        hits.add(where + ": name at " + w.start());
      }
    }
    Matcher st = STREET.matcher(text);
    while (st.find()) {
      if (streets.contains(st.group())) {
        hits.add(where + ": address at " + st.start());
      }
    }
    Matcher j = JWT.matcher(text);
    while (j.find()) {
      if (tokens.contains(j.group())) {
        hits.add(where + ": token at " + j.start());
      }
    }
    for (String l : literals) {
      if (text.contains(l)) {
        hits.add(where + ": password");
      }
    }
    return hits;
  }
}
