package dev.periksa.pii;

/** What kind of harm a piece of personal data carries; severity is derived from these. */
public enum PiiCategory {
  /** Identifies a person by an official number: NIK, passport. */
  IDENTITY,
  /** Says something about a person's health: test results, diagnoses. */
  HEALTH,
  /** Other personal data: names, phones, emails, addresses, birth dates. */
  PERSONAL
}
