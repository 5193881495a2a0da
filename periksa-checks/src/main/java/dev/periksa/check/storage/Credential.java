package dev.periksa.check.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A login a stranger tries: a user name with no password at all, an empty one, or a product default
 * from a shipped list ({@code credentials/<product>.txt}). Prints masked, so it can go into
 * evidence.
 *
 * @param user the user name
 * @param password the password sent; null when none is sent at all
 */
record Credential(String user, String password) {

  /** What replaces a password in anything written. */
  static final String MASK = "••••••";

  Credential {
    Objects.requireNonNull(user, "user");
  }

  static Credential withoutPassword(String user) {
    return new Credential(user, null);
  }

  /** The login as evidence may show it: {@code postgres/••••••}, never the password. */
  String masked() {
    if (password == null) {
      return user + " (no password)";
    }
    if (password.isEmpty()) {
      return user + " (empty password)";
    }
    return user + "/" + MASK;
  }

  /** How the stranger got in with it, for a finding's title. */
  String how() {
    if (password == null) {
      return "without a password";
    }
    if (password.isEmpty()) {
      return "with an empty password";
    }
    return "with a default password";
  }

  /**
   * Masks the password wherever a server or driver message repeats it. A password equal to the user
   * name cannot be told apart from the name and is left alone: drivers do not echo passwords.
   */
  String scrub(String message) {
    if (message == null) {
      return "";
    }
    if (password == null || password.isEmpty() || password.equals(user)) {
      return message;
    }
    return message.replace(password, MASK);
  }

  @Override
  public String toString() {
    return masked();
  }

  /**
   * Reads a shipped list: one {@code user:password} a line, the first colon splits, nothing after
   * it is an empty password; blank lines and {@code #} comments are skipped.
   */
  static List<Credential> list(String resource) {
    List<Credential> out = new ArrayList<>();
    try (InputStream in = Credential.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("credential list " + resource + " is not on the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        int colon = t.indexOf(':');
        if (colon <= 0) {
          throw new IllegalStateException(resource + " line " + n + ": expected user:password");
        }
        out.add(new Credential(t.substring(0, colon), t.substring(colon + 1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }
}
