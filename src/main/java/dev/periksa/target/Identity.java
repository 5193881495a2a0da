package dev.periksa.target;

import java.util.List;

/**
 * A test identity declared in a profile; checks that need credentials use only these.
 *
 * @param name how endpoints and checks refer to it
 * @param username login name
 * @param password the secret, usually {@code ${ENV_VAR}}
 * @param owns ids of records this identity owns (for authorization checks)
 */
public record Identity(String name, String username, Secret password, List<String> owns) {
  public Identity {
    owns = owns == null ? List.of() : List.copyOf(owns);
  }
}
