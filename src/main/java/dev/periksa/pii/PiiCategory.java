package dev.periksa.pii;

/** What kind of harm a piece of personal data carries; severity is derived from these. */
public enum PiiCategory {
  /** Identifies a person by an official number: NIK, passport. */
  IDENTITY,
  /** Says something about a person's health: test results, diagnoses. */
  HEALTH,
  /** Other personal data: names, phones, emails, addresses, birth dates. */
  PERSONAL,
  /**
   * Not personal data but a key to it: a bearer token. Masked like personal data, and left out of
   * the personal-data severity rule (the checks that find credentials rate them themselves).
   */
  CREDENTIAL
}
