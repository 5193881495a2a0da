@PII-2 @asvs:8.3.1 @owasp-api:API8:2023
Feature: PII-2 No personal data in URLs or error messages
  URLs are written down everywhere: in access logs, proxy logs, browser history and the Referer
  header sent to other sites. Error messages are copied into client logs, monitoring tools and
  support tickets. Neither is protected as personal data, so neither may carry it.

  A system that holds health data is certified only if the URLs it hands out and takes carry no
  identity number or other personal data, and its error replies neither echo the input they choked
  on nor show a stack trace with personal data. Periksa reads the links, redirects and look-ups of
  each HTTP interface, and sends malformed requests carrying a synthetic identity number that
  belongs to nobody, to see whether it comes back.

  Scenario Outline: No personal data in the <product> of the target's HTTP interfaces
    When Periksa examines the "<product>" of each HTTP interface the target declares, sending a synthetic identity number where they take input
    Then no URL or error reply of them carries personal data

    Examples:
      | product       |
      | URLs          |
      | Error replies |
