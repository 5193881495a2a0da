package dev.periksa.pii;

/** What kind of harm a piece of personal data carries; severity is derived from these. */
public enum PiiCategory {
  /** Identifies a person by an official number: NIK, passport, BPJS, SSN, medical record. */
  IDENTITY,
  /** Says something about a person's health: test results, diagnoses. */
  HEALTH,
  /** Other personal data: names, phones, emails, addresses, birth dates. */
  PERSONAL,
  /**
   * A person's financial data: payment card and bank account numbers. UU PDP (Law 27/2022, art.
   * 4(2)) lists personal financial data with health data as specific personal data, so severity
   * weighs it like health data.
   */
  FINANCIAL,
  /**
   * Not personal data but a key to it: a bearer token. Masked like personal data, and left out of
   * the personal-data severity rule (the checks that find credentials rate them themselves).
   */
  CREDENTIAL
}
