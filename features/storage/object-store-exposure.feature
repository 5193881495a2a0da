@STO-2 @hipaa:164.312(a)(1) @hipaa:164.312(d) @uu-pdp:35 @permenkes:29 @permenkes:30 @gdpr:5(1)(f) @gdpr:32 @owasp-api:API8:2023
Feature: STO-2 No object bucket lists or serves objects anonymously
  Exports of health data end up as files: CSV dumps of travellers, lab results, scanned forms.
  Kept in a cloud bucket that anyone may list, they leak as surely as an open database, and
  search engines for open buckets find them within days.

  A system that holds health data is certified only if every object store it runs refuses to list
  or serve objects to a stranger. Exposure is proven by two independent signals, such as a listing
  that names the bucket asked for and an object from it served to the same stranger (or the
  product's own error for an invented bucket). Periksa then reads the first few kilobytes of at
  most two objects per bucket and rates the finding by what they hold: identity numbers together
  with health data are critical. It writes nothing, except a marker object (deleted at once) in a
  fixture bucket the target profile names for that purpose.

  Scenario Outline: A stranger asks every declared <product> store to list and serve its objects
    When a stranger asks each "<product>" object store the target declares, without credentials, to list and serve its objects
    Then none of them lists or serves an object

    Examples:
      | product                    |
      | S3                         |
      | Google Cloud Storage       |
      | Azure Blob Storage         |
      | Firebase Realtime Database |
