package dev.periksa.check.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A product's well-known default credentials, shipped as {@code credentials/<product>.txt}: one
 * {@code user:password} a line, {@code #} comments. Only ever reported masked.
 */
public final class DefaultCredentials {
  private DefaultCredentials() {}

  /** One default login. */
  public record Credential(String user, String password) {
    /** How a report names it: the user and a mask, never the password. */
    public String masked() {
      return user + "/••••••";
    }

    @Override
    public String toString() {
      return masked();
    }
  }

  /** The list for a product, e.g. "redis"; an unknown product has none. */
  public static List<Credential> of(String product) {
    String name = "/credentials/" + product + ".txt";
    try (InputStream in = DefaultCredentials.class.getResourceAsStream(name)) {
      if (in == null) {
        return List.of();
      }
      List<Credential> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        int colon = t.indexOf(':');
        if (colon <= 0) {
          throw new IllegalStateException(name + ": line " + n + " is not user:password");
        }
        out.add(new Credential(t.substring(0, colon), t.substring(colon + 1)));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
