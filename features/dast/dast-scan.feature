@DAST-1 @owasp-api:API8:2023
Feature: DAST-1 A DAST scan finds nothing at or above the threshold
  QA teams and CI pipelines already run OWASP ZAP: a spider walks the application and an active
  scan sends it the requests an attacker would. What ZAP finds belongs in the same certificate as
  every other requirement, and a system that holds health data needs rules that know what health
  data looks like: identity numbers in a reply or a URL, an open search cluster behind a web page,
  personal data over plain HTTP.

  A system that holds health data is certified only if a ZAP scan of the bases its profile names,
  held to those bases and to a time budget, raises no alert at or above the profile's threshold
  (by default risk Medium with confidence Medium or higher). Periksa runs a ZAP of its own with its
  health-data rules, or drives the organisation's ZAP with all of its rules. An alert a reviewer
  judged a false positive is listed in the profile with its justification and shown, not counted.
  A scan that could not run to its end, or a ZAP that could not be used, proves nothing.

  Scenario Outline: <scanner> spiders the target's bases and attacks them within the time budget
    When "<scanner>" spiders each base the target names for a DAST scan and actively scans it within the time budget
    Then no alert reaches the threshold, apart from those accepted as false positives

    Examples:
      | scanner   |
      | OWASP ZAP |
