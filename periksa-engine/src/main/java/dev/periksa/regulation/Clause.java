package dev.periksa.regulation;

/**
 * A clause of a law or standard, e.g. {@code hipaa:164.312(a)(1)}.
 *
 * @param id regulation key and citation; also the clause's Gherkin tag without '@'
 * @param title what the clause asks, in a line
 * @param url where its text can be read
 * @param remote false when no probe from outside can test the clause (its {@code why} says why);
 *     null or true otherwise
 * @param why why the clause cannot be tested remotely; null when it can
 */
public record Clause(String id, String title, String url, Boolean remote, String why) {

  public Clause(String id, String title, String url) {
    this(id, title, url, null, null);
  }

  /** The regulation key, e.g. {@code hipaa}. */
  public String regulation() {
    return id.substring(0, id.indexOf(':'));
  }

  /** The citation within the regulation, e.g. {@code 164.312(a)(1)}. */
  public String citation() {
    return id.substring(id.indexOf(':') + 1);
  }

  /** Whether the catalogue declares that no outside probe can test this clause. */
  public boolean notRemotelyTestable() {
    return Boolean.FALSE.equals(remote);
  }
}
