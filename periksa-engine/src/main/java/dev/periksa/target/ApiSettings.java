package dev.periksa.target;

import java.util.List;

/**
 * How an HTTP API ({@code kind: http}) authenticates and where it keeps personal data, for the
 * authentication and authorization checks.
 *
 * @param login how to log in, or null when the API has no login of its own
 * @param personalData paths that return personal data ({@code {id}} is replaced by a record id an
 *     identity owns); each must refuse a request without credentials
 * @param record path of one record, with {@code {id}}; identities' {@code owns} name its ids
 * @param identities identities that may log in to this API (the ones with owned records for the
 *     object-level authorization check)
 * @param throttleIdentity the identity the password-guessing burst is aimed at (it may be locked
 *     out for a while); only this one, never another account
 * @param maxLoginAttempts most wrong passwords the throttling check may send (default 30)
 * @param defaultCredentials names of shipped default-credential lists to try at the login ({@code
 *     credentials/<name>.txt}); empty means the generic list
 * @param jwks path where the API publishes its public keys, if it does (checked for RS256 to HS256
 *     key confusion); when absent, {@code /.well-known/jwks.json} is tried
 * @param search where the API looks people up by identity number, or null (the personal-data checks
 *     send it a synthetic canary number, never a real one)
 */
public record ApiSettings(
    Login login,
    List<String> personalData,
    String record,
    List<String> identities,
    String throttleIdentity,
    int maxLoginAttempts,
    List<String> defaultCredentials,
    String jwks,
    Search search,
    List<String> ownRecordsShow) {

  /**
   * What an identity may see of its own records in clear ({@code ownRecordsShow}): a patient portal
   * shows patients their own results; a traveller app needs only a decision.
   */
  public static final List<String> OWN_RECORD_DATA = List.of("nik", "passport", "test-result");

  public static final int DEFAULT_MAX_LOGIN_ATTEMPTS = 30;

  /** The hard ceiling on a throttling burst, whatever a profile says. */
  public static final int MAX_LOGIN_ATTEMPTS = 100;

  public ApiSettings {
    personalData = personalData == null ? List.of() : List.copyOf(personalData);
    identities = identities == null ? List.of() : List.copyOf(identities);
    defaultCredentials = defaultCredentials == null ? List.of() : List.copyOf(defaultCredentials);
    ownRecordsShow = ownRecordsShow == null ? List.of() : List.copyOf(ownRecordsShow);
  }

  /** Settings whose identities see nothing of their own records in clear. */
  public ApiSettings(
      Login login,
      List<String> personalData,
      String record,
      List<String> identities,
      String throttleIdentity,
      int maxLoginAttempts,
      List<String> defaultCredentials,
      String jwks,
      Search search) {
    this(
        login,
        personalData,
        record,
        identities,
        throttleIdentity,
        maxLoginAttempts,
        defaultCredentials,
        jwks,
        search,
        List.of());
  }

  /** Settings without a search, as the authentication checks need them. */
  public ApiSettings(
      Login login,
      List<String> personalData,
      String record,
      List<String> identities,
      String throttleIdentity,
      int maxLoginAttempts,
      List<String> defaultCredentials,
      String jwks) {
    this(
        login,
        personalData,
        record,
        identities,
        throttleIdentity,
        maxLoginAttempts,
        defaultCredentials,
        jwks,
        null);
  }

  /**
   * A look-up by identity number.
   *
   * @param path where the look-up is, e.g. {@code /api/v1/search}
   * @param field the name under which it takes the number, e.g. {@code nik} (a body field; whether
   *     the API also takes it in the query string is what the checks find out)
   */
  public record Search(String path, String field) {}

  /**
   * The login form.
   *
   * @param path where to send it, e.g. {@code /api/v1/auth/login}
   * @param format {@code json} (a JSON object) or {@code form} (url-encoded)
   * @param usernameField name of the user-name field
   * @param passwordField name of the password field
   * @param tokenField where the token is in a JSON reply, as a dotted path (e.g. {@code
   *     data.access_token}); null when the session is a cookie only
   */
  public record Login(
      String path, String format, String usernameField, String passwordField, String tokenField) {

    /** The encodings a login form may have. */
    public static final List<String> FORMATS = List.of("json", "form");

    /** The encoding unless the profile names another. */
    public static final String DEFAULT_FORMAT = "json";

    /** The user-name field unless the profile names another. */
    public static final String DEFAULT_USERNAME_FIELD = "username";

    /** The password field unless the profile names another. */
    public static final String DEFAULT_PASSWORD_FIELD = "password";
  }
}
