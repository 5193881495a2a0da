@STO-5 @hipaa:164.312(a)(1) @hipaa:164.312(d) @owasp-api:API1:2023 @owasp-api:API2:2023
Feature: STO-5 Health APIs refuse resource reads without a token
  Health data now travels through standard APIs: FHIR for records (patients, test results,
  diagnoses) and DICOMweb for medical images. An API that answers a stranger's search exposes the
  same records an open database would, one query at a time.

  A system that holds health data is certified only if every health API it runs refuses to serve
  patient resources to a caller without a token. A FHIR server's capability statement (/metadata)
  is public by design and does not count. Exposure is proven by two signals in the replies, such as
  a search Bundle that counts records and entries of the resource type asked for; Periksa then reads
  at most two resources of at most three types and rates the finding by what they hold. An archive
  that speaks the DICOM network protocol (DIMSE) has no tokens; its gate is the AE titles it accepts,
  so it must refuse an association or a study query (C-FIND) from an AE title it does not know.

  Scenario Outline: A stranger asks every declared <product> API for patient records
    When a stranger asks each "<product>" health API the target declares for patient records, without a token
    Then none of them serves a patient's record

    Examples:
      | product  |
      | FHIR     |
      | DICOMweb |
      | DICOM    |
