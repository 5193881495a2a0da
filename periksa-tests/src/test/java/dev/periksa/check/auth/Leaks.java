package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.periksa.check.CheckResult;
import dev.periksa.json.Json;
import dev.periksa.report.ResultModel;
import dev.periksa.testing.SharedLab;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Asserts that a serialised result carries no password, token or cookie value. */
final class Leaks {
  private Leaks() {}

  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*");

  /** The lab's throwaway passwords (every variable named like a password). */
  static List<String> labPasswords() {
    List<String> out = new ArrayList<>();
    SharedLab.get()
        .variables()
        .forEach(
            (k, v) -> {
              if (k.contains("PASSWORD") && v.length() >= 8) {
                out.add(v);
              }
            });
    return out;
  }

  /** Fails when the result, as results.json would carry it, holds a secret. */
  static String assertNone(CheckResult r, Collection<String> secrets) throws Exception {
    String json = Json.MAPPER.writeValueAsString(ResultModel.check(r));
    for (String s : secrets) {
      assertFalse(json.contains(s), "a password or token is in the result");
    }
    assertFalse(JWT.matcher(json).find(), "a JWT is in the result: " + json);
    assertFalse(json.contains("periksa-wrong-"), "a guessed password is in the result");
    assertFalse(json.contains("admin/admin") || json.contains("admin:admin"), json);
    assertFalse(json.contains("EHAC_SESSION="), "a cookie value is in the result: " + json);
    return json;
  }
}
