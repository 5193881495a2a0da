package dev.periksa.pii;

/** A type of personal data the detectors recognise. */
public enum PiiType {
  NIK(PiiCategory.IDENTITY, "Indonesian national ID number (NIK)"),
  PASSPORT(PiiCategory.IDENTITY, "passport number"),
  TEST_RESULT(PiiCategory.HEALTH, "medical test result"),
  PHONE(PiiCategory.PERSONAL, "phone number"),
  EMAIL(PiiCategory.PERSONAL, "email address"),
  JWT(PiiCategory.CREDENTIAL, "JSON Web Token"),
  NAME(PiiCategory.PERSONAL, "person's name"),
  ADDRESS(PiiCategory.PERSONAL, "home address"),
  BIRTH_DATE(PiiCategory.PERSONAL, "date of birth"),
  BPJS(PiiCategory.IDENTITY, "BPJS Kesehatan (JKN-KIS) card number"),
  MEDICAL_RECORD_NUMBER(PiiCategory.IDENTITY, "medical record number"),
  SSN(PiiCategory.IDENTITY, "US Social Security number"),
  DIAGNOSIS(PiiCategory.HEALTH, "diagnosis code (ICD-10)"),
  PAYMENT_CARD(PiiCategory.FINANCIAL, "payment card number"),
  IBAN(PiiCategory.FINANCIAL, "bank account number (IBAN)"),
  /** Indonesian taxpayer number of a person: 15 digits (dotted) or, since 2024, 16. */
  NPWP(PiiCategory.IDENTITY, "Indonesian taxpayer number (NPWP)"),
  /** A domestic bank account number (not an IBAN), known from its context. */
  BANK_ACCOUNT(PiiCategory.FINANCIAL, "bank account number");

  private final PiiCategory category;
  private final String label;

  PiiType(PiiCategory category, String label) {
    this.category = category;
    this.label = label;
  }

  public PiiCategory category() {
    return category;
  }

  /** Words a regulator reads in a report. */
  public String label() {
    return label;
  }
}
