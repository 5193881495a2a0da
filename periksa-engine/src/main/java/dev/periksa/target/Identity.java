package dev.periksa.target;

import java.util.List;

/**
 * A test identity declared in a profile; checks that need credentials use only these. An identity
 * logs in with a username and password (through an API's login form, or a database's or store's own
 * authentication), or carries a credential it was given: a bearer token, or an API key sent in a
 * header. A check that needs what an identity lacks (a password to log in with, a token to forge
 * from) says so and is INCONCLUSIVE or not applicable.
 *
 * @param name how endpoints and checks refer to it
 * @param username login name, or null for a token or key alone
 * @param password the secret, usually {@code ${ENV_VAR}}, or null
 * @param owns ids of records this identity owns (for authorization checks)
 * @param token a bearer token the identity uses instead of logging in, or null
 * @param apiKey an API key the identity sends instead of logging in, or null
 * @param apiKeyHeader the header that carries the API key ({@link #DEFAULT_API_KEY_HEADER})
 */
public record Identity(
    String name,
    String username,
    Secret password,
    List<String> owns,
    Secret token,
    Secret apiKey,
    String apiKeyHeader) {

  /** The header an API key goes in unless the profile names another. */
  public static final String DEFAULT_API_KEY_HEADER = "X-API-Key";

  public Identity {
    owns = owns == null ? List.of() : List.copyOf(owns);
    apiKeyHeader = apiKeyHeader == null ? DEFAULT_API_KEY_HEADER : apiKeyHeader;
  }

  /** An identity that logs in with a username and password. */
  public Identity(String name, String username, Secret password, List<String> owns) {
    this(name, username, password, owns, null, null, null);
  }

  /** Whether it can log in: it has both a username and a password. */
  public boolean canLogIn() {
    return username != null && password != null;
  }

  /**
   * The headers that present this identity to an HTTP service: its bearer token, its API key, or
   * HTTP Basic with its username and password, in that order of preference; empty when it has none
   * of them.
   */
  public java.util.Map<String, String> httpHeaders() {
    if (token != null) {
      return java.util.Map.of("Authorization", "Bearer " + token.reveal());
    }
    if (apiKey != null) {
      return java.util.Map.of(apiKeyHeader, apiKey.reveal());
    }
    if (canLogIn()) {
      String pair = username + ":" + password.reveal();
      return java.util.Map.of(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return java.util.Map.of();
  }

  /** Whether it carries a credential of its own (a token or an API key): no login needed. */
  public boolean hasCredential() {
    return token != null || apiKey != null;
  }
}
